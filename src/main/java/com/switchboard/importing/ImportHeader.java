package com.switchboard.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** Where each column is in the file, and the header text the admin wrote for it. */
public final class ImportHeader<C extends Enum<C> & ImportColumn> {

    /** Prefix of a message argument that is itself a message key, such as a column name in the UI language. */
    public static final String MESSAGE_ARG = "msg:";

    private final int fieldCount;
    private final Map<C, Integer> positions;
    private final String[] names;

    private ImportHeader(int fieldCount, Map<C, Integer> positions, String[] names) {
        this.fieldCount = fieldCount;
        this.positions = positions;
        this.names = names;
    }

    /**
     * @param missingCode the problem when no column is recognised at all (the row is not a header), which names
     *                    the columns of this kind of import
     * @throws FileProblem.Rejected naming every unknown, repeated or missing column at once
     */
    public static <C extends Enum<C> & ImportColumn> ImportHeader<C> of(CsvRecord record, Class<C> columns,
                                                                         String missingCode) {
        Map<C, Integer> positions = new HashMap<>();
        String[] names = new String[record.getFieldCount()];
        List<String> unknown = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            names[i] = name;
            if (name.isEmpty()) {
                continue;
            }
            C column = ImportColumn.recognise(name, columns);
            if (column == null) {
                unknown.add(name);
            } else if (positions.putIfAbsent(column, i) != null) {
                problems.add(new FileProblem("import.header.repeated", name));
            }
        }
        if (positions.keySet().stream().noneMatch(ImportColumn::required)) {
            throw new FileProblem.Rejected(missingCode);
        }
        if (!unknown.isEmpty()) {
            problems.add(0, new FileProblem("import.header.unknown", String.join(", ", unknown)));
        }
        for (C column : columns.getEnumConstants()) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add(new FileProblem("import.header.incomplete", MESSAGE_ARG + column.messageKey()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileProblem.Rejected(problems);
        }
        return new ImportHeader<>(record.getFieldCount(), positions, names);
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The field of a column in a record; "" when the column is absent or the record is short. */
    public String field(CsvRecord record, C column) {
        Integer at = positions.get(column);
        return at == null || at >= record.getFieldCount() ? "" : record.getField(at);
    }

    /** The header as written in the file, which is what the admin sees in the spreadsheet. */
    public String name(C column) {
        Integer at = positions.get(column);
        return at == null ? null : names[at];
    }

    public boolean has(C column) {
        return positions.containsKey(column);
    }

    /** The header, the row it is on, and the number of rows after it. */
    public record Count<C extends Enum<C> & ImportColumn>(ImportHeader<C> header, int headerRow, int rows) {
    }

    /**
     * A first quick pass over a file: its header, and its number of rows, refused above the limit before any check.
     *
     * @throws FileProblem.Rejected for a file without header ({@code missingCode}), without rows ({@code noRowsCode}),
     *                              with too many rows, or with a bad header
     */
    public static <C extends Enum<C> & ImportColumn> Count<C> count(CsvFile file, Class<C> columns, String missingCode,
                                                                    String noRowsCode, int maxRows) throws IOException {
        ImportHeader<C> header = null;
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
                    header = of(record, columns, missingCode);
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
            throw new FileProblem.Rejected(noRowsCode);
        }
        return new Count<>(header, headerRow, rows);
    }
}
