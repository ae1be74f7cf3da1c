package com.switchboard.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.customer.Customers;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.CleanText;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;

/**
 * One kind of CSV import (devices, users): what every kind does alike (take a file, queue it, follow it, list its
 * errors, write its results and its template) and what makes it this kind (its columns, its first check of a file,
 * its pages' path and views, its words). Its pages are served by {@link ImportPagesController}, and its API
 * controller answers through {@link ImportApi}, the same for every kind; each kind adds its own helper files.
 */
public abstract class ImportKind {

    /**
     * What names this kind.
     *
     * @param pages              the first segment of its pages' paths: {@code devices} for {@code /devices/imports/…}
     * @param api                its API's segment under the customer: {@code device-imports}
     * @param views              the folder of its page templates ({@code upload}, {@code instructions}; the page of an
     *                           import, {@code importing/show}, is shared)
     * @param defaultFileName    the name a file without one is given
     * @param templateFileName   the name of its template file
     * @param resultsFilePrefix  its results file is named this, the import's id and {@code -results.csv}
     * @param addedResultKey     the result column's words for an added row
     * @param unchangedResultKey and for an unchanged one
     * @param updatedResultKey   and for an updated one, for a kind that updates (else null)
     * @param completedToastKey  the notification of a completed import: {0} the file, {1} added, {2} unchanged
     * @param templateHeaderKeys the template's headers, as message keys, in their order
     */
    public record Names(String pages, String api, String views, String defaultFileName, String templateFileName,
                        String resultsFilePrefix, String addedResultKey, String unchangedResultKey,
                        String updatedResultKey, String completedToastKey, List<String> templateHeaderKeys) {

        public Names {
            templateHeaderKeys = List.copyOf(templateHeaderKeys);
        }
    }

    private final Names names;
    private final ImportJobs jobs;
    private final Runnable wake;
    private final ImportSettings settings;
    private final ImportStorage storage;
    private final ImportMessages messages;
    private final ImportResults results;
    private final Customers customers;
    private final CustomerScope scope;
    private final TransactionTemplate transaction;

    protected ImportKind(Names names, ImportJobs jobs, Runnable wake, ImportSettings settings, ImportStorage storage,
                         ImportMessages messages,
                         ImportResults results, Customers customers, CustomerScope scope,
                         PlatformTransactionManager transactions) {
        this.names = names;
        this.jobs = jobs;
        this.wake = wake;
        this.settings = settings;
        this.storage = storage;
        this.messages = messages;
        this.results = results;
        this.customers = customers;
        this.scope = scope;
        this.transaction = new TransactionTemplate(transactions);
    }

    public String pages() {
        return names.pages();
    }

    public String api() {
        return names.api();
    }

    public String templateFileName() {
        return names.templateFileName();
    }

    public String resultsFileName(long importId) {
        return names.resultsFilePrefix() + importId + "-results.csv";
    }

    public String completedToastKey() {
        return names.completedToastKey();
    }

    /**
     * The checks of a file that need no database: a CSV at all, a header, some rows.
     *
     * @throws FileProblem.Rejected for a file that cannot be an import of this kind
     */
    protected abstract void precheck(byte[] content);

    /**
     * What the upload page shows besides the form (the user import's recent files, the device import's option as
     * it was sent).
     *
     * @param options the form's other fields when it comes back refused, else empty
     */
    public void addToUploadPage(CustomerId customerId, Model model, Map<String, String> options) {
    }

    /** Keeps a kind's options of an upload with its job, in the transaction that stores the file. */
    protected void keepOptions(long importId, Map<String, String> options) {
    }

    public String view(String page) {
        return "show".equals(page) ? "importing/show" : names.views() + "/" + page;
    }

    public ImportSettings settings() {
        return settings;
    }

    /** The size limit, checked before the bytes are even read. */
    public void checkSize(long size) {
        if (size > settings.maxBytes().toBytes()) {
            throw new FileProblem.Rejected("import.file.too-large", settings.maxBytes().toMegabytes());
        }
    }

    /**
     * Queues a file after the checks that need no database: size, {@link #precheck}; the customer's quota is
     * reserved in the transaction that stores it.
     *
     * @param options the upload form's other fields, for a kind that has options
     * @throws FileProblem.Rejected for a file that cannot be an import of this kind
     */
    public ImportView submit(CustomerId customerId, String fileName, byte[] content, Map<String, String> options) {
        customers.get(customerId);
        checkSize(content.length);
        precheck(content);
        String name = fileName == null || fileName.isBlank() ? names.defaultFileName() : CleanText.scrub(fileName.strip());
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long id = transaction.execute(s -> {
            // One quota over every kind of import's files (ImportStorage).
            storage.reserve(customerId, content.length);
            long inserted = jobs.insert(customerId, shortName, content, scope.currentIfAny().orElse(null));
            keepOptions(inserted, options);
            return inserted;
        });
        wake.run();
        return jobs.find(id).orElseThrow();
    }

    public ImportView submit(CustomerId customerId, String fileName, byte[] content) {
        return submit(customerId, fileName, content, Map.of());
    }

    @Transactional(readOnly = true)
    public ImportView get(CustomerId customerId, long id) {
        return jobs.find(customerId, id).orElseThrow(() -> new NotFound("import.not-found"));
    }

    @Transactional(readOnly = true)
    public List<RowError> errors(CustomerId customerId, long id, int page, int size) {
        get(customerId, id);
        return jobs.errors(id, size, (long) page * size);
    }

    /** The uploaded rows as they were, plus a result column: added, unchanged, or the row's errors. */
    @Transactional(readOnly = true)
    public void writeResults(CustomerId customerId, long id, Locale locale, OutputStream out) throws IOException {
        results.write(jobs, get(customerId, id), names.addedResultKey(), names.unchangedResultKey(),
                names.updatedResultKey(), locale, out);
    }

    /** The template: the header row alone, in the reader's language. */
    public void writeTemplate(Locale locale, OutputStream out) throws IOException {
        try (SpreadsheetCsv csv = ImportCsv.writer(out, ImportCsv.delimiter(locale))) {
            csv.writeRecord(names.templateHeaderKeys().stream().map(key -> messages.text(key, locale)).toArray(String[]::new));
        }
    }
}
