package com.switchboard.dashboard;

import java.time.Instant;
import java.util.List;

import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A read model: the Dashboard's counts in a few queries, rather than a page of each module's list. */
@Repository
class DashboardRepository {

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(long sites, long devicesAssigned, long devicesUnassigned, long users, long usersWithDevice,
                  long numbersAvailable, long numbersAssigned) {

        public long devices() {
            return devicesAssigned + devicesUnassigned;
        }

        public long numbers() {
            return numbersAvailable + numbersAssigned;
        }
    }

    record ModelCount(String model, long count) {
    }

    record Activity(Instant at, String actor, String action, String summary) {
    }

    Counts counts(CustomerId customerId) {
        return jdbc.sql("""
                select (select count(*) from site where customer_id = :c) as sites,
                       (select count(*) from device where customer_id = :c and assigned_user_id is not null) as devices_assigned,
                       (select count(*) from device where customer_id = :c and assigned_user_id is null) as devices_unassigned,
                       (select count(*) from app_user where customer_id = :c) as users,
                       (select count(distinct assigned_user_id) from device where customer_id = :c) as users_with_device,
                       (select count(*) from phone_number where customer_id = :c and assigned_user_id is null) as numbers_available,
                       (select count(*) from phone_number where customer_id = :c and assigned_user_id is not null) as numbers_assigned
                """)
                .param("c", customerId.value())
                .query((rs, n) -> new Counts(rs.getLong("sites"), rs.getLong("devices_assigned"),
                        rs.getLong("devices_unassigned"), rs.getLong("users"), rs.getLong("users_with_device"),
                        rs.getLong("numbers_available"), rs.getLong("numbers_assigned")))
                .single();
    }

    List<ModelCount> devicesByModel(CustomerId customerId, int limit) {
        return jdbc.sql("""
                select f.name || ' ' || m.model as model, count(*) as n
                from device d
                join device_model m on m.id = d.model_id
                join manufacturer f on f.id = m.manufacturer_id
                where d.customer_id = :c
                group by f.name, m.model
                order by n desc, model
                limit :limit
                """)
                .param("c", customerId.value()).param("limit", limit)
                .query((rs, n) -> new ModelCount(rs.getString("model"), rs.getLong("n"))).list();
    }

    List<Activity> recentActivity(CustomerId customerId, int limit) {
        return jdbc.sql("""
                select created_at, actor_email, action, summary from audit_event
                where customer_id = :c order by created_at desc, id desc limit :limit
                """)
                .param("c", customerId.value()).param("limit", limit)
                .query((rs, n) -> new Activity(rs.getTimestamp("created_at").toInstant(), rs.getString("actor_email"),
                        rs.getString("action"), rs.getString("summary"))).list();
    }
}
