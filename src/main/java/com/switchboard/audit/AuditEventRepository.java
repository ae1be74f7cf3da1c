package com.switchboard.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditEventRepository {

    private static final String SELECT = """
            select id, actor_email, action, object_type, object_id, summary, remote_addr, created_at
            from audit_event
            """;

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getString("actor_email"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
            rs.getString("summary"), rs.getString("remote_addr"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Read from the table itself: the customer module sits above this one and may not be called from here. */
    boolean customerExists(CustomerId customerId) {
        return jdbc.sql("select exists (select 1 from customer where id = :id)")
                .param("id", customerId.value()).query(Boolean.class).single();
    }

    List<AuditEntry> search(CustomerId customerId, AuditQuery query) {
        Filter filter = filter(customerId, query);
        return jdbc.sql(SELECT + filter.where() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(filter.params()).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(ENTRY).list();
    }

    long count(CustomerId customerId, AuditQuery query) {
        Filter filter = filter(customerId, query);
        return jdbc.sql("select count(*) from audit_event" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    List<AuditEntry> history(CustomerId customerId, String objectType, String objectId, int limit) {
        return jdbc.sql(SELECT + """
                 where customer_id = :customerId and object_type = :objectType and object_id = :objectId
                 order by created_at desc, id desc limit :limit
                """)
                .param("customerId", customerId.value()).param("objectType", objectType).param("objectId", objectId)
                .param("limit", limit).query(ENTRY).list();
    }

    List<String> objectTypes(CustomerId customerId) {
        return jdbc.sql("select distinct object_type from audit_event where customer_id = :customerId order by 1")
                .param("customerId", customerId.value()).query(String.class).list();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(CustomerId customerId, AuditQuery query) {
        List<String> where = new ArrayList<>(List.of("customer_id = :customerId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customerId", customerId.value());
        if (query.objectType() != null) {
            where.add("object_type = :objectType");
            params.put("objectType", query.objectType());
        }
        if (query.actor() != null) {
            // Part of the admin's email, whatever its letter case.
            where.add("lower(actor_email) like :actor");
            params.put("actor", "%" + query.actor().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        ZoneId zone = ZoneId.systemDefault();
        if (query.from() != null) {
            where.add("created_at >= :from");
            params.put("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            where.add("created_at < :to");
            params.put("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Filter(" where " + String.join(" and ", where), params);
    }
}
