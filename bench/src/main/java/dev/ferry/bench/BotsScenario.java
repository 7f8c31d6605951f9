package dev.ferry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scenario 5: the browser bots, pooled against a browser launch per run — bench/bots.sh, included here. */
final class BotsScenario {

    private BotsScenario() {
    }

    static void run(Settings settings, Report report) throws Exception {
        // relative to the project, as bots.sh prints its command line into the results
        Path out = Path.of("").toAbsolutePath().relativize(settings.work().resolve("bots.md").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of("bench/bots.sh", "--runs", Integer.toString(settings.botRuns()),
                "--out", out.toString()));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (!Files.exists(out)) {
            throw new IllegalStateException(String.join(" ", command) + " wrote no results (exit " + exit + ")");
        }
        String markdown = Files.readString(out);
        report.section("5. Bots")
                .text("`" + String.join(" ", command.subList(0, 3)) + "`"
                        + (exit == 0 ? "" : " — **exited " + exit + ": a run failed**") + "; its own report,"
                        + " headings demoted:")
                .text(markdown.replaceAll("(?m)^#", "###"));
        BotsSummary.target(markdown, report);
    }
}
