package com.switchboard.importing;

import java.time.Instant;

/** An import as the pages and the API show it (public for the templates). */
public record ImportView(long id, long customerId, String fileName, long fileSize, ImportStatus status, int totalRows,
                  int processedRows, int addedCount, int unchangedCount, int updatedCount, int errorCount, String createdByEmail,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {

    public boolean finished() {
        return status.finished();
    }

    /** Checking the rows is the first half of the bar, adding what they describe the second. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (totalRows <= 0) {
            return 0;
        }
        int toAdd = Math.max(1, totalRows - unchangedCount);
        int checked = 50 * Math.min(processedRows, totalRows) / totalRows;
        int added = status == ImportStatus.IMPORTING ? 50 * Math.min(addedCount, toAdd) / toAdd : 0;
        return Math.min(99, checked + added);
    }
}
