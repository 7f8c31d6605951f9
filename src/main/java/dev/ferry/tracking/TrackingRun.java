package dev.ferry.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of the tracking sync did with each consignment it read. Kept in an exchange property that the
 * split's copies of the exchange share, so the steps for each consignment add to the same tally.
 */
final class TrackingRun {

    static final String PROPERTY = "ferryTrackingRun";

    private int read;
    private int notFerrys;
    private int orderNotCompleted;
    private int unchanged;
    private int sent;
    private final List<String> notSent = new ArrayList<>();

    synchronized void read() {
        read++;
    }

    synchronized void notFerrys() {
        notFerrys++;
    }

    synchronized void orderNotCompleted() {
        orderNotCompleted++;
    }

    synchronized void unchanged() {
        unchanged++;
    }

    synchronized void sent() {
        sent++;
    }

    synchronized void notSent(String consignmentNumber, String reason) {
        notSent.add(consignmentNumber + ": " + reason);
    }

    synchronized int sentCount() {
        return sent;
    }

    synchronized List<String> notSent() {
        return List.copyOf(notSent);
    }

    synchronized String summary() {
        return String.format("%d consignments read: %d changed and sent to the CRM, %d changed but not sent,"
                + " %d unchanged, %d of orders not completed yet, %d of no Ferry order", read, sent, notSent.size(),
                unchanged, orderNotCompleted, notFerrys);
    }
}
