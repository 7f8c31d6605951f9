package dev.ferry.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.Journal;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderReview;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import dev.ferry.orders.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a reviewer does to an OPEN exception: correct the order, replay it, or discard it. Each action
 * and its history, journal and order changes commit together; a replayed order is queued after that.
 */
@Service
class InboxActions {

    private final InboxStore store;
    private final InboxHistory history;
    private final OrderStore orders;
    private final OrderReview review;
    private final Journal journal;
    private final TransactionTemplate tx;

    InboxActions(InboxStore store, InboxHistory history, OrderStore orders, OrderReview review, Journal journal,
            TransactionTemplate tx) {
        this.store = store;
        this.history = history;
        this.orders = orders;
        this.review = review;
        this.journal = journal;
        this.tx = tx;
    }

    /** @throws dev.ferry.orders.InvalidOrderException listing every violation, with nothing changed */
    void edit(String id, ObjectNode corrected, String actor) {
        tx.executeWithoutResult(status -> {
            InboxItem item = lockOpenOrder(id, "corrected", actor);
            ObjectNode before = review.replacePayload(item.orderId(), corrected);
            List<String> changed = PayloadChanges.between(before, corrected);
            if (changed.isEmpty()) {
                return;
            }
            String summary = PayloadChanges.summary(changed);
            history.add(id, actor, "edited", "Changed " + summary, before, corrected);
            store.touch(id);
            journal.append(item.orderId(), "edit", StepOutcome.OK, "Payload corrected by " + actor + ": " + summary);
        });
    }

    /** Resolves the exception and sends its order through again; for a business rule, this is the approval. */
    InboxItem replay(String id, String actor) {
        InboxItem item = tx.execute(status -> {
            InboxItem open = lockOpenOrder(id, "replayed", actor);
            boolean approval = open.category() == FlagCategory.BUSINESS_RULE;
            store.close(id, ExceptionStatus.RESOLVED);
            history.add(id, actor, "replayed", approval ? "Approved" : null);
            journal.append(open.orderId(), "replay", StepOutcome.OK, "Replayed by " + actor);
            if (approval) {
                // an OK check-rules in the journal makes the route skip the rule that stopped the order
                journal.append(open.orderId(), "check-rules", StepOutcome.OK, "Approved by " + actor);
            }
            if (!review.requeue(open.orderId())) {
                throw new InboxProblems.NotOpen("Order " + open.orderId() + " is no longer waiting for review.");
            }
            return open;
        });
        review.enqueue(item.orderId());
        return item;
    }

    void discard(String id, String reason, String actor) {
        tx.executeWithoutResult(status -> {
            InboxItem item = lockOpen(id, actor);
            store.close(id, ExceptionStatus.DISCARDED);
            history.add(id, actor, "discarded", reason);
            if (item.isNotice()) {
                return;
            }
            review.discard(item.orderId());
            journal.append(item.orderId(), "discard", StepOutcome.OK, "Discarded by " + actor + ": " + reason);
        });
    }

    /** Closes a notice (not an order: an order is resolved by replaying it) once a person has seen to it. */
    void resolve(String id, String note, String actor) {
        tx.executeWithoutResult(status -> {
            InboxItem item = lockOpen(id, actor);
            if (!item.isNotice()) {
                throw new InboxProblems.NotANotice(id);
            }
            store.close(id, ExceptionStatus.RESOLVED);
            history.add(id, actor, "resolved", note);
        });
    }

    /**
     * Takes back a discard {@code actor} made less than {@code window} ago: the item waits again, as it was. False
     * (and nothing changed) when it is not discarded, was discarded by someone else or longer ago, or was acted
     * on since — an undo never overrides another person's later step.
     */
    boolean undoDiscard(String id, String actor, Duration window) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            InboxItem item = store.lock(id).orElseThrow(() -> new InboxProblems.NotFound(id));
            if (item.status() != ExceptionStatus.DISCARDED) {
                return false;
            }
            List<HistoryEntry> entries = history.of(id);
            HistoryEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last == null || !"discarded".equals(last.action()) || !actor.equals(last.actor())
                    || last.at().plus(window).isBefore(Instant.now())) {
                return false;
            }
            if (!item.isNotice() && !review.undiscard(item.orderId())) {
                return false;
            }
            store.reopen(item);
            history.add(id, actor, "undone", "Took the discard back");
            if (!item.isNotice()) {
                journal.append(item.orderId(), "undo-discard", StepOutcome.OK, "Discard taken back by " + actor
                        + "; waiting for review again");
            }
            return true;
        }));
    }

    /** Acts on each exception in its own transaction; those not OPEN any more are left out, not failed. */
    List<String> each(List<String> ids, Consumer<String> action) {
        List<String> done = new ArrayList<>();
        for (String id : ids) {
            try {
                action.accept(id);
                done.add(id);
            } catch (InboxProblems.NotFound | InboxProblems.NotOpen | Claim.Held skipped) {
                // someone else resolved it meanwhile or is working on it, or the id was never an exception
            }
        }
        return done;
    }

    private InboxItem lockOpenOrder(String id, String done, String actor) {
        InboxItem item = lockOpen(id, actor);
        if (item.isNotice()) {
            throw new InboxProblems.NotAnOrder(id, item.title(), done);
        }
        return item;
    }

    /** @throws Claim.Held while someone other than {@code actor} works on it: no silent double work */
    private InboxItem lockOpen(String id, String actor) {
        InboxItem item = store.lock(id).orElseThrow(() -> new InboxProblems.NotFound(id));
        if (item.status() != ExceptionStatus.OPEN) {
            throw new InboxProblems.NotOpen("Exception " + id + " is " + item.status()
                    + "; only an OPEN exception can be edited, replayed, resolved or discarded.");
        }
        Claim claim = item.claim();
        if (claim != null && claim.heldByOtherThan(actor, Instant.now())) {
            throw new Claim.Held(claim);
        }
        if (item.isNotice()) {
            return item;
        }
        OrderStatus order = orders.find(item.orderId()).map(OrderRecord::status).orElseThrow();
        if (order != OrderStatus.FLAGGED) {
            throw new InboxProblems.NotOpen("Order " + item.orderId() + " is " + order
                    + ", not waiting for review; its exception cannot be acted on.");
        }
        return item;
    }
}
