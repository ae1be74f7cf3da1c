package com.switchboard.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded PostgreSQL server on one data directory: started durable ({@code synchronous_commit}
 * on), on loopback only, with a password for every connection; an orphan left by a killed JVM is
 * shut down first, and a server that dies while the portal runs is started again on the same port.
 */
final class EmbeddedServer {

    static final String HOST = "127.0.0.1";
    static final String DATABASE = "postgres";
    static final String SUPERUSER = "postgres";
    /** The portal's own role: it owns the schema, it is no superuser. */
    static final String PORTAL_ROLE = "switchboard";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String SUPERUSER_PASSWORD_FILE = "switchboard-superuser.password";
    private static final String PORTAL_PASSWORD_FILE = "switchboard-portal.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final int port;
    private final String fsync;
    private volatile EmbeddedPostgres server;
    private volatile boolean stopping;
    private String superuserPassword;
    private String portalPassword;

    private EmbeddedServer(Path dir, int port, String fsync) {
        this.dir = dir;
        this.port = port;
        this.fsync = fsync;
    }

    static EmbeddedServer start(Path dir, int port, boolean fresh, String fsync) {
        try {
            if (fresh) {
                // Tests start from an empty database once per JVM; every test context then shares it.
                FileSystemUtils.deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            EmbeddedServer embedded = new EmbeddedServer(dir, port == 0 ? freePort() : port, fsync);
            embedded.stopOrphan();
            embedded.startServer();
            embedded.setUpPortalRole();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "embedded-postgres-stop"));
            Thread watchdog = new Thread(embedded::watch, "embedded-postgres-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    String portalPassword() {
        return portalPassword;
    }

    /**
     * A JVM killed with {@code kill -9} leaves its PostgreSQL running on the data directory: a second
     * server would be refused ("pre-existing shared memory block is still in use"). Stop it first.
     */
    private void stopOrphan() throws IOException {
        Optional<ProcessHandle> orphan = postmaster();
        if (orphan.isEmpty()) {
            // A lock file naming a dead process only confuses the next start.
            Files.deleteIfExists(dir.resolve("postmaster.pid"));
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) left by a previous run still holds {}: stopping it", orphan.get().pid(), dir);
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the old JVM, so it stops at once.
        orphan.get().destroy();
        if (!waitForExit(orphan.get(), Duration.ofSeconds(30))) {
            orphan.get().destroyForcibly();
            waitForExit(orphan.get(), Duration.ofSeconds(10));
        }
        Files.deleteIfExists(dir.resolve("postmaster.pid"));
    }

    /** The live postmaster named by the data directory's lock file, if any. */
    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private synchronized void startServer() throws IOException {
        boolean initialized = Files.exists(dir.resolve("PG_VERSION"));
        Path passwordFile = dir.resolve(SUPERUSER_PASSWORD_FILE);
        boolean passwordSet = Files.exists(passwordFile);
        Path initPassword = null;
        if (passwordSet) {
            superuserPassword = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        } else {
            superuserPassword = newPassword();
            // initdb wants an empty directory: the password waits beside it until the server files exist.
            initPassword = writeSecret(dir.resolveSibling(dir.getFileName() + "." + SUPERUSER_PASSWORD_FILE), superuserPassword);
        }
        boolean passwordInServer = passwordSet || !initialized;
        Path pending = initPassword;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", HOST)
                // Zonky's default trades durability for speed; the portal acknowledges only what is on disk.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", fsync)
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(data -> {
                    try {
                        if (!initialized && pending != null && Files.exists(pending)) {
                            moveSecret(pending, dir.resolve(SUPERUSER_PASSWORD_FILE));
                        }
                        if (passwordInServer) {
                            writeHostRules();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        if (!initialized) {
            // initdb sets the superuser's password from this file (initdb --pwfile).
            builder.setLocaleConfig("pwfile", initPassword.toString());
        }
        if (passwordInServer) {
            builder.setConnectConfig("password", superuserPassword);
        }
        server = builder.start();
        if (!passwordInServer) {
            // A data directory from before passwords: give the superuser one, then stop trusting connections.
            try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, null); Statement s = c.createStatement()) {
                s.execute("alter role " + SUPERUSER + " with password '" + superuserPassword + "'");
                moveSecret(pending, dir.resolve(SUPERUSER_PASSWORD_FILE));
                writeHostRules();
                s.execute("select pg_reload_conf()");
            } catch (SQLException e) {
                throw new IOException("Could not set the embedded PostgreSQL's superuser password", e);
            }
        }
        log.info("Embedded PostgreSQL 17 started on port {} (listening on {} only), data in {}", port, HOST, dir);
    }

    /** Every connection, local socket or loopback TCP, must give a password (trust was initdb's default). */
    private void writeHostRules() throws IOException {
        Files.writeString(dir.resolve("pg_hba.conf"), """
                # Written by Switchboard at each start: every connection needs a password.
                local   all   all                 scram-sha-256
                host    all   all   127.0.0.1/32  scram-sha-256
                host    all   all   ::1/128       scram-sha-256
                """, StandardCharsets.UTF_8);
    }

    /**
     * The portal connects as a role that owns its schema but is no superuser; objects created by the
     * superuser before this role existed change owner.
     */
    private void setUpPortalRole() throws IOException {
        Path passwordFile = dir.resolve(PORTAL_PASSWORD_FILE);
        if (Files.exists(passwordFile)) {
            portalPassword = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        } else {
            portalPassword = newPassword();
            Path pending = dir.resolve(PORTAL_PASSWORD_FILE + ".new");
            Files.deleteIfExists(pending);
            writeSecret(pending, portalPassword);
            moveSecret(pending, passwordFile);
        }
        try (Connection c = superuserConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login;
                      end if;
                    end $$""".formatted(PORTAL_ROLE));
            s.execute("alter role " + PORTAL_ROLE + " with login nosuperuser nocreatedb nocreaterole password '" + portalPassword + "'");
            s.execute("grant connect, create, temporary on database " + DATABASE + " to " + PORTAL_ROLE);
            // Since PostgreSQL 15 the public schema belongs to pg_database_owner: the portal takes it.
            s.execute("alter schema public owner to " + PORTAL_ROLE);
            s.execute("""
                    do $$
                    declare r record;
                    begin
                      for r in select n.nspname from pg_namespace n
                               where n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                                 and pg_get_userbyid(n.nspowner) = '%1$s'
                      loop
                        execute format('alter schema %%I owner to %2$s', r.nspname);
                      end loop;
                      for r in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname not like 'pg\\_%%' and n.nspname <> 'information_schema'
                                 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                                 and pg_get_userbyid(c.relowner) = '%1$s'
                                 and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                                 and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
                      loop
                        execute format('alter %%s %%I.%%I owner to %2$s',
                          case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                         when 'S' then 'sequence' when 'f' then 'foreign table' else 'table' end,
                          r.nspname, r.relname);
                      end loop;
                    end $$""".formatted(SUPERUSER, PORTAL_ROLE));
        } catch (SQLException e) {
            throw new IOException("Could not set up the portal's role on the embedded PostgreSQL", e);
        }
    }

    private Connection superuserConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", superuserPassword);
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Starts the server again, on the same port, when it dies under the running portal. */
    private void watch() {
        while (!stopping) {
            try {
                Thread.sleep(1000);
                if (!stopping && postmaster().isEmpty()) {
                    log.error("The embedded PostgreSQL stopped unexpectedly: starting it again");
                    restart();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | IOException e) {
                log.error("Could not start the embedded PostgreSQL again; retrying", e);
            }
        }
    }

    private synchronized void restart() throws IOException {
        if (stopping) {
            return;
        }
        EmbeddedPostgres dead = server;
        try {
            dead.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Stopping the dead server's leftovers failed", e);
        }
        // The backends of a killed postmaster exit on their own within moments; until then a new one is refused.
        for (int attempt = 1; ; attempt++) {
            try {
                Files.deleteIfExists(dir.resolve("postmaster.pid"));
                startServer();
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt >= 30 || stopping) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private synchronized void stop() {
        stopping = true;
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** A secret file only its owner can read. */
    private static Path writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        return file;
    }

    private static void moveSecret(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
