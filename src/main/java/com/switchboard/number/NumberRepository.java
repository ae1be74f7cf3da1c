package com.switchboard.number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NumberRepository {

    private static final String SELECT = """
            select n.id, n.customer_id, n.site_id, s.name as site_name, n.e164, n.assigned_user_id,
                   u.first_name || ' ' || u.last_name as user_name, n.created_at
            from phone_number n
            join site s on s.id = n.site_id
            left join app_user u on u.id = n.assigned_user_id
            """;

    private static final RowMapper<NumberView> NUMBER = (rs, n) -> new NumberView(new NumberId(rs.getLong("id")),
            new CustomerId(rs.getLong("customer_id")), new SiteId(rs.getLong("site_id")), rs.getString("site_name"),
            new PhoneNumber(rs.getString("e164")),
            rs.getObject("assigned_user_id") == null ? null : new UserId(rs.getLong("assigned_user_id")),
            rs.getString("user_name"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    NumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the number unless it exists; the unique index settles concurrent adds. */
    Optional<NumberId> insertIfNew(CustomerId customerId, SiteId siteId, PhoneNumber number) {
        return jdbc.sql("""
                insert into phone_number (customer_id, site_id, e164) values (:customerId, :siteId, :e164)
                on conflict (e164) do nothing
                returning id
                """)
                .param("customerId", customerId.value()).param("siteId", siteId.value()).param("e164", number.e164())
                .query(Long.class).optional().map(NumberId::new);
    }

    /** The numbers of the list that already exist, on the whole platform. */
    List<String> existing(List<PhoneNumber> numbers) {
        return jdbc.sql("select e164 from phone_number where e164 in (:e164) order by e164")
                .param("e164", numbers.stream().map(PhoneNumber::e164).toList()).query(String.class).list();
    }

    Optional<NumberView> find(CustomerId customerId, NumberId id) {
        return jdbc.sql(SELECT + " where n.id = :id and n.customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).query(NUMBER).optional();
    }

    /** Takes the number for the user only if it is still free and at the user's site: a race has one winner. */
    boolean assignIfFree(CustomerId customerId, NumberId id, UserId userId, SiteId siteId) {
        return jdbc.sql("""
                update phone_number set assigned_user_id = :userId
                where id = :id and customer_id = :customerId and site_id = :siteId and assigned_user_id is null
                """)
                .param("id", id.value()).param("customerId", customerId.value()).param("userId", userId.value())
                .param("siteId", siteId.value()).update() == 1;
    }

    /**
     * Takes many numbers for their users in one statement, each only if it is still free and at its user's site;
     * answers the e164 of each number taken, by id (fewer than asked when another taker came first).
     */
    Map<Long, String> assignAllIfFree(CustomerId customerId, List<NumberAssignment> assignments) {
        Map<Long, String> taken = new HashMap<>();
        jdbc.sql("""
                update phone_number n set assigned_user_id = t.user_id
                from unnest(cast(:ids as bigint[]), cast(:users as bigint[]), cast(:sites as bigint[])) as t(id, user_id, site_id)
                where n.id = t.id and n.customer_id = :customerId and n.site_id = t.site_id and n.assigned_user_id is null
                returning n.id, n.e164
                """)
                .param("customerId", customerId.value())
                .param("ids", assignments.stream().map(a -> a.numberId().value()).toArray(Long[]::new))
                .param("users", assignments.stream().map(a -> a.userId().value()).toArray(Long[]::new))
                .param("sites", assignments.stream().map(a -> a.userSite().value()).toArray(Long[]::new))
                .query((rs, n) -> taken.put(rs.getLong("id"), rs.getString("e164"))).list();
        return taken;
    }

    int free(CustomerId customerId, NumberId id) {
        return jdbc.sql("update phone_number set assigned_user_id = null where id = :id and customer_id = :customerId")
                .param("id", id.value()).param("customerId", customerId.value()).update();
    }

    int freeAllOf(CustomerId customerId, UserId userId) {
        return jdbc.sql("update phone_number set assigned_user_id = null where assigned_user_id = :userId and customer_id = :customerId")
                .param("userId", userId.value()).param("customerId", customerId.value()).update();
    }

    List<NumberView> ofUser(CustomerId customerId, UserId userId) {
        return jdbc.sql(SELECT + " where n.customer_id = :customerId and n.assigned_user_id = :userId order by n.e164")
                .param("customerId", customerId.value()).param("userId", userId.value()).query(NUMBER).list();
    }

    List<NumberView> availableAt(CustomerId customerId, SiteId siteId) {
        return jdbc.sql(SELECT + " where n.customer_id = :customerId and n.site_id = :siteId and n.assigned_user_id is null order by n.e164")
                .param("customerId", customerId.value()).param("siteId", siteId.value()).query(NUMBER).list();
    }

    int delete(CustomerId customerId, NumberId id) {
        return jdbc.sql("delete from phone_number where id = :id and customer_id = :customerId and assigned_user_id is null")
                .param("id", id.value()).param("customerId", customerId.value()).update();
    }

    record Page(List<NumberView> items, long total) {
    }

    Page search(CustomerId customerId, NumberQuery query) {
        List<String> where = new ArrayList<>(List.of("n.customer_id = :customerId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("customerId", customerId.value());
        if (query.siteId() != null) {
            where.add("n.site_id = :siteId");
            params.put("siteId", query.siteId());
        }
        if (query.status() != null) {
            where.add(query.status() == NumberQuery.Status.AVAILABLE ? "n.assigned_user_id is null" : "n.assigned_user_id is not null");
        }
        if (query.digits() != null) {
            // National forms start with a trunk prefix (0 in France) that E.164 drops: match without it too.
            where.add("(n.e164 like :digits or n.e164 like :trunkless)");
            params.put("digits", "%" + query.digits() + "%");
            params.put("trunkless", "%" + (query.digits().startsWith("0") ? query.digits().substring(1) : query.digits()) + "%");
        }
        String filter = " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from phone_number n" + filter).params(params).query(Long.class).single();
        List<NumberView> items = jdbc.sql(SELECT + filter + " order by n.e164 limit :limit offset :offset")
                .params(params).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query(NUMBER).list();
        return new Page(items, total);
    }

    Numbers.Counts counts(CustomerId customerId) {
        return jdbc.sql("""
                select count(*) filter (where assigned_user_id is null) as available,
                       count(*) filter (where assigned_user_id is not null) as assigned
                from phone_number where customer_id = :c
                """)
                .param("c", customerId.value())
                .query((rs, n) -> new Numbers.Counts(rs.getLong("available"), rs.getLong("assigned"))).single();
    }

    /** How many rows each site of the customer holds (sites without any left out). */
    java.util.Map<SiteId, Long> countsBySite(CustomerId customerId) {
        java.util.Map<SiteId, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select site_id, count(*) as n from phone_number where customer_id = :c group by site_id")
                .param("c", customerId.value())
                .query((rs, n) -> counts.put(new SiteId(rs.getLong("site_id")), rs.getLong("n"))).list();
        return counts;
    }
}
