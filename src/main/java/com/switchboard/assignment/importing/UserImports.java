package com.switchboard.assignment.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import com.switchboard.customer.Customers;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
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
import com.switchboard.number.NumberView;
import com.switchboard.number.Numbers;
import com.switchboard.site.Site;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/**
 * A customer's user imports: upload a file (checked at once for what can be seen at once, then queued), follow it,
 * read its errors, download its results, and the files that help fill one in.
 */
@Service
class UserImports extends ImportKind {

    static final int RECENT = 10;

    private final UserImportRepository repository;
    private final ImportSettings settings;
    private final ImportMessages messages;
    private final Customers customers;
    private final Sites sites;
    private final Numbers numbers;
    private final DeviceInventory devices;

    UserImports(UserImportRepository repository, UserImportWorker worker, ImportSettings settings, ImportStorage storage, ImportMessages messages,
                ImportResults results, Customers customers, Sites sites, Numbers numbers, DeviceInventory devices,
                CustomerScope scope, PlatformTransactionManager transactions) {
        super(new Names("users", "user-imports", "userimport", "users.csv", "users-template.csv", "user-import-",
                "user-import.result.added", "user-import.result.unchanged", null, "user-import.toast.completed",
                Arrays.stream(UserColumn.TEMPLATE).map(UserColumn::messageKey).toList()),
                repository, worker::wake, settings, storage, messages, results, customers, scope, transactions);
        this.repository = repository;
        this.settings = settings;
        this.messages = messages;
        this.customers = customers;
        this.sites = sites;
        this.numbers = numbers;
        this.devices = devices;
    }

    /** A CSV at all, a header with the required columns, some rows, not too many. */
    @Override
    protected void precheck(byte[] content) {
        try {
            ImportHeader.count(CsvFile.of(content), UserColumn.class, UserImporter.MISSING_HEADER, "user-import.file.no-rows",
                    settings.maxRows());
        } catch (IOException | de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new FileProblem.Rejected("import.file.unreadable");
        }
    }

    /** The upload page lists the customer's latest user imports. */
    @Override
    public void addToUploadPage(CustomerId customerId, Model model, Map<String, String> options) {
        model.addAttribute("recent", recent(customerId, RECENT));
    }

    @Transactional(readOnly = true)
    public List<ImportView> recent(CustomerId customerId, int limit) {
        customers.get(customerId);
        return repository.list(customerId, limit, 0);
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
}
