package com.switchboard.database;

import java.nio.charset.StandardCharsets;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}, the fastest way to load many rows,
 * and their loading on the connection of the current transaction (so they commit or roll back with it).
 * Format: https://www.postgresql.org/docs/17/sql-copy.html (File Formats, Text Format).
 */
public final class CopyText {

    private final StringBuilder text;
    private boolean rowStarted;

    public CopyText(int expectedRows) {
        this.text = new StringBuilder(Math.max(16, expectedRows) * 64);
    }

    /** The next column of the current row; null is {@code \N}. */
    public CopyText field(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String string = value.toString();
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    public CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        return this;
    }

    /** Loads the rows with {@code copy <table> (<columns>) from stdin}; answers the number of rows. */
    public long copyInto(JdbcTemplate template, String tableAndColumns) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Long rows = template.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin");
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return rows == null ? 0 : rows;
    }
}
