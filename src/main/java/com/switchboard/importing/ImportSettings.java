package com.switchboard.importing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and worker settings of the CSV import ({@code switchboard.import.*}).
 *
 * @param maxBytes largest accepted file
 * @param maxRows  most rows in one file
 * @param workers  worker threads of this instance (0: this instance runs no import jobs)
 * @param poll     how often an idle worker looks for jobs that other instances queued
 * @param lease    how long a claim holds without renewal before another worker may take the job over
 * @param retention how long an uploaded file's contents are kept after its import finished
 * @param quota    most bytes of uploaded files a customer may have stored at once, all kinds of import together
 */
@ConfigurationProperties("switchboard.import")
public record ImportSettings(DataSize maxBytes, Integer maxRows, Integer workers, Duration poll, Duration lease,
                             Duration retention, DataSize quota) {

    public ImportSettings {
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(20) : maxBytes;
        maxRows = maxRows == null ? 100_000 : maxRows;
        workers = workers == null ? 1 : workers;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        retention = retention == null ? Duration.ofDays(30) : retention;
        quota = quota == null ? DataSize.ofMegabytes(200) : quota;
    }
}
