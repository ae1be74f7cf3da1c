package com.switchboard.device.importing;

import java.io.IOException;

import com.switchboard.importing.CsvFile;
import com.switchboard.importing.ImportHeader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The rows of an uploaded device file as the import reads them: the header (the first non-blank record),
 * then each non-blank record with its row number as the spreadsheet shows it (header = row 1 when it is
 * the first line; blank lines count but are skipped).
 */
final class DeviceFile {

    interface RowHandler {
        void row(int number, CsvRecord record) throws IOException;
    }

    private final CsvFile file;

    DeviceFile(CsvFile file) {
        this.file = file;
    }

    /** A first quick pass: the header, and the number of rows, refused above {@code maxRows} before any check. */
    ImportHeader.Count<Column> count(int maxRows) throws IOException {
        return ImportHeader.count(file, Column.class, "import.header.missing", "import.file.no-rows", maxRows);
    }

    /** Every non-blank record after the header, with its spreadsheet row number. */
    void forEachRow(ImportHeader.Count<Column> count, RowHandler handler) throws IOException {
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
