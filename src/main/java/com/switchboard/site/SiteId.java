package com.switchboard.site;

import java.io.Serializable;

/** The id of a site. */
public record SiteId(long value) implements Serializable {

    /** The id of a request, where it may be left out: null stays null. */
    public static SiteId of(Long value) {
        return value == null ? null : new SiteId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
