package com.switchboard.security;

import java.util.List;
import java.util.Optional;

import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdminAccountRepository {

    private static final RowMapper<AdminAccount> ACCOUNT = (rs, n) -> new AdminAccount(
            rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")),
            rs.getObject("customer_id") == null ? null : new CustomerId(rs.getLong("customer_id")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    AdminAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AdminUser> findForSignIn(String email) {
        return jdbc.sql("select id, email, name, role, customer_id, password_hash from admin_account where lower(email) = lower(:email)")
                .param("email", email.trim())
                .query((rs, n) -> new AdminUser(new CurrentAdmin(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("customer_id") == null ? null : new CustomerId(rs.getLong("customer_id"))),
                        rs.getString("password_hash")))
                .optional();
    }

    Optional<AdminAccount> find(long id) {
        return jdbc.sql("select * from admin_account where id = :id").param("id", id).query(ACCOUNT).optional();
    }

    List<AdminAccount> findByCustomer(CustomerId customerId) {
        return jdbc.sql("select * from admin_account where customer_id = :customerId order by lower(email)")
                .param("customerId", customerId.value()).query(ACCOUNT).list();
    }

    boolean anyProviderAdmin() {
        return jdbc.sql("select exists (select 1 from admin_account where role = 'PROVIDER_ADMIN')").query(Boolean.class).single();
    }

    /** @throws AdminEmailTaken when the address is already used, whatever its letter case */
    long insert(String email, String name, String passwordHash, Role role, CustomerId customerId) {
        try {
            return jdbc.sql("""
                    insert into admin_account (email, name, password_hash, role, customer_id)
                    values (:email, :name, :hash, :role, :customerId) returning id
                    """)
                    .param("email", email).param("name", name).param("hash", passwordHash)
                    .param("role", role.name()).param("customerId", customerId == null ? null : customerId.value())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new AdminEmailTaken();
        }
    }

    int updatePassword(long id, String passwordHash) {
        return jdbc.sql("update admin_account set password_hash = :hash where id = :id")
                .param("hash", passwordHash).param("id", id).update();
    }

    Optional<AdminAccount> findByEmail(String email) {
        return jdbc.sql("select * from admin_account where lower(email) = lower(:email)").param("email", email.trim())
                .query(ACCOUNT).optional();
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from admin_account where id = :id").param("id", id).query(String.class).single();
    }

    int delete(long id) {
        return jdbc.sql("delete from admin_account where id = :id").param("id", id).update();
    }

    static final class AdminEmailTaken extends RuntimeException {
    }
}
