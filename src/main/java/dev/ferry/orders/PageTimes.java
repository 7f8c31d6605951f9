package dev.ferry.orders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the pages show them. The server writes UTC, labelled as such, into a {@code <time>} element with the
 * instant in {@code datetime}; ferry.js then rewrites the text into the reader's own zone (the browser's), with
 * the zone named and the UTC time kept as the title. Without script the page still says exactly when, in UTC.
 */
public final class PageTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** No time: shown as nothing (a schedule that has no next fire time, a run not started). */
    public static final Shown NONE = new Shown("", "");

    /**
     * An instant as a page shows it: {@code iso} for the datetime attribute (and the script), {@code utc} the text a
     * page without script shows. Its text is the UTC one, so a template that just prints it still says the zone.
     */
    public record Shown(String iso, String utc) {

        public boolean isEmpty() {
            return iso.isEmpty();
        }

        @Override
        public String toString() {
            return utc;
        }
    }

    private PageTimes() {
    }

    public static Shown at(Instant at) {
        return at == null ? NONE : new Shown(at.toString(), SHOWN.format(at));
    }

    /** "3 hours": the largest whole unit, which is what a person scanning a queue wants. */
    public static String age(Instant since, Instant now) {
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        if (seconds < 60) {
            return "less than a minute";
        }
        if (seconds < 3600) {
            return plural(seconds / 60, "minute");
        }
        if (seconds < 86_400) {
            return plural(seconds / 3600, "hour");
        }
        return plural(seconds / 86_400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
