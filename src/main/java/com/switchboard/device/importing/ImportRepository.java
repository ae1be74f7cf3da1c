package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.switchboard.importing.ImportJobs;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository extends ImportJobs {

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        super(jdbc, template, "device_import");
    }

    // ---- devices, set-wise -----------------------------------------------------------------------------------

    /** Who holds a MAC already: its customer, site and model. */
    record Holder(long customerId, long siteId, long modelId) {
    }

    /** One query for a whole batch of MACs. */
    Map<String, Holder> holders(String[] macs, int count) {
        String[] batch = count == macs.length ? macs : java.util.Arrays.copyOf(macs, count);
        Map<String, Holder> found = new HashMap<>();
        // A join rather than "mac = any(?)": with stale statistics right after a big import, the planner may
        // scan the table and compare each row with every MAC of the batch; a join hashes or probes the index.
        template.query("""
                        select d.mac, d.customer_id, d.site_id, d.model_id
                        from unnest(?::text[]) as m(mac) join device d on d.mac = m.mac::bpchar
                        """,
                ps -> ps.setArray(1, array(ps, "text", batch)),
                rs -> {
                    found.put(rs.getString(1), new Holder(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return found;
    }

    /**
     * Adds a batch of devices with COPY, the fastest way into PostgreSQL. Runs inside the import's transaction
     * (the connection is the transaction's); a MAC taken meanwhile by someone else breaks the unique index
     * and rolls everything back.
     */
    void copyDevices(CustomerId customerId, CurrentAdmin by, NewDevices devices, int from, int to) {
        StringBuilder text = new StringBuilder((to - from) * 48);
        String customer = Long.toString(customerId.value());
        String admin = by == null ? "\\N" : Long.toString(by.id());
        for (int i = from; i < to; i++) {
            text.append(customer).append('\t').append(devices.site(i)).append('\t').append(devices.model(i)).append('\t')
                    .append(devices.mac(i)).append('\t');
            copyField(text, devices.label(i));
            text.append('\t').append(admin).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        template.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy device (customer_id, site_id, model_id, mac, label, created_by) from stdin");
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /**
     * One 'device.created' audit event per device of the batch just copied, as {@code AuditLog.record} writes
     * for a device added by hand, in one statement: the new ids come from the MAC index. Same transaction as
     * the devices.
     */
    void auditDevicesCreated(CustomerId customerId, CurrentAdmin by, String[] macs, String[] summaries) {
        template.update("""
                insert into audit_event (customer_id, actor_id, actor_email, action, object_type, object_id, summary)
                select d.customer_id, ?, ?, 'device.created', 'device', d.id::text, left(t.summary, 500)
                from unnest(?::text[], ?::text[]) as t(mac, summary) join device d on d.mac = t.mac::bpchar
                where d.customer_id = ?
                """, ps -> {
            ps.setObject(1, by == null ? null : by.id(), java.sql.Types.BIGINT);
            ps.setString(2, by == null ? "system" : by.email());
            ps.setArray(3, array(ps, "text", macs));
            ps.setArray(4, array(ps, "text", summaries));
            ps.setLong(5, customerId.value());
        });
    }

    /** COPY's text format: backslash escapes for the characters it uses as separators; \N for null. */
    private static void copyField(StringBuilder text, String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** Fresh planner statistics after a big import, so that the next lookups use the MAC index as they should. */
    void analyzeDevices() {
        template.execute("analyze device");
    }

}
