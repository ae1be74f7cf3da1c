package com.switchboard.importing;

import java.time.Instant;
import java.util.List;

/** An import as the API shows it, whatever it imports ({@code updatedCount}: rows that changed a device already there). */
public record ImportBody(long id, String fileName, String status, int totalRows, int processedRows, int addedCount,
                         int unchangedCount, int updatedCount, int errorCount, List<ErrorBody> errors, Instant createdAt, Instant finishedAt) {

    /** One problem: the spreadsheet's row (null for the file), the column's header, the value, the message. */
    public record ErrorBody(Integer row, String column, String value, String code, String message) {
    }
}
