package com.switchboard.number;

import java.util.Locale;

import com.switchboard.web.DomainException;
import com.switchboard.web.DomainException.Kind;

/** A search of a customer's numbers: site, available or assigned, digits, page. */
public record NumberQuery(Long siteId, Status status, String digits, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int PAGE_SIZE = 50;

    public enum Status { AVAILABLE, ASSIGNED }

    public static NumberQuery of(Long siteId, String status, String q, int page, int size) {
        if (page < 0) {
            throw DomainException.field(Kind.INVALID, "page", "request.parameter.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.field(Kind.INVALID, "size", "request.page-size", MAX_SIZE);
        }
        Status wanted;
        try {
            wanted = status == null || status.isBlank() ? null : Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.field(Kind.INVALID, "status", "request.parameter.invalid");
        }
        if (q != null && q.length() > 40) {
            throw DomainException.field(Kind.INVALID, "q", "request.parameter.invalid");
        }
        return new NumberQuery(siteId, wanted, PhoneNumber.searchDigits(q), page, size);
    }

    public String statusParam() {
        return status == null ? null : status.name();
    }
}
