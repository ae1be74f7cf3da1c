package com.switchboard.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every kind of import runs a claimed job: it gives up on a job claimed too many times (a file that stops a
 * server), tries the file again from the start when the data changed under it meanwhile (a MAC, a number, an email
 * taken between the checks and the writes), at most three times, leaves a job another worker has taken over, and
 * marks it FAILED on anything else.
 */
public final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    /** Claims of one job before it is given up. */
    public static final int MAX_CLAIMS = 5;
    private static final int TRIES = 3;

    private ImportRun() {
    }

    /** Thrown when another worker has taken the job over (this one was too slow to renew its lease). */
    public static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClaimLost() {
            super("claim lost");
        }
    }

    /** One try at the whole file. */
    public interface Attempt {
        void run() throws IOException;
    }

    /**
     * @param changedMeanwhile which failures of a try mean that the data changed under it (then it is tried again)
     * @param beforeRetry      what to undo of a failed try before the next one
     */
    public static void run(ImportJobs jobs, ImportJobs.Claim claim, String kind, Predicate<RuntimeException> changedMeanwhile,
                           Runnable beforeRetry, Attempt attempt) {
        try {
            if (claim.attempts() > MAX_CLAIMS) {
                log.error("{} {} failed {} times; giving up", kind, claim.id(), MAX_CLAIMS);
                jobs.finish(claim, ImportStatus.FAILED, 0, 0, 0, 0, null);
                return;
            }
            for (int tried = 1; ; tried++) {
                try {
                    attempt.run();
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ClaimLost e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (!changedMeanwhile.test(e) || tried == TRIES) {
                        throw e;
                    }
                    log.info("{} {}: the data changed meanwhile ({}); checking the file again", kind, claim.id(),
                            e.getMessage());
                    beforeRetry.run();
                }
            }
        } catch (ClaimLost e) {
            log.warn("{} {}: another worker took the job over", kind, claim.id());
        } catch (RuntimeException e) {
            log.error("{} {} failed", kind, claim.id(), e);
            jobs.finish(claim, ImportStatus.FAILED, 0, 0, 0, 0, null);
        }
    }
}
