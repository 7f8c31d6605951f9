package dev.ferry.scheduling;

import dev.ferry.connectors.ConnectorFailures;
import dev.ferry.connectors.Connectors;
import dev.ferry.connectors.Failure;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A scheduled sync that fails is logged in one line; the next fire tries again. */
@Component("syncFailures")
public class SyncFailures {

    private static final Logger log = LoggerFactory.getLogger(SyncFailures.class);

    private final ConnectorFailures failures;

    SyncFailures(ConnectorFailures failures) {
        this.failures = failures;
    }

    public void log(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Failure failure = failures.describe(cause, exchange.getProperty(Connectors.SYSTEM, String.class));
        log.warn("Scheduled sync {} failed: {} [{}]", exchange.getFromRouteId(), failure.reason(), failure.detail());
        // the run history keeps the system's own reason rather than the exception's
        exchange.setProperty(ScheduleRun.ERROR, failure.reason());
    }
}
