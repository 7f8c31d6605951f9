package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Ferry JVM's CPU goes over a window of time. Each thread's CPU comes from
 * /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat: the JVM's own threads (GC, JIT compilers, the recorder, VM threads) by their
 * names; a thread running Java code has
 * its CPU split by component in the proportion of its JFR execution samples, each sample given to the component of
 * the first frame from the top of its stack that is not the JDK's own. Weighing by each thread's own CPU keeps a
 * thread that waits for a core (and is sampled meanwhile) from counting for more than it used.
 */
final class CpuProfile {

    /** The components, in the order of the tables; the first prefix that matches a frame's class wins. */
    static final Map<String, List<String>> COMPONENTS = components();
    static final String JDK_ONLY = "JDK only (no other frame)";
    static final String OTHER = "other";
    static final String GC = "GC threads";
    static final String JIT = "JIT compiler threads";
    static final List<String> JVM_THREADS = List.of(GC, JIT, "JFR threads (the profiler)",
            "VM threads (VM Thread, Service Thread, ...)");
    /** Java threads that used CPU in the window but were never sampled in it (time in native code). */
    static final String UNSAMPLED = "Java threads without samples";
    /** The process's CPU less its threads': the last second of threads that ended within the window. */
    static final String ENDED = "threads that ended (their last second)";
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    // USER_HZ, as in JavaProcess
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuProfile() {
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> components = new LinkedHashMap<>();
        components.put("bench probe (the counting itself)", List.of("dev.ferry.bench."));
        components.put("Ferry", List.of("dev.ferry."));
        components.put("H2", List.of("org.h2."));
        components.put("HikariCP", List.of("com.zaxxer.hikari."));
        components.put("Artemis", List.of("org.apache.activemq.", "io.netty."));
        components.put("Tomcat + Spring MVC", List.of("org.apache.catalina.", "org.apache.coyote.",
                "org.apache.tomcat.", "org.springframework.web.", "jakarta.servlet."));
        components.put("Spring Security", List.of("org.springframework.security."));
        components.put("HTTP client", List.of("org.apache.hc."));
        components.put("Camel", List.of("org.apache.camel."));
        components.put("Jackson", List.of("com.fasterxml."));
        components.put("JSONata", List.of("com.dashjoin.jsonata."));
        components.put("jq", List.of("net.thisptr."));
        components.put("JSON Schema validator", List.of("com.networknt."));
        components.put("Micrometer + Prometheus", List.of("io.micrometer.", "io.prometheus."));
        components.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        components.put("Spring other", List.of("org.springframework."));
        components.put(JDK_ONLY, List.of());
        components.put(OTHER, List.of());
        return components;
    }

    /** The rows of the CPU split, in order: the JVM's threads, the components, then what has no component. */
    static List<String> rows() {
        List<String> rows = new ArrayList<>(JVM_THREADS);
        rows.addAll(COMPONENTS.keySet());
        rows.add(UNSAMPLED);
        rows.add(ENDED);
        return rows;
    }

    /** A JVM thread's kind, from its name in /proc (at most 15 characters); null for a thread of Java code. */
    static String jvmThread(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return GC;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("Sweeper")) {
            return JIT;
        }
        if (name.startsWith("JFR")) {
            return JVM_THREADS.get(2);
        }
        if (name.equals("VM Thread") || name.startsWith("VM Periodic") || name.equals("Service Thread")
                || name.startsWith("Monitor Deflati")) {
            return JVM_THREADS.get(3);
        }
        return null;
    }

    /** A thread's name in /proc and the CPU seconds it has used so far. */
    record ThreadCpu(String name, double seconds) {
    }

    /** Every thread of the process, by its id (the OS thread id JFR records too). */
    static Map<Long, ThreadCpu> threads(long pid) {
        Map<Long, ThreadCpu> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                threads.put(Long.parseLong(task.getFileName().toString()), new ThreadCpu(
                        stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                        (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + ": " + e.getMessage(), e);
        }
        return threads;
    }

    /**
     * Looks at the process's threads every second, so that a thread that ends within a window (an idle Tomcat worker
     * after a minute) still counts with the CPU it had when last seen.
     */
    static final class Watch implements AutoCloseable {

        private final long pid;
        private final Map<Long, ThreadCpu> seen = new ConcurrentHashMap<>();
        private final Thread watcher;

        Watch(long pid) {
            this.pid = pid;
            seen.putAll(threads(pid));
            watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(1_000);
                        seen.putAll(threads(pid));
                    } catch (InterruptedException e) {
                        return;
                    } catch (IllegalStateException processGone) {
                        return;
                    }
                }
            }, "bench-thread-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        /** Every thread now, and those that ended since the watch began with what they had when last seen. */
        Map<Long, ThreadCpu> now() {
            Map<Long, ThreadCpu> threads = new HashMap<>(seen);
            threads.putAll(threads(pid));
            return threads;
        }

        @Override
        public void close() {
            watcher.interrupt();
        }
    }

    /** What a recording says about one window of time. */
    static final class Window {
        final Instant from;
        final Instant to;
        /** Execution samples by OS thread id, then by component. */
        final Map<Long, Map<String, Long>> samples = new HashMap<>();
        /** Classes of the samples counted as "other", by package, to say what they are. */
        final Map<String, Long> otherPackages = new HashMap<>();
        long h2Writes;
        long h2Bytes;
        long h2Forces;
        long brokerWrites;
        long brokerBytes;
        long brokerForces;

        Window(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        boolean holds(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        /**
         * CPU ms by row of {@link #rows()} between two looks at the threads, the process having used
         * {@code processMs} meanwhile.
         */
        Map<String, Double> cpuMs(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after, double processMs) {
            Map<String, Double> ms = new LinkedHashMap<>();
            rows().forEach(row -> ms.put(row, 0.0));
            double threads = 0;
            for (var entry : after.entrySet()) {
                ThreadCpu start = before.get(entry.getKey());
                double used = (entry.getValue().seconds() - (start == null ? 0 : start.seconds())) * 1000;
                if (used <= 0) {
                    continue;
                }
                threads += used;
                String kind = jvmThread(entry.getValue().name());
                Map<String, Long> sampled = samples.get(entry.getKey());
                if (kind != null) {
                    ms.merge(kind, used, Double::sum);
                } else if (sampled == null || sampled.isEmpty()) {
                    ms.merge(UNSAMPLED, used, Double::sum);
                } else {
                    long all = sampled.values().stream().mapToLong(Long::longValue).sum();
                    sampled.forEach((component, count) -> ms.merge(component, used * count / all, Double::sum));
                }
            }
            ms.put(ENDED, processMs - threads);
            return ms;
        }
    }

    /** Writes the recording named "bench" of a running JVM to {@code recording} (jcmd JFR.dump). */
    static void dump(long pid, Path recording) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "JFR.dump", "name=bench", "filename=" + recording)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0 || !Files.exists(recording)) {
            throw new IllegalStateException("jcmd JFR.dump failed: " + output.trim());
        }
    }

    /**
     * Reads a recording of a Ferry whose data directory is {@code dataDir} into the windows: execution samples by
     * thread and component, and writes and forces (fsync) of the H2 files (dataDir/db) and of the broker's journal
     * (dataDir/broker).
     */
    static void read(Path recording, Path dataDir, List<Window> windows) throws IOException {
        String h2 = dataDir.resolve("db").toString();
        String broker = dataDir.resolve("broker").toString();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.FileWrite")
                        && !type.equals("jdk.FileForce")) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Window window : windows) {
                    if (window.holds(at)) {
                        add(window, type, event, h2, broker);
                    }
                }
            }
        }
    }

    private static void add(Window window, String type, RecordedEvent event, String h2, String broker) {
        if (type.equals("jdk.ExecutionSample")) {
            RecordedThread thread = event.getThread("sampledThread");
            if (thread == null) {
                return;
            }
            String top = firstNonJdkClass(event.getStackTrace());
            String component = component(top);
            window.samples.computeIfAbsent(thread.getOSThreadId(), id -> new HashMap<>())
                    .merge(component, 1L, Long::sum);
            if (component.equals(OTHER)) {
                window.otherPackages.merge(top.substring(0, Math.max(0, top.lastIndexOf('.'))), 1L, Long::sum);
            }
            return;
        }
        String path = event.getString("path");
        if (path == null) {
            return;
        }
        boolean isH2 = path.startsWith(h2);
        boolean isBroker = path.startsWith(broker);
        if (type.equals("jdk.FileWrite")) {
            long bytes = Math.max(0, event.getLong("bytesWritten"));
            if (isH2) {
                window.h2Writes++;
                window.h2Bytes += bytes;
            } else if (isBroker) {
                window.brokerWrites++;
                window.brokerBytes += bytes;
            }
        } else if (isH2) {
            window.h2Forces++;
        } else if (isBroker) {
            window.brokerForces++;
        }
    }

    private static String firstNonJdkClass(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String name = frame.getMethod().getType().getName();
            if (JDK.stream().noneMatch(name::startsWith)) {
                return name;
            }
        }
        return null;
    }

    static String component(String className) {
        if (className == null) {
            return JDK_ONLY;
        }
        for (var entry : COMPONENTS.entrySet()) {
            if (entry.getValue().stream().anyMatch(className::startsWith)) {
                return entry.getKey();
            }
        }
        return OTHER;
    }
}
