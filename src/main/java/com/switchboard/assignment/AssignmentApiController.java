package com.switchboard.assignment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceStatus;
import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberBody;
import com.switchboard.number.NumberId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.user.UserBody;
import com.switchboard.user.UserId;
import com.switchboard.user.UserRequest;
import com.switchboard.user.Users;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One user with their numbers and devices, the wizard in one call, and who holds which number and device. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Users")
class AssignmentApiController {

    private final Assignments assignments;
    private final UserSetups setups;
    private final Users users;
    private final CustomerScope scope;

    AssignmentApiController(Assignments assignments, UserSetups setups, Users users, CustomerScope scope) {
        this.assignments = assignments;
        this.setups = setups;
        this.users = users;
        this.scope = scope;
    }

    record DeviceSummary(long id, long siteId, String siteName, long modelId, String modelDisplayName, String macAddress,
                         String label, DeviceStatus status, Long assignedUserId, Instant createdAt) {

        static DeviceSummary of(DeviceView d) {
            return new DeviceSummary(d.id().value(), d.siteId().value(), d.siteName(), d.modelId().value(),
                    d.modelDisplayName(), d.macAddress().display(), d.label(), d.status(), d.assignedUserId(), d.createdAt());
        }
    }

    record ProfileBody(@JsonUnwrapped UserBody user, List<NumberBody> numbers, List<DeviceSummary> devices) {

        static ProfileBody of(UserProfile p) {
            return new ProfileBody(UserBody.of(p.user()), p.numbers().stream().map(NumberBody::of).toList(),
                    p.devices().stream().map(DeviceSummary::of).toList());
        }
    }

    record AssignRequest(Long userId) {
    }

    @GetMapping("/users/{userId}")
    ProfileBody user(@PathVariable long customerId, @PathVariable long userId) {
        return ProfileBody.of(assignments.profile(scope.require(customerId), new UserId(userId)));
    }

    @PatchMapping("/users/{userId}")
    ProfileBody change(@PathVariable long customerId, @PathVariable long userId, @RequestBody UserRequest body) {
        CustomerId customer = scope.require(customerId);
        UserId id = new UserId(userId);
        users.change(customer, id, body.over(users.get(customer, id)));
        return ProfileBody.of(assignments.profile(customer, id));
    }

    /** Frees the user's numbers and devices, then removes the user. */
    @DeleteMapping("/users/{userId}")
    ResponseEntity<Void> remove(@PathVariable long customerId, @PathVariable long userId) {
        assignments.removeUser(scope.require(customerId), new UserId(userId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/user-setups")
    ResponseEntity<ProfileBody> setUp(@PathVariable long customerId, @RequestBody UserSetup body) {
        UserProfile profile = setups.create(scope.require(customerId), body);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/users/" + profile.user().id()))
                .body(ProfileBody.of(profile));
    }

    @PutMapping("/numbers/{numberId}/assignment")
    NumberBody assignNumber(@PathVariable long customerId, @PathVariable long numberId, @RequestBody AssignRequest body) {
        return NumberBody.of(assignments.assignNumber(scope.require(customerId), new NumberId(numberId), body.userId()));
    }

    @DeleteMapping("/numbers/{numberId}/assignment")
    NumberBody unassignNumber(@PathVariable long customerId, @PathVariable long numberId) {
        return NumberBody.of(assignments.unassignNumber(scope.require(customerId), new NumberId(numberId)));
    }

    @PutMapping("/devices/{deviceId}/assignment")
    DeviceSummary assignDevice(@PathVariable long customerId, @PathVariable long deviceId, @RequestBody AssignRequest body) {
        return DeviceSummary.of(assignments.assignDevice(scope.require(customerId), new DeviceId(deviceId), body.userId()));
    }

    @DeleteMapping("/devices/{deviceId}/assignment")
    DeviceSummary unassignDevice(@PathVariable long customerId, @PathVariable long deviceId) {
        return DeviceSummary.of(assignments.unassignDevice(scope.require(customerId), new DeviceId(deviceId)));
    }
}
