package com.switchboard.assignment;

import com.switchboard.user.UserRequest;

/**
 * The "Set up a user" wizard in one command: the person, a number of the site (optional), and an
 * existing device of the site or a new one (optional, not both).
 */
public record UserSetup(UserRequest user, Long numberId, Long deviceId, NewDevice newDevice) {

    /** A device added to the inventory at the user's site during the setup. */
    public record NewDevice(Long modelId, String macAddress, String label) {
    }
}
