package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The first matches of a search among many (devices, numbers, users) for a select: a page offers a
 * search box and at most {@link #SIZE} choices, whatever the size of the customer, instead of every
 * free device of a site. The chosen one stays in the list even when the search no longer matches it.
 *
 * @param query    what was searched, shown back in the search box
 * @param items    the matches, the chosen one first when it is not among them
 * @param more     true when there are more matches than shown: the search should be narrowed
 * @param selected the value of the chosen item, or null
 */
public record PickList(String query, List<Option> items, boolean more, String selected) {

    public static final int SIZE = 20;

    /** The longest search kept: longer text matches nothing a pick-list offers. */
    public static final int MAX_QUERY = 40;

    public PickList {
        items = List.copyOf(items);
    }

    /** The search as the queries take it: stripped, null when blank, cut to {@link #MAX_QUERY}. */
    public static String normalise(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String q = query.strip();
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    /** The list with the chosen item, put first when the matches do not hold it. */
    public static PickList of(String query, List<Option> matches, boolean more, Option chosen) {
        List<Option> items = new ArrayList<>(matches);
        if (chosen != null && items.stream().noneMatch(o -> o.value().equals(chosen.value()))) {
            items.add(0, chosen);
        }
        return new PickList(normalise(query), items, more, chosen == null ? null : chosen.value());
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean isSelected(Option option) {
        return option.value().equals(selected);
    }
}
