package com.switchboard.importing;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes the contents of uploaded files (devices, users) once their import has been finished for the retention
 * period ({@code switchboard.import.retention}); the import's counts and row errors stay. Every
 * instance may run it: the delete is idempotent.
 */
@Component
public class ImportRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

    private final List<ImportJobs> kinds;
    private final ImportSettings settings;
    private ScheduledExecutorService scheduler;

    ImportRetention(List<ImportJobs> kinds, ImportSettings settings) {
        this.kinds = kinds;
        this.settings = settings;
    }

    /** Deletes the expired files of every kind of import. */
    public void purge() {
        try {
            int purged = kinds.stream().mapToInt(k -> k.purgeContents(settings.retention())).sum();
            if (purged > 0) {
                log.info("Deleted {} uploaded file(s) finished more than {} ago", purged, settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired uploaded files: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "import-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
