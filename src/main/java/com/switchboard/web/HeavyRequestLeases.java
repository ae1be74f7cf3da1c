package com.switchboard.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The heavy requests running in every portal instance, counted in PostgreSQL so that two portals
 * behind a load balancer share the limits per caller and per customer. Taking a lease locks the
 * caller's and the customer's keys for the length of one short transaction (advisory locks, in a
 * fixed order), so that two instances never both see room for one more. A lease is given back when
 * its request ends, and expires by itself if its instance dies.
 */
class HeavyRequestLeases {

    /** Longer than any heavy request runs (statement timeout 60 s, socket timeout 75 s). */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    HeavyRequestLeases(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The id of a new lease, or empty when the caller or the customer already runs as many as allowed. */
    Optional<Long> take(String caller, String customer, int perCaller, int perCustomer) {
        return transactions.execute(status -> {
            jdbc.query("""
                    select pg_advisory_xact_lock(hashtext('heavy-request'), k)
                    from (select hashtext(key) k from unnest(?::text[]) key where key is not null order by 1) keys
                    """, rs -> { }, (Object) new String[]{caller, customer});
            List<Long> id = jdbc.queryForList("""
                    insert into heavy_request_lease (caller_key, customer_key, expires_at)
                    select ?, ?, now() + make_interval(secs => ?)
                    where (select count(*) from heavy_request_lease where caller_key = ? and expires_at > now()) < ?
                      and (cast(? as text) is null
                           or (select count(*) from heavy_request_lease where customer_key = ? and expires_at > now()) < ?)
                    returning id
                    """, Long.class, caller, customer, (double) LEASE.toSeconds(), caller, perCaller, customer, customer, perCustomer);
            return id.stream().findFirst();
        });
    }

    /** Gives a lease back, and forgets those of instances that died. */
    void release(long id) {
        jdbc.update("delete from heavy_request_lease where id = ? or expires_at < now()", id);
    }
}
