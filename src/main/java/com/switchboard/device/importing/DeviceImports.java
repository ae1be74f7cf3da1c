package com.switchboard.device.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.customer.Customers;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportCsv;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.ImportMessages;
import com.switchboard.importing.ImportResults;
import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportStorage;
import com.switchboard.importing.ImportView;
import com.switchboard.importing.RowError;
import com.switchboard.importing.SpreadsheetCsv;
import com.switchboard.rules.NotFound;
import com.switchboard.site.Site;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.CleanText;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The imports of a customer: upload a file (checked at once for what can be seen at once, then queued),
 * follow it, read its errors, download its results, and the files that help fill one in.
 */
@Service
class DeviceImports {

    private final ImportRepository repository;
    private final DeviceImportWorker worker;
    private final ImportSettings settings;
    private final ImportStorage storage;
    private final ImportMessages messages;
    private final ImportResults results;
    private final Customers customers;
    private final Sites sites;
    private final Catalogue catalogue;
    private final CustomerScope scope;
    private final TransactionTemplate transaction;

    DeviceImports(ImportRepository repository, DeviceImportWorker worker, ImportSettings settings, ImportStorage storage, ImportMessages messages, ImportResults results,
                  Customers customers, Sites sites, Catalogue catalogue, CustomerScope scope,
                  PlatformTransactionManager transactions) {
        this.repository = repository;
        this.worker = worker;
        this.settings = settings;
        this.storage = storage;
        this.messages = messages;
        this.results = results;
        this.customers = customers;
        this.sites = sites;
        this.catalogue = catalogue;
        this.scope = scope;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The size limit, checked before the bytes are even read. */
    void checkSize(long size) {
        if (size > settings.maxBytes().toBytes()) {
            throw new FileProblem.Rejected("import.file.too-large", settings.maxBytes().toMegabytes());
        }
    }

    /**
     * Queues a file after the checks that need no database: size, a CSV at all, a header, some rows.
     *
     * @throws FileProblem.Rejected for a file that cannot be an import
     */
    ImportView submit(CustomerId customerId, String fileName, byte[] content) {
        return submit(customerId, fileName, content, false);
    }

    /** @param updateExisting "add and update": rows whose MAC is already the customer's may change its label or site */
    ImportView submit(CustomerId customerId, String fileName, byte[] content, boolean updateExisting) {
        customers.get(customerId);
        checkSize(content.length);
        precheck(content);
        String name = fileName == null || fileName.isBlank() ? "devices.csv" : CleanText.scrub(fileName.strip());
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long id = transaction.execute(s -> {
            // One quota over every kind of import's files (ImportStorage).
            storage.reserve(customerId, content.length);
            long inserted = repository.insert(customerId, shortName, content, scope.currentIfAny().orElse(null));
            if (updateExisting) {
                repository.updateExisting(inserted);
            }
            return inserted;
        });
        worker.wake();
        return repository.find(id).orElseThrow();
    }

    static void precheck(byte[] content) {
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

    @Transactional(readOnly = true)
    public ImportView get(CustomerId customerId, long id) {
        return repository.find(customerId, id).orElseThrow(() -> new NotFound("import.not-found"));
    }

    /** One page of the history, newest first. */
    public record ImportPage(List<ImportView> items, int page, int size, long totalItems) {
    }

    @Transactional(readOnly = true)
    public ImportPage list(CustomerId customerId, int page, int size) {
        customers.get(customerId);
        return new ImportPage(repository.list(customerId, size, (long) page * size), page, size, repository.count(customerId));
    }

    @Transactional(readOnly = true)
    public List<RowError> errors(CustomerId customerId, long id, int page, int size) {
        get(customerId, id);
        return repository.errors(id, size, (long) page * size);
    }

    /**
     * The uploaded rows as they were, plus a result column: added, unchanged, or the row's errors in the
     * reader's language.
     */
    @Transactional(readOnly = true)
    public void writeResults(CustomerId customerId, long id, Locale locale, OutputStream out) throws IOException {
        results.write(repository, get(customerId, id), "import.result.added", "import.result.unchanged",
                "import.result.updated", locale, out);
    }

    /** The template: the header row alone, in the reader's language. */
    void writeTemplate(Locale locale, OutputStream out) throws IOException {
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(messages.text("import.column.site", locale), messages.text("import.column.model", locale),
                    messages.text("import.column.mac", locale), messages.text("import.column.label", locale));
        }
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

    ImportSettings settings() {
        return settings;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
