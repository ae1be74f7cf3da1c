package com.switchboard.audit;

import java.util.Arrays;
import java.util.List;

import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CustomerId;

/**
 * A domain event the audit log records. The modules' past-tense events implement it: the audit log
 * listens to them in the publisher's transaction, so an audit row is written with its change or
 * rolled back with it, and never written for a change that did not happen.
 */
public interface Audited {

    /** The customer the change belongs to; null for the platform's own (catalogue, provider admins). */
    CustomerId customerId();

    Actor actor();

    /** What the log keeps of it: a stable action code, the object, and the arguments of its summary. */
    Entry auditEntry();

    /**
     * The summary is stored as a message code (by default {@code audit.summary.<action>}) and its
     * arguments, and rendered in the reader's language when read.
     *
     * @param args strings or numbers, in the order of the summary message's placeholders
     */
    record Entry(String action, String objectType, Object objectId, String summaryKey, List<?> args) {

        public Entry {
            args = List.copyOf(args);
        }

        public static Entry of(String action, String objectType, Object objectId, Object... args) {
            return new Entry(action, objectType, objectId, "audit.summary." + action, arguments(args));
        }

        /** The same action told another way (a device added by an import names its file). */
        public Entry toldAs(String summaryKey, Object... args) {
            return new Entry(action, objectType, objectId, summaryKey, arguments(args));
        }

        private static List<Object> arguments(Object... args) {
            return Arrays.stream(args).map(a -> a == null ? "" : a instanceof Number ? a : (Object) a.toString()).toList();
        }
    }
}
