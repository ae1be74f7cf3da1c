package com.switchboard.assignment.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import com.switchboard.customer.Customers;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
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
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.rules.NotFound;
import com.switchboard.site.Site;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.CleanText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's user imports: upload a file (checked at once for what can be seen at once, then queued), follow it,
 * read its errors, download its results, and the files that help fill one in.
 */
@Service
class UserImports {

    private final UserImportRepository repository;
    private final UserImportWorker worker;
    private final ImportSettings settings;
    private final ImportStorage storage;
    private final ImportMessages messages;
    private final ImportResults results;
    private final Customers customers;
    private final Sites sites;
    private final Numbers numbers;
    private final DeviceInventory devices;
    private final CustomerScope scope;
    private final TransactionTemplate transaction;

    UserImports(UserImportRepository repository, UserImportWorker worker, ImportSettings settings, ImportStorage storage, ImportMessages messages,
                ImportResults results, Customers customers, Sites sites, Numbers numbers, DeviceInventory devices,
                CustomerScope scope, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.worker = worker;
        this.settings = settings;
        this.storage = storage;
        this.messages = messages;
        this.results = results;
        this.customers = customers;
        this.sites = sites;
        this.numbers = numbers;
        this.devices = devices;
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
     * @throws FileProblem.Rejected for a file that cannot be an import of users
     */
    ImportView submit(CustomerId customerId, String fileName, byte[] content) {
        customers.get(customerId);
        checkSize(content.length);
        try {
            ImportHeader.count(CsvFile.of(content), UserColumn.class, UserImporter.MISSING_HEADER, "user-import.file.no-rows",
                    settings.maxRows());
        } catch (IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new FileProblem.Rejected("import.file.unreadable");
        }
        String name = fileName == null || fileName.isBlank() ? "users.csv" : CleanText.scrub(fileName.strip());
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long id = transaction.execute(s -> {
            // One quota over every kind of import's files (ImportStorage).
            storage.reserve(customerId, content.length);
            return repository.insert(customerId, shortName, content, scope.currentIfAny().orElse(null));
        });
        worker.wake();
        return repository.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportView get(CustomerId customerId, long id) {
        return repository.find(customerId, id).orElseThrow(() -> new NotFound("import.not-found"));
    }

    @Transactional(readOnly = true)
    public List<ImportView> recent(CustomerId customerId, int limit) {
        customers.get(customerId);
        return repository.list(customerId, limit, 0);
    }

    @Transactional(readOnly = true)
    public List<RowError> errors(CustomerId customerId, long id, int page, int size) {
        get(customerId, id);
        return repository.errors(id, size, (long) page * size);
    }

    /** The uploaded rows as they were, plus a result column in the reader's language. */
    @Transactional(readOnly = true)
    public void writeResults(CustomerId customerId, long id, Locale locale, OutputStream out) throws IOException {
        results.write(repository, get(customerId, id), "user-import.result.added", "user-import.result.unchanged", locale, out);
    }

    /** The template: the header row, in the reader's language. */
    void writeTemplate(Locale locale, OutputStream out) throws IOException {
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            String[] headers = new String[UserColumn.TEMPLATE.length];
            for (int i = 0; i < headers.length; i++) {
                headers[i] = messages.text(UserColumn.TEMPLATE[i].messageKey(), locale);
            }
            csv.writeRecord(headers);
        }
    }

    /**
     * The customer's free numbers and free phones, site by site, written as the importer reads them: what an admin
     * copies into the Phone number and Phone MAC address columns.
     */
    @Transactional(readOnly = true)
    public void writeFree(CustomerId customerId, Locale locale, OutputStream out) throws IOException {
        customers.get(customerId);
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(messages.text("user-import.column.site", locale), messages.text("user-import.free.kind", locale),
                    messages.text("user-import.free.value", locale), messages.text("user-import.column.model", locale),
                    messages.text("user-import.column.label", locale));
            String number = messages.text("user-import.free.number", locale);
            String phone = messages.text("user-import.free.phone", locale);
            for (Site site : sites.of(customerId)) {
                for (NumberView free : numbers.availableAt(customerId, site.id())) {
                    csv.writeRecord(site.name(), number, free.number().national(), "", "");
                }
                for (DeviceView free : devices.unassignedAt(customerId, site.id())) {
                    csv.writeRecord(site.name(), phone, free.macAddress().display(), free.modelDisplayName(),
                            free.label() == null ? "" : free.label());
                }
            }
        }
    }

    ImportSettings settings() {
        return settings;
    }
}
