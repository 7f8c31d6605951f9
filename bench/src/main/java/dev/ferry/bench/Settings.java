package dev.ferry.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one bench run uses: the jar, its scratch and log folders, the JVM options, and how big each scenario is
 * ({@code --smoke}: a few seconds each, so CI proves the harness still works; it says nothing about speed).
 */
record Settings(Path jar, Path work, Path logs, boolean smoke, List<String> ferryJvm, List<String> sandboxJvm,
        int limitSeconds, List<Integer> intakeRates, int intakeStepSeconds, int endToEndOrders,
        int degradedOrders, List<Integer> volumeBatches, int idleSeconds, int botRuns) {

    // as docs/operations.md recommends (bench/run writes the archive with deploy/cds-archive.sh); the sandbox
    // holds every record it answered, 111,000 orders' worth in the volume scenario
    static final String CDS_ARCHIVE = "-XX:SharedArchiveFile=target/ferry-cds/ferry.jsa";
    static final List<String> FERRY_JVM = defaultFerryJvm();
    static final List<String> SANDBOX_JVM = List.of(CDS_ARCHIVE, "-Xmx768m");

    static Settings full(Path jar, Path work, Path logs) {
        return new Settings(jar, work, logs, false, FERRY_JVM, SANDBOX_JVM, 20,
                List.of(250, 500, 750, 1000, 1250, 1500, 2000), 10, 5_000, 3_000,
                List.of(1_000, 10_000, 100_000), 60, 20);
    }

    // BENCH_FERRY_JVM adds options to every Ferry the bench starts, e.g. a JFR recording (bench/README.md)
    private static List<String> defaultFerryJvm() {
        List<String> options = new ArrayList<>(List.of(CDS_ARCHIVE, "-Xmx512m"));
        String extra = System.getenv("BENCH_FERRY_JVM");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(options);
    }

    Settings withVolumeBatches(List<Integer> batches) {
        return new Settings(jar, work, logs, smoke, ferryJvm, sandboxJvm, limitSeconds, intakeRates,
                intakeStepSeconds, endToEndOrders, degradedOrders, List.copyOf(batches), idleSeconds, botRuns);
    }

    static Settings smoke(Path jar, Path work, Path logs) {
        return new Settings(jar, work, logs, true, FERRY_JVM, SANDBOX_JVM, 2, List.of(50, 100), 2, 60, 40,
                List.of(20, 50), 2, 2);
    }
}
