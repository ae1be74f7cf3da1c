package com.switchboard.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.switchboard.database.CopyText;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final String SELECT = """
            select u.id, u.customer_id, u.site_id, s.name as site_name, u.first_name, u.last_name, u.email,
                   u.extension, u.language, u.created_at
            from app_user u
            join site s on s.id = u.site_id
            """;

    private static final RowMapper<UserView> USER = (rs, n) -> new UserView(new UserId(rs.getLong("id")),
            new CustomerId(rs.getLong("customer_id")), new SiteId(rs.getLong("site_id")), rs.getString("site_name"),
            rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("extension"),
            rs.getString("language"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    /** For {@code COPY}, on the connection of the current transaction. */
    private final JdbcTemplate template;

    UserRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
    }

    /**
     * Loads many people with one {@code COPY} (an import's rows, checked already); the unique indexes still refuse
     * a taken email or extension, and then the whole {@code COPY} fails with the caller's transaction.
     */
    void copy(CustomerId customerId, List<UserDetails> people) {
        CopyText rows = new CopyText(people.size());
        for (UserDetails user : people) {
            rows.field(customerId.value()).field(user.siteId()).field(user.firstName()).field(user.lastName())
                    .field(user.email()).field(user.extension()).field(user.language()).endRow();
        }
        rows.copyInto(template, "app_user (customer_id, site_id, first_name, last_name, email, extension, language)");
    }

    /** The ids of the customer's users with these emails, by email in lower case. */
    Map<String, UserId> idsByEmail(CustomerId customerId, List<String> emails) {
        Map<String, UserId> ids = new HashMap<>();
        // lower(email), like the unique index (customer_id, lower(email)), so that the index serves the lookup.
        jdbc.sql("select id, lower(email) as email from app_user where customer_id = :customerId and lower(email) = any(:emails)")
                .param("customerId", customerId.value())
                .param("emails", emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("email"), new UserId(rs.getLong("id")))).list();
        return ids;
    }

    /** @throws Taken when the unique indexes refuse the email or the extension (concurrent adds included) */
    UserId insert(CustomerId customerId, UserDetails user) {
        try {
            return new UserId(jdbc.sql("""
                    insert into app_user (customer_id, site_id, first_name, last_name, email, extension, language)
                    values (:customerId, :siteId, :firstName, :lastName, :email, :extension, :language)
                    returning id
                    """)
                    .param("customerId", customerId.value()).params(params(user))
                    .query(Long.class).single());
        } catch (DuplicateKeyException e) {
            throw Taken.of(e);
        }
    }

    /**
     * @throws Taken when the email or extension is another user's
     * @throws SiteInUse when numbers or devices of the old site are still assigned (the foreign keys say so)
     */
    void update(CustomerId customerId, UserId id, UserDetails user) {
        try {
            jdbc.sql("""
                    update app_user set site_id = :siteId, first_name = :firstName, last_name = :lastName,
                                        email = :email, extension = :extension, language = :language
                    where id = :id and customer_id = :customerId
                    """)
                    .param("customerId", customerId.value()).param("id", id.value()).params(params(user))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Taken.of(e);
        } catch (DataIntegrityViolationException e) {
            throw new SiteInUse();
        }
    }

    private static Map<String, Object> params(UserDetails user) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("siteId", user.siteId());
        params.put("firstName", user.firstName());
        params.put("lastName", user.lastName());
        params.put("email", user.email());
        params.put("extension", user.extension());
        params.put("language", user.language());
        return params;
    }

    int delete(CustomerId customerId, UserId id) {
        return jdbc.sql("delete from app_user where id = :id and customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).update();
    }

    Optional<UserView> find(CustomerId customerId, UserId id) {
        return jdbc.sql(SELECT + " where u.id = :id and u.customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).query(USER).optional();
    }

    /** Locks the user's row so that a concurrent delete or site change waits for an assignment. */
    Optional<UserView> findForUpdate(CustomerId customerId, UserId id) {
        return jdbc.sql(SELECT + " where u.id = :id and u.customer_id = :customerId for update of u")
                .param("id", id.value()).param("customerId", customerId.value()).query(USER).optional();
    }

    boolean emailTaken(CustomerId customerId, String email, UserId excluding) {
        return jdbc.sql("select count(*) from app_user where customer_id = :customerId and lower(email) = lower(:email) and id <> :excluding")
                .param("customerId", customerId.value()).param("email", email)
                .param("excluding", excluding == null ? -1L : excluding.value()).query(Long.class).single() > 0;
    }

    boolean extensionTaken(CustomerId customerId, String extension, UserId excluding) {
        return jdbc.sql("select count(*) from app_user where customer_id = :customerId and extension = :extension and id <> :excluding")
                .param("customerId", customerId.value()).param("extension", extension)
                .param("excluding", excluding == null ? -1L : excluding.value()).query(Long.class).single() > 0;
    }

    /** The extension after the highest one in use, from 100 when there is none; empty when that would not fit. */
    Optional<String> nextExtension(CustomerId customerId) {
        long next = jdbc.sql("select coalesce(max(extension::bigint), 99) + 1 from app_user where customer_id = :customerId")
                .param("customerId", customerId.value()).query(Long.class).single();
        String value = Long.toString(next);
        return value.length() <= 8 ? Optional.of(value) : Optional.empty();
    }

    List<UserView> findBySite(CustomerId customerId, SiteId siteId) {
        return jdbc.sql(SELECT + " where u.customer_id = :customerId and u.site_id = :siteId order by lower(u.last_name), lower(u.first_name), u.id")
                .param("customerId", customerId.value()).param("siteId", siteId.value()).query(USER).list();
    }

    record Page(List<UserView> items, long total) {
    }

    Page search(CustomerId customerId, UserQuery query) {
        List<String> where = new ArrayList<>(List.of("u.customer_id = :customerId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customerId", customerId.value());
        if (query.siteId() != null) {
            where.add("u.site_id = :siteId");
            params.put("siteId", query.siteId());
        }
        if (query.q() != null) {
            where.add("""
                    (lower(u.first_name || ' ' || u.last_name) like :text or lower(u.last_name || ' ' || u.first_name) like :text
                     or lower(u.email) like :text or u.extension like :text)""");
            params.put("text", "%" + query.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String filter = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from app_user u" + filter).params(params).query(Long.class).single();
        List<UserView> items = jdbc.sql(SELECT + filter + " order by " + query.sort().sql(query.descending())
                        + " limit :limit offset :offset")
                .params(params).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(USER).list();
        return new Page(items, total);
    }

    /** Which unique rule a duplicate broke. */
    static final class Taken extends RuntimeException {

        final boolean email;

        private Taken(boolean email) {
            this.email = email;
        }

        static Taken of(DuplicateKeyException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            return new Taken(message.contains("app_user_customer_email_uk"));
        }
    }

    static final class SiteInUse extends RuntimeException {
    }

    long count(CustomerId customerId) {
        return jdbc.sql("select count(*) from app_user where customer_id = :c").param("c", customerId.value())
                .query(Long.class).single();
    }

    /** How many rows each site of the customer holds (sites without any left out). */
    java.util.Map<SiteId, Long> countsBySite(CustomerId customerId) {
        java.util.Map<SiteId, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select site_id, count(*) as n from app_user where customer_id = :c group by site_id")
                .param("c", customerId.value())
                .query((rs, n) -> counts.put(new SiteId(rs.getLong("site_id")), rs.getLong("n"))).list();
        return counts;
    }
}
