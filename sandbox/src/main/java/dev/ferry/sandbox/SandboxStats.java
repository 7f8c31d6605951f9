package dev.ferry.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the four API systems have served since start or the last reset: requests per system (every request that
 * reached the sandbox's own stubs, refused and faulted ones included) and injected faults per kind. A benchmark
 * reads them from the control port's {@code GET /stats} for its calls per order.
 */
public final class SandboxStats {

    private final Map<SandboxSystem, LongAdder> requests = new EnumMap<>(SandboxSystem.class);
    private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);

    SandboxStats() {
        for (SandboxSystem system : SandboxSystem.values()) {
            requests.put(system, new LongAdder());
        }
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new LongAdder());
        }
    }

    public long requests(SandboxSystem system) {
        return requests.get(system).sum();
    }

    public long faults(FaultKind kind) {
        return faults.get(kind).sum();
    }

    void countRequest(SandboxSystem system) {
        requests.get(system).increment();
    }

    void countFault(FaultKind kind) {
        faults.get(kind).increment();
    }

    // not atomic across counters, which is fine for a reset between benchmark runs
    void reset() {
        requests.values().forEach(LongAdder::reset);
        faults.values().forEach(LongAdder::reset);
    }
}
