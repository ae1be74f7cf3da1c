package com.switchboard.audit;

import java.time.Instant;

/**
 * One recorded change as a reader sees it: who ({@code actorEmail}, the admin's email, or null when
 * the server itself acted; {@code actorLabel}, the email or "System (the server)" in the reader's
 * language), what (the stable
 * {@code action} code and its label), to which object, the summary rendered in the reader's
 * language, when and from where.
 */
public record AuditEntry(long id, String actorEmail, String actorLabel, String action, String actionLabel, String objectType,
                         String objectId, String summary, String remoteAddr, Instant createdAt) {
}
