package com.switchboard.assignment.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.assignment.UserImportCompleted;
import com.switchboard.assignment.UserImportRejected;
import com.switchboard.catalog.Catalogue;
import com.switchboard.device.DeviceAssignment;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.HeldDevice;
import com.switchboard.device.MacAddress;
import com.switchboard.device.NewDevice;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.ImportJobs;
import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportRun;
import com.switchboard.importing.ImportStatus;
import com.switchboard.importing.RowError;
import com.switchboard.number.NumberAssignment;
import com.switchboard.number.NumberId;
import com.switchboard.number.Numbers;
import com.switchboard.rules.DomainException;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserDetails;
import com.switchboard.user.UserId;
import com.switchboard.user.Users;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed user import: reads the stored file, checks every row with the wizard's rules, then sets up every
 * person of the file set-wise through the owning modules' bulk methods (with the wizard's audit rows, and the SIP
 * lines), or nothing, all in one transaction under the customer's user-import lock. A file that something else
 * overtook between the checks and the setup (a number, a MAC, an email taken meanwhile by the wizard or a device
 * import) is rolled back and checked again, and then rejected with those rows' errors.
 */
@Component
class UserImporter {

    private static final Logger log = LoggerFactory.getLogger(UserImporter.class);
    private static final int BATCH = 1000;
    static final String MISSING_HEADER = "user-import.header.missing";

    private final UserImportRepository repository;
    private final Sites sites;
    private final Catalogue catalogue;
    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;
    private final ApplicationEventPublisher events;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;

    UserImporter(UserImportRepository repository, Sites sites, Catalogue catalogue, Users users,
                 Numbers numbers, DeviceInventory devices, ApplicationEventPublisher events, ImportSettings settings,
                 PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sites = sites;
        this.catalogue = catalogue;
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
        this.events = events;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void run(ImportJobs.Claim claim) {
        // The wizard, a device import or another server took a number, a MAC, an email meanwhile: check again.
        ImportRun.run(repository, claim, "User import",
                e -> e instanceof DomainException || e instanceof DataIntegrityViolationException
                        || e instanceof ConcurrencyFailureException,
                () -> repository.deleteErrors(claim),
                // One try is one transaction, under the customer's user-import lock: two overlapping files of one
                // customer are checked and set up one after the other, so the second is checked against the
                // first's people, numbers and phones, and rejected with its rows' errors.
                () -> transaction.executeWithoutResult(s -> {
                    repository.lockCustomer(claim.customerId());
                    runOnce(claim);
                }));
    }

    private void runOnce(ImportJobs.Claim claim) {
        long started = System.nanoTime();
        ImportJobs.ErrorWriter errors = repository.errorWriter(claim, BATCH);
        try {
            CsvFile file = CsvFile.of(repository.content(claim.id()).orElseThrow());
            ImportHeader.Count<UserColumn> count = ImportHeader.count(file, UserColumn.class, MISSING_HEADER,
                    "user-import.file.no-rows", settings.maxRows());
            heartbeat(claim, ImportStatus.VALIDATING, count.rows(), 0, 0);
            UserRowChecks checks = new UserRowChecks(count.header(), claim.customerId().value(), sites.of(claim.customerId()),
                    catalogue.all(), errors::add);
            int row = 0;
            try (CsvReader<CsvRecord> reader = file.records()) {
                for (CsvRecord record : reader) {
                    row++;
                    if (row <= count.headerRow() || CsvFile.isBlank(record)) {
                        continue;
                    }
                    checks.check(row, record);
                    if (checks.rows() % BATCH == 0) {
                        errors.flush();
                        heartbeat(claim, ImportStatus.VALIDATING, count.rows(), checks.rows(), 0);
                    }
                }
            }
            long read = System.nanoTime();
            UserRowChecks.Plan plan = checks.settle(repository.holdings(claim.customerId(), checks.emails(),
                    checks.extensions(), checks.numbers(), checks.macs()));
            errors.flush();
            log.info("User import {}: {} rows checked in {} ms ({} ms each row on its own, {} ms against the database), "
                            + "{} errors", claim.id(), count.rows(), (System.nanoTime() - started) / 1_000_000,
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000, checks.errorCount());
            if (checks.errorCount() > 0) {
                finish(claim, ImportStatus.REJECTED, count.rows(), 0, plan.unchangedCount(), checks.errorCount(), null);
                return;
            }
            setUp(claim, count.rows(), plan);
            log.info("User import {}: {} users set up, {} ms in all", claim.id(), plan.usersCreated(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (FileProblem.Rejected e) {
            e.problems().forEach(p -> errors.add(RowError.of(p)));
            errors.flush();
            finish(claim, ImportStatus.REJECTED, 0, 0, 0, e.problems().size(), null);
        } catch (CsvParseException e) {
            errors.add(new RowError(null, null, null, "import.file.unreadable"));
            errors.flush();
            finish(claim, ImportStatus.REJECTED, 0, 0, 0, 1, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every row's setup in one transaction, set-wise: the new people in one {@code COPY}, their numbers in one
     * statement, the new phones in one {@code COPY}, the phones given in one statement (their SIP lines in one
     * {@code COPY}), each module writing its own tables and announcing the lot in one event, whose audit rows are
     * tied to the import. Each of those statements still refuses what was taken meanwhile (the unique indexes,
     * "still free" in the updates), and then the whole transaction rolls back and the file is checked again.
     */
    private void setUp(ImportJobs.Claim claim, int total, UserRowChecks.Plan plan) {
        heartbeat(claim, ImportStatus.IMPORTING, total, total, 0);
        CustomerId customer = claim.customerId();
        long importId = claim.id();
        // The job acts for the admin who uploaded the file: every event of the setup names them.
        Actor uploader = Actor.of(claim.uploader(), null);
        transaction.executeWithoutResult(status -> {
            List<UserDetails> people = new ArrayList<>();
            for (UserRowChecks.Action action : plan.actions()) {
                if (action.existingUserId() == null) {
                    people.add(action.details());
                }
            }
            Steps steps = new Steps();
            Map<String, UserId> created = users.addImported(customer, importId, uploader, people);
            steps.done("users");
            List<NumberAssignment> numbersGiven = new ArrayList<>();
            List<HeldDevice> newDevices = new ArrayList<>();
            List<DeviceAssignment> devicesGiven = new ArrayList<>();
            for (UserRowChecks.Action action : plan.actions()) {
                UserId user = userOf(action, created);
                SiteId site = new SiteId(action.details().siteId());
                if (action.numberId() != null) {
                    numbersGiven.add(new NumberAssignment(new NumberId(action.numberId()), user, site, fullName(action)));
                }
                if (action.newMac() != null) {
                    // A new phone is added already given to its person: one COPY, no update after.
                    newDevices.add(new HeldDevice(new NewDevice(site, action.newModel().id(), new MacAddress(action.newMac()),
                            action.newLabel()), user, fullName(action)));
                } else if (action.deviceId() != null) {
                    devicesGiven.add(new DeviceAssignment(new DeviceId(action.deviceId()), user, site, fullName(action)));
                }
            }
            numbers.assignImported(customer, importId, uploader, numbersGiven);
            steps.done("numbers");
            devices.addImportedAssigned(customer, importId, claim.fileName(), uploader, newDevices);
            steps.done("new phones, with their lines");
            devices.assignImported(customer, importId, uploader, devicesGiven);
            steps.done("free phones given, with their lines");
            // One event for the whole file: it names the file and the counts.
            events.publishEvent(new UserImportCompleted(customer, claim.id(), claim.fileName(), plan.usersCreated(),
                    plan.unchangedCount(), uploader));
            if (!repository.finish(claim, ImportStatus.COMPLETED, total, plan.usersCreated(), plan.unchangedCount(), 0,
                    plan.unchanged())) {
                throw new ImportRun.ClaimLost();
            }
            log.info("User import {}: set up in {}", claim.id(), steps);
        });
    }

    /** How long each step of a setup took, for the log. */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The row's person: the one just added, or the one of a file uploaded again. */
    private static UserId userOf(UserRowChecks.Action action, Map<String, UserId> created) {
        return action.existingUserId() != null ? new UserId(action.existingUserId())
                : created.get(action.details().email().toLowerCase(Locale.ROOT));
    }

    private static String fullName(UserRowChecks.Action action) {
        return action.details().firstName() + " " + action.details().lastName();
    }

    private void finish(ImportJobs.Claim claim, ImportStatus status, int total, int added, int unchanged, int errorCount,
                        java.util.BitSet unchangedRows) {
        transaction.executeWithoutResult(s -> {
            if (status == ImportStatus.REJECTED) {
                events.publishEvent(new UserImportRejected(claim.customerId(), claim.id(), claim.fileName(), errorCount,
                        Actor.of(claim.uploader(), null)));
            }
            if (!repository.finish(claim, status, total, added, unchanged, errorCount, unchangedRows)) {
                throw new ImportRun.ClaimLost();
            }
        });
    }

    /** Progress and the lease, in a transaction of their own so that they show while the attempt's runs. */
    private void heartbeat(ImportJobs.Claim claim, ImportStatus status, int total, int processed, int added) {
        if (!Boolean.TRUE.equals(separate.execute(s -> repository.progress(claim, status, total, processed, added,
                settings.lease())))) {
            throw new ImportRun.ClaimLost();
        }
    }
}
