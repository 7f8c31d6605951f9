package dev.ferry.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown the bench writes: the targets first (filled in as scenarios finish), then a section per scenario. */
final class Report {

    record Target(String name, String goal, String measured, boolean holds) {
    }

    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();

    void target(String name, String goal, String measured, boolean holds) {
        targets.put(name, new Target(name, goal, measured, holds));
    }

    Report section(String title) {
        body.append("\n## ").append(title).append("\n\n");
        return this;
    }

    Report text(String text) {
        body.append(text).append("\n\n");
        return this;
    }

    Report command(String command) {
        body.append("Command: `").append(command).append("`\n\n");
        return this;
    }

    Report table(List<String> headers, List<List<String>> rows) {
        body.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            body.append(i == 0 ? " --- |" : " ---: |");
        }
        body.append("\n");
        rows.forEach(row -> body.append("| ").append(String.join(" | ", row)).append(" |\n"));
        body.append("\n");
        return this;
    }

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append("\n## Targets\n\n");
        List<List<String>> rows = new ArrayList<>();
        targets.values().forEach(t -> rows.add(List.of(t.name(), t.goal(), t.measured(), t.holds() ? "yes" : "**no**")));
        out.append("| target | goal | measured | holds |\n| --- | --- | ---: | --- |\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.append(body).toString();
    }

    static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
