package com.switchboard.importing;

import java.util.List;

import com.switchboard.tenancy.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One storage quota per customer over the uploaded files of every kind of import (devices and users
 * alike): what a customer has stored is the sum over each kind's files still kept.
 */
@Component
public class ImportStorage {

    private final List<ImportJobs> kinds;
    private final ImportSettings settings;
    private final JdbcTemplate template;

    ImportStorage(List<ImportJobs> kinds, ImportSettings settings, JdbcTemplate template) {
        this.kinds = kinds;
        this.settings = settings;
        this.template = template;
    }

    /** Bytes of uploaded files the customer has stored now, all kinds of import together. */
    @Transactional(readOnly = true)
    public long storedBytes(CustomerId customerId) {
        return kinds.stream().mapToLong(kind -> kind.storedBytes(customerId)).sum();
    }

    /**
     * Refuses a file that would take the customer's stored files over the quota. Called in the
     * transaction that stores the file: the customer's uploads are checked one at a time (a lock
     * held until that transaction ends), so two files sent at once cannot both slip under it.
     *
     * @throws FileProblem.Rejected {@code import.storage.full}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(CustomerId customerId, long size) {
        template.query("select pg_advisory_xact_lock(hashtext('import-storage'), cast(? as int))",
                rs -> { }, (int) customerId.value());
        if (storedBytes(customerId) + size > settings.quota().toBytes()) {
            throw new FileProblem.Rejected("import.storage.full", settings.quota().toMegabytes(), settings.retention().toDays());
        }
    }
}
