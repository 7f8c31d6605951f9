package dev.ferry.rpa;

import com.microsoft.playwright.Browser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A fixed pool of {@link BrowserWorker}s ({@code ferry.rpa.workers}); a run waits for a free one. */
@Component
class BrowserWorkers {

    private static final Logger log = LoggerFactory.getLogger(BrowserWorkers.class);

    private final List<BrowserWorker> all = new ArrayList<>();
    private final BlockingQueue<BrowserWorker> idle;

    BrowserWorkers(RpaSettings settings, MeterRegistry meters) {
        this.idle = new ArrayBlockingQueue<>(settings.workers());
        Timer launches = Timer.builder("ferry.bot.browser.launches")
                .description("Starting Playwright and a Chromium for a browser worker").register(meters);
        for (int i = 1; i <= settings.workers(); i++) {
            BrowserWorker worker = new BrowserWorker(i, settings.chromium(), settings.node(), settings.reuseBrowser(),
                    nanos -> launches.record(nanos, TimeUnit.NANOSECONDS));
            all.add(worker);
            idle.add(worker);
        }
        warnIfMissing(SystemProgram.CHROMIUM, settings.chromium());
        warnIfMissing(SystemProgram.NODE, settings.node());
    }

    private static void warnIfMissing(SystemProgram program, String configured) {
        if (program.find(configured, System.getenv("PATH")).isEmpty()) {
            log.warn("{}; bot runs will fail until then.", program.missing());
        }
    }

    /** The pool now: workers, how many run a bot, how many have a browser up, contexts runs left open. */
    record State(int workers, int busy, int browsers, int contextsLeftOpen) {
    }

    State state() {
        return new State(all.size(), all.size() - idle.size(),
                (int) all.stream().filter(BrowserWorker::running).count(),
                all.stream().mapToInt(BrowserWorker::leftOpen).sum());
    }

    <T> T run(String bot, Function<Browser, T> job) {
        BrowserWorker worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotRunException(BotFailure.TIMEOUT, bot, "The bot run " + bot + " was interrupted.",
                    "interrupted while waiting for a free browser worker");
        }
        try {
            return worker.run(bot, job);
        } finally {
            idle.add(worker);
        }
    }

    @PreDestroy
    void close() {
        all.forEach(BrowserWorker::close);
    }
}
