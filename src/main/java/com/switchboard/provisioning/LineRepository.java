package com.switchboard.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.switchboard.database.CopyText;
import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LineRepository {

    private final JdbcClient jdbc;

    /** For {@code COPY}, on the connection of the current transaction. */
    private final JdbcTemplate template;

    LineRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
    }

    /** A line to load in bulk: its password already encrypted and digested. */
    record NewLine(DeviceId deviceId, UserId userId, String username, byte[] passwordEnc, String ha1, String ha1b) {
    }

    /**
     * Loads many lines of one customer and domain with one {@code COPY}. The unique index on the username still
     * decides: a clash (next to impossible, 103 bits each) fails the {@code COPY} and the caller's transaction.
     */
    void copyLines(CustomerId customerId, String domain, List<NewLine> lines) {
        CopyText rows = new CopyText(lines.size());
        HexFormat hex = HexFormat.of();
        for (NewLine line : lines) {
            // bytea in COPY's text format: the hex form \x… (https://www.postgresql.org/docs/17/datatype-binary.html)
            rows.field(customerId.value()).field(line.deviceId().value()).field(line.userId().value())
                    .field(line.username()).field(domain).field("\\x" + hex.formatHex(line.passwordEnc()))
                    .field(line.ha1()).field(line.ha1b()).endRow();
        }
        rows.copyInto(template, "line (customer_id, device_id, user_id, username, domain, password_enc, ha1, ha1b)");
    }

    int deleteByDevices(List<DeviceId> deviceIds) {
        return jdbc.sql("delete from line where device_id = any(cast(:ids as bigint[]))")
                .param("ids", deviceIds.stream().map(DeviceId::value).toArray(Long[]::new)).update();
    }

    /** Adds the customer's SIP row unless it has one or the domain or key is taken; true when added. */
    boolean insertSipIfNew(CustomerId customerId, String sipDomain, String key) {
        return jdbc.sql("""
                        insert into customer_sip (customer_id, sip_domain, provisioning_key)
                        values (:customerId, :domain, :key)
                        on conflict do nothing
                        """)
                .param("customerId", customerId.value()).param("domain", sipDomain).param("key", key)
                .update() == 1;
    }

    Optional<CustomerSip> findSip(CustomerId customerId) {
        return jdbc.sql("select customer_id, sip_domain, provisioning_key, key_created_at from customer_sip where customer_id = :id")
                .param("id", customerId.value()).query(LineRepository::sip).optional();
    }

    java.util.List<CustomerSip> allSips() {
        return jdbc.sql("select customer_id, sip_domain, provisioning_key, key_created_at from customer_sip")
                .query(LineRepository::sip).list();
    }

    void updateKey(CustomerId customerId, String key) {
        jdbc.sql("update customer_sip set provisioning_key = :key, key_created_at = now() where customer_id = :id")
                .param("key", key).param("id", customerId.value()).update();
    }

    private static CustomerSip sip(ResultSet rs, int row) throws SQLException {
        return new CustomerSip(new CustomerId(rs.getLong("customer_id")), rs.getString("sip_domain"),
                rs.getString("provisioning_key"), rs.getTimestamp("key_created_at").toInstant());
    }

    /** Adds a line unless the username is taken (then false: the caller draws another). */
    boolean insertLine(CustomerId customerId, DeviceId deviceId, UserId userId, String username, String domain,
                       byte[] passwordEnc, String ha1, String ha1b) {
        return jdbc.sql("""
                        insert into line (customer_id, device_id, user_id, username, domain, password_enc, ha1, ha1b)
                        values (:customerId, :deviceId, :userId, :username, :domain, :enc, :ha1, :ha1b)
                        on conflict (username) do nothing
                        """)
                .param("customerId", customerId.value()).param("deviceId", deviceId.value()).param("userId", userId.value())
                .param("username", username).param("domain", domain).param("enc", passwordEnc)
                .param("ha1", ha1).param("ha1b", ha1b)
                .update() == 1;
    }

    int updatePassword(long lineId, byte[] passwordEnc, String ha1, String ha1b) {
        return jdbc.sql("""
                        update line set password_enc = :enc, ha1 = :ha1, ha1b = :ha1b, password_changed_at = now()
                        where id = :id
                        """)
                .param("enc", passwordEnc).param("ha1", ha1).param("ha1b", ha1b).param("id", lineId).update();
    }

    int deleteByDevice(DeviceId deviceId) {
        return jdbc.sql("delete from line where device_id = :id").param("id", deviceId.value()).update();
    }

    int deleteByUser(UserId userId) {
        return jdbc.sql("delete from line where user_id = :id").param("id", userId.value()).update();
    }

    Optional<Line> findByDevice(CustomerId customerId, DeviceId deviceId) {
        return jdbc.sql("""
                        select id, customer_id, device_id, user_id, username, domain, created_at, password_changed_at
                        from line where customer_id = :customerId and device_id = :deviceId
                        """)
                .param("customerId", customerId.value()).param("deviceId", deviceId.value())
                .query(LineRepository::line).optional();
    }

    Optional<byte[]> passwordOf(long lineId) {
        return jdbc.sql("select password_enc from line where id = :id").param("id", lineId).query(byte[].class).optional();
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        return new Line(rs.getLong("id"), new CustomerId(rs.getLong("customer_id")), new DeviceId(rs.getLong("device_id")),
                new UserId(rs.getLong("user_id")), rs.getString("username"), rs.getString("domain"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("password_changed_at").toInstant());
    }
}
