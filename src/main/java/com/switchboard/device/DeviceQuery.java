package com.switchboard.device;

/**
 * A search of a customer's inventory: filters (null = any), sort key and page.
 * {@code q} matches a MAC in any accepted form or part of one, a label.
 */
public record DeviceQuery(Long siteId, Long modelId, String status, Boolean assigned, String q, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 500;

    public enum Sort {
        NEWEST("d.created_at desc, d.id desc"),
        OLDEST("d.created_at asc, d.id asc"),
        MAC("d.mac asc"),
        LABEL("d.label asc nulls last, d.id asc"),
        SITE("s.name asc, d.id asc"),
        MODEL("f.name asc, m.model asc, d.id asc");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    public static DeviceQuery firstPage() {
        return new DeviceQuery(null, null, null, null, null, Sort.NEWEST, 0, 50);
    }
}
