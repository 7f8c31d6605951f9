package dev.ferry.sandbox;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which requests to the four API systems meet an injected fault, and which kind: each request takes the
 * next number of one sequence seeded with {@code ferry.sandbox.faults.seed}, so the same number of requests always
 * meets the same number of faults of each kind, whatever the timing. {@link #restart()} starts the sequence again.
 */
final class InjectedFaults {

    private final double rate;
    private final long seed;
    private final List<FaultKind> kinds;
    private SplittableRandom sequence;

    InjectedFaults(SandboxSettings.Faults settings) {
        this.rate = settings.rate();
        this.seed = settings.seed();
        this.kinds = settings.faultKinds();
        this.sequence = new SplittableRandom(seed);
    }

    /** The fault this request meets, or null for none. */
    FaultKind next() {
        if (rate == 0) {
            // no draw at all: a benchmark without faults pays nothing for them
            return null;
        }
        double draw;
        synchronized (this) {
            draw = sequence.nextDouble();
        }
        if (draw >= rate) {
            return null;
        }
        // a draw below the rate is uniform in [0, rate): its position there picks the kind, evenly
        return kinds.get(Math.min(kinds.size() - 1, (int) (draw / rate * kinds.size())));
    }

    synchronized void restart() {
        sequence = new SplittableRandom(seed);
    }
}
