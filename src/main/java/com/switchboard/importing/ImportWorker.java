package com.switchboard.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The jobs of one kind of import on this instance: a few threads that claim queued jobs from PostgreSQL and run them.
 * An upload wakes them at once; otherwise they look every {@code poll}, which also picks up the jobs other
 * instances queued and those whose worker died.
 */
public class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final String name;
    private final ImportJobs jobs;
    private final Consumer<ImportJobs.Claim> runner;
    private final ImportSettings settings;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param name   names the threads
     * @param runner runs one claimed job to its end
     */
    public ImportWorker(String name, ImportJobs jobs, Consumer<ImportJobs.Claim> runner, ImportSettings settings) {
        this.name = name;
        this.jobs = jobs;
        this.runner = runner;
        this.settings = settings;
    }

    /** Claims and runs one job; false when there was none to claim. */
    public boolean runOne() {
        Optional<ImportJobs.Claim> claim = jobs.claim(UUID.randomUUID().toString(), settings.lease());
        claim.ifPresent(runner);
        return claim.isPresent();
    }

    /** Something was queued: an idle worker starts on it now rather than at its next look. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!runOne()) {
                    synchronized (signal) {
                        signal.wait(settings.poll().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the next look tries again.
                log.warn("Import worker could not claim a job: {}", e.getMessage());
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread thread = new Thread(this::loop, name + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        // A job in progress is not interrupted: if it does not end in time, its lease runs out and another
        // instance, or this one after a restart, runs it again from scratch.
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
