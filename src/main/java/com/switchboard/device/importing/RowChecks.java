package com.switchboard.device.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.switchboard.catalog.DeviceModel;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.MacAddress;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.RowError;
import com.switchboard.importing.TypedName;
import com.switchboard.site.Site;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Checks the rows of a file one by one and, per batch, against the devices already registered (one query
 * per batch, not per row). Every broken rule of every row is reported; the rows that would add a device
 * are kept, so that a clean file can be imported without reading it again.
 */
final class RowChecks {

    static final int BATCH = 5000;
    static final int MAX_LABEL = DeviceInventory.MAX_LABEL;

    /** Who holds each of a batch of MACs already (one query). */
    interface Holders {
        Map<String, ImportRepository.Holder> of(String[] macs, int count);
    }

    private final ImportHeader<Column> header;
    private final long customerId;
    private final Holders holders;
    private final Consumer<RowError> errors;

    private final Map<String, Site> sitesByName = new HashMap<>();
    private final Map<Long, Site> sitesById = new HashMap<>();
    private final Map<String, DeviceModel> modelsByName = new HashMap<>();
    private final Map<Long, DeviceModel> modelsById = new HashMap<>();
    /** The raw cell values already looked up: a file names the same few sites and models over and over. */
    private final Map<String, Site> siteCache = new HashMap<>();
    private final Map<String, DeviceModel> modelCache = new HashMap<>();
    private final Map<String, Integer> firstRowOfMac = new HashMap<>();

    private final int[] batchRows = new int[BATCH];
    private final String[] batchMacs = new String[BATCH];
    private final String[] batchValues = new String[BATCH];
    private final Site[] batchSites = new Site[BATCH];
    private final DeviceModel[] batchModels = new DeviceModel[BATCH];
    private final String[] batchLabels = new String[BATCH];
    private final boolean[] batchClean = new boolean[BATCH];
    private int batchSize;

    private final NewDevices devices = new NewDevices();
    private final BitSet unchanged = new BitSet();
    private int unchangedCount;
    /** "Add and update": a row whose MAC is already the customer's may change its label or move it. */
    private final boolean update;
    private final List<Change> changes = new ArrayList<>();
    private final BitSet updated = new BitSet();
    private int errorCount;
    private int rows;

    /** What a row of an "add and update" import changes on a device already there: its site and/or its label. */
    record Change(int row, String mac, Long siteId, String label) {
    }

    RowChecks(ImportHeader<Column> header, long customerId, List<Site> sites, List<DeviceModel> models, Holders holders,
              Consumer<RowError> errors) {
        this(header, customerId, sites, models, holders, errors, false);
    }

    RowChecks(ImportHeader<Column> header, long customerId, List<Site> sites, List<DeviceModel> models, Holders holders,
              Consumer<RowError> errors, boolean update) {
        this.update = update;
        this.header = header;
        this.customerId = customerId;
        this.holders = holders;
        this.errors = errors;
        for (Site site : sites) {
            sitesByName.put(key(site.name()), site);
            sitesById.put(site.id().value(), site);
        }
        for (DeviceModel model : models) {
            modelsByName.put(key(model.displayName()), model);
            modelsById.put(model.id().value(), model);
        }
    }

    /** Checks one non-blank record; {@code row} is its number in the spreadsheet. */
    void check(int row, CsvRecord record) {
        rows++;
        int errorsBefore = errorCount;
        if (record.getFieldCount() != header.fieldCount()) {
            error(row, null, null, "import.row.field-count", header.fieldCount(), record.getFieldCount());
            return;
        }
        String siteValue = header.field(record, Column.SITE);
        String modelValue = header.field(record, Column.MODEL);
        String macValue = header.field(record, Column.MAC);
        String labelValue = header.field(record, Column.LABEL).strip();

        Site site = null;
        if (siteValue.isBlank()) {
            error(row, Column.SITE, siteValue, "import.row.required");
        } else {
            site = siteCache.computeIfAbsent(siteValue, v -> sitesByName.get(key(v)));
            if (site == null) {
                error(row, Column.SITE, siteValue, "import.site.unknown", siteValue.strip());
            }
        }
        DeviceModel model = null;
        if (modelValue.isBlank()) {
            error(row, Column.MODEL, modelValue, "import.row.required");
        } else {
            model = modelCache.computeIfAbsent(modelValue, v -> modelsByName.get(key(v)));
            if (model == null) {
                error(row, Column.MODEL, modelValue, "import.model.unknown", modelValue.strip());
            } else if (site != null && !model.availableIn(site.country())) {
                error(row, Column.MODEL, modelValue, "import.model.not-available", model.displayName(), site.name());
            }
        }
        String mac = null;
        Optional<MacAddress.Rule> broken = MacAddress.check(macValue);
        if (broken.isPresent()) {
            String code = broken.get() == MacAddress.Rule.BLANK ? "import.row.required" : broken.get().code();
            error(row, Column.MAC, macValue, code);
        } else {
            mac = MacAddress.parse(macValue).value();
            Integer first = firstRowOfMac.putIfAbsent(mac, row);
            if (first != null) {
                String display = new MacAddress(mac).display();
                error(first, Column.MAC, macValue, "import.mac.repeated", display, row);
                error(row, Column.MAC, macValue, "import.mac.repeated", display, first);
                mac = null;
            }
        }
        if (labelValue.length() > MAX_LABEL) {
            error(row, Column.LABEL, labelValue, "import.label.too-long", MAX_LABEL);
        }
        if (mac != null) {
            // Even a row with other errors is checked against the registered MACs, so that all its errors show.
            int i = batchSize++;
            batchRows[i] = row;
            batchMacs[i] = mac;
            batchValues[i] = macValue;
            batchSites[i] = site;
            batchModels[i] = model;
            batchLabels[i] = labelValue.isEmpty() ? null : labelValue;
            batchClean[i] = errorCount == errorsBefore;
            if (batchSize == BATCH) {
                flush();
            }
        }
    }

    /** Settles the pending batch against the registered devices. */
    void flush() {
        if (batchSize == 0) {
            return;
        }
        Map<String, ImportRepository.Holder> held = holders.of(batchMacs, batchSize);
        for (int i = 0; i < batchSize; i++) {
            ImportRepository.Holder holder = held.get(batchMacs[i]);
            Site site = batchSites[i];
            DeviceModel model = batchModels[i];
            if (holder == null) {
                if (batchClean[i]) {
                    devices.add(site.id().value(), model.id().value(), batchMacs[i], batchLabels[i]);
                }
            } else if (holder.customerId() != customerId) {
                // Someone else's device: say it is taken and nothing about whose it is.
                error(batchRows[i], Column.MAC, batchValues[i], "import.mac.registered", new MacAddress(batchMacs[i]).display());
            } else if (site != null && model != null) {
                boolean sameSite = holder.siteId() == site.id().value();
                // A blank label leaves the device's own; only "add and update" looks at labels at all.
                boolean sameLabel = !update || batchLabels[i] == null || batchLabels[i].equals(holder.label());
                if (holder.modelId() == model.id().value() && sameSite && sameLabel) {
                    unchanged.set(batchRows[i]);
                    unchangedCount++;
                } else if (update && holder.modelId() == model.id().value()) {
                    if (!sameSite && holder.assigned()) {
                        // The Move rule of the device page: an assigned device is unassigned before it moves.
                        error(batchRows[i], Column.SITE, site.name(), "import.mac.move-assigned",
                                new MacAddress(batchMacs[i]).display(), site.name());
                    } else if (batchClean[i]) {
                        changes.add(new Change(batchRows[i], batchMacs[i], sameSite ? null : site.id().value(),
                                sameLabel ? null : batchLabels[i]));
                        updated.set(batchRows[i]);
                    }
                } else {
                    Site at = sitesById.get(holder.siteId());
                    DeviceModel as = modelsById.get(holder.modelId());
                    error(batchRows[i], Column.MAC, batchValues[i], "import.mac.in-inventory",
                            new MacAddress(batchMacs[i]).display(), at == null ? "?" : at.name(),
                            as == null ? "?" : as.displayName());
                }
            }
            batchSites[i] = null;
            batchModels[i] = null;
            batchLabels[i] = null;
        }
        batchSize = 0;
    }

    int rows() {
        return rows;
    }

    int errorCount() {
        return errorCount;
    }

    int unchangedCount() {
        return unchangedCount;
    }

    BitSet unchanged() {
        return unchanged;
    }

    List<Change> changes() {
        return changes;
    }

    BitSet updated() {
        return updated;
    }

    NewDevices devices() {
        return devices;
    }

    private void error(int row, Column column, String value, String code, Object... args) {
        errorCount++;
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        errors.accept(new RowError(row, column == null ? null : header.name(column), value, code, text));
    }

    /** Site and model names as the admin may type them: letter case and blanks are forgiven. */
    static String key(String name) {
        return TypedName.key(name);
    }
}
