package com.switchboard.device.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
import com.switchboard.importing.ImportMessages;
import com.switchboard.importing.RowError;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.NotFound;
import com.switchboard.site.Site;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
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
    private final ImportWorker worker;
    private final ImportSettings settings;
    private final ImportMessages messages;
    private final Customers customers;
    private final Sites sites;
    private final Catalogue catalogue;
    private final CustomerScope scope;
    private final TransactionTemplate transaction;

    DeviceImports(ImportRepository repository, ImportWorker worker, ImportSettings settings, ImportMessages messages,
                  Customers customers, Sites sites, Catalogue catalogue, CustomerScope scope,
                  PlatformTransactionManager transactions) {
        this.repository = repository;
        this.worker = worker;
        this.settings = settings;
        this.messages = messages;
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
        customers.get(customerId);
        checkSize(content.length);
        precheck(content);
        String name = fileName == null || fileName.isBlank() ? "devices.csv" : fileName.strip();
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long id = transaction.execute(s -> repository.insert(customerId, shortName, content, scope.currentIfAny().orElse(null)));
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
     * reader's language. Written with the file's own delimiter, so it opens in the same spreadsheet.
     */
    @Transactional(readOnly = true)
    public void writeResults(CustomerId customerId, long id, Locale locale, OutputStream out) throws IOException {
        ImportView view = get(customerId, id);
        if (!view.finished()) {
            throw new Conflict("import.not-finished");
        }
        Map<Integer, StringBuilder> results = new HashMap<>();
        StringBuilder fileLevel = new StringBuilder();
        repository.eachError(id, e -> {
            StringBuilder text = e.row() == null ? fileLevel : results.computeIfAbsent(e.row(), r -> new StringBuilder());
            if (!text.isEmpty()) {
                text.append(" | ");
            }
            text.append(e.column() == null ? "" : e.column() + ": ").append(messages.message(e, locale));
        });
        BitSet unchanged = repository.unchangedRows(id);
        String added = messages.text("import.result.added", locale);
        String same = messages.text("import.result.unchanged", locale);
        String fine = messages.text(view.status() == ImportStatus.REJECTED ? "import.result.ok" : "import.result.none", locale);
        CsvFile file;
        try {
            file = CsvFile.of(repository.content(id));
        } catch (FileProblem.Rejected e) {
            // Not a CSV at all: the results are the file-level problems alone.
            try (CsvWriter csv = ImportCsv.writer(out, ',')) {
                csv.writeRecord(messages.text("import.column.result", locale));
                csv.writeRecord(fileLevel.toString());
            }
            return;
        }
        try (CsvWriter csv = ImportCsv.writer(out, file.delimiter());
             CsvReader<CsvRecord> reader = file.records()) {
            int row = 0;
            int resultAt = -1;
            boolean headerSeen = false;
            for (CsvRecord record : reader) {
                row++;
                if (CsvFile.isBlank(record)) {
                    continue;
                }
                List<String> fields = new ArrayList<>(record.getFields());
                String result;
                if (!headerSeen) {
                    headerSeen = true;
                    for (int i = 0; i < fields.size(); i++) {
                        if (Column.recognise(fields.get(i)) == Column.RESULT) {
                            resultAt = i;
                        }
                    }
                    result = fileLevel.isEmpty() ? messages.text("import.column.result", locale) : fileLevel.toString();
                } else {
                    StringBuilder errors = results.get(row);
                    result = errors != null ? errors.toString()
                            : view.status() == ImportStatus.COMPLETED ? (unchanged.get(row) ? same : added) : fine;
                }
                // A results file uploaded again gets its old result column replaced, not a second one.
                if (resultAt >= 0 && resultAt < fields.size()) {
                    fields.remove(resultAt);
                }
                fields.add(result);
                csv.writeRecord(fields);
            }
        }
    }

    /** The template: the header row alone, in the reader's language. */
    void writeTemplate(Locale locale, OutputStream out) throws IOException {
        try (CsvWriter csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(messages.text("import.column.site", locale), messages.text("import.column.model", locale),
                    messages.text("import.column.mac", locale), messages.text("import.column.label", locale));
        }
    }

    /** Each site with the models that may be added there, named exactly as the importer expects them. */
    @Transactional(readOnly = true)
    public void writeSupportedDevices(CustomerId customerId, Locale locale, OutputStream out) throws IOException {
        List<Site> all = sites.of(customerId);
        List<DeviceModel> models = catalogue.all();
        try (CsvWriter csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
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
        try (CsvWriter csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
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
