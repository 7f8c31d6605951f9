package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code chattr -R +i} on a directory: nothing under it can be written, created or deleted, not even by root,
 * which a test running as root needs to make a disk refuse writes. Every test that sets it must clear it in
 * an {@code @AfterEach} or {@code finally}, or the directory can never be deleted.
 */
final class Immutable {

    private Immutable() {
    }

    static void set(Path dir) {
        chattr("+i", dir);
    }

    static void clear(Path dir) {
        chattr("-i", dir);
    }

    private static void chattr(String flag, Path dir) {
        try {
            Process process = new ProcessBuilder("chattr", "-R", flag, dir.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("chattr " + flag + " " + dir + " finished").isTrue();
            assertThat(process.exitValue()).as("chattr -R " + flag + " " + dir + ": " + output).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("chattr is needed (e2fsprogs) and a file system that has the flag", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
