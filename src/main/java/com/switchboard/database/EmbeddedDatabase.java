package com.switchboard.database;

/**
 * The embedded PostgreSQL the portal started, for a module that must set up a role of its own on it
 * (the registrar's Kamailio connects with its own role). There is no such bean with an external
 * database: its administrator sets those roles up.
 *
 * @param superuserPassword generated at the first start and kept, owner read-only, in the data directory
 */
public record EmbeddedDatabase(String host, int port, String database, String superuser, String superuserPassword) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        // Never the password.
        return "EmbeddedDatabase[" + host + ":" + port + "/" + database + " as " + superuser + "]";
    }
}
