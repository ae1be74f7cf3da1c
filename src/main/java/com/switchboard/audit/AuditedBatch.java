package com.switchboard.audit;

import java.util.List;

import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * An event that stands for many changes of one kind, made together by one actor (the devices of an
 * import): each gets its own audit row, written in bulk, in the publisher's transaction.
 */
public interface AuditedBatch {

    CustomerId customerId();

    Actor actor();

    /** The import the changes came from; its own event is the one line the dashboard shows. */
    long importId();

    List<Audited.Entry> auditEntries();
}
