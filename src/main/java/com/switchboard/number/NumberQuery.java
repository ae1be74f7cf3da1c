package com.switchboard.number;

import java.util.Locale;

import com.switchboard.rules.MalformedInput;


/** A search of a customer's numbers: site, available or assigned, digits, page. */
public record NumberQuery(Long siteId, Status status, String digits, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int PAGE_SIZE = 50;

    public enum Status { AVAILABLE, ASSIGNED }

    public static NumberQuery of(Long siteId, String status, String q, int page, int size) {
        if (page < 0) {
            throw MalformedInput.field("page", "request.parameter.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw MalformedInput.field("size", "request.page-size", MAX_SIZE);
        }
        Status wanted;
        try {
            wanted = status == null || status.isBlank() ? null : Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MalformedInput.field("status", "request.parameter.invalid");
        }
        if (q != null && q.length() > 40) {
            throw MalformedInput.field("q", "request.parameter.invalid");
        }
        return new NumberQuery(siteId, wanted, PhoneNumber.searchDigits(q), page, size);
    }

    public String statusParam() {
        return status == null ? null : status.name();
    }
}
