package com.switchboard.importing;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Every CSV file the portal hands out is written through this: a cell that starts like a formula
 * ({@code =}, {@code +}, {@code -}, {@code @}, tab or CR) gets a leading apostrophe, so that a
 * spreadsheet shows it as text instead of running it (OWASP, "CSV Injection").
 */
public final class SpreadsheetCsv implements Closeable, Flushable {

    private final CsvWriter csv;

    SpreadsheetCsv(CsvWriter csv) {
        this.csv = csv;
    }

    public SpreadsheetCsv writeRecord(String... fields) {
        String[] safe = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            safe[i] = neutralise(fields[i]);
        }
        csv.writeRecord(safe);
        return this;
    }

    public SpreadsheetCsv writeRecord(Iterable<String> fields) {
        List<String> safe = new ArrayList<>();
        fields.forEach(f -> safe.add(neutralise(f)));
        csv.writeRecord(safe);
        return this;
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
