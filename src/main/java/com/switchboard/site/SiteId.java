package com.switchboard.site;

import java.io.Serializable;

/** The id of a site. */
public record SiteId(long value) implements Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
