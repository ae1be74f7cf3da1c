package com.switchboard.importing;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.CleanText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs of one kind of import, stored in PostgreSQL: the uploaded file, the job's state and progress, its
 * problems, and the queue that workers claim jobs from ({@code FOR UPDATE SKIP LOCKED}, under a lease). Each kind
 * of import has its three tables and a repository that extends this one with what it writes.
 */
public class ImportJobs {

    private static final String SELECT = """
            select id, customer_id, file_name, file_size, status, total_rows, processed_rows, added_count, unchanged_count,
                   updated_count, error_count, created_by_email, created_at, started_at, finished_at
            from {job}
            """;

    private static final RowMapper<ImportView> IMPORT = (rs, n) -> new ImportView(rs.getLong("id"), rs.getLong("customer_id"),
            rs.getString("file_name"), rs.getLong("file_size"), ImportStatus.valueOf(rs.getString("status")),
            rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("added_count"), rs.getInt("unchanged_count"),
            rs.getInt("updated_count"), rs.getInt("error_count"), rs.getString("created_by_email"), instant(rs, "created_at"),
            instant(rs, "started_at"), instant(rs, "finished_at"));

    private static final RowMapper<RowError> ERROR = (rs, n) -> new RowError(
            rs.getObject("row_number") == null ? null : rs.getInt("row_number"), rs.getString("column_name"),
            rs.getString("value"), rs.getString("code"), (String[]) rs.getArray("args").getArray());

    protected final JdbcClient jdbc;
    protected final JdbcTemplate template;

    private final String job;
    private final String file;
    private final String error;

    /**
     * @param table the job table; its uploaded files are in {@code <table>_file}, its problems in
     *              {@code <table>_error}, shaped as {@code device_import}'s (V10)
     */
    protected ImportJobs(JdbcClient jdbc, JdbcTemplate template, String table) {
        this.jdbc = jdbc;
        this.template = template;
        this.job = table;
        this.file = table + "_file";
        this.error = table + "_error";
    }

    private String sql(String text) {
        return text.replace("{job}", job).replace("{file}", file).replace("{error}", error);
    }

    public long insert(CustomerId customerId, String fileName, byte[] content, CurrentAdmin admin) {
        long id = jdbc.sql(sql("""
                insert into {job} (customer_id, file_name, file_size, created_by, created_by_email, created_by_name,
                                           created_by_role)
                values (:customerId, :fileName, :size, :by, :email, :name, :role) returning id
                """))
                .param("customerId", customerId.value()).param("fileName", fileName).param("size", (long) content.length)
                .param("by", admin == null ? null : admin.id()).param("email", admin == null ? null : admin.email())
                .param("name", admin == null ? null : admin.name()).param("role", admin == null ? null : admin.role().name())
                .query(Long.class).single();
        jdbc.sql(sql("insert into {file} (import_id, content) values (:id, :content)"))
                .param("id", id).param("content", content).update();
        return id;
    }

    public Optional<ImportView> find(CustomerId customerId, long id) {
        return jdbc.sql(sql(SELECT + " where id = :id and customer_id = :customerId"))
                .param("id", id).param("customerId", customerId.value()).query(IMPORT).optional();
    }

    public Optional<ImportView> find(long id) {
        return jdbc.sql(sql(SELECT + " where id = :id")).param("id", id).query(IMPORT).optional();
    }

    public List<ImportView> list(CustomerId customerId, int limit, long offset) {
        return jdbc.sql(sql(SELECT + " where customer_id = :customerId order by created_at desc, id desc limit :limit offset :offset"))
                .param("customerId", customerId.value()).param("limit", limit).param("offset", offset).query(IMPORT).list();
    }

    public long count(CustomerId customerId) {
        return jdbc.sql(sql("select count(*) from {job} where customer_id = :customerId"))
                .param("customerId", customerId.value()).query(Long.class).single();
    }

    /** The uploaded file, unless it was deleted after the retention period. */
    public Optional<byte[]> content(long id) {
        return jdbc.sql(sql("select content from {file} where import_id = :id")).param("id", id)
                .query(byte[].class).optional();
    }

    /** Bytes of uploaded files of this kind the customer has stored now (deleted ones no longer count); see {@link ImportStorage}. */
    public long storedBytes(CustomerId customerId) {
        return jdbc.sql(sql("""
                select coalesce(sum(i.file_size), 0) from {job} i
                where i.customer_id = :customerId and exists (select 1 from {file} f where f.import_id = i.id)
                """)).param("customerId", customerId.value()).query(Long.class).single();
    }

    /** Deletes the contents of files whose import finished longer ago than the retention; the import's results stay. */
    public int purgeContents(Duration retention) {
        return jdbc.sql(sql("""
                delete from {file} f using {job} i
                where i.id = f.import_id and i.status in ('COMPLETED', 'REJECTED', 'FAILED')
                  and i.finished_at < now() - make_interval(secs => :seconds)
                """)).param("seconds", (double) retention.toSeconds()).update();
    }

    public BitSet unchangedRows(long id) {
        return rows("unchanged_rows", id);
    }

    /** The rows that changed something already there ("add and update"). */
    public BitSet updatedRows(long id) {
        return rows("updated_rows", id);
    }

    private BitSet rows(String column, long id) {
        List<BitSet> bits = jdbc.sql(sql("select " + column + " from {job} where id = :id")).param("id", id)
                .query((rs, n) -> rs.getBytes(1) == null ? new BitSet() : BitSet.valueOf(rs.getBytes(1))).list();
        return bits.isEmpty() ? new BitSet() : bits.get(0);
    }

    // ---- the job queue ---------------------------------------------------------------------------------------

    /** The uploader, whom the job acts for. */
    public record Claim(long id, CustomerId customerId, String fileName, String token, int attempts, CurrentAdmin uploader) {
    }

    /**
     * Takes a waiting job, or one whose worker stopped renewing its lease (a crash), and starts it from
     * scratch. Fair across customers: first the customers with the fewest jobs running, then the one served
     * longest ago, then the oldest file, so that one customer's small file never waits behind another's
     * queue. SKIP LOCKED lets several workers, in several instances, claim side by side without ever
     * taking the same job.
     */
    public Optional<Claim> claim(String token, Duration lease) {
        Optional<Claim> claim = jdbc.sql(sql("""
                update {job} set status = 'VALIDATING', claimed_by = :token,
                       claimed_until = now() + make_interval(secs => :lease), attempts = attempts + 1,
                       started_at = coalesce(started_at, now()), processed_rows = 0, added_count = 0,
                       unchanged_count = 0, error_count = 0, unchanged_rows = null, updated_count = 0, updated_rows = null
                where id = (select q.id from {job} q
                            where q.status = 'QUEUED' or (q.status in ('VALIDATING', 'IMPORTING') and q.claimed_until < now())
                            order by (select count(*) from {job} r where r.customer_id = q.customer_id
                                      and r.status in ('VALIDATING', 'IMPORTING') and r.claimed_until >= now()),
                                     (select max(r.started_at) from {job} r where r.customer_id = q.customer_id) nulls first,
                                     q.id
                            limit 1 for update skip locked)
                returning id, customer_id, file_name, attempts, created_by, created_by_email, created_by_name, created_by_role
                """))
                .param("token", token).param("lease", (double) lease.toSeconds())
                .query((rs, n) -> new Claim(rs.getLong("id"), new CustomerId(rs.getLong("customer_id")), rs.getString("file_name"), token,
                        rs.getInt("attempts"), uploader(rs)))
                .optional();
        // A previous attempt may have left some of its errors behind.
        claim.ifPresent(this::deleteErrors);
        return claim;
    }

    /** Forgets the problems found so far, for a job that checks its file again from the start. */
    public void deleteErrors(Claim claim) {
        jdbc.sql(sql("delete from {error} where import_id = :id")).param("id", claim.id()).update();
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
    public boolean progress(Claim claim, ImportStatus status, int totalRows, int processedRows, int addedCount, Duration lease) {
        return jdbc.sql(sql("""
                update {job} set status = :status, total_rows = :total, processed_rows = :processed,
                       added_count = :added, claimed_until = now() + make_interval(secs => :lease)
                where id = :id and claimed_by = :token and status in ('VALIDATING', 'IMPORTING')
                """))
                .param("status", status.name()).param("total", totalRows).param("processed", processedRows)
                .param("added", addedCount).param("lease", (double) lease.toSeconds())
                .param("id", claim.id()).param("token", claim.token()).update() == 1;
    }

    /** Writes the final state; false when the job is no longer this worker's, and then nothing must be kept. */
    public boolean finish(Claim claim, ImportStatus status, int totalRows, int addedCount, int unchangedCount, int errorCount,
                   BitSet unchanged) {
        return finish(claim, status, totalRows, addedCount, unchangedCount, 0, errorCount, unchanged, null);
    }

    /** The same, with the rows that updated what was already there. */
    public boolean finish(Claim claim, ImportStatus status, int totalRows, int addedCount, int unchangedCount,
                          int updatedCount, int errorCount, BitSet unchanged, BitSet updated) {
        return jdbc.sql(sql("""
                update {job} set status = :status, total_rows = :total, processed_rows = :total,
                       added_count = :added, unchanged_count = :unchanged, error_count = :errors,
                       unchanged_rows = :bits, updated_count = :updated, updated_rows = :updatedBits,
                       finished_at = clock_timestamp(), claimed_until = null
                where id = :id and claimed_by = :token and status in ('VALIDATING', 'IMPORTING')
                """))
                .param("status", status.name()).param("total", totalRows).param("added", addedCount)
                .param("unchanged", unchangedCount).param("errors", errorCount).param("updated", updatedCount)
                .param("bits", unchanged == null || unchanged.isEmpty() ? null : unchanged.toByteArray())
                .param("updatedBits", updated == null || updated.isEmpty() ? null : updated.toByteArray())
                .param("id", claim.id()).param("token", claim.token()).update() == 1;
    }

    /** Stores a batch of errors in one statement, unless another worker has taken the job over. */
    public void insertErrors(Claim claim, int firstSeq, List<RowError> errors) {
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
            // A cell may hold any character: NUL would fail in PostgreSQL and a unit separator would split the arguments.
            values[i] = CleanText.scrub(e.value());
            codes[i] = e.code();
            args[i] = String.join("\u001F", java.util.Arrays.stream(e.args()).map(CleanText::scrub).toList());
        }
        template.update(sql("""
                insert into {error} (import_id, seq, row_number, column_name, value, code, args)
                select ?, t.seq, t.row_number, t.column_name, t.value, t.code,
                       case when t.args = '' then '{}'::text[] else string_to_array(t.args, chr(31)) end
                from unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as t(seq, row_number, column_name, value, code, args)
                where exists (select 1 from {job} where id = ? and claimed_by = ?)
                """), ps -> {
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

    /** A writer of the problems of a claimed job, to the database in batches as they are found. */
    public ErrorWriter errorWriter(Claim claim, int batch) {
        return new ErrorWriter(claim, batch);
    }

    /** Errors go to the database in batches as they are found, not all kept in memory. */
    public final class ErrorWriter {
        private final Claim claim;
        private final int batch;
        private final List<RowError> pending = new ArrayList<>();
        private int written;

        private ErrorWriter(Claim claim, int batch) {
            this.claim = claim;
            this.batch = batch;
        }

        public void add(RowError error) {
            pending.add(error);
            if (pending.size() >= batch) {
                flush();
            }
        }

        public void flush() {
            insertErrors(claim, written, pending);
            written += pending.size();
            pending.clear();
        }
    }

    public List<RowError> errors(long id, int limit, long offset) {
        return jdbc.sql(sql("""
                select row_number, column_name, value, code, args from {error} where import_id = :id
                order by row_number nulls first, seq limit :limit offset :offset
                """)).param("id", id).param("limit", limit).param("offset", offset).query(ERROR).list();
    }

    /** Every error in row order, streamed: a results file may carry a hundred thousand of them. */
    public void eachError(long id, Consumer<RowError> consumer) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql("""
                    select row_number, column_name, value, code, args from {error} where import_id = ?
                    order by row_number nulls first, seq
                    """));
            ps.setLong(1, id);
            ps.setFetchSize(2000);
            return ps;
        }, rs -> {
            consumer.accept(ERROR.mapRow(rs, 0));
        });
    }

    protected static Array array(PreparedStatement ps, String type, Object[] values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
