package com.switchboard.assignment;

import java.util.List;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.device.AddDevice;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberId;
import com.switchboard.number.Numbers;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserDetails;
import com.switchboard.user.UserRequest;
import com.switchboard.user.UserView;
import com.switchboard.user.Users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up a user in one transaction: the person, their number, their device (an existing one or one
 * added right then). Any refusal rolls everything back, so there is never half a setup. Problems name
 * the part they belong to: {@code user.email}, {@code numberId}, {@code deviceId}, {@code newDevice.macAddress}.
 */
@Service
public class UserSetups {

    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;

    UserSetups(Users users, Numbers numbers, DeviceInventory devices) {
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
    }

    /** The checks of the person step, without adding anyone. */
    @Transactional(readOnly = true)
    public UserDetails checkPerson(CustomerId customerId, UserRequest person) {
        UserRequest request = person == null ? new UserRequest(null, null, null, null, null, null) : person;
        UserDetails details = prefixed("user.", request::details);
        prefixed("user.", () -> {
            users.check(customerId, details, null);
            return null;
        });
        return details;
    }

    @Transactional
    public UserProfile create(CustomerId customerId, UserSetup setup) {
        if (setup.deviceId() != null && setup.newDevice() != null) {
            throw Refused.field("deviceId", "assignment.device.one-or-new");
        }
        UserDetails details = checkPerson(customerId, setup.user());
        UserView user = prefixed("user.", () -> users.add(customerId, details));
        if (setup.numberId() != null) {
            numbers.assign(customerId, new NumberId(setup.numberId()), user.id(), user.siteId(), user.fullName());
        }
        DeviceId deviceId = null;
        if (setup.newDevice() != null) {
            UserSetup.NewDevice device = setup.newDevice();
            DeviceView added = prefixed("newDevice.", () -> devices.add(new AddDevice(customerId, user.siteId(),
                    DeviceModelId.of(device.modelId()), device.macAddress(), device.label())));
            deviceId = added.id();
        } else if (setup.deviceId() != null) {
            deviceId = new DeviceId(setup.deviceId());
        }
        if (deviceId != null) {
            devices.assign(customerId, deviceId, user.id(), user.siteId(), user.fullName());
        }
        return new UserProfile(user, numbers.ofUser(customerId, user.id()), devices.ofUser(customerId, user.id()));
    }

    /** Runs a step whose field problems belong under a part of the setup. */
    static <T> T prefixed(String prefix, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            List<FieldProblem> problems = e.fieldProblems().stream()
                    .map(p -> new FieldProblem(prefix + p.field(), p.code(), p.args())).toList();
            throw e.withFieldProblems(problems);
        }
    }
}
