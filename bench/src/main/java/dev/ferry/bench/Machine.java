package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the results were measured on: the machine, the JDK, the commit, and how busy the machine was. */
record Machine(Instant at, String loadAverage) {

    static Machine now() {
        return new Machine(Instant.now(), read("/proc/loadavg").trim());
    }

    static String header(String command, Machine before, Machine after, double minutes, boolean smoke) {
        StringBuilder out = new StringBuilder("# Ferry benchmarks\n\n");
        if (smoke) {
            out.append("**A smoke run** (`--smoke`): every scenario at a tiny size, to prove the harness works."
                    + " Its numbers say nothing about speed.\n\n");
        }
        out.append("Written by `").append(command).append("` (bench/README.md explains each figure).\n\n");
        out.append("- date: ").append(before.at()).append(" – ").append(after.at())
                .append(String.format(Locale.ROOT, " (%.0f min)", minutes)).append('\n');
        out.append("- commit: ").append(commit()).append('\n');
        out.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(cpuModel()).append("), ").append(memory()).append('\n');
        out.append("- kernel: ").append(exec("uname", "-srm")).append('\n');
        out.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        out.append("- load average (1, 5, 15 min) before: ").append(before.loadAverage()).append("; after: ")
                .append(after.loadAverage()).append('\n');
        out.append("- everything on this one machine: Ferry, the sandbox process with the simulated systems, and"
                + " the load generator (this JVM).\n");
        return out.toString();
    }

    /** The commit checked out, and whether Ferry's or the bench's files differ from it. */
    static String commit() {
        return git("rev-parse", "--short", "HEAD")
                + (git("status", "--porcelain", "--", "src", "pom.xml", "config", "routes", "connectors", "rpa-bots",
                        "bench", ":!bench/RESULTS.md").isBlank() ? "" : " (with uncommitted changes)");
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    }

    private static String memory() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> String.format(Locale.ROOT, "%.1f GiB memory",
                        Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("unknown memory");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return exec(command);
    }

    static String exec(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "(" + command[0] + " failed: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
