package dev.ferry.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quartz cron in words, for the crons people write most: every N seconds, minutes or hours, every day,
 * on weekdays, on named days, on a day of the month. Anything else stays empty, and the page shows only
 * the cron itself: a sentence that is almost right would be worse than none.
 */
final class CronWords {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern STEP = Pattern.compile("(?:\\*|0)/(\\d{1,2})");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> DAY_NAMES =
            List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");

    private CronWords() {
    }

    /** "Every 20 seconds", "Every day at 02:30 (UTC)"; the zone is named where the cron names a time of day. */
    static Optional<String> of(String cron, String timeZone) {
        if (cron == null) {
            return Optional.empty();
        }
        String[] f = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length < 6 || f.length > 7 || !"*".equals(f[4]) || (f.length == 7 && !"*".equals(f[6]))) {
            return Optional.empty();
        }
        return words(f[0], f[1], f[2], f[3], f[5], timeZone).map(CronWords::capitalised);
    }

    private static Optional<String> words(String sec, String min, String hour, String dom, String dow, String zone) {
        boolean everyDay = any(dom) && any(dow);
        if (!NUMBER.matcher(sec).matches() || !NUMBER.matcher(min).matches() || !NUMBER.matcher(hour).matches()) {
            return everyDay ? interval(sec, min, hour) : Optional.empty();
        }
        String at = " at " + time(hour, min, sec) + (zone == null || zone.isBlank() ? "" : " (" + zone + ")");
        if (everyDay) {
            return Optional.of("every day" + at);
        }
        if (any(dom)) {
            return days(dow).map(days -> days + at);
        }
        if (any(dow) && "L".equals(dom)) {
            return Optional.of("on the last day of every month" + at);
        }
        if (any(dow) && NUMBER.matcher(dom).matches() && between(dom, 1, 31)) {
            return Optional.of("on the " + ordinal(Integer.parseInt(dom)) + " of every month" + at);
        }
        return Optional.empty();
    }

    // only steps that divide their unit evenly: "0/7" seconds fires at :56 and again at :00, not every 7 seconds
    private static Optional<String> interval(String sec, String min, String hour) {
        boolean fixedSec = NUMBER.matcher(sec).matches();
        boolean fixedMin = NUMBER.matcher(min).matches();
        if (!"*".equals(hour)) {
            return fixedSec && fixedMin && Integer.parseInt(min) == 0 ? step(hour, 24, "hour") : Optional.empty();
        }
        if ("*".equals(min)) {
            return fixedSec ? Optional.of("every minute") : step(sec, 60, "second");
        }
        if (!fixedSec) {
            return Optional.empty();
        }
        if (fixedMin) {
            int past = Integer.parseInt(min);
            return Optional.of(past == 0 ? "every hour, on the hour" : "every hour at " + past + " minutes past");
        }
        return step(min, 60, "minute");
    }

    private static Optional<String> step(String field, int unit, String name) {
        if ("*".equals(field)) {
            return Optional.of("every " + name);
        }
        Matcher m = STEP.matcher(field);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n >= unit || unit % n != 0) {
            return Optional.empty();
        }
        return Optional.of(n == 1 ? "every " + name : "every " + n + " " + name + "s");
    }

    private static Optional<String> days(String dow) {
        if ("MON-FRI".equals(dow) || "2-6".equals(dow)) {
            return Optional.of("on weekdays");
        }
        if ("SAT,SUN".equals(dow) || "SUN,SAT".equals(dow) || "1,7".equals(dow) || "7,1".equals(dow)) {
            return Optional.of("at weekends");
        }
        List<String> names = new ArrayList<>();
        for (String day : dow.split(",")) {
            int index = DAYS.indexOf(day);
            if (index < 0 && day.matches("[1-7]")) {
                index = Integer.parseInt(day) - 1;
            }
            if (index < 0) {
                return Optional.empty();
            }
            names.add(DAY_NAMES.get(index));
        }
        String last = names.remove(names.size() - 1);
        return Optional.of("every " + (names.isEmpty() ? last : String.join(", ", names) + " and " + last));
    }

    private static String time(String hour, String min, String sec) {
        String time = "%02d:%02d".formatted(Integer.parseInt(hour), Integer.parseInt(min));
        return Integer.parseInt(sec) == 0 ? time : time + ":%02d".formatted(Integer.parseInt(sec));
    }

    private static boolean any(String field) {
        return "*".equals(field) || "?".equals(field);
    }

    private static boolean between(String number, int low, int high) {
        int n = Integer.parseInt(number);
        return n >= low && n <= high;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
