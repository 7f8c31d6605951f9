package dev.ferry.rpa;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the records of runs a stopped or killed Ferry left RUNNING. A run that has waited out
 * {@code slot-wait} for a slot of its system and then its run timeout, with as much again to spare, cannot
 * still be going on any node, so this is safe with several nodes on one database.
 */
@Component
class AbandonedRuns {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

    private final BotRunStore store;
    private final Duration oldest;

    AbandonedRuns(BotRunStore store, RpaSettings settings) {
        this.store = store;
        // a run may wait slot-wait for a slot on another node's account before its run timeout starts
        this.oldest = settings.runTimeout().multipliedBy(2).plus(settings.slotWait());
    }

    @Scheduled(fixedDelayString = "${ferry.rpa.abandoned-check-every:5m}", initialDelay = 0)
    void close() {
        Instant now = Instant.now();
        int closed = store.closeAbandoned(now.minus(oldest), now);
        if (closed > 0) {
            log.warn("Closed {} bot run record(s) left RUNNING by a Ferry that stopped mid-run", closed);
        }
    }
}
