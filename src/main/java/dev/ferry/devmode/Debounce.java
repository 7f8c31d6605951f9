package dev.ferry.devmode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the files an editor writes in a burst (a save is often a temporary file, a rename and a touch) into one
 * change: the batch is due once no file changed for {@code quiet}, or at the latest {@code longest} after its
 * first change, so a tool that writes without pause still sees its changes applied. Times are
 * {@link System#nanoTime()} values passed in, so the decision is tested without clocks or threads.
 */
final class Debounce {

    /** The files of one change, and when its first write was seen (nanoTime), from which a reload is timed. */
    record Batch(Set<Path> files, long firstSeen) {
    }

    private final long quiet;
    private final long longest;
    private final Set<Path> files = new LinkedHashSet<>();
    private long first;
    private long last;

    Debounce(Duration quiet, Duration longest) {
        if (quiet.isNegative() || longest.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("The quiet time must be at least 0 and at most the longest wait: "
                    + quiet + ", " + longest);
        }
        this.quiet = quiet.toNanos();
        this.longest = longest.toNanos();
    }

    void changed(Path file, long now) {
        if (files.isEmpty()) {
            first = now;
        }
        files.add(file);
        last = now;
    }

    /** The batch, emptied, when it is due at {@code now}; empty while it should wait. */
    Optional<Batch> take(long now) {
        if (files.isEmpty() || nanosUntilDue(now) > 0) {
            return Optional.empty();
        }
        Batch batch = new Batch(Set.copyOf(files), first);
        files.clear();
        return Optional.of(batch);
    }

    /** How long to wait for the next file before the batch is due; {@code Long.MAX_VALUE} when none waits. */
    long nanosUntilDue(long now) {
        if (files.isEmpty()) {
            return Long.MAX_VALUE;
        }
        long due = Math.min(last + quiet, first + longest);
        return Math.max(0, due - now);
    }
}
