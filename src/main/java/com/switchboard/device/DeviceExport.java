package com.switchboard.device;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.switchboard.tenancy.CustomerId;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a device search as CSV for spreadsheets: the import template's columns (site, model, MAC,
 * label) then status, user and date added, headers and status in the reader's language. UTF-8 with
 * a byte order mark so Excel reads accents, CRLF line ends, and cells Excel would run as formulas
 * neutralised. French uses {@code ;}, the list separator of French Excel; the importer reads both.
 */
@Component
class DeviceExport {

    static final String[] COLUMNS = {"site", "model", "macAddress", "label", "status", "user", "addedOn"};
    private static final DateTimeFormatter ADDED_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeviceInventory inventory;
    private final MessageSource messages;

    DeviceExport(DeviceInventory inventory, MessageSource messages) {
        this.inventory = inventory;
        this.messages = messages;
    }

    static char separator(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? ';' : ',';
    }

    static String fileName(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? "appareils.csv" : "devices.csv";
    }

    void write(CustomerId customerId, DeviceQuery query, Locale locale, OutputStream out) {
        try {
            out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().fieldSeparator(separator(locale)).lineDelimiter(LineDelimiter.CRLF)
                    .build(writer);
            String[] header = new String[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                header[i] = messages.getMessage("device.export.column." + COLUMNS[i], null, locale);
            }
            csv.writeRecord(header);
            ZoneId zone = ZoneId.systemDefault();
            Map<DeviceStatus, String> statusNames = new EnumMap<>(DeviceStatus.class);
            for (DeviceStatus status : DeviceStatus.values()) {
                statusNames.put(status, messages.getMessage("device.status." + status, null, locale));
            }
            inventory.forEach(customerId, query, d -> csv.writeRecord(
                    safe(d.siteName()),
                    safe(d.modelDisplayName()),
                    d.macAddress().display(),
                    safe(d.label()),
                    statusNames.get(d.status()),
                    safe(d.assignedUserName()),
                    ADDED_ON.format(d.createdAt().atZone(zone))));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cell that starts like a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or CR) gets a
     * leading apostrophe, so a spreadsheet shows it as text instead of running it.
     */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
