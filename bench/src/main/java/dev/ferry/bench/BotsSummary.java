package dev.ferry.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the pool : per-run ratio out of bench/bots.sh's summary table. */
final class BotsSummary {

    private static final Pattern RATIO = Pattern.compile("(?m)^\\|\\s*pool\\s*:\\s*per-run[^|]*\\|\\s*([0-9.]+)");
    static final double GOAL = 10;

    private BotsSummary() {
    }

    static void target(String markdown, Report report) {
        Matcher ratio = RATIO.matcher(markdown);
        if (ratio.find()) {
            double value = Double.parseDouble(ratio.group(1));
            report.target("pooled bots vs launch per run", "≥ 10×", Report.f(value, 1) + "×", value >= GOAL);
        } else {
            report.target("pooled bots vs launch per run", "≥ 10×", "not found in bench/bots.sh's output", false);
        }
    }
}
