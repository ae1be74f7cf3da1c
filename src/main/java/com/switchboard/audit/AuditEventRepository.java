package com.switchboard.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.database.CopyText;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditEventRepository {

    private static final String SELECT = """
            select id, actor_email, action, object_type, object_id, summary_key, summary_args::text as summary_args,
                   remote_addr, created_at
            from audit_event
            """;

    /** A row as stored: the summary still a message code and its arguments. */
    record Stored(long id, String actorEmail, String action, String objectType, String objectId, String summaryKey,
                  List<Object> summaryArgs, String remoteAddr, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final RowMapper<Stored> stored;

    AuditEventRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.stored = (rs, n) -> new Stored(rs.getLong("id"), rs.getString("actor_email"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("summary_key"),
                arguments(rs.getString("summary_args")), rs.getString("remote_addr"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** One event's row; only a bulk operation's rows ({@link #copy}) are tied to an import. */
    void insert(CustomerId customerId, Actor actor, Audited.Entry entry) {
        jdbc.sql("""
                insert into audit_event (customer_id, actor_id, actor_email, action, object_type, object_id, summary_key,
                                         summary_args, remote_addr)
                values (:customerId, :actorId, :actorEmail, :action, :objectType, :objectId, :summaryKey,
                        cast(:summaryArgs as jsonb), :remoteAddr)
                """)
                .param("customerId", customerId == null ? null : customerId.value())
                .param("actorId", actor.adminId())
                .param("actorEmail", actor.email())
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId() == null ? null : entry.objectId().toString())
                .param("summaryKey", entry.summaryKey())
                .param("summaryArgs", json.writeValueAsString(entry.args()))
                .param("remoteAddr", actor.remoteAddr())
                .update();
    }

    /** Many rows of one actor in one {@code COPY}: the audit side of an import, as fast as the devices' own. */
    void copy(CustomerId customerId, Actor actor, long importId, List<Audited.Entry> entries) {
        StringBuilder args = new StringBuilder(128);
        CopyText.copyInto(template, "audit_event (customer_id, actor_id, actor_email, action, object_type, object_id, "
                + "summary_key, summary_args, remote_addr, import_id)", rows -> {
            for (Audited.Entry entry : entries) {
                rows.field(customerId == null ? null : customerId.value()).field(actor.adminId()).field(actor.email())
                        .field(entry.action()).field(entry.objectType())
                        .field(entry.objectId() == null ? null : entry.objectId().toString())
                        .field(entry.summaryKey()).field(jsonArray(entry.args(), args))
                        .field(actor.remoteAddr()).field(importId).endRow();
            }
        });
    }

    /**
     * The arguments as a JSON array, written by hand for the bulk path: they are only strings and numbers
     * ({@link Audited.Entry}), and a hundred thousand of them go faster without the object mapper.
     * Escapes as RFC 8259, section 7 asks: the quote, the backslash and the control characters.
     */
    static String jsonArray(List<?> values, StringBuilder out) {
        out.setLength(0);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            if (value instanceof Number number) {
                out.append(number);
                continue;
            }
            out.append('"');
            String text = String.valueOf(value);
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    private List<Object> arguments(String stored) {
        return stored == null ? List.of() : json.readValue(stored, new TypeReference<List<Object>>() { });
    }

    /** The latest events of a customer, without the per-device events of imports (the import's own one stands for them). */
    List<Stored> recent(CustomerId customerId, int limit) {
        return jdbc.sql(SELECT + """
                 where customer_id = :customerId and import_id is null
                 order by created_at desc, id desc limit :limit
                """)
                .param("customerId", customerId.value()).param("limit", limit).query(stored).list();
    }

    List<Stored> search(CustomerId customerId, AuditQuery query) {
        Filter filter = filter(customerId, query);
        return jdbc.sql(SELECT + filter.where() + " order by created_at desc, id desc limit :limit offset :offset")
                .params(filter.params()).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(stored).list();
    }

    long count(CustomerId customerId, AuditQuery query) {
        Filter filter = filter(customerId, query);
        return jdbc.sql("select count(*) from audit_event" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    List<Stored> history(CustomerId customerId, String objectType, String objectId, int limit) {
        return jdbc.sql(SELECT + """
                 where customer_id = :customerId and object_type = :objectType and object_id = :objectId
                 order by created_at desc, id desc limit :limit
                """)
                .param("customerId", customerId.value()).param("objectType", objectType).param("objectId", objectId)
                .param("limit", limit).query(stored).list();
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
