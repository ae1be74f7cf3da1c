package com.switchboard.provisioning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A site's time zone as desk phones take it: a standard offset and, where the zone has daylight
 * saving time, its yearly rule as "the n-th (or last) weekday of a month at a wall-clock time".
 * Each vendor writes these in its own notation (see the vendor files); all come from the same
 * java.time rules, so a site's phones agree with each other and with the portal.
 */
record ZoneNotation(int standardOffsetSeconds, Dst dst, String standardName, String daylightName) {

    /** One change of the year: {@code week} 1 to 4, or 5 for the last such weekday of the month. */
    record Change(Month month, int week, DayOfWeek day, LocalTime wallTime) {
    }

    record Dst(Change start, Change end, int saveSeconds) {
    }

    static ZoneNotation of(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        int standard = rules.getStandardOffset(Instant.now()).getTotalSeconds();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        Dst dst = null;
        if (yearly.size() == 2) {
            ZoneOffsetTransitionRule first = yearly.get(0);
            ZoneOffsetTransitionRule second = yearly.get(1);
            ZoneOffsetTransitionRule start = first.getOffsetAfter().getTotalSeconds() > first.getOffsetBefore().getTotalSeconds()
                    ? first : second;
            ZoneOffsetTransitionRule end = start == first ? second : first;
            dst = new Dst(change(start), change(end),
                    start.getOffsetAfter().getTotalSeconds() - start.getOffsetBefore().getTotalSeconds());
        }
        TimeZone legacy = TimeZone.getTimeZone(zone);
        return new ZoneNotation(standard, dst, posixName(legacy.getDisplayName(false, TimeZone.SHORT, Locale.ROOT), "STD"),
                posixName(legacy.getDisplayName(true, TimeZone.SHORT, Locale.ROOT), "DST"));
    }

    private static Change change(ZoneOffsetTransitionRule rule) {
        if (rule.getDayOfWeek() == null) {
            // A fixed date (rare today): the week that holds it.
            return new Change(rule.getMonth(), (rule.getDayOfMonthIndicator() - 1) / 7 + 1,
                    DayOfWeek.SUNDAY, wallTime(rule));
        }
        int indicator = rule.getDayOfMonthIndicator();
        // "Sunday on or after the 25th" of a 31-day month is its last Sunday.
        boolean last = indicator < 0 || indicator + 6 >= rule.getMonth().maxLength();
        return new Change(rule.getMonth(), last ? 5 : (indicator - 1) / 7 + 1, rule.getDayOfWeek(), wallTime(rule));
    }

    private static LocalTime wallTime(ZoneOffsetTransitionRule rule) {
        LocalTime time = rule.isMidnightEndOfDay() ? LocalTime.MIDNIGHT : rule.getLocalTime();
        LocalDateTime wall = rule.getTimeDefinition().createDateTime(LocalDateTime.of(2001, 1, 10, time.getHour(), time.getMinute()),
                rule.getStandardOffset(), rule.getOffsetBefore());
        return wall.toLocalTime();
    }

    /** POSIX names are three or more letters; anything else ("GMT+01:00") gets a neutral one. */
    private static String posixName(String name, String fallback) {
        return name != null && name.matches("[A-Za-z]{3,6}") ? name : fallback;
    }

    /** "+1", "-5", "+5:30": hours and minutes east of UTC. */
    String offsetHours() {
        return hours(standardOffsetSeconds);
    }

    private static String hours(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return sign + (minutes / 60) + (minutes % 60 == 0 ? "" : ":" + String.format(Locale.ROOT, "%02d", minutes % 60));
    }

    /** The POSIX TZ string (IEEE 1003.1, section 8.3): offsets west of UTC are positive. */
    String posix() {
        StringBuilder out = new StringBuilder(standardName).append(hours(-standardOffsetSeconds).replace("+", ""));
        if (dst == null) {
            return out.toString();
        }
        out.append(daylightName).append(hours(-(standardOffsetSeconds + dst.saveSeconds())).replace("+", ""));
        for (Change change : List.of(dst.start(), dst.end())) {
            out.append(",M").append(change.month().getValue()).append('.').append(change.week()).append('.')
                    .append(change.day().getValue() % 7).append('/')
                    .append(String.format(Locale.ROOT, "%02d:%02d:00", change.wallTime().getHour(), change.wallTime().getMinute()));
        }
        return out.toString();
    }
}
