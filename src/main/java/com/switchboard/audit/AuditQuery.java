package com.switchboard.audit;

import java.time.LocalDate;

/** A search of a customer's audit log; null filters match everything, dates are whole days, both included. */
public record AuditQuery(String objectType, String actor, LocalDate from, LocalDate to, int page, int size) {

    public static final int MAX_SIZE = 500;
}
