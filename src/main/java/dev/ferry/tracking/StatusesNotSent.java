package dev.ferry.tracking;

import dev.ferry.connectors.DescribedFailure;
import dev.ferry.connectors.Failure;
import java.util.List;

/**
 * Ends a run in which the CRM did not accept every changed status: the run is FAILED in the schedule's
 * history, in words that say which consignments and why, and those go again on the next run.
 */
final class StatusesNotSent extends RuntimeException implements DescribedFailure {

    private final transient Failure failure;

    StatusesNotSent(List<String> notSent, int sent) {
        super(notSent.size() + " of " + (notSent.size() + sent) + " changed shipment statuses were not sent to the CRM");
        this.failure = new Failure(true, getMessage() + "; they are sent again on the next run. " + notSent.get(0)
                + (notSent.size() > 1 ? " (and " + (notSent.size() - 1) + " more)" : ""), String.join("; ", notSent));
    }

    @Override
    public Failure failure() {
        return failure;
    }
}
