package com.switchboard.device.importing;

import java.io.IOException;

import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportHeader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The rows of an uploaded device file as the import reads them: the header (the first non-blank record),
 * then each non-blank record with its row number as the spreadsheet shows it (header = row 1 when it is
 * the first line; blank lines count but are skipped).
 */
final class DeviceFile {

    /** The header, where it is, and how many rows follow it. */
    record Count(ImportHeader<Column> header, int headerRow, int rows) {
    }

    interface RowHandler {
        void row(int number, CsvRecord record) throws IOException;
    }

    private final CsvFile file;

    DeviceFile(CsvFile file) {
        this.file = file;
    }

    /** A first quick pass: the header, and the number of rows, refused above {@code maxRows} before any check. */
    Count count(int maxRows) throws IOException {
        ImportHeader<Column> header = null;
        int headerRow = 0;
        int rows = 0;
        int row = 0;
        try (CsvReader<CsvRecord> reader = file.records()) {
            for (CsvRecord record : reader) {
                row++;
                if (CsvFile.isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = ImportHeader.of(record, Column.class, "import.header.missing");
                    headerRow = row;
                } else if (++rows > maxRows) {
                    throw new FileProblem.Rejected("import.file.too-many-rows", maxRows);
                }
            }
        }
        if (header == null) {
            throw new FileProblem.Rejected("import.file.empty");
        }
        if (rows == 0) {
            throw new FileProblem.Rejected("import.file.no-rows");
        }
        return new Count(header, headerRow, rows);
    }

    /** Every non-blank record after the header, with its spreadsheet row number. */
    void forEachRow(Count count, RowHandler handler) throws IOException {
        int row = 0;
        try (CsvReader<CsvRecord> reader = file.records()) {
            for (CsvRecord record : reader) {
                row++;
                if (row <= count.headerRow() || CsvFile.isBlank(record)) {
                    continue;
                }
                handler.row(row, record);
            }
        }
    }
}
