package com.switchboard.device;

import com.switchboard.site.SiteId;
import com.switchboard.user.UserId;

/** One device to give to one user of its site, in a bulk assignment (an import's rows). */
public record DeviceAssignment(DeviceId deviceId, UserId userId, SiteId userSite, String userName) {
}
