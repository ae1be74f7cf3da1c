package com.switchboard.user;

import java.util.List;

import com.switchboard.site.Site;
import com.switchboard.web.Option;

/** A customer's sites as the choices of a select. */
public final class SiteOptions {

    private SiteOptions() {
    }

    public static List<Option> of(List<Site> sites) {
        return sites.stream().map(s -> new Option(Long.toString(s.id().value()), s.name())).toList();
    }
}
