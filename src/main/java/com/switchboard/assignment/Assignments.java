package com.switchboard.assignment;

import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberId;
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import com.switchboard.user.UserView;
import com.switchboard.user.Users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which number and device. The user's row is locked first, so that an assignment and the
 * removal of the same user never cross; the number or device is then taken only if still free.
 */
@Service
public class Assignments {

    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;

    Assignments(Users users, Numbers numbers, DeviceInventory devices) {
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
    }

    @Transactional(readOnly = true)
    public UserProfile profile(CustomerId customerId, UserId userId) {
        UserView user = users.get(customerId, userId);
        return new UserProfile(user, numbers.ofUser(customerId, userId), devices.ofUser(customerId, userId));
    }

    @Transactional
    public NumberView assignNumber(CustomerId customerId, NumberId numberId, Long userId) {
        numbers.get(customerId, numberId);
        UserView user = lockUser(customerId, userId);
        return numbers.assign(customerId, numberId, user.id(), user.siteId(), user.fullName());
    }

    @Transactional
    public NumberView unassignNumber(CustomerId customerId, NumberId numberId) {
        return numbers.unassign(customerId, numberId);
    }

    @Transactional
    public DeviceView assignDevice(CustomerId customerId, DeviceId deviceId, Long userId) {
        devices.get(customerId, deviceId);
        UserView user = lockUser(customerId, userId);
        return devices.assign(customerId, deviceId, user.id(), user.siteId(), user.fullName());
    }

    @Transactional
    public DeviceView unassignDevice(CustomerId customerId, DeviceId deviceId) {
        return devices.unassign(customerId, deviceId);
    }

    /** Removes a user, freeing their numbers and devices first; all in one transaction. */
    @Transactional
    public UserProfile removeUser(CustomerId customerId, UserId userId) {
        users.getForUpdate(customerId, userId);
        UserProfile before = profile(customerId, userId);
        numbers.freeAllOf(customerId, userId);
        devices.freeAllOf(customerId, userId);
        users.remove(customerId, userId);
        return before;
    }

    private UserView lockUser(CustomerId customerId, Long userId) {
        if (userId == null) {
            throw Refused.field("userId", "validation.required");
        }
        try {
            return users.getForUpdate(customerId, new UserId(userId));
        } catch (DomainException e) {
            throw NotFound.field("userId", "user.not-found");
        }
    }
}
