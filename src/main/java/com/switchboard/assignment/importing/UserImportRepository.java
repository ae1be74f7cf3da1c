package com.switchboard.assignment.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.switchboard.importing.ImportJobs;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The user import jobs, and what the database holds of a file's values: one query per kind of value. */
@Repository
class UserImportRepository extends ImportJobs {

    UserImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        super(jdbc, template, "user_import");
    }

    /**
     * Takes the customer's user-import lock until the end of the transaction: one file of a customer at a time is
     * checked and set up, so that an overlapping file is checked against what the first one made.
     */
    void lockCustomer(CustomerId customerId) {
        template.query("select pg_advisory_xact_lock(hashtext('user-import'), cast(? as int))",
                ps -> ps.setLong(1, customerId.value()), rs -> null);
    }

    UserRowChecks.Holdings holdings(CustomerId customerId, List<String> emails, List<String> extensions, List<String> numbers,
                                    List<String> macs) {
        Map<String, UserRowChecks.ExistingUser> byEmail = new HashMap<>();
        template.query("""
                        select lower(u.email), u.id, u.site_id, u.extension
                        from unnest(?::text[]) as t(email) join app_user u on lower(u.email) = t.email and u.customer_id = ?
                        """,
                ps -> {
                    ps.setArray(1, array(ps, "text", emails.toArray()));
                    ps.setLong(2, customerId.value());
                },
                rs -> {
                    byEmail.put(rs.getString(1), new UserRowChecks.ExistingUser(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                });
        Map<String, Long> byExtension = new HashMap<>();
        template.query("""
                        select u.extension, u.id
                        from unnest(?::text[]) as t(extension) join app_user u on u.extension = t.extension and u.customer_id = ?
                        """,
                ps -> {
                    ps.setArray(1, array(ps, "text", extensions.toArray()));
                    ps.setLong(2, customerId.value());
                },
                rs -> {
                    byExtension.put(rs.getString(1), rs.getLong(2));
                });
        // Numbers and MACs are unique on the whole platform: another customer's are found too, and told apart
        // by the checks without saying whose they are.
        Map<String, UserRowChecks.ExistingNumber> byNumber = new HashMap<>();
        template.query("""
                        select n.e164, n.id, n.customer_id, n.site_id, n.assigned_user_id
                        from unnest(?::text[]) as t(e164) join phone_number n on n.e164 = t.e164
                        """,
                ps -> ps.setArray(1, array(ps, "text", numbers.toArray())),
                rs -> {
                    byNumber.put(rs.getString(1), new UserRowChecks.ExistingNumber(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            (Long) rs.getObject(5)));
                });
        Map<String, UserRowChecks.ExistingDevice> byMac = new HashMap<>();
        template.query("""
                        select d.mac, d.id, d.customer_id, d.site_id, d.model_id, d.assigned_user_id
                        from unnest(?::text[]) as t(mac) join device d on d.mac = t.mac::bpchar
                        """,
                ps -> ps.setArray(1, array(ps, "text", macs.toArray())),
                rs -> {
                    byMac.put(rs.getString(1).strip(), new UserRowChecks.ExistingDevice(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), (Long) rs.getObject(6)));
                });
        return new UserRowChecks.Holdings(byEmail, byExtension, byNumber, byMac);
    }
}
