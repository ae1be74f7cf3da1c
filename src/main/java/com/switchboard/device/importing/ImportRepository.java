package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.switchboard.importing.RowError;
import com.switchboard.tenancy.CurrentAdmin;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository {

    private static final String SELECT = """
            select id, customer_id, file_name, file_size, status, total_rows, processed_rows, added_count, unchanged_count,
                   error_count, created_by_email, created_at, started_at, finished_at
            from device_import
            """;

    private static final RowMapper<ImportView> IMPORT = (rs, n) -> new ImportView(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("file_name"), rs.getLong("file_size"), ImportStatus.valueOf(rs.getString("status")),
            rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("added_count"), rs.getInt("unchanged_count"),
            rs.getInt("error_count"), rs.getString("created_by_email"), instant(rs, "created_at"),
            instant(rs, "started_at"), instant(rs, "finished_at"));

    private static final RowMapper<RowError> ERROR = (rs, n) -> new RowError(
            rs.getObject("row_number") == null ? null : rs.getInt("row_number"), rs.getString("column_name"),
            rs.getString("value"), rs.getString("code"), (String[]) rs.getArray("args").getArray());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(CustomerId customerId, String fileName, byte[] content, CurrentAdmin admin) {
        long id = jdbc.sql("""
                insert into device_import (customer_id, file_name, file_size, created_by, created_by_email, created_by_name,
                                           created_by_role)
                values (:customerId, :fileName, :size, :by, :email, :name, :role) returning id
                """)
                .param("customerId", customerId.value()).param("fileName", fileName).param("size", (long) content.length)
                .param("by", admin == null ? null : admin.id()).param("email", admin == null ? null : admin.email())
                .param("name", admin == null ? null : admin.name()).param("role", admin == null ? null : admin.role().name())
                .query(Long.class).single();
        jdbc.sql("insert into device_import_file (import_id, content) values (:id, :content)")
                .param("id", id).param("content", content).update();
        return id;
    }

    Optional<ImportView> find(CustomerId customerId, long id) {
        return jdbc.sql(SELECT + " where id = :id and customer_id = :customerId")
                .param("id", id).param("customerId", customerId.value()).query(IMPORT).optional();
    }

    Optional<ImportView> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(IMPORT).optional();
    }

    List<ImportView> list(CustomerId customerId, int limit, long offset) {
        return jdbc.sql(SELECT + " where customer_id = :customerId order by created_at desc, id desc limit :limit offset :offset")
                .param("customerId", customerId.value()).param("limit", limit).param("offset", offset).query(IMPORT).list();
    }

    long count(CustomerId customerId) {
        return jdbc.sql("select count(*) from device_import where customer_id = :customerId")
                .param("customerId", customerId.value()).query(Long.class).single();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from device_import_file where import_id = :id").param("id", id)
                .query(byte[].class).single();
    }

    BitSet unchangedRows(long id) {
        List<BitSet> bits = jdbc.sql("select unchanged_rows from device_import where id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1) == null ? new BitSet() : BitSet.valueOf(rs.getBytes(1))).list();
        return bits.isEmpty() ? new BitSet() : bits.get(0);
    }

    // ---- the job queue ---------------------------------------------------------------------------------------

    /** The uploader, whom the job acts for. */
    record Claim(long id, CustomerId customerId, String fileName, String token, int attempts, CurrentAdmin uploader) {
    }

    /**
     * Takes the oldest waiting job, or one whose worker stopped renewing its lease (a crash), and starts it
     * from scratch. SKIP LOCKED lets several workers, in several instances, claim side by side without ever
     * taking the same job.
     */
    Optional<Claim> claim(String token, Duration lease) {
        Optional<Claim> claim = jdbc.sql("""
                update device_import set status = 'VALIDATING', claimed_by = :token,
                       claimed_until = now() + make_interval(secs => :lease), attempts = attempts + 1,
                       started_at = coalesce(started_at, now()), processed_rows = 0, added_count = 0,
                       unchanged_count = 0, error_count = 0, unchanged_rows = null
                where id = (select id from device_import
                            where status = 'QUEUED' or (status in ('VALIDATING', 'IMPORTING') and claimed_until < now())
                            order by id limit 1 for update skip locked)
                returning id, customer_id, file_name, attempts, created_by, created_by_email, created_by_name, created_by_role
                """)
                .param("token", token).param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new Claim(rs.getLong("id"), new CustomerId(rs.getLong("customer_id")), rs.getString("file_name"), token,
                        rs.getInt("attempts"), uploader(rs)))
                .optional();
        // A previous attempt may have left some of its errors behind.
        claim.ifPresent(c -> jdbc.sql("delete from device_import_error where import_id = :id").param("id", c.id()).update());
        return claim;
    }

    private static CurrentAdmin uploader(ResultSet rs) throws SQLException {
        if (rs.getObject("created_by") == null || rs.getString("created_by_role") == null) {
            return null;
        }
        var role = com.switchboard.tenancy.Role.valueOf(rs.getString("created_by_role"));
        return new CurrentAdmin(rs.getLong("created_by"), rs.getString("created_by_email"), rs.getString("created_by_name"),
                role, role == com.switchboard.tenancy.Role.PROVIDER_ADMIN ? null : new CustomerId(rs.getLong("customer_id")));
    }

    /** Progress, and the renewal of the lease; false when the job is no longer this worker's. */
    boolean progress(Claim claim, ImportStatus status, int totalRows, int processedRows, int addedCount, Duration lease) {
        return jdbc.sql("""
                update device_import set status = :status, total_rows = :total, processed_rows = :processed,
                       added_count = :added, claimed_until = now() + make_interval(secs => :lease)
                where id = :id and claimed_by = :token and status in ('VALIDATING', 'IMPORTING')
                """)
                .param("status", status.name()).param("total", totalRows).param("processed", processedRows)
                .param("added", addedCount).param("lease", (double) lease.toSeconds())
                .param("id", claim.id()).param("token", claim.token()).update() == 1;
    }

    /** Writes the final state; false when the job is no longer this worker's, and then nothing must be kept. */
    boolean finish(Claim claim, ImportStatus status, int totalRows, int addedCount, int unchangedCount, int errorCount,
                   BitSet unchanged) {
        return jdbc.sql("""
                update device_import set status = :status, total_rows = :total, processed_rows = :total,
                       added_count = :added, unchanged_count = :unchanged, error_count = :errors,
                       unchanged_rows = :bits, finished_at = now(), claimed_until = null
                where id = :id and claimed_by = :token and status in ('VALIDATING', 'IMPORTING')
                """)
                .param("status", status.name()).param("total", totalRows).param("added", addedCount)
                .param("unchanged", unchangedCount).param("errors", errorCount)
                .param("bits", unchanged == null || unchanged.isEmpty() ? null : unchanged.toByteArray())
                .param("id", claim.id()).param("token", claim.token()).update() == 1;
    }

    /** Stores a batch of errors in one statement, unless another worker has taken the job over. */
    void insertErrors(Claim claim, int firstSeq, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int n = errors.size();
        Integer[] seqs = new Integer[n];
        Integer[] rows = new Integer[n];
        String[] columns = new String[n];
        String[] values = new String[n];
        String[] codes = new String[n];
        // Arguments travel as one text per error, joined by a unit separator that no CSV field holds.
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            RowError e = errors.get(i);
            seqs[i] = firstSeq + i;
            rows[i] = e.row();
            columns[i] = e.column();
            values[i] = e.value();
            codes[i] = e.code();
            args[i] = String.join("\u001F", e.args());
        }
        template.update("""
                insert into device_import_error (import_id, seq, row_number, column_name, value, code, args)
                select ?, t.seq, t.row_number, t.column_name, t.value, t.code,
                       case when t.args = '' then '{}'::text[] else string_to_array(t.args, chr(31)) end
                from unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as t(seq, row_number, column_name, value, code, args)
                where exists (select 1 from device_import where id = ? and claimed_by = ?)
                """, ps -> {
            ps.setLong(1, claim.id());
            ps.setArray(2, array(ps, "int4", seqs));
            ps.setArray(3, array(ps, "int4", rows));
            ps.setArray(4, array(ps, "text", columns));
            ps.setArray(5, array(ps, "text", values));
            ps.setArray(6, array(ps, "text", codes));
            ps.setArray(7, array(ps, "text", args));
            ps.setLong(8, claim.id());
            ps.setString(9, claim.token());
        });
    }

    List<RowError> errors(long id, int limit, long offset) {
        return jdbc.sql("""
                select row_number, column_name, value, code, args from device_import_error where import_id = :id
                order by row_number nulls first, seq limit :limit offset :offset
                """).param("id", id).param("limit", limit).param("offset", offset).query(ERROR).list();
    }

    /** Every error in row order, streamed: a results file may carry a hundred thousand of them. */
    void eachError(long id, Consumer<RowError> consumer) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select row_number, column_name, value, code, args from device_import_error where import_id = ?
                    order by row_number nulls first, seq
                    """);
            ps.setLong(1, id);
            ps.setFetchSize(2000);
            return ps;
        }, rs -> {
            consumer.accept(ERROR.mapRow(rs, 0));
        });
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

    private static Array array(PreparedStatement ps, String type, Object[] values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
