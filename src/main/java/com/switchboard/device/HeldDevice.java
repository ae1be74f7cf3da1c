package com.switchboard.device;

import com.switchboard.user.UserId;

/** A device of a bulk add given at once to a user of its site (the user import's new phones). */
public record HeldDevice(NewDevice device, UserId userId, String userName) {
}
