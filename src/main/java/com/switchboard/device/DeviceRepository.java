package com.switchboard.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.database.CopyText;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeviceRepository {

    private static final String SELECT = """
            select d.id, d.customer_id, d.site_id, s.name as site_name, d.model_id, f.name || ' ' || m.model as model_name,
                   d.mac, d.label, d.status, d.assigned_user_id, u.first_name || ' ' || u.last_name as user_name, d.created_at
            from device d
            join site s on s.id = d.site_id
            left join app_user u on u.id = d.assigned_user_id
            join device_model m on m.id = d.model_id
            join manufacturer f on f.id = m.manufacturer_id
            """;

    private static final RowMapper<DeviceView> DEVICE = (rs, n) -> new DeviceView(new DeviceId(rs.getLong("id")),
            new CustomerId(rs.getLong("customer_id")), new SiteId(rs.getLong("site_id")), rs.getString("site_name"),
            new DeviceModelId(rs.getLong("model_id")), rs.getString("model_name"), new MacAddress(rs.getString("mac")),
            rs.getString("label"), DeviceStatus.valueOf(rs.getString("status")),
            rs.getObject("assigned_user_id") == null ? null : rs.getLong("assigned_user_id"), rs.getString("user_name"),
            rs.getTimestamp("created_at").toInstant(), List.of());

    private final JdbcClient jdbc;
    /** For exports: PostgreSQL only streams a result (a cursor) when a fetch size is set, inside a transaction. */
    private final JdbcClient streaming;
    private final JdbcTemplate template;

    /** Other modules' filters of the list (registered=, …). */
    private final DeviceExtensions extensions;

    DeviceRepository(JdbcClient jdbc, DataSource dataSource, DeviceExtensions extensions) {
        this.extensions = extensions;
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1000);
        this.streaming = JdbcClient.create(fetching);
    }

    /** Adds the device unless its MAC is already registered; the unique index settles concurrent adds. */
    Optional<DeviceId> insertIfNew(CustomerId customerId, SiteId siteId, DeviceModelId modelId, MacAddress mac,
                                   String label, Long adminId) {
        return jdbc.sql("""
                insert into device (customer_id, site_id, model_id, mac, label, created_by)
                values (:customerId, :siteId, :modelId, :mac, :label, :adminId)
                on conflict (mac) do nothing
                returning id
                """)
                .param("customerId", customerId.value()).param("siteId", siteId.value()).param("modelId", modelId.value())
                .param("mac", mac.value()).param("label", label).param("adminId", adminId)
                .query(Long.class).optional().map(DeviceId::new);
    }

    /**
     * Adds many devices with {@code COPY}, the fastest way into PostgreSQL, on the connection of the
     * caller's transaction; a MAC already registered breaks the unique index. Answers their ids, in order:
     * drawn beforehand from the column's own sequence in one round trip, so that nothing needs to look the
     * new rows up afterwards (COPY takes a value given for an identity column even when it is
     * {@code generated always}: https://www.postgresql.org/docs/17/sql-createtable.html, GENERATED … AS IDENTITY).
     */
    List<DeviceId> copy(CustomerId customerId, Long adminId, List<NewDevice> devices) {
        return copy(customerId, adminId, devices, null);
    }

    /** The same, each device given at once to the user at the same place in {@code holders} (a user of its site). */
    List<DeviceId> copy(CustomerId customerId, Long adminId, List<NewDevice> devices, List<UserId> holders) {
        long[] ids = new long[devices.size()];
        int[] next = {0};
        template.query("select nextval(pg_get_serial_sequence('device', 'id')) from generate_series(1, ?)",
                ps -> ps.setInt(1, ids.length), rs -> {
                    ids[next[0]++] = rs.getLong(1);
                });
        CopyText.copyInto(template, "device (id, customer_id, site_id, model_id, mac, label, created_by, assigned_user_id, status)",
                rows -> {
            for (int i = 0; i < ids.length; i++) {
                NewDevice device = devices.get(i);
                UserId holder = holders == null ? null : holders.get(i);
                rows.field(ids[i]).field(customerId.value()).field(device.siteId().value())
                        .field(device.modelId().value()).field(device.macAddress().value()).field(device.label())
                        .field(adminId).field(holder == null ? null : holder.value())
                        .field(holder == null ? DeviceStatus.UNASSIGNED.name() : DeviceStatus.ASSIGNED.name()).endRow();
            }
        });
        return Arrays.stream(ids).mapToObj(DeviceId::new).toList();
    }

    /** The ids of the customer's devices with these MACs. */
    Map<MacAddress, DeviceId> idsByMac(CustomerId customerId, List<MacAddress> macs) {
        Map<MacAddress, DeviceId> ids = new HashMap<>();
        // As char(12), like the column, so that the unique index on mac serves the lookup.
        jdbc.sql("select id, mac from device where mac = any(cast(:macs as bpchar[])) and customer_id = :customerId")
                .param("customerId", customerId.value())
                .param("macs", macs.stream().map(MacAddress::value).toArray(String[]::new))
                .query((rs, n) -> ids.put(new MacAddress(rs.getString("mac")), new DeviceId(rs.getLong("id")))).list();
        return ids;
    }

    /** The customer that holds a MAC, if any: only to tell one's own device from someone else's. */
    Optional<DeviceView> findByMac(MacAddress mac) {
        return jdbc.sql(SELECT + " where d.mac = :mac").param("mac", mac.value()).query(DEVICE).optional();
    }

    Optional<DeviceView> find(CustomerId customerId, DeviceId id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).query(DEVICE).optional();
    }

    /** Takes the device for the user only if it is still free and at the user's site: a race has one winner. */
    boolean assignIfFree(CustomerId customerId, DeviceId id, UserId userId, SiteId siteId) {
        return jdbc.sql("""
                update device set assigned_user_id = :userId, status = 'ASSIGNED'
                where id = :id and customer_id = :customerId and site_id = :siteId and assigned_user_id is null
                """)
                .param("id", id.value()).param("customerId", customerId.value()).param("userId", userId.value())
                .param("siteId", siteId.value()).update() == 1;
    }

    /**
     * Takes many devices for their users in one statement, each only if it is still free and at its user's site;
     * answers the MAC of each device taken, by id (fewer than asked when another taker came first).
     */
    Map<Long, MacAddress> assignAllIfFree(CustomerId customerId, List<DeviceAssignment> assignments) {
        Map<Long, MacAddress> taken = new HashMap<>();
        jdbc.sql("""
                update device d set assigned_user_id = t.user_id, status = 'ASSIGNED'
                from unnest(cast(:ids as bigint[]), cast(:users as bigint[]), cast(:sites as bigint[])) as t(id, user_id, site_id)
                where d.id = t.id and d.customer_id = :customerId and d.site_id = t.site_id and d.assigned_user_id is null
                returning d.id, d.mac
                """)
                .param("customerId", customerId.value())
                .param("ids", assignments.stream().map(a -> a.deviceId().value()).toArray(Long[]::new))
                .param("users", assignments.stream().map(a -> a.userId().value()).toArray(Long[]::new))
                .param("sites", assignments.stream().map(a -> a.userSite().value()).toArray(Long[]::new))
                .query((rs, n) -> taken.put(rs.getLong("id"), new MacAddress(rs.getString("mac")))).list();
        return taken;
    }

    int free(CustomerId customerId, DeviceId id) {
        return jdbc.sql("update device set assigned_user_id = null, status = 'UNASSIGNED' where id = :id and customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).update();
    }

    int freeAllOf(CustomerId customerId, UserId userId) {
        return jdbc.sql("""
                update device set assigned_user_id = null, status = 'UNASSIGNED'
                where assigned_user_id = :userId and customer_id = :customerId
                """)
                .param("userId", userId.value()).param("customerId", customerId.value()).update();
    }

    List<DeviceView> ofUser(CustomerId customerId, UserId userId) {
        return jdbc.sql(SELECT + " where d.customer_id = :customerId and d.assigned_user_id = :userId order by d.created_at, d.id")
                .param("customerId", customerId.value()).param("userId", userId.value()).query(DEVICE).list();
    }

    List<DeviceView> unassignedAt(CustomerId customerId, SiteId siteId) {
        return jdbc.sql(SELECT + """
                 where d.customer_id = :customerId and d.site_id = :siteId and d.assigned_user_id is null
                 order by f.name, m.model, d.mac
                """)
                .param("customerId", customerId.value()).param("siteId", siteId.value()).query(DEVICE).list();
    }

    int delete(CustomerId customerId, DeviceId id) {
        return jdbc.sql("delete from device where id = :id and customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).update();
    }

    int updateLabel(CustomerId customerId, DeviceId id, String label) {
        return jdbc.sql("update device set label = :label where id = :id and customer_id = :customerId")
                .param("label", label).param("id", id.value()).param("customerId", customerId.value()).update();
    }

    int updateSite(CustomerId customerId, DeviceId id, SiteId siteId) {
        return jdbc.sql("update device set site_id = :siteId where id = :id and customer_id = :customerId")
                .param("siteId", siteId.value()).param("id", id.value()).param("customerId", customerId.value()).update();
    }

    /** The customer's devices among these ids, in MAC order; foreign or unknown ids are simply absent. */
    List<DeviceView> findAll(CustomerId customerId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where d.customer_id = :customerId and d.id in (:ids) order by d.mac")
                .param("customerId", customerId.value()).param("ids", ids).query(DEVICE).list();
    }

    int deleteAll(CustomerId customerId, Collection<Long> ids) {
        return jdbc.sql("delete from device where customer_id = :customerId and id in (:ids)")
                .param("customerId", customerId.value()).param("ids", ids).update();
    }

    /** A page of a search; {@code total} stops counting past {@link #COUNT_CAP}. */
    record Page(List<DeviceView> items, long total, boolean totalCapped) {
    }

    /** Counting stops here: beyond it a list is paged or narrowed, never read to the end. */
    static final int COUNT_CAP = 10_000;

    Page search(CustomerId customerId, DeviceQuery query) {
        Filter filter = filter(customerId, query);
        long counted = jdbc.sql("select count(*) from (select 1 from device d" + filter.where() + " limit :cap) counted")
                .params(filter.params()).param("cap", COUNT_CAP + 1).query(Long.class).single();
        List<DeviceView> items = jdbc.sql(SELECT + filter.where() + " order by " + query.sort().sql + " limit :limit offset :offset")
                .params(filter.params()).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(DEVICE).list();
        return new Page(items, Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /**
     * Every device of the search, in its order, handed to {@code each} row by row: the rows come
     * from the server in batches (a cursor inside the caller's transaction), never all at once.
     */
    void forEach(CustomerId customerId, DeviceQuery query, Consumer<DeviceView> each) {
        Filter filter = filter(customerId, query);
        streaming.sql(SELECT + filter.where() + " order by " + query.sort().sql)
                .params(filter.params())
                .query((RowCallbackHandler) rs -> each.accept(DEVICE.mapRow(rs, 0)));
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private Filter filter(CustomerId customerId, DeviceQuery query) {
        List<String> where = new ArrayList<>(List.of("d.customer_id = :customerId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customerId", customerId.value());
        if (query.siteId() != null) {
            where.add("d.site_id = :siteId");
            params.put("siteId", query.siteId());
        }
        if (query.modelId() != null) {
            where.add("d.model_id = :modelId");
            params.put("modelId", query.modelId());
        }
        if (query.status() != null) {
            where.add("d.status = :status");
            params.put("status", query.status().name());
        }
        if (query.assigned() != null) {
            where.add(query.assigned() ? "d.assigned_user_id is not null" : "d.assigned_user_id is null");
        }
        if (query.q() != null && !query.q().isBlank()) {
            // A MAC is stored as 12 hex digits: "bb:cc", "BB-CC" and "bbcc" all become BBCC and match anywhere in it.
            String fragment = MacAddress.searchFragment(query.q());
            String text = "%" + query.q().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // The assigned user's name, looked up among this customer's users only.
            String user = "d.assigned_user_id in (select u.id from app_user u where u.customer_id = :customerId"
                    + " and lower(u.first_name || ' ' || u.last_name) like :text)";
            where.add(fragment == null ? "(lower(d.label) like :text or " + user + ")"
                    : "(d.mac::text like :mac or lower(d.label) like :text or " + user + ")");
            params.put("text", text);
            if (fragment != null) {
                params.put("mac", "%" + fragment + "%");
            }
        }
        query.extensionFilters().forEach((name, value) -> {
            DeviceExtension.Condition condition = extensions.condition(name, value);
            where.add("(" + condition.sql() + ")");
            params.putAll(condition.params());
        });
        return new Filter(" where " + String.join(" and ", where), params);
    }

    DeviceInventory.Counts counts(CustomerId customerId) {
        return jdbc.sql("""
                select count(*) filter (where assigned_user_id is not null) as assigned,
                       count(*) filter (where assigned_user_id is null) as unassigned
                from device where customer_id = :c
                """)
                .param("c", customerId.value())
                .query((rs, n) -> new DeviceInventory.Counts(rs.getLong("assigned"), rs.getLong("unassigned"))).single();
    }

    /** How many devices of each model the customer has (a customer has a few models, not thousands). */
    Map<DeviceModelId, Long> countByModel(CustomerId customerId) {
        Map<DeviceModelId, Long> counts = new HashMap<>();
        jdbc.sql("select model_id, count(*) as n from device where customer_id = :c group by model_id")
                .param("c", customerId.value())
                .query((rs, n) -> counts.put(new DeviceModelId(rs.getLong("model_id")), rs.getLong("n"))).list();
        return counts;
    }

    /** Records a phone's fetch, unless one was recorded less than a minute ago (a boot storm is not a write storm). */
    boolean recordContact(DeviceId id, String address, String userAgent) {
        return jdbc.sql("""
                        update device set last_fetch_at = now(), last_fetch_ip = :address, last_fetch_agent = :agent
                        where id = :id and (last_fetch_at is null or last_fetch_at < now() - interval '1 minute')
                        """)
                .param("id", id.value()).param("address", address)
                .param("agent", userAgent == null || userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300))
                .update() == 1;
    }

    /** How many rows each site of the customer holds (sites without any left out). */
    java.util.Map<SiteId, Long> countsBySite(CustomerId customerId) {
        java.util.Map<SiteId, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select site_id, count(*) as n from device where customer_id = :c group by site_id")
                .param("c", customerId.value())
                .query((rs, n) -> counts.put(new SiteId(rs.getLong("site_id")), rs.getLong("n"))).list();
        return counts;
    }
}
