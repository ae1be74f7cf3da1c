package com.switchboard.device;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
            String[] statuses = {"UNASSIGNED", "ASSIGNED", "PROVISIONED"};
            String[] statusNames = new String[statuses.length];
            for (int i = 0; i < statuses.length; i++) {
                statusNames[i] = messages.getMessage("device.status." + statuses[i], null, locale);
            }
            inventory.forEach(customerId, query, d -> csv.writeRecord(
                    nullToEmpty(d.siteName()),
                    nullToEmpty(d.modelDisplayName()),
                    d.macAddress().display(),
                    nullToEmpty(d.label()),
                    statusName(d.status(), statuses, statusNames),
                    nullToEmpty(d.assignedUserName()),
                    ADDED_ON.format(d.createdAt().atZone(zone))));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusName(String status, String[] statuses, String[] names) {
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i].equals(status)) {
                return names[i];
            }
        }
        return status;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
