package com.switchboard.device.importing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes the contents of uploaded files once their import has been finished for the retention
 * period ({@code switchboard.import.retention}); the import's counts and row errors stay. Every
 * instance may run it: the delete is idempotent.
 */
@Component
class ImportRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

    private final ImportRepository repository;
    private final ImportSettings settings;
    private ScheduledExecutorService scheduler;

    ImportRetention(ImportRepository repository, ImportSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    void purge() {
        try {
            int purged = repository.purgeContents(settings.retention());
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
