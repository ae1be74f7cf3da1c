package com.switchboard.importing;

/**
 * One problem of the file: the row as the spreadsheet numbers it (header = 1; null for the file as a
 * whole), the column's header as written in the file, the value found, and a stable code with its arguments.
 */
public record RowError(Integer row, String column, String value, String code, String... args) {

    public static final int MAX_VALUE = 300;

    public RowError {
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
    }

    public static RowError of(FileProblem problem) {
        String[] args = new String[problem.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = String.valueOf(problem.args()[i]);
        }
        return new RowError(null, null, null, problem.code(), args);
    }
}
