package dev.ferry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** The same work on many threads at once until a duration is over: how a limit is measured. */
final class Saturation {

    /** One thread's work: loops until {@code over} says the time is up. */
    interface Worker {
        void work(int thread, BooleanSupplier over) throws Exception;
    }

    private Saturation() {
    }

    /** Runs {@code worker} on {@code threads} threads for {@code duration}; the seconds they really ran. */
    static double run(int threads, Duration duration, Worker worker) throws Exception {
        AtomicBoolean over = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    worker.work(thread, over::get);
                    return null;
                }));
            }
            Http.pause(duration);
            over.set(true);
            for (Future<?> running : workers) {
                running.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }
}
