package com.switchboard.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.switchboard.rules.Conflict;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.springframework.stereotype.Component;

/** The results file of an import: the rows as uploaded, plus a result column in the reader's language. */
@Component
public class ImportResults {

    /** The result column's header in English and French, normalised: a results file may be uploaded again. */
    public static final Set<String> RESULT_HEADERS = Set.of("result", "resultat");

    private final ImportMessages messages;

    ImportResults(ImportMessages messages) {
        this.messages = messages;
    }

    /**
     * The uploaded rows as they were, plus a result column: added, unchanged, or the row's errors in the
     * reader's language. Written with the file's own delimiter, so it opens in the same spreadsheet.
     */
    public void write(ImportJobs jobs, ImportView view, String addedKey, String unchangedKey, Locale locale,
                      OutputStream out) throws IOException {
        write(jobs, view, addedKey, unchangedKey, null, locale, out);
    }

    /** The same, where a row may also have updated what was there ({@code updatedKey}, "add and update"). */
    public void write(ImportJobs jobs, ImportView view, String addedKey, String unchangedKey, String updatedKey,
                      Locale locale, OutputStream out) throws IOException {
        long id = view.id();
        if (!view.finished()) {
            throw new Conflict("import.not-finished");
        }
        Map<Integer, StringBuilder> results = new HashMap<>();
        StringBuilder fileLevel = new StringBuilder();
        jobs.eachError(id, e -> {
            StringBuilder text = e.row() == null ? fileLevel : results.computeIfAbsent(e.row(), r -> new StringBuilder());
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            text.append(e.column() == null ? "" : e.column() + ": ").append(messages.message(e, locale));
        });
        BitSet unchanged = jobs.unchangedRows(id);
        BitSet updated = updatedKey == null ? new BitSet() : jobs.updatedRows(id);
        String changed = updatedKey == null ? null : messages.text(updatedKey, locale);
        String added = messages.text(addedKey, locale);
        String same = messages.text(unchangedKey, locale);
        String fine = messages.text(view.status() == ImportStatus.REJECTED ? "import.result.ok" : "import.result.none", locale);
        Optional<byte[]> content = jobs.content(id);
        if (content.isEmpty()) {
            // The file itself was deleted after the retention period: only its outcome remains.
            try (SpreadsheetCsv csv = ImportCsv.writer(out, ',')) {
                csv.writeRecord(messages.text("import.column.result", locale));
                csv.writeRecord(messages.text("import.results.purged", locale));
            }
            return;
        }
        CsvFile file;
        try {
            file = CsvFile.of(content.get());
        } catch (FileProblem.Rejected e) {
            // Not a CSV at all: the results are the file-level problems alone.
            try (SpreadsheetCsv csv = ImportCsv.writer(out, ',')) {
                csv.writeRecord(messages.text("import.column.result", locale));
                csv.writeRecord(fileLevel.toString());
            }
            return;
        }
        try (SpreadsheetCsv csv = ImportCsv.writer(out, file.delimiter());
             CsvReader<CsvRecord> reader = file.records()) {
            int row = 0;
            int resultAt = -1;
            boolean headerSeen = false;
            for (CsvRecord record : reader) {
                row++;
                if (CsvFile.isBlank(record)) {
                    continue;
                }
                List<String> fields = new ArrayList<>(record.getFields());
                String result;
                if (!headerSeen) {
                    headerSeen = true;
                    for (int i = 0; i < fields.size(); i++) {
                        if (RESULT_HEADERS.contains(ImportColumn.normalise(fields.get(i)))) {
                            resultAt = i;
                        }
                    }
                    result = fileLevel.isEmpty() ? messages.text("import.column.result", locale) : fileLevel.toString();
                } else {
                    StringBuilder errors = results.get(row);
                    result = errors != null ? errors.toString()
                            : view.status() != ImportStatus.COMPLETED ? fine
                            : unchanged.get(row) ? same : updated.get(row) ? changed : added;
                }
                // A results file uploaded again gets its old result column replaced, not a second one.
                if (resultAt >= 0 && resultAt < fields.size()) {
                    fields.remove(resultAt);
                }
                fields.add(result);
                csv.writeRecord(fields);
            }
        }
    }

}
