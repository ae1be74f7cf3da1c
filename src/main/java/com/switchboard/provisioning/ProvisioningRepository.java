package com.switchboard.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.device.DeviceId;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a fetch needs in one query (the device, its model, site, line and user), the fetch log and
 * the miss counts. It reads the tables of device, catalog, site, user and number, and writes only
 * its own.
 */
@Repository
class ProvisioningRepository {

    private final JdbcClient jdbc;

    ProvisioningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A device of the customer as its configuration needs it; {@code lineId} null without a line. */
    record PhoneRow(DeviceId deviceId, MacAddress mac, String model, String family, String language, String country,
                    ZoneId zone, Long lineId, String username, String domain, byte[] passwordEnc, String displayName,
                    String extension, String number, Instant lastFetchAt) {
    }

    Optional<PhoneRow> phone(CustomerId customerId, MacAddress mac) {
        return jdbc.sql("""
                        select d.id, d.mac, m.model, m.provisioning_family, coalesce(s.language, c.language) as language,
                               s.country, s.time_zone, d.last_fetch_at, l.id as line_id, l.username, l.domain, l.password_enc,
                               u.first_name, u.last_name, u.extension,
                               (select p.e164 from phone_number p where p.assigned_user_id = u.id order by p.e164 limit 1) as number
                        from device d
                        join device_model m on m.id = d.model_id
                        join site s on s.id = d.site_id
                        join customer c on c.id = d.customer_id
                        left join line l on l.device_id = d.id
                        left join app_user u on u.id = l.user_id
                        where d.mac = :mac and d.customer_id = :customerId
                        """)
                .param("mac", mac.value()).param("customerId", customerId.value())
                .query(ProvisioningRepository::phone).optional();
    }

    /** Every device of the customer, by MAC, with its model's provisioning family. */
    Map<MacAddress, String> families(CustomerId customerId) {
        Map<MacAddress, String> families = new HashMap<>();
        jdbc.sql("""
                        select d.mac, m.provisioning_family from device d join device_model m on m.id = d.model_id
                        where d.customer_id = :customerId
                        """)
                .param("customerId", customerId.value())
                .query(rs -> {
                    String family = rs.getString("provisioning_family");
                    families.put(MacAddress.parse(rs.getString("mac")), family == null ? "" : family.intern());
                });
        return families;
    }

    Optional<PhoneRow> phone(CustomerId customerId, DeviceId deviceId) {
        Optional<String> mac = jdbc.sql("select mac from device where id = :id and customer_id = :customerId")
                .param("id", deviceId.value()).param("customerId", customerId.value()).query(String.class).optional();
        return mac.flatMap(m -> phone(customerId, MacAddress.parse(m)));
    }

    private static PhoneRow phone(ResultSet rs, int row) throws SQLException {
        long lineId = rs.getLong("line_id");
        boolean hasLine = !rs.wasNull();
        return new PhoneRow(new DeviceId(rs.getLong("id")), MacAddress.parse(rs.getString("mac")), rs.getString("model"),
                rs.getString("provisioning_family"), rs.getString("language"), rs.getString("country"),
                zone(rs.getString("time_zone")), hasLine ? lineId : null, rs.getString("username"), rs.getString("domain"),
                rs.getBytes("password_enc"),
                hasLine ? rs.getString("first_name") + " " + rs.getString("last_name") : null,
                rs.getString("extension"), rs.getString("number"),
                rs.getTimestamp("last_fetch_at") == null ? null : rs.getTimestamp("last_fetch_at").toInstant());
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    record FetchRow(long id, Instant at, String address, String userAgent, String mac, String file, int status, Long deviceId) {
    }

    List<FetchRow> fetches(CustomerId customerId, boolean unknownOnly, int limit) {
        return jdbc.sql("""
                        select f.id, f.at, f.address, f.user_agent, f.mac, f.file, f.status,
                               (select d.id from device d where d.mac = f.mac and d.customer_id = f.customer_id) as device_id
                        from provisioning_fetch f
                        where f.customer_id = :customerId
                          and (not :unknownOnly or (f.mac is not null
                               and not exists (select 1 from device d where d.mac = f.mac and d.customer_id = f.customer_id)))
                        order by f.at desc, f.id desc
                        limit :limit
                        """)
                .param("customerId", customerId.value()).param("unknownOnly", unknownOnly).param("limit", limit)
                .query((rs, row) -> {
                    long device = rs.getLong("device_id");
                    Long deviceId = rs.wasNull() ? null : device;
                    return new FetchRow(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("address"),
                            rs.getString("user_agent"), rs.getString("mac"), rs.getString("file"), rs.getInt("status"), deviceId);
                })
                .list();
    }

    /** Keeps the newest {@code keep} fetches of each customer that has more. */
    int trimFetches(int keep) {
        return jdbc.sql("""
                        delete from provisioning_fetch f
                        using (select id from (select id, row_number() over (partition by customer_id order by at desc, id desc) as n
                                               from provisioning_fetch) ranked where n > :keep) old
                        where f.id = old.id
                        """)
                .param("keep", keep).update();
    }

    /** The misses counted for this address in the current window, and when the window started. */
    record Misses(int count, Instant windowStart) {
    }

    /** The shared counts of these addresses in their current window. */
    Map<String, Misses> misses(Collection<String> addresses, Duration window) {
        Map<String, Misses> misses = new HashMap<>();
        jdbc.sql("""
                        select address, misses, window_start from provisioning_miss
                        where address in (:addresses) and window_start > now() - make_interval(secs => :seconds)
                        """)
                .param("addresses", addresses).param("seconds", window.toSeconds())
                .query(rs -> {
                    misses.put(rs.getString("address"), new Misses(rs.getInt("misses"), rs.getTimestamp("window_start").toInstant()));
                });
        return misses;
    }

    /** Adds {@code added} misses to the address's shared count, starting a new window when the last one is over. */
    Misses countMisses(String address, int added, Duration window) {
        return jdbc.sql("""
                        insert into provisioning_miss (address, window_start, misses) values (:address, now(), :added)
                        on conflict (address) do update set
                            misses = case when provisioning_miss.window_start > now() - make_interval(secs => :seconds)
                                          then provisioning_miss.misses + :added else :added end,
                            window_start = case when provisioning_miss.window_start > now() - make_interval(secs => :seconds)
                                          then provisioning_miss.window_start else now() end
                        returning misses, window_start
                        """)
                .param("address", address).param("added", added).param("seconds", window.toSeconds())
                .query((rs, row) -> new Misses(rs.getInt("misses"), rs.getTimestamp("window_start").toInstant()))
                .single();
    }

    Map<DeviceId, DeviceProvisioningExtensions.LineBody> lines(CustomerId customerId, Collection<DeviceId> devices) {
        Map<DeviceId, DeviceProvisioningExtensions.LineBody> lines = new HashMap<>();
        jdbc.sql("""
                        select l.device_id, l.username, l.domain, u.extension,
                               (select p.e164 from phone_number p where p.assigned_user_id = u.id order by p.e164 limit 1) as number
                        from line l join app_user u on u.id = l.user_id
                        where l.customer_id = :customerId and l.device_id in (:ids)
                        """)
                .param("customerId", customerId.value()).param("ids", devices.stream().map(DeviceId::value).toList())
                .query(rs -> {
                    lines.put(new DeviceId(rs.getLong("device_id")), new DeviceProvisioningExtensions.LineBody(
                            rs.getString("username"), rs.getString("domain"), rs.getString("extension"), rs.getString("number")));
                });
        return lines;
    }

    Map<DeviceId, DeviceProvisioningExtensions.LastContact> lastContacts(CustomerId customerId, Collection<DeviceId> devices) {
        Map<DeviceId, DeviceProvisioningExtensions.LastContact> contacts = new HashMap<>();
        jdbc.sql("""
                        select id, last_fetch_at, last_fetch_ip, last_fetch_agent from device
                        where customer_id = :customerId and id in (:ids) and last_fetch_at is not null
                        """)
                .param("customerId", customerId.value()).param("ids", devices.stream().map(DeviceId::value).toList())
                .query(rs -> {
                    contacts.put(new DeviceId(rs.getLong("id")), new DeviceProvisioningExtensions.LastContact(
                            rs.getTimestamp("last_fetch_at").toInstant(), rs.getString("last_fetch_ip"), rs.getString("last_fetch_agent")));
                });
        return contacts;
    }
}
