package dev.ferry.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pool : per-run ratio out of bench/bots.sh's summary table: the last cell of its "runs per minute"
 * row, whose columns are pool, per-run, pool : per-run.
 */
final class BotsSummary {

    private static final Pattern RUNS_PER_MINUTE = Pattern.compile("(?m)^\\|\\s*runs per minute\\s*\\|(.*)\\|\\s*$");
    static final double GOAL = 10;

    private BotsSummary() {
    }

    static void target(String markdown, Report report) {
        Matcher row = RUNS_PER_MINUTE.matcher(markdown);
        String[] cells = row.find() ? row.group(1).split("\\|") : new String[0];
        if (cells.length == 3) {
            double ratio = Double.parseDouble(cells[2].replaceAll("[^0-9.]", ""));
            report.target("pooled bots vs launch per run", "≥ 10×", Report.f(ratio, 1) + "× ("
                    + cells[0].trim() + " vs " + cells[1].trim() + " runs/min)", ratio >= GOAL);
        } else {
            report.target("pooled bots vs launch per run", "≥ 10×", "no pool : per-run row in bench/bots.sh's"
                    + " summary", false);
        }
    }
}
