package com.switchboard.device;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.switchboard.importing.ImportCsv;
import com.switchboard.importing.SpreadsheetCsv;
import com.switchboard.tenancy.CustomerId;
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
            SpreadsheetCsv csv = ImportCsv.writer(out, separator(locale));
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
                    nullToEmpty(d.siteName()),
                    nullToEmpty(d.modelDisplayName()),
                    d.macAddress().display(),
                    nullToEmpty(d.label()),
                    statusNames.get(d.status()),
                    nullToEmpty(d.assignedUserName()),
                    ADDED_ON.format(d.createdAt().atZone(zone))));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
