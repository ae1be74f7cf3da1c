package com.switchboard.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the zonky binaries when no database is configured, so that the
 * portal runs on a fresh machine with nothing installed. With {@code spring.datasource.url} set,
 * this configuration stays away and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    /** One server per data directory for the whole JVM: test contexts share it, shutdown stops it. */
    private static final Map<Path, EmbeddedServer> SERVERS = new ConcurrentHashMap<>();

    /** The pool settings ({@code spring.datasource.hikari.*}: size, timeouts, driver properties) apply here too. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${switchboard.embedded-postgres.data-dir:./data/postgres}") String dataDir,
                                @Value("${switchboard.embedded-postgres.port:0}") int port,
                                @Value("${switchboard.embedded-postgres.fresh:false}") boolean fresh,
                                @Value("${switchboard.embedded-postgres.fsync:on}") String fsync) {
        EmbeddedServer server = server(dataDir, port, fresh, fsync);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(EmbeddedServer.PORTAL_ROLE);
        dataSource.setPassword(server.portalPassword());
        dataSource.setPoolName("switchboard-embedded");
        return dataSource;
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(HikariDataSource dataSource,
                                      @Value("${switchboard.embedded-postgres.data-dir:./data/postgres}") String dataDir) {
        EmbeddedServer server = SERVERS.get(key(dataDir));
        if (server == null) {
            throw new IllegalStateException("The embedded PostgreSQL is started with the data source");
        }
        return new EmbeddedDatabase(EmbeddedServer.HOST, server.port(), EmbeddedServer.DATABASE,
                EmbeddedServer.SUPERUSER, server.superuserPassword());
    }

    private static EmbeddedServer server(String dataDir, int port, boolean fresh, String fsync) {
        return SERVERS.computeIfAbsent(key(dataDir), dir -> EmbeddedServer.start(dir, port, fresh, fsync));
    }

    private static Path key(String dataDir) {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
