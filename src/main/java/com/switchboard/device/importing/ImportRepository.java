package com.switchboard.device.importing;

import java.util.HashMap;
import java.util.Map;

import com.switchboard.importing.ImportJobs;
import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRepository extends ImportJobs {

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        super(jdbc, template, "device_import");
    }

    // ---- devices, set-wise -----------------------------------------------------------------------------------

    /** Who holds a MAC already: its customer, site and model; its label and whether it is assigned. */
    record Holder(long customerId, long siteId, long modelId, String label, boolean assigned) {
    }

    /** One query for a whole batch of MACs. */
    Map<String, Holder> holders(String[] macs, int count) {
        String[] batch = count == macs.length ? macs : java.util.Arrays.copyOf(macs, count);
        Map<String, Holder> found = new HashMap<>();
        // A join rather than "mac = any(?)": with stale statistics right after a big import, the planner may
        // scan the table and compare each row with every MAC of the batch; a join hashes or probes the index.
        template.query("""
                        select d.mac, d.customer_id, d.site_id, d.model_id, d.label, d.assigned_user_id is not null
                        from unnest(?::text[]) as m(mac) join device d on d.mac = m.mac::bpchar
                        """,
                ps -> ps.setArray(1, array(ps, "text", batch)),
                rs -> {
                    found.put(rs.getString(1), new Holder(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getBoolean(6)));
                });
        return found;
    }




    /** Fresh planner statistics after a big import, so that the next lookups use the MAC index as they should. */
    void analyzeDevices() {
        template.execute("analyze device");
    }

    /** "Add and update": rows whose MAC is already the customer's may change its label or site. */
    void updateExisting(long importId) {
        jdbc.sql("update device_import set mode = 'ADD_AND_UPDATE' where id = :id").param("id", importId).update();
    }

    boolean updatesExisting(long importId) {
        return jdbc.sql("select mode = 'ADD_AND_UPDATE' from device_import where id = :id").param("id", importId)
                .query(Boolean.class).optional().orElse(false);
    }
}
