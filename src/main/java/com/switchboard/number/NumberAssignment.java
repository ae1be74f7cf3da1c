package com.switchboard.number;

import com.switchboard.site.SiteId;
import com.switchboard.user.UserId;

/** One number to give to one user of its site, in a bulk assignment (an import's rows). */
public record NumberAssignment(NumberId numberId, UserId userId, SiteId userSite, String userName) {
}
