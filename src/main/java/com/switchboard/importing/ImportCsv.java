package com.switchboard.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;

/** The CSV files the portal hands out: UTF-8 with a BOM so that Excel shows accents, CRLF line ends, no formulas. */
public final class ImportCsv {

    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ImportCsv() {
    }

    /** A writer that neutralises formulas in every cell (see {@link SpreadsheetCsv}). */
    public static SpreadsheetCsv writer(OutputStream out, char delimiter) throws IOException {
        out.write(BOM);
        return new SpreadsheetCsv(CsvWriter.builder().fieldSeparator(delimiter).quoteStrategy(QuoteStrategies.REQUIRED)
                .lineDelimiter(LineDelimiter.CRLF).build(out, StandardCharsets.UTF_8));
    }

    /** Answers a CSV file to download under this name. */
    public static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /** French Excel reads ";" as the separator, English Excel ",". */
    public static char delimiter(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? ';' : ',';
    }
}
