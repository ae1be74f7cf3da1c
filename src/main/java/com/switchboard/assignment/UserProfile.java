package com.switchboard.assignment;

import java.util.List;

import com.switchboard.device.DeviceView;
import com.switchboard.number.NumberView;
import com.switchboard.user.UserView;

/** A user with what they hold: their numbers and devices. */
public record UserProfile(UserView user, List<NumberView> numbers, List<DeviceView> devices) {
}
