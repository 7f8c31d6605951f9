package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Ferry JVM's CPU goes, from two sources over the same window: the JVM's own threads from
 * /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat (garbage collection, JIT compilers, the recorder, the VM thread), and the
 * rest — the threads running Java code — split by component in the proportion of the JFR execution samples.
 * A sample goes to the component of the first frame from the top of its stack that is not the JDK's own.
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

    /** A JVM thread's CPU by kind, from its name in /proc (at most 15 characters); null for a thread of Java code. */
    static String jvmThread(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return JVM_THREADS.get(0);
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("Sweeper")) {
            return JVM_THREADS.get(1);
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

    /** CPU seconds so far of the process's JVM threads by kind (see {@link #jvmThread}). */
    static Map<String, Double> jvmThreadSeconds(long pid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        JVM_THREADS.forEach(kind -> seconds.put(kind, 0.0));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String kind = jvmThread(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                if (kind != null) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seconds.merge(kind, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND,
                            Double::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + ": " + e.getMessage(), e);
        }
        return seconds;
    }

    /** What a recording says about one window of time. */
    static final class Window {
        final Instant from;
        final Instant to;
        final Map<String, Long> samples = new LinkedHashMap<>();
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
            COMPONENTS.keySet().forEach(component -> samples.put(component, 0L));
        }

        boolean holds(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        long totalSamples() {
            return samples.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads a recording of a Ferry whose data directory is {@code dataDir} into the windows: execution samples by
     * component, and writes and forces (fsync) of the H2 files (dataDir/db) and of the broker's journal
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
            if (thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith("JFR ")) {
                return; // the recorder's own Java threads: counted with its other threads from /proc
            }
            String type0 = firstNonJdkClass(event.getStackTrace());
            String component = component(type0);
            window.samples.merge(component, 1L, Long::sum);
            if (component.equals(OTHER)) {
                window.otherPackages.merge(type0.substring(0, Math.max(0, type0.lastIndexOf('.'))), 1L, Long::sum);
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
