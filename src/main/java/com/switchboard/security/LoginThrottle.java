package com.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing with growing delays rather than locking accounts: failures are
 * counted per (account, address), so the right password from an address that has not failed is
 * never refused because of someone else's attempts, and per address with a wider limit that an
 * office behind one NAT does not reach by accident. The counters live in PostgreSQL so that every
 * instance behind a load balancer sees the same ones.
 */
@Component
class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final int accountLimit;
    private final int addressLimit;

    LoginThrottle(JdbcClient jdbc,
                  @Value("${switchboard.sign-in.failures-per-account:5}") int accountLimit,
                  @Value("${switchboard.sign-in.failures-per-address:100}") int addressLimit) {
        this.jdbc = jdbc;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
    }

    /** The keys that may hold back a sign-in to this account from this address. */
    static List<String> keys(String email, String address) {
        return address == null ? List.of(accountKey(email)) : List.of(pairKey(email, address), addressKey(address));
    }

    static String pairKey(String email, String address) {
        return accountKey(email) + "|" + address;
    }

    static String accountKey(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        // No address is longer than 254 characters (RFC 5321); a longer one is still counted, under its digest.
        return "account:" + (normalized.length() <= 254 ? normalized : "#" + java.util.HexFormat.of().formatHex(sha256(normalized)));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** How long the caller must still wait, if any of the keys is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<Duration> lockedFor(List<String> keys) {
        return jdbc.sql("select max(locked_until) from login_throttle where key in (:keys) and locked_until > now()")
                .param("keys", keys)
                .query(java.sql.Timestamp.class).optional()
                .map(until -> Duration.between(Instant.now(), until.toInstant()))
                .filter(d -> !d.isNegative());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String address) {
        if (address == null) {
            count(accountKey(email), accountLimit);
            return;
        }
        count(pairKey(email, address), accountLimit);
        count(addressKey(address), addressLimit);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email, String address) {
        jdbc.sql("delete from login_throttle where key = :key")
                .param("key", address == null ? accountKey(email) : pairKey(email, address)).update();
    }

    /** Forgets the failures counted under a key (a right second-factor code). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forget(String key) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", key).update();
    }

    /** Counts one more event under a key; past the limit the key is held back, twice as long each time. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> count(String key, int limit) {
        int failures = jdbc.sql("""
                insert into login_throttle (key, failures, window_start) values (:key, 1, now())
                on conflict (key) do update set
                    failures = case when login_throttle.window_start < now() - make_interval(secs => :window)
                                    then 1 else login_throttle.failures + 1 end,
                    window_start = case when login_throttle.window_start < now() - make_interval(secs => :window)
                                        then now() else login_throttle.window_start end
                returning failures
                """).param("key", key).param("window", WINDOW.toSeconds()).query(Integer.class).single();
        if (failures < limit) {
            return Optional.empty();
        }
        long seconds = Math.min(MAX_LOCK.toSeconds(), FIRST_LOCK.toSeconds() << Math.min(failures - limit, 10));
        jdbc.sql("update login_throttle set locked_until = now() + make_interval(secs => :seconds) where key = :key")
                .param("seconds", seconds).param("key", key).update();
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
