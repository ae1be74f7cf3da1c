package com.switchboard.user;

import java.util.Locale;

import com.switchboard.rules.MalformedInput;


/**
 * A search of a customer's users: {@code q} matches a name, an email or an extension; a site filter;
 * a sort column, descending with a minus sign ({@code sort=-extension}, as the devices' list and API); a page.
 */
public record UserQuery(String q, Long siteId, Sort sort, boolean descending, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int PAGE_SIZE = 25;

    public enum Sort {
        NAME("lower(u.last_name) %1$s, lower(u.first_name) %1$s, u.id %1$s"),
        EMAIL("lower(u.email) %1$s, u.id %1$s"),
        EXTENSION("length(u.extension) %1$s, u.extension %1$s"),
        SITE("lower(s.name) %1$s, lower(u.last_name) %1$s, u.id %1$s");

        private final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        String sql(boolean descending) {
            return String.format(sql, descending ? "desc" : "asc");
        }
    }

    /** Reads the parameters pages and the API share, refusing values that make no sense. */
    public static UserQuery of(String q, Long siteId, String sort, int page, int size) {
        if (page < 0) {
            throw MalformedInput.field("page", "request.parameter.invalid");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw MalformedInput.field("size", "request.page-size", MAX_SIZE);
        }
        String column = sort == null ? "" : sort.strip();
        boolean descending = column.startsWith("-");
        if (descending) {
            column = column.substring(1);
        }
        Sort order;
        try {
            order = column.isEmpty() ? Sort.NAME : Sort.valueOf(column.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MalformedInput.field("sort", "request.parameter.invalid");
        }
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            throw MalformedInput.field("q", "request.parameter.invalid");
        }
        return new UserQuery(search, siteId, order, descending, page, size);
    }

    /** The {@code sort} parameter of this query: the column, with a minus sign when descending. */
    public String sortParameter() {
        return (descending ? "-" : "") + sort.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code sort} parameter a column's heading links to: ascending, or descending when it is already so sorted. */
    public String sortParameter(String column) {
        boolean current = sort.name().equalsIgnoreCase(column);
        return (current && !descending ? "-" : "") + column;
    }
}
