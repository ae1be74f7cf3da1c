package com.switchboard.site;

import java.util.List;
import java.util.Optional;

import com.switchboard.tenancy.CustomerId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SiteRepository {

    private static final RowMapper<Site> SITE = (rs, n) -> new Site(new SiteId(rs.getLong("id")),
            new CustomerId(rs.getLong("customer_id")), rs.getString("name"), rs.getString("address"),
            rs.getString("country"), rs.getString("region"), rs.getString("time_zone"), rs.getString("language"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    SiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Only a site of that customer: another customer's id answers as if it did not exist. */
    Optional<Site> find(CustomerId customerId, SiteId id) {
        return jdbc.sql("select * from site where id = :id and customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).query(SITE).optional();
    }

    List<Site> findByCustomer(CustomerId customerId) {
        return jdbc.sql("select * from site where customer_id = :customerId order by lower(name), id")
                .param("customerId", customerId.value()).query(SITE).list();
    }

    SiteId insert(CustomerId customerId, SiteDetails site) {
        try {
            return new SiteId(jdbc.sql("""
                    insert into site (customer_id, name, address, country, region, time_zone, language)
                    values (:customerId, :name, :address, :country, :region, :timeZone, :language) returning id
                    """)
                    .param("customerId", customerId.value()).param("name", site.name()).param("address", site.address())
                    .param("country", site.country()).param("region", site.region()).param("timeZone", site.timeZone())
                    .param("language", site.language())
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw new NameTaken();
        }
    }

    void update(CustomerId customerId, SiteId id, SiteDetails site) {
        try {
            jdbc.sql("""
                    update site set name = :name, address = :address, country = :country, region = :region,
                                    time_zone = :timeZone, language = :language
                    where id = :id and customer_id = :customerId
                    """)
                    .param("customerId", customerId.value()).param("id", id.value()).param("name", site.name())
                    .param("address", site.address()).param("country", site.country()).param("region", site.region())
                    .param("timeZone", site.timeZone()).param("language", site.language())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new NameTaken();
        }
    }

    /** @throws InUse while devices, users or numbers still belong to the site */
    void delete(CustomerId customerId, SiteId id) {
        try {
            jdbc.sql("delete from site where id = :id and customer_id = :customerId")
                    .param("id", id.value()).param("customerId", customerId.value()).update();
        } catch (DataIntegrityViolationException e) {
            throw new InUse();
        }
    }

    static final class NameTaken extends RuntimeException {
    }

    static final class InUse extends RuntimeException {
    }

    long count(CustomerId customerId) {
        return jdbc.sql("select count(*) from site where customer_id = :c").param("c", customerId.value())
                .query(Long.class).single();
    }
}
