package com.switchboard.registrar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registrations from Kamailio's location table (written by Kamailio, read here), joined to devices
 * through their lines. Kamailio writes {@code expires} in UTC without a zone (it runs with TZ=UTC).
 */
@Repository
class RegistrationRepository {

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A device's line, as the registrar knows it: its AOR, and the provisioning family of the device's model. */
    record LineAddress(String username, String domain, String family) {
    }

    Optional<LineAddress> line(CustomerId customerId, DeviceId deviceId) {
        return jdbc.sql("""
                        select l.username, l.domain, m.provisioning_family
                        from line l join device d on d.id = l.device_id join device_model m on m.id = d.model_id
                        where l.customer_id = :customer and l.device_id = :device
                        """)
                .param("customer", customerId.value()).param("device", deviceId.value())
                .query((rs, n) -> new LineAddress(rs.getString("username"), rs.getString("domain"),
                        rs.getString("provisioning_family")))
                .optional();
    }

    Map<DeviceId, Registration> of(Collection<DeviceId> devices) {
        Map<DeviceId, Registration> found = new HashMap<>();
        if (devices.isEmpty()) {
            return found;
        }
        List<Long> ids = devices.stream().map(DeviceId::value).toList();
        // The latest contact of each device's line (a live one first: `live`), and the last refresh of a
        // registration that has gone (kept by the triggers of V90).
        jdbc.sql("""
                select d.id as device_id, s.last_registered_at, loc.contact, loc.received, loc.user_agent, loc.expires,
                       loc.last_modified, loc.live
                from device d
                left join device_registration_seen s on s.device_id = d.id
                left join line l on l.device_id = d.id
                left join lateral (
                    select contact, received, user_agent, expires, last_modified,
                           expires > (now() at time zone 'UTC') as live
                    from kamailio.location
                    where username = l.username and domain = l.domain
                    order by expires > (now() at time zone 'UTC') desc, last_modified desc
                    limit 1
                ) loc on true
                where d.id in (:ids) and (s.device_id is not null or loc.contact is not null)
                """)
                .param("ids", ids)
                .query((rs, n) -> {
                    found.put(new DeviceId(rs.getLong("device_id")), registration(rs));
                    return null;
                })
                .list();
        return found;
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        Instant gone = rs.getTimestamp("last_registered_at") == null ? null : rs.getTimestamp("last_registered_at").toInstant();
        String contact = rs.getString("contact");
        if (contact == null) {
            return Registration.lastSeen(gone);
        }
        // Kamailio's timestamps are UTC wall-clock times without a zone.
        Instant refreshed = rs.getObject("last_modified", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        Instant lastSeen = gone == null || refreshed.isAfter(gone) ? refreshed : gone;
        if (!rs.getBoolean("live")) {
            // Expired, not yet cleaned by Kamailio's timer.
            return Registration.lastSeen(lastSeen);
        }
        Instant expiresAt = rs.getObject("expires", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        String received = rs.getString("received");
        return new Registration(true, contact, address(received != null && !received.isBlank() ? received : contact),
                rs.getString("user_agent"), expiresAt, lastSeen);
    }

    /** host:port out of a SIP URI such as sip:user@192.0.2.7:5062;transport=udp. */
    static String address(String uri) {
        String rest = uri.replaceFirst("^sips?:", "");
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int end = rest.length();
        for (char c : new char[] {';', '>', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    /** Registered devices of a customer (for counts). */
    long registeredCount(CustomerId customerId) {
        return jdbc.sql("""
                select count(distinct l.device_id)
                from line l
                join kamailio.location loc on loc.username = l.username and loc.domain = l.domain
                where l.customer_id = :customer and loc.expires > (now() at time zone 'UTC')
                """)
                .param("customer", customerId.value())
                .query(Long.class).single();
    }
}
