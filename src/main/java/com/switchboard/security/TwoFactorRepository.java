package com.switchboard.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TwoFactorRepository {

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The encrypted secret: the confirmed one, or the one waiting for its first code. */
    Optional<byte[]> secret(long adminId, boolean confirmed) {
        return jdbc.sql("select secret_enc from admin_two_factor where admin_id = :id and (confirmed_at is not null) = :confirmed")
                .param("id", adminId).param("confirmed", confirmed).query(byte[].class).optional();
    }

    boolean isOn(long adminId) {
        return secret(adminId, true).isPresent();
    }

    /** A new secret waiting for its first code, replacing an earlier unconfirmed one; never a confirmed one. */
    int saveUnconfirmed(long adminId, byte[] secret) {
        return jdbc.sql("""
                insert into admin_two_factor (admin_id, secret_enc) values (:id, :secret)
                on conflict (admin_id) do update set secret_enc = excluded.secret_enc, created_at = now(), last_step = 0
                    where admin_two_factor.confirmed_at is null
                """).param("id", adminId).param("secret", secret).update();
    }

    int confirm(long adminId) {
        return jdbc.sql("update admin_two_factor set confirmed_at = now() where admin_id = :id and confirmed_at is null")
                .param("id", adminId).update();
    }

    /** Takes the time step of an accepted code, unless it (or a later one) was already used: a code works once. */
    boolean useStep(long adminId, long step) {
        return jdbc.sql("update admin_two_factor set last_step = :step where admin_id = :id and last_step < :step")
                .param("id", adminId).param("step", step).update() == 1;
    }

    void replaceRecoveryCodes(long adminId, List<String> hashes) {
        jdbc.sql("delete from admin_recovery_code where admin_id = :id").param("id", adminId).update();
        for (String hash : hashes) {
            jdbc.sql("insert into admin_recovery_code (admin_id, code_hash) values (:id, :hash)")
                    .param("id", adminId).param("hash", hash).update();
        }
    }

    boolean useRecoveryCode(long adminId, String hash) {
        return jdbc.sql("update admin_recovery_code set used_at = now() where admin_id = :id and code_hash = :hash and used_at is null")
                .param("id", adminId).param("hash", hash).update() == 1;
    }

    int recoveryCodesLeft(long adminId) {
        return jdbc.sql("select count(*) from admin_recovery_code where admin_id = :id and used_at is null")
                .param("id", adminId).query(Integer.class).single();
    }

    int delete(long adminId) {
        jdbc.sql("delete from admin_recovery_code where admin_id = :id").param("id", adminId).update();
        return jdbc.sql("delete from admin_two_factor where admin_id = :id").param("id", adminId).update();
    }

    boolean isRequired(CustomerId customerId) {
        return customerId != null && jdbc.sql("select exists (select 1 from customer_two_factor where customer_id = :id)")
                .param("id", customerId.value()).query(Boolean.class).single();
    }

    boolean setRequired(CustomerId customerId, boolean required) {
        return (required
                ? jdbc.sql("insert into customer_two_factor (customer_id) values (:id) on conflict do nothing")
                : jdbc.sql("delete from customer_two_factor where customer_id = :id"))
                .param("id", customerId.value()).update() == 1;
    }

    /** Which of a customer's admins sign in with a second factor. */
    Set<Long> enrolledAdmins(CustomerId customerId) {
        return Set.copyOf(jdbc.sql("""
                select t.admin_id from admin_two_factor t join admin_account a on a.id = t.admin_id
                where a.customer_id = :id and t.confirmed_at is not null
                """).param("id", customerId.value()).query(Long.class).list());
    }
}
