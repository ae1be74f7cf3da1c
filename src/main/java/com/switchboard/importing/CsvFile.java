package com.switchboard.importing;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * The bytes of an uploaded file, read the way the admin's spreadsheet wrote them: UTF-8 with or without
 * BOM, UTF-16 with a BOM (Excel's "Unicode text"), else Windows-1252 (French Excel); comma, semicolon
 * or tab, guessed from the header line.
 */
public final class CsvFile {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 8192;

    private final byte[] bytes;
    private final int start;
    private final Charset charset;
    private final char delimiter;

    private CsvFile(byte[] bytes, int start, Charset charset, char delimiter) {
        this.bytes = bytes;
        this.start = start;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    /**
     * @throws FileProblem.Rejected when the file is empty or is not text (a workbook saved as .csv, a PDF…)
     */
    public static CsvFile of(byte[] bytes) {
        bytes = fromUtf16(bytes);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        if (isBlank(bytes, start)) {
            throw new FileProblem.Rejected("import.file.empty");
        }
        if (isWorkbook(bytes)) {
            throw new FileProblem.Rejected("import.file.workbook");
        }
        if (isBinary(bytes, start)) {
            throw new FileProblem.Rejected("import.file.not-csv");
        }
        Charset charset = bom || isUtf8(bytes, start) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new CsvFile(bytes, start, charset, guessDelimiter(bytes, start));
    }

    /**
     * Excel's "Unicode text" is UTF-16 (little-endian) with a byte order mark, tab-separated: such a
     * file is read as the same text in UTF-8. Without a byte order mark, UTF-16 is refused as not text.
     */
    private static byte[] fromUtf16(byte[] bytes) {
        boolean le = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
        boolean be = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF;
        if (!le && !be) {
            return bytes;
        }
        String text = new String(bytes, 2, bytes.length - 2, le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public Charset charset() {
        return charset;
    }

    public char delimiter() {
        return delimiter;
    }

    /** Every record, blank lines included, so that a record's position is the row number the spreadsheet shows. */
    public CsvReader<CsvRecord> records() {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start), charset));
    }

    /** A blank line, or a row of empty cells as a spreadsheet writes it (";;;"). */
    public static boolean isBlank(CsvRecord record) {
        for (int i = 0, n = record.getFieldCount(); i < n; i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** .xlsx and .ods are zip archives (PK); .xls is an OLE2 compound file. */
    private static boolean isWorkbook(byte[] b) {
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole = b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1;
        return zip || ole;
    }

    /** Text never holds NUL and rarely other control characters; UTF-16 files and binaries do. */
    private static boolean isBinary(byte[] bytes, int start) {
        int end = Math.min(bytes.length, start + SNIFF);
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                control++;
            }
        }
        return control > (end - start) / 20;
    }

    private static boolean isUtf8(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        try {
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isError()) {
                    result.throwException();
                }
                if (result.isUnderflow()) {
                    return !decoder.flush(out).isError();
                }
                out.clear();
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The separator that occurs most often, outside quotes, on the first non-blank line (the header). */
    private static char guessDelimiter(byte[] bytes, int start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seen = false;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                if (seen) {
                    break;
                }
            } else if (!quoted) {
                seen |= b != ' ';
                if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semicolons++;
                } else if (b == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return ',';
    }
}
