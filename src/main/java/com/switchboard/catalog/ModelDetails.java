package com.switchboard.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.Refused;


/** A model as the provider describes it, normalised and checked. */
public record ModelDetails(String manufacturer, String model, DeviceModel.Kind kind, int lineKeys,
                           String provisioningFamily, List<String> countries, boolean active) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public static ModelDetails of(String manufacturer, String model, String kind, Integer lineKeys,
                                  String provisioningFamily, Collection<String> countries, Boolean active) {
        List<FieldProblem> problems = new ArrayList<>();
        String maker = blankToNull(manufacturer);
        String name = blankToNull(model);
        String family = blankToNull(provisioningFamily) == null ? null : provisioningFamily.strip().toLowerCase(Locale.ROOT);
        if (maker == null) {
            problems.add(new FieldProblem("manufacturer", "validation.required"));
        } else if (maker.length() > 80) {
            problems.add(new FieldProblem("manufacturer", "validation.too-long", 80));
        }
        if (name == null) {
            problems.add(new FieldProblem("model", "validation.required"));
        } else if (name.length() > 80) {
            problems.add(new FieldProblem("model", "validation.too-long", 80));
        }
        DeviceModel.Kind parsedKind = null;
        try {
            parsedKind = kind == null ? null : DeviceModel.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (parsedKind == null) {
            problems.add(new FieldProblem("kind", "catalog.kind.invalid"));
        }
        if (lineKeys == null || lineKeys < 0 || lineKeys > 200) {
            problems.add(new FieldProblem("lineKeys", "catalog.line-keys.range", 0, 200));
        }
        if (family == null || !family.matches("[a-z0-9-]{1,40}")) {
            problems.add(new FieldProblem("provisioningFamily", "catalog.family.invalid"));
        }
        TreeSet<String> sold = new TreeSet<>();
        for (String country : countries == null ? List.<String>of() : countries) {
            String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                problems.add(new FieldProblem("countries", "validation.country"));
                break;
            }
            sold.add(code);
        }
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        return new ModelDetails(maker, name, parsedKind, lineKeys, family, List.copyOf(sold), active == null || active);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
