package dev.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** A JVM the bench started (Ferry or the sandbox), with what /proc says about it. */
final class JavaProcess implements AutoCloseable {

    // USER_HZ: Linux reports utime and stime in clock ticks of 1/100 s on every common build
    private static final double TICKS_PER_SECOND = 100.0;

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;

    private JavaProcess(String name, Process process, long startedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    static JavaProcess start(String name, Path jar, List<String> jvmOptions, List<String> args,
            Map<String, String> env, Path logDir) throws IOException {
        return start(name, jar, List.of(), jvmOptions, args, env, logDir);
    }

    /**
     * With {@code classpath} entries, the jar runs as {@code -cp jar:entries MainClass} (the Main-Class of its
     * manifest), which keeps the jar's own Class-Path and its class-data sharing archive: the JVM accepts entries
     * appended after those the archive was written with.
     */
    static JavaProcess start(String name, Path jar, List<Path> classpath, List<String> jvmOptions, List<String> args,
            Map<String, String> env, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (classpath.isEmpty()) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            StringBuilder path = new StringBuilder(jar.toString());
            classpath.forEach(entry -> path.append(File.pathSeparator).append(entry));
            command.add("-cp");
            command.add(path.toString());
            try (JarFile file = new JarFile(jar.toFile())) {
                command.add(file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
            }
        }
        command.addAll(args);
        return launch(name, command, env, null, logDir);
    }

    /** {@code mainClass} on {@code classpath}, run in {@code directory} (null: the bench's own). */
    static JavaProcess startMain(String name, List<String> classpath, String mainClass, List<String> jvmOptions,
            List<String> args, Map<String, String> env, Path directory, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        return launch(name, command, env, directory, logDir);
    }

    private static JavaProcess launch(String name, List<String> command, Map<String, String> env, Path directory,
            Path logDir) throws IOException {
        Path log = Files.createDirectories(logDir).resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new JavaProcess(name, builder.start(), started, log);
    }

    /**
     * {@code count} distinct free ports: each socket stays open until all are chosen, as the kernel may hand a
     * port just closed to the next bind.
     */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("no free ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Seconds since the process was started. */
    double age() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** User + system CPU seconds the JVM has used so far. */
    double cpuSeconds() {
        return cpuSeconds(pid());
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name in parentheses may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Resident set size in MiB (VmRSS). */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + name + ": " + e.getMessage(), e);
        }
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() {
        stop(process, 30);
    }

    /** SIGTERM to a process the bench started, then SIGKILL if it has not ended within {@code graceSeconds}. */
    static void stop(Process process, int graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
