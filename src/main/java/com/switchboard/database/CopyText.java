package com.switchboard.database;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in the text format of PostgreSQL's {@code COPY … FROM STDIN}, the fastest way to load many rows,
 * streamed on the connection of the current transaction (so they commit or roll back with it).
 * Format: https://www.postgresql.org/docs/17/sql-copy.html (File Formats, Text Format).
 * <p>
 * The rows go to the server in chunks while they are being written, so that PostgreSQL inserts the first
 * ones while the rest are formatted (two cores at work rather than one after the other), and a batch never
 * exists as one big string.
 */
public final class CopyText {

    /** About 64 KB of text per message to the server. */
    private static final int CHUNK = 64 * 1024;

    private final StringBuilder text = new StringBuilder(CHUNK + 1024);
    private final CopyIn copy;
    private boolean rowStarted;

    private CopyText(CopyIn copy) {
        this.copy = copy;
    }

    /** Rows written first and loaded afterwards with {@link #copyInto(JdbcTemplate, String)}. */
    public CopyText(int expectedRows) {
        this(null);
    }

    /** Loads the rows written beforehand; answers the number of rows. */
    public long copyInto(JdbcTemplate template, String tableAndColumns) {
        return copyInto(template, tableAndColumns, rows -> rows.text.append(text));
    }

    /**
     * Loads the rows that {@code rows} writes with {@code copy <table> (<columns>) from stdin}; answers the
     * number of rows. A failure (a broken unique index) cancels the copy and is thrown as Spring's exception.
     */
    public static long copyInto(JdbcTemplate template, String tableAndColumns, Consumer<CopyText> rows) {
        Long count = template.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin");
            try {
                CopyText text = new CopyText(copy);
                rows.accept(text);
                text.send();
                return copy.endCopy();
            } catch (UncheckedSqlException e) {
                throw e.getCause();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return count == null ? 0 : count;
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
        if (value instanceof Long number) {
            text.append(number.longValue());
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

    /** A number column, without boxing. */
    public CopyText field(long value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        text.append(value);
        return this;
    }

    public CopyText endRow() {
        text.append('\n');
        rowStarted = false;
        if (copy != null && text.length() >= CHUNK) {
            send();
        }
        return this;
    }

    private void send() {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }

    /** Carries a failed write out of the row writer, to be thrown again as the {@link SQLException} it is. */
    private static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
