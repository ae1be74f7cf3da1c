package com.switchboard.customer;

import java.util.List;
import java.util.Optional;

import com.switchboard.tenancy.CustomerId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private static final RowMapper<Customer> CUSTOMER = (rs, n) -> new Customer(new CustomerId(rs.getLong("id")),
            rs.getString("name"), rs.getString("country"), rs.getString("language"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> find(CustomerId id) {
        return jdbc.sql("select * from customer where id = :id").param("id", id.value()).query(CUSTOMER).optional();
    }

    List<Customer> findAll() {
        return jdbc.sql("select * from customer order by lower(name)").query(CUSTOMER).list();
    }

    Optional<Customer> findByName(String name) {
        return jdbc.sql("select * from customer where lower(name) = lower(:name)").param("name", name).query(CUSTOMER).optional();
    }

    CustomerId insert(String name, String country, String language) {
        try {
            return new CustomerId(jdbc.sql("insert into customer (name, country, language) values (:name, :country, :language) returning id")
                    .param("name", name).param("country", country).param("language", language)
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw new NameTaken();
        }
    }

    static final class NameTaken extends RuntimeException {
    }
}
