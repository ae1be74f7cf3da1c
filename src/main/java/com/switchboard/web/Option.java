package com.switchboard.web;

import java.text.Collator;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A choice of a select: its value and what the user reads. */
public record Option(String value, String label) {

    /** Every ISO country, named in the user's language and sorted as that language sorts. */
    public static List<Option> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Option(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Option::label, collator))
                .toList();
    }

    /** The region-based time zones (Area/City), sorted. */
    public static List<Option> timeZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted()
                .map(z -> new Option(z, z.replace('_', ' ')))
                .toList();
    }
}
