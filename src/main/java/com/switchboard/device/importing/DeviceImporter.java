package com.switchboard.device.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.device.ChangeDevice;
import com.switchboard.device.DeviceImportCompleted;
import com.switchboard.device.DeviceImportRejected;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.MacAddress;
import com.switchboard.device.NewDevice;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.ImportHeader;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportJobs;
import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportRun;
import com.switchboard.importing.ImportStatus;
import com.switchboard.importing.RowError;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Actor;
import de.siegmar.fastcsv.reader.CsvParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed import job: reads the stored file, checks every row, then adds every new device in a
 * single transaction, or nothing. Progress is written as it goes, in short transactions of its own, so the
 * page can show it; it also renews the claim. A job started again after a crash starts from scratch: since
 * the devices are added in one transaction, a crash never leaves part of a file imported.
 */
@Component
class DeviceImporter {

    private static final Logger log = LoggerFactory.getLogger(DeviceImporter.class);
    private static final int ANALYZE_AFTER = 10_000;

    private final ImportRepository repository;
    private final Sites sites;
    private final Catalogue catalogue;
    private final DeviceInventory inventory;
    private final ApplicationEventPublisher events;
    private final ImportSettings settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separate;

    DeviceImporter(ImportRepository repository, Sites sites, Catalogue catalogue, DeviceInventory inventory,
                   ApplicationEventPublisher events, ImportSettings settings,
                   PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sites = sites;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.events = events;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void run(ImportRepository.Claim claim) {
        // A MAC registered by someone else between the checks and the insert: check the file again.
        ImportRun.run(repository, claim, "Import", e -> e instanceof DuplicateKeyException, () -> { }, () -> runOnce(claim));
    }

    private void runOnce(ImportRepository.Claim claim) throws java.io.IOException {
        long started = System.nanoTime();
        ImportJobs.ErrorWriter errors = repository.errorWriter(claim, RowChecks.BATCH);
        try {
            DeviceFile file = new DeviceFile(CsvFile.of(repository.content(claim.id()).orElseThrow()));
            ImportHeader.Count<Column> count = file.count(settings.maxRows());
            heartbeat(claim, ImportStatus.VALIDATING, count.rows(), 0, 0);
            RowChecks checks = checkRows(claim, file, count, errors);
            log.info("Import {}: {} rows checked in {} ms, {} errors", claim.id(), count.rows(),
                    (System.nanoTime() - started) / 1_000_000, checks.errorCount());
            if (checks.errorCount() > 0) {
                finish(claim, ImportStatus.REJECTED, count.rows(), 0, checks.unchangedCount(), checks.errorCount(),
                        checks.unchanged());
                return;
            }
            importDevices(claim, count.rows(), checks);
            log.info("Import {}: {} devices added, {} ms in all", claim.id(), checks.devices().size(),
                    (System.nanoTime() - started) / 1_000_000);
            if (checks.devices().size() >= ANALYZE_AFTER) {
                repository.analyzeDevices();
            }
        } catch (FileProblem.Rejected e) {
            e.problems().forEach(p -> errors.add(RowError.of(p)));
            errors.flush();
            finish(claim, ImportStatus.REJECTED, 0, 0, 0, e.problems().size(), null);
        } catch (CsvParseException e) {
            errors.add(new RowError(null, null, null, "import.file.unreadable"));
            errors.flush();
            finish(claim, ImportStatus.REJECTED, 0, 0, 0, 1, null);
        }
    }

    /** The second pass: every row checked, errors written as found, progress every batch. */
    private RowChecks checkRows(ImportRepository.Claim claim, DeviceFile file, ImportHeader.Count<Column> count,
                                ImportJobs.ErrorWriter errors) throws java.io.IOException {
        RowChecks checks = new RowChecks(count.header(), claim.customerId().value(), sites.of(claim.customerId()),
                catalogue.all(), repository::holders, errors::add, repository.updatesExisting(claim.id()));
        file.forEachRow(count, (row, record) -> {
            checks.check(row, record);
            if (checks.rows() % RowChecks.BATCH == 0) {
                checks.flush();
                errors.flush();
                heartbeat(claim, ImportStatus.VALIDATING, count.rows(), checks.rows(), 0);
            }
        });
        checks.flush();
        errors.flush();
        return checks;
    }

    /** All new devices in one transaction, with their audit events; progress goes out in separate ones. */
    private void importDevices(ImportRepository.Claim claim, int total, RowChecks checks) {
        NewDevices devices = checks.devices();
        heartbeat(claim, ImportStatus.IMPORTING, total, total, 0);
        long started = System.nanoTime();
        Actor uploader = uploader(claim);
        transaction.executeWithoutResult(status -> {
            for (int from = 0; from < devices.size(); from += RowChecks.BATCH) {
                int to = Math.min(devices.size(), from + RowChecks.BATCH);
                // Through the inventory, which announces them: each device gets its own audit row, as when
                // added by hand, so that its page says who added it, when, and from which file.
                List<NewDevice> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(new NewDevice(new SiteId(devices.site(i)), new DeviceModelId(devices.model(i)),
                            new MacAddress(devices.mac(i)), devices.label(i)));
                }
                inventory.addImported(claim.customerId(), claim.id(), claim.fileName(), uploader, batch);
                int added = to;
                separate.executeWithoutResult(s -> heartbeat(claim, ImportStatus.IMPORTING, total, total, added));
            }
            // "Add and update": the devices already there change under the rules of the device page, audited each.
            Map<MacAddress, ChangeDevice> changes = new LinkedHashMap<>();
            for (RowChecks.Change change : checks.changes()) {
                changes.put(new MacAddress(change.mac()), new ChangeDevice(change.label() != null, change.label(),
                        SiteId.of(change.siteId())));
            }
            inventory.changeImported(claim.customerId(), uploader, changes);
            // And one event for the whole import, the one line of the dashboard: the file and the counts.
            events.publishEvent(new DeviceImportCompleted(claim.customerId(), claim.id(), claim.fileName(),
                    devices.size(), checks.unchangedCount(), changes.size(), uploader));
            if (!repository.finish(claim, ImportStatus.COMPLETED, total, devices.size(), checks.unchangedCount(),
                    changes.size(), 0, checks.unchanged(), checks.updated())) {
                throw new ImportRun.ClaimLost();
            }
        });
        log.info("Import {}: {} devices inserted in {} ms", claim.id(), devices.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void finish(ImportRepository.Claim claim, ImportStatus status, int total, int added, int unchanged, int errorCount,
                        BitSet unchangedRows) {
        transaction.executeWithoutResult(s -> {
            if (status == ImportStatus.REJECTED) {
                events.publishEvent(new DeviceImportRejected(claim.customerId(), claim.id(), claim.fileName(), errorCount,
                        uploader(claim)));
            }
            if (!repository.finish(claim, status, total, added, unchanged, errorCount, unchangedRows)) {
                throw new ImportRun.ClaimLost();
            }
        });
    }

    private void heartbeat(ImportRepository.Claim claim, ImportStatus status, int total, int processed, int added) {
        if (!repository.progress(claim, status, total, processed, added, settings.lease())) {
            throw new ImportRun.ClaimLost();
        }
    }

    /** The job acts for the admin who uploaded the file (the upload's address is not kept). */
    private static Actor uploader(ImportRepository.Claim claim) {
        return Actor.of(claim.uploader(), null);
    }
}
