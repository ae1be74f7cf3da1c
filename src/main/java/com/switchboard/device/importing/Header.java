package com.switchboard.device.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvRecord;

/** Where each column is in the file, and the header text the admin wrote for it. */
final class Header {

    /** Prefix of a message argument that is itself a message key, such as a column name in the UI language. */
    static final String MESSAGE_ARG = "msg:";

    private final int fieldCount;
    private final Map<Column, Integer> positions;
    private final String[] names;

    private Header(int fieldCount, Map<Column, Integer> positions, String[] names) {
        this.fieldCount = fieldCount;
        this.positions = positions;
        this.names = names;
    }

    /**
     * @throws FileProblem.Rejected naming every unknown, repeated or missing column at once
     */
    static Header of(CsvRecord record) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        String[] names = new String[record.getFieldCount()];
        List<String> unknown = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            names[i] = name;
            if (name.isEmpty()) {
                continue;
            }
            Column column = Column.recognise(name);
            if (column == null) {
                unknown.add(name);
            } else if (positions.putIfAbsent(column, i) != null) {
                problems.add(new FileProblem("import.header.repeated", name));
            }
        }
        if (positions.keySet().stream().noneMatch(Column::required)) {
            throw new FileProblem.Rejected("import.header.missing");
        }
        if (!unknown.isEmpty()) {
            problems.add(0, new FileProblem("import.header.unknown", String.join(", ", unknown)));
        }
        for (Column column : Column.values()) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add(new FileProblem("import.header.incomplete", MESSAGE_ARG + column.messageKey()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileProblem.Rejected(problems);
        }
        return new Header(record.getFieldCount(), positions, names);
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The field of a column in a record; "" when the column is absent or the record is short. */
    String field(CsvRecord record, Column column) {
        Integer at = positions.get(column);
        return at == null || at >= record.getFieldCount() ? "" : record.getField(at);
    }

    /** The header as written in the file, which is what the admin sees in the spreadsheet. */
    String name(Column column) {
        Integer at = positions.get(column);
        return at == null ? null : names[at];
    }

    boolean has(Column column) {
        return positions.containsKey(column);
    }
}
