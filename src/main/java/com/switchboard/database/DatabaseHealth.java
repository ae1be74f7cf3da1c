package com.switchboard.database;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health}, bounded in time: a server that is down or frozen
 * makes the health DOWN within a few seconds instead of holding the probe as long as the socket
 * does. Only one check runs at a time, so a frozen server cannot pile up waiting threads.
 */
@Component("db")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final long timeoutMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> running;

    DatabaseHealth(DataSource dataSource, @Value("${switchboard.database.health-timeout:2s}") java.time.Duration timeout) {
        this.dataSource = dataSource;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Health health() {
        CompletableFuture<Void> check = check();
        try {
            check.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (Exception e) {
            return Health.down().build();
        }
    }

    private synchronized CompletableFuture<Void> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.runAsync(() -> {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, timeoutMillis / 1000));
                    statement.execute("select 1");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, executor);
        }
        return running;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
