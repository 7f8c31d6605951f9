package dev.ferry.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** ferry.inbox.open{category}: how many exceptions wait for a reviewer, counted by a query now and then. */
@Component
class InboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);

    private final InboxStore store;
    private final MultiGauge open;

    InboxMetrics(InboxStore store, MeterRegistry registry) {
        this.store = store;
        this.open = MultiGauge.builder("ferry.inbox.open")
                .description("Exceptions waiting in the review inbox")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${ferry.inbox.count-every:15s}", initialDelay = 0)
    void refresh() {
        Map<String, Long> byCategory = new TreeMap<>();
        for (FlagCategory category : FlagCategory.values()) {
            byCategory.put(category.name(), 0L);
        }
        try {
            byCategory.putAll(store.openByCategory());
        } catch (DataAccessException e) {
            log.warn("Could not count the open exceptions: {}", e.getMessage());
            return;
        }
        open.register(byCategory.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("category", e.getKey()), e.getValue()))
                .toList(), true);
    }
}
