package com.switchboard.device.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.customer.Customers;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportCsv;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.ImportKind;
import com.switchboard.importing.ImportMessages;
import com.switchboard.importing.ImportResults;
import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportStorage;
import com.switchboard.importing.ImportView;
import com.switchboard.importing.SpreadsheetCsv;
import com.switchboard.site.Site;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.ui.Model;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports of a customer: upload a file (checked at once for what can be seen at once, then queued),
 * follow it, read its errors, download its results, and the files that help fill one in.
 */
@Service
class DeviceImports extends ImportKind {

    private final ImportRepository repository;
    private final ImportMessages messages;
    private final Customers customers;
    private final Sites sites;
    private final Catalogue catalogue;

    DeviceImports(ImportRepository repository, DeviceImportWorker worker, ImportSettings settings, ImportStorage storage, ImportMessages messages, ImportResults results,
                  Customers customers, Sites sites, Catalogue catalogue, CustomerScope scope,
                  PlatformTransactionManager transactions) {
        super(new Names("devices", "device-imports", "importing", "devices.csv", "devices-template.csv", "import-",
                "import.result.added", "import.result.unchanged", "import.result.updated", "import.toast.completed",
                List.of("import.column.site", "import.column.model", "import.column.mac", "import.column.label")),
                repository, worker::wake, settings, storage, messages, results, customers, scope, transactions);
        this.repository = repository;
        this.messages = messages;
        this.customers = customers;
        this.sites = sites;
        this.catalogue = catalogue;
    }

    /** The upload form's and the API's option "add and update": rows whose MAC is already the customer's may change it. */
    static final String UPDATE_EXISTING = "updateExisting";

    /** @param updateExisting "add and update": rows whose MAC is already the customer's may change its label or site */
    ImportView submit(CustomerId customerId, String fileName, byte[] content, boolean updateExisting) {
        return submit(customerId, fileName, content, Map.of(UPDATE_EXISTING, String.valueOf(updateExisting)));
    }

    @Override
    protected void keepOptions(long importId, Map<String, String> options) {
        if (Boolean.parseBoolean(options.get(UPDATE_EXISTING))) {
            repository.updateExisting(importId);
        }
    }

    /** A refused upload comes back with the option as it was sent. */
    @Override
    public void addToUploadPage(CustomerId customerId, Model model, Map<String, String> options) {
        if (options.containsKey(UPDATE_EXISTING)) {
            model.addAttribute(UPDATE_EXISTING, Boolean.parseBoolean(options.get(UPDATE_EXISTING)));
        }
    }

    @Override
    protected void precheck(byte[] content) {
        check(content);
    }

    static void check(byte[] content) {
        CsvFile file = CsvFile.of(content);
        boolean header = false;
        try (CsvReader<CsvRecord> reader = file.records()) {
            for (CsvRecord record : reader) {
                if (CsvFile.isBlank(record)) {
                    continue;
                }
                if (header) {
                    return;
                }
                ImportHeader.of(record, Column.class, "import.header.missing");
                header = true;
            }
        } catch (IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new FileProblem.Rejected("import.file.unreadable");
        }
        throw new FileProblem.Rejected(header ? "import.file.no-rows" : "import.file.empty");
    }

    /** One page of the history, newest first. */
    public record ImportPage(List<ImportView> items, int page, int size, long totalItems) {
    }

    @Transactional(readOnly = true)
    public ImportPage list(CustomerId customerId, int page, int size) {
        customers.get(customerId);
        return new ImportPage(repository.list(customerId, size, (long) page * size), page, size, repository.count(customerId));
    }

    /** Each site with the models that may be added there, named exactly as the importer expects them. */
    @Transactional(readOnly = true)
    public void writeSupportedDevices(CustomerId customerId, Locale locale, OutputStream out) throws IOException {
        List<Site> all = sites.of(customerId);
        List<DeviceModel> models = catalogue.all();
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(messages.text("import.column.site", locale), messages.text("import.column.model", locale),
                    messages.text("import.supported.manufacturer", locale), messages.text("import.supported.country", locale));
            for (Site site : all) {
                for (DeviceModel model : models) {
                    if (model.availableIn(site.country())) {
                        csv.writeRecord(site.name(), model.displayName(), model.manufacturer(), site.country());
                    }
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public void writeSites(CustomerId customerId, Locale locale, OutputStream out) throws IOException {
        List<Site> all = sites.of(customerId);
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(messages.text("import.column.site", locale), messages.text("import.sites.country", locale),
                    messages.text("import.sites.region", locale), messages.text("import.sites.timeZone", locale),
                    messages.text("import.sites.address", locale));
            for (Site site : all) {
                csv.writeRecord(site.name(), site.country(), nullToEmpty(site.region()), site.timeZone(),
                        nullToEmpty(site.address()));
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
