package com.switchboard.registrar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal finds its registrar.
 *
 * @param kamailio    the Kamailio binary of a managed registrar ({@code kamailio} on the PATH or in /usr/sbin)
 * @param managed     start a Kamailio with the portal when the binary is there and no external registrar is set
 * @param rpcUrl      an external registrar fleet's JSON-RPC URL (then nothing is started), e.g. http://10.0.0.5:5071/RPC
 * @param rpcPort     the loopback port of the managed Kamailio's JSON-RPC
 * @param databaseUrl the managed Kamailio's database URL when the portal's database is external
 *                    ({@code postgres://role:password@host:port/db}, the role's search_path = kamailio)
 */
@ConfigurationProperties("switchboard.registrar")
record RegistrarProperties(String kamailio, Boolean managed, String rpcUrl, Integer rpcPort, String databaseUrl) {

    RegistrarProperties {
        kamailio = kamailio == null || kamailio.isBlank() ? "kamailio" : kamailio.trim();
        managed = managed == null || managed;
        rpcUrl = rpcUrl == null || rpcUrl.isBlank() ? null : rpcUrl.trim();
        rpcPort = rpcPort == null ? 5071 : rpcPort;
        databaseUrl = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl.trim();
    }
}
