/**
 * The SIP registrar: a Kamailio that authenticates the lines from the portal's database (schema
 * {@code kamailio}), started with the portal when it is installed; the registration state of each
 * device, read from Kamailio's {@code location} table; and NOTIFY check-sync (restart, resync) sent
 * through Kamailio's JSON-RPC.
 */
package com.switchboard.registrar;
