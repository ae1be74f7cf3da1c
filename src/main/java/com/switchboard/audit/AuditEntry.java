package com.switchboard.audit;

import java.time.Instant;

/** One recorded change: who (the admin's email, or "system"), what, to which object, when and from where. */
public record AuditEntry(long id, String actorEmail, String action, String objectType, String objectId, String summary,
                         String remoteAddr, Instant createdAt) {
}
