package dev.ferry.rpa;

import com.microsoft.playwright.Browser;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

    BrowserWorkers(RpaSettings settings) {
        this.idle = new ArrayBlockingQueue<>(settings.workers());
        for (int i = 1; i <= settings.workers(); i++) {
            BrowserWorker worker = new BrowserWorker(i, settings.chromium());
            all.add(worker);
            idle.add(worker);
        }
        if (ChromiumFinder.find(settings.chromium(), System.getenv("PATH")).isEmpty()) {
            log.warn("{}; bot runs will fail until then.", ChromiumFinder.MISSING);
        }
    }

    <T> T run(String bot, Function<Browser, T> job) {
        BrowserWorker worker;
        try {
            worker = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotRunException(BotFailure.TIMEOUT, bot, "The bot run " + bot + " was interrupted.",
                    "interrupted while waiting for a free browser worker", null);
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
