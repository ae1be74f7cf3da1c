package com.switchboard.device;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A search of a customer's inventory: filters (null = any), sort key and page.
 * {@code q} matches a MAC in any accepted form or part of one, a label.
 */
public record DeviceQuery(Long siteId, Long modelId, DeviceStatus status, Boolean assigned, String q, Sort sort, int page, int size,
                          Map<String, String> extensionFilters) {

    public DeviceQuery {
        extensionFilters = extensionFilters == null ? Map.of() : Map.copyOf(extensionFilters);
    }

    public DeviceQuery(Long siteId, Long modelId, DeviceStatus status, Boolean assigned, String q, Sort sort, int page, int size) {
        this(siteId, modelId, status, assigned, q, sort, page, size, Map.of());
    }

    public static final int MAX_SIZE = 500;

    /**
     * The orders of the list. Each column sorts both ways; the API names them by column
     * ({@code label}, {@code -label} or {@code label,desc}). Every order ends on the id so that
     * pages never overlap.
     */
    public enum Sort {
        NEWEST("createdAt", true, "d.created_at desc, d.id desc"),
        OLDEST("createdAt", false, "d.created_at asc, d.id asc"),
        MAC("mac", false, "d.mac asc"),
        MAC_DESC("mac", true, "d.mac desc"),
        LABEL("label", false, "lower(d.label) asc nulls last, d.id asc"),
        LABEL_DESC("label", true, "lower(d.label) desc nulls first, d.id desc"),
        SITE("site", false, "s.name asc, d.id asc"),
        SITE_DESC("site", true, "s.name desc, d.id desc"),
        MODEL("model", false, "f.name asc, m.model asc, d.id asc"),
        MODEL_DESC("model", true, "f.name desc, m.model desc, d.id desc"),
        STATUS("status", false, "d.status asc, d.id asc"),
        STATUS_DESC("status", true, "d.status desc, d.id desc");

        final String column;
        final boolean descending;
        final String sql;

        Sort(String column, boolean descending, String sql) {
            this.column = column;
            this.descending = descending;
            this.sql = sql;
        }

        public String column() {
            return column;
        }

        public boolean descending() {
            return descending;
        }

        /** The API form: {@code label} or {@code -label}. */
        public String param() {
            return descending ? "-" + column : column;
        }

        /** The same column the other way round: what clicking its header again does. */
        public Sort reversed() {
            return of(column, !descending).orElseThrow();
        }

        static Optional<Sort> of(String column, boolean descending) {
            for (Sort s : values()) {
                if (s.column.equalsIgnoreCase(column) && s.descending == descending) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /**
         * Reads {@code label}, {@code -label}, {@code label,desc}, {@code label,asc} or an enum name
         * such as {@code LABEL_DESC}; empty when it names no order.
         */
        public static Optional<Sort> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.of(NEWEST);
            }
            String t = text.strip();
            boolean descending = false;
            if (t.startsWith("-")) {
                descending = true;
                t = t.substring(1);
            } else if (t.startsWith("+")) {
                t = t.substring(1);
            }
            int comma = t.indexOf(',');
            if (comma >= 0) {
                String direction = t.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
                t = t.substring(0, comma).strip();
                if (direction.equals("desc")) {
                    descending = !descending;
                } else if (!direction.equals("asc")) {
                    return Optional.empty();
                }
            }
            Optional<Sort> byColumn = of(t, descending);
            if (byColumn.isPresent()) {
                return byColumn;
            }
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(t) && !descending) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public static DeviceQuery firstPage() {
        return new DeviceQuery(null, null, null, null, null, Sort.NEWEST, 0, 50);
    }

    /** The same search on another page: paging links keep everything else. */
    public DeviceQuery withPage(int newPage) {
        return new DeviceQuery(siteId, modelId, status, assigned, q, sort, newPage, size, extensionFilters);
    }

    /** The same search narrowed by other modules' filters ({@link DeviceExtension}). */
    public DeviceQuery withExtensionFilters(Map<String, String> filters) {
        return new DeviceQuery(siteId, modelId, status, assigned, q, sort, page, size, filters);
    }

    /** The same search sorted otherwise, back on the first page. */
    public DeviceQuery withSort(Sort newSort) {
        return new DeviceQuery(siteId, modelId, status, assigned, q, newSort, 0, size, extensionFilters);
    }

    /** True when any filter or search narrows the list: then an empty page means "no match", not "no devices". */
    public boolean filtered() {
        return siteId != null || modelId != null || status != null || assigned != null || q != null
                || !extensionFilters.isEmpty();
    }
}
