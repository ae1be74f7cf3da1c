package com.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.tenancy.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: shown once when minted, stored only as a SHA-256 hash, each carrying its admin's
 * role and customer.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sbt_";

    private static final RowMapper<TokenView> VIEW = (rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());

    private final JdbcClient jdbc;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, CustomerScope scope, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.events = events;
    }

    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    public record MintedToken(long id, String name, String token, Instant expiresAt) {
    }

    @Transactional
    public MintedToken mint(CurrentAdmin admin, String name, Integer expiresInDays) {
        return mint(admin, name, expiresInDays, null);
    }

    /** A token minted with a token expires no later than that one, so a leaked token cannot prolong itself. */
    @Transactional
    public MintedToken mint(CurrentAdmin admin, String name, Integer expiresInDays, Instant notAfter) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw Refused.field("name", "validation.required");
        }
        if (trimmed.length() > 100) {
            throw Refused.field("name", "validation.too-long", 100);
        }
        int days = expiresInDays == null ? 30 : expiresInDays;
        if (days < 1 || days > 365) {
            throw Refused.field("expiresInDays", "token.expiry.range", 1, 365);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // PostgreSQL keeps microseconds: the answer shows exactly what is stored.
        Instant expiresAt = Instant.now().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (notAfter != null && expiresAt.isAfter(notAfter)) {
            expiresAt = notAfter;
        }
        long id = jdbc.sql("""
                insert into api_token (admin_id, name, token_hash, expires_at)
                values (:adminId, :name, :hash, :expiresAt) returning id
                """)
                .param("adminId", admin.id()).param("name", trimmed).param("hash", hash(token))
                .param("expiresAt", java.sql.Timestamp.from(expiresAt))
                .query(Long.class).single();
        events.publishEvent(new TokenCreated(admin.customerId(), id, trimmed, scope.actor()));
        return new MintedToken(id, trimmed, token, expiresAt);
    }

    @Transactional(readOnly = true)
    public List<TokenView> of(CurrentAdmin admin) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at from api_token
                where admin_id = :adminId and revoked_at is null and expires_at > now()
                order by created_at desc, id desc
                """).param("adminId", admin.id()).query(VIEW).list();
    }

    @Transactional
    public void revoke(CurrentAdmin admin, long tokenId) {
        int revoked = jdbc.sql("update api_token set revoked_at = now() where id = :id and admin_id = :adminId and revoked_at is null")
                .param("id", tokenId).param("adminId", admin.id()).update();
        if (revoked == 0) {
            throw new NotFound("token.not-found");
        }
        events.publishEvent(new TokenRevoked(admin.customerId(), tokenId, scope.actor()));
    }

    /**
     * The admin a presented token stands for, if it is known, unexpired and not revoked. The last use
     * is written at most once a minute: a write on every call would make every read of the API wait
     * for a commit to disk.
     */
    @Transactional
    Optional<AdminUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        record Found(AdminUser user, long tokenId, boolean stale) {
        }
        Optional<Found> found = jdbc.sql("""
                select t.id as token_id, t.expires_at, t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as stale,
                       a.id, a.email, a.name, a.role, a.customer_id
                from api_token t
                join admin_account a on a.id = t.admin_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now()
                """).param("hash", hash(token))
                .query((rs, n) -> new Found(new AdminUser(new CurrentAdmin(rs.getLong("id"), rs.getString("email"),
                        rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getObject("customer_id") == null ? null : new CustomerId(rs.getLong("customer_id"))), null,
                        rs.getTimestamp("expires_at").toInstant()),
                        rs.getLong("token_id"), rs.getBoolean("stale")))
                .optional();
        found.filter(Found::stale).ifPresent(f -> jdbc.sql("update api_token set last_used_at = now() where id = :id")
                .param("id", f.tokenId()).update());
        return found.map(Found::user);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
