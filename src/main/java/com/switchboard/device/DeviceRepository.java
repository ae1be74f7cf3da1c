package com.switchboard.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.catalog.DeviceModelId;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeviceRepository {

    private static final String SELECT = """
            select d.id, d.customer_id, d.site_id, s.name as site_name, d.model_id, f.name || ' ' || m.model as model_name,
                   d.mac, d.label, d.status, d.assigned_user_id, d.created_at
            from device d
            join site s on s.id = d.site_id
            join device_model m on m.id = d.model_id
            join manufacturer f on f.id = m.manufacturer_id
            """;

    private static final RowMapper<DeviceView> DEVICE = (rs, n) -> new DeviceView(new DeviceId(rs.getLong("id")),
            new CustomerId(rs.getLong("customer_id")), new SiteId(rs.getLong("site_id")), rs.getString("site_name"),
            new DeviceModelId(rs.getLong("model_id")), rs.getString("model_name"), new MacAddress(rs.getString("mac")),
            rs.getString("label"), rs.getString("status"),
            rs.getObject("assigned_user_id") == null ? null : rs.getLong("assigned_user_id"),
            rs.getTimestamp("created_at").toInstant(), List.of());

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    record Page(List<DeviceView> items, long total) {
    }

    Page search(CustomerId customerId, DeviceQuery query) {
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
            params.put("status", query.status());
        }
        if (query.assigned() != null) {
            where.add(query.assigned() ? "d.assigned_user_id is not null" : "d.assigned_user_id is null");
        }
        if (query.q() != null && !query.q().isBlank()) {
            String fragment = MacAddress.searchFragment(query.q());
            String text = "%" + query.q().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add(fragment == null ? "lower(d.label) like :text" : "(d.mac like :mac or lower(d.label) like :text)");
            params.put("text", text);
            if (fragment != null) {
                params.put("mac", "%" + fragment + "%");
            }
        }
        String filter = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from device d" + filter).params(params).query(Long.class).single();
        List<DeviceView> items = jdbc.sql(SELECT + filter + " order by " + query.sort().sql + " limit :limit offset :offset")
                .params(params).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(DEVICE).list();
        return new Page(items, total);
    }
}
