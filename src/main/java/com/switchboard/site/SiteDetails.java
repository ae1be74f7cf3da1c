package com.switchboard.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.Refused;


/** What an admin says about a site, normalised: trimmed, upper-case country, blanks as null. */
public record SiteDetails(String name, String address, String country, String region, String timeZone, String language) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Normalises and checks every field, reporting all problems at once. */
    public static SiteDetails of(String name, String address, String country, String region, String timeZone, String language) {
        SiteDetails site = new SiteDetails(trim(name), trim(address), trim(country) == null ? null : trim(country).toUpperCase(Locale.ROOT),
                trim(region), trim(timeZone), trim(language) == null ? null : trim(language).toLowerCase(Locale.ROOT));
        List<FieldProblem> problems = new ArrayList<>();
        if (site.name == null) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (site.name.length() > 100) {
            problems.add(new FieldProblem("name", "validation.too-long", 100));
        }
        if (site.address != null && site.address.length() > 300) {
            problems.add(new FieldProblem("address", "validation.too-long", 300));
        }
        if (site.country == null) {
            problems.add(new FieldProblem("country", "validation.required"));
        } else if (!COUNTRIES.contains(site.country)) {
            problems.add(new FieldProblem("country", "validation.country"));
        }
        if (site.region != null && site.region.length() > 100) {
            problems.add(new FieldProblem("region", "validation.too-long", 100));
        }
        if (site.timeZone == null) {
            problems.add(new FieldProblem("timeZone", "validation.required"));
        } else if (!validZone(site.timeZone)) {
            problems.add(new FieldProblem("timeZone", "site.time-zone.invalid"));
        }
        if (site.language != null && !site.language.equals("en") && !site.language.equals("fr")) {
            problems.add(new FieldProblem("language", "validation.language"));
        }
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        return site;
    }

    private static boolean validZone(String zone) {
        try {
            return zone.contains("/") && ZoneId.getAvailableZoneIds().contains(ZoneId.of(zone).getId());
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
