package com.switchboard.assignment.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.switchboard.assignment.UserSetup;
import com.switchboard.assignment.UserSetups;
import com.switchboard.audit.AuditLog;
import com.switchboard.catalog.Catalogue;
import com.switchboard.device.AddDevice;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.ImportJobs;
import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportStatus;
import com.switchboard.importing.RowError;
import com.switchboard.number.NumberId;
import com.switchboard.number.Numbers;
import com.switchboard.rules.DomainException;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.UserDetails;
import com.switchboard.user.UserId;
import com.switchboard.user.UserRequest;
import com.switchboard.user.UserView;
import com.switchboard.user.Users;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed user import: reads the stored file, checks every row, then sets up every person of the file in
 * a single transaction through the wizard's own services (so with the wizard's audit events and domain events), or
 * nothing. A file that another upload overtook between the checks and the setup (a number, a MAC, an email taken
 * meanwhile) is rolled back and checked again, and then rejected with those rows' errors.
 */
@Component
class UserImporter {

    private static final Logger log = LoggerFactory.getLogger(UserImporter.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 1000;
    /** Rows set up between two renewals of the lease: a few seconds of work even on a busy machine. */
    private static final int PROGRESS_EVERY = 50;
    static final String MISSING_HEADER = "user-import.header.missing";

    private final UserImportRepository repository;
    private final Sites sites;
    private final Catalogue catalogue;
    private final UserSetups setups;
    private final Users users;
    private final Numbers numbers;
    private final DeviceInventory devices;
    private final AuditLog audit;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;

    UserImporter(UserImportRepository repository, Sites sites, Catalogue catalogue, UserSetups setups, Users users,
                 Numbers numbers, DeviceInventory devices, AuditLog audit, ImportSettings settings,
                 PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sites = sites;
        this.catalogue = catalogue;
        this.setups = setups;
        this.users = users;
        this.numbers = numbers;
        this.devices = devices;
        this.audit = audit;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Thrown when another worker has taken the job over. */
    static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost() {
            super("claim lost");
        }
    }

    void run(ImportJobs.Claim claim) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (claim.uploader() != null) {
            // The audit events name the admin who uploaded the file, as the wizard's name the admin who used it.
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new Uploader(claim.uploader()), null, List.of()));
        }
        SecurityContextHolder.setContext(context);
        try {
            if (claim.attempts() > MAX_ATTEMPTS) {
                log.error("User import {} failed {} times; giving up", claim.id(), MAX_ATTEMPTS);
                repository.finish(claim, ImportStatus.FAILED, 0, 0, 0, 0, null);
                return;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    runOnce(claim);
                    return;
                } catch (DomainException | DataIntegrityViolationException | ConcurrencyFailureException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    log.info("User import {}: the data changed meanwhile ({}); checking the file again", claim.id(),
                            e.getMessage());
                    repository.deleteErrors(claim);
                }
            }
        } catch (ClaimLost e) {
            log.warn("User import {}: another worker took the job over", claim.id());
        } catch (RuntimeException e) {
            log.error("User import {} failed", claim.id(), e);
            repository.finish(claim, ImportStatus.FAILED, 0, 0, 0, 0, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
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
            UserRowChecks.Plan plan = checks.settle(repository.holdings(claim.customerId(), checks.emails(),
                    checks.extensions(), checks.numbers(), checks.macs()));
            errors.flush();
            log.info("User import {}: {} rows checked in {} ms, {} errors", claim.id(), count.rows(),
                    (System.nanoTime() - started) / 1_000_000, checks.errorCount());
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

    /** Every row's setup in one transaction, as the wizard does one; progress goes out in separate ones. */
    private void setUp(ImportJobs.Claim claim, int total, UserRowChecks.Plan plan) {
        heartbeat(claim, ImportStatus.IMPORTING, total, total, 0);
        CustomerId customer = claim.customerId();
        transaction.executeWithoutResult(status -> {
            audit.forImport(claim.id(), () -> {
                int done = 0;
                for (UserRowChecks.Action action : plan.actions()) {
                    if (action.existingUserId() == null) {
                        setups.create(customer, new UserSetup(request(action.details()), action.numberId(), action.deviceId(),
                                action.newMac() == null ? null
                                        : new UserSetup.NewDevice(action.newModel().id().value(), action.newMac(),
                                        action.newLabel())));
                    } else {
                        complete(customer, action);
                    }
                    int progress = ++done;
                    if (progress % PROGRESS_EVERY == 0) {
                        separate.executeWithoutResult(s -> heartbeat(claim, ImportStatus.IMPORTING, total, total, progress));
                    }
                }
            });
            // One event for the whole file: it names the file and the counts.
            audit.record(customer, "user-import.completed", "user-import", claim.id(),
                    claim.fileName(), plan.usersCreated(), plan.unchangedCount());
            if (!repository.finish(claim, ImportStatus.COMPLETED, total, plan.usersCreated(), plan.unchangedCount(), 0,
                    plan.unchanged())) {
                throw new ClaimLost();
            }
        });
    }

    /** A person of a file uploaded again who is to get a number or a phone they do not have yet. */
    private void complete(CustomerId customer, UserRowChecks.Action action) {
        UserView user = users.getForUpdate(customer, new UserId(action.existingUserId()));
        if (action.numberId() != null) {
            numbers.assign(customer, new NumberId(action.numberId()), user.id(), user.siteId(), user.fullName());
        }
        DeviceId deviceId = action.deviceId() == null ? null : new DeviceId(action.deviceId());
        if (action.newMac() != null) {
            DeviceView added = devices.add(new AddDevice(customer, user.siteId().value(), action.newModel().id().value(),
                    action.newMac(), action.newLabel()));
            deviceId = added.id();
        }
        if (deviceId != null) {
            devices.assign(customer, deviceId, user.id(), user.siteId(), user.fullName());
        }
    }

    private static UserRequest request(UserDetails details) {
        return new UserRequest(details.firstName(), details.lastName(), details.email(), details.siteId(),
                details.extension(), details.language());
    }

    private void finish(ImportJobs.Claim claim, ImportStatus status, int total, int added, int unchanged, int errorCount,
                        java.util.BitSet unchangedRows) {
        transaction.executeWithoutResult(s -> {
            if (status == ImportStatus.REJECTED) {
                audit.record(claim.customerId(), "user-import.rejected", "user-import", claim.id(),
                        claim.fileName(), errorCount);
            }
            if (!repository.finish(claim, status, total, added, unchanged, errorCount, unchangedRows)) {
                throw new ClaimLost();
            }
        });
    }

    private void heartbeat(ImportJobs.Claim claim, ImportStatus status, int total, int processed, int added) {
        if (!repository.progress(claim, status, total, processed, added, settings.lease())) {
            throw new ClaimLost();
        }
    }

    /** The uploader as the principal of the job's thread. */
    private record Uploader(CurrentAdmin currentAdmin) implements CurrentAdmin.Holder {
    }
}
