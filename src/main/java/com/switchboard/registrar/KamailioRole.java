package com.switchboard.registrar;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

import com.switchboard.database.EmbeddedDatabase;

/**
 * Kamailio's own login on the embedded PostgreSQL: it sees the schema {@code kamailio} only (the
 * views over our lines, the table of registrations), never our tables. A new password is generated
 * at every start and handed to Kamailio in its environment; it is never logged.
 */
final class KamailioRole {

    static final String NAME = "switchboard_kamailio";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KamailioRole() {
    }

    /** Creates or refreshes the role; returns the database URL Kamailio connects with. */
    static String setUp(EmbeddedDatabase database) {
        String password = newPassword();
        Properties login = new Properties();
        login.setProperty("user", database.superuser());
        if (database.superuserPassword() != null) {
            login.setProperty("password", database.superuserPassword());
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), login);
             Statement sql = connection.createStatement()) {
            boolean exists;
            try (var rows = sql.executeQuery("select 1 from pg_roles where rolname = '" + NAME + "'")) {
                exists = rows.next();
            }
            // The password is made of URL-safe Base64 letters only: nothing to escape in SQL or in the URL.
            sql.execute((exists ? "alter" : "create") + " role " + NAME + " login password '" + password + "'");
            // Kamailio's SQL names its tables without a schema (qualifying them breaks its version check).
            sql.execute("alter role " + NAME + " set search_path = kamailio");
            sql.execute("grant connect on database \"" + database.database() + "\" to " + NAME);
            sql.execute("grant usage on schema kamailio to " + NAME);
            sql.execute("grant select on kamailio.version, kamailio.subscriber, kamailio.dbaliases to " + NAME);
            sql.execute("grant select, insert, update, delete on kamailio.location, kamailio.location_attrs to " + NAME);
            sql.execute("grant usage, select on all sequences in schema kamailio to " + NAME);
        } catch (SQLException e) {
            // The message of a failed statement could quote it: keep it out.
            throw new IllegalStateException("Could not set up the database role of Kamailio (SQL state " + e.getSQLState() + ")");
        }
        return "postgres://" + NAME + ":" + password + "@" + database.host() + ":" + database.port() + "/" + database.database();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
