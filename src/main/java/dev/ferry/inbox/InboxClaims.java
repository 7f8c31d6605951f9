package dev.ferry.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who works on which inbox item (docs/inbox.md, "Who is working on it"). A reviewer who opens an item takes it
 * when nobody holds it; acting on it, releasing it or {@code ferry.inbox.claim-timeout} without opening or
 * correcting it lets go. Someone else's claim is taken over only on purpose, and history says so.
 */
@Service
class InboxClaims {

    private final InboxStore store;
    private final InboxHistory history;
    private final TransactionTemplate tx;
    private final Duration timeout;

    InboxClaims(InboxStore store, InboxHistory history, TransactionTemplate tx,
            @Value("${ferry.inbox.claim-timeout:15m}") Duration timeout) {
        this.store = store;
        this.history = history;
        this.tx = tx;
        this.timeout = timeout;
    }

    /**
     * {@code user} takes the OPEN item, or takes it over from whoever holds it when {@code takeOver}.
     *
     * @throws Claim.Held when someone else holds it and {@code takeOver} is false
     */
    Claim claim(String id, String user, boolean takeOver) {
        return tx.execute(status -> {
            InboxItem item = lockOpen(id);
            // as the database keeps it (H2 and PostgreSQL to the microsecond), so what is returned is what is read
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Claim before = Claim.current(item.claim(), now);
            Claim claim = Claim.take(item.claim(), user, now, timeout, takeOver);
            store.claim(id, claim);
            if (before != null && !before.by().equals(user)) {
                history.add(id, user, "took-over", "Took it over from " + InboxWords.actor(before.by()));
            }
            return claim;
        });
    }

    /**
     * What a reviewer who opens the item sees: it is theirs now if nobody else held it, or the other person's
     * claim, which they may take over. Null for an item that no longer waits.
     */
    Claim opened(String id, String user) {
        try {
            return claim(id, user, false);
        } catch (Claim.Held held) {
            return held.claim();
        } catch (InboxProblems.NotOpen closed) {
            return null;
        }
    }

    /** Lets go of the item if {@code user} holds it; someone else's claim stays. */
    void release(String id, String user) {
        tx.executeWithoutResult(status -> {
            InboxItem item = store.lock(id).orElseThrow(() -> new InboxProblems.NotFound(id));
            Claim current = Claim.current(item.claim(), Instant.now());
            if (current != null && !current.by().equals(user)) {
                throw new Claim.Held(current);
            }
            store.release(id);
        });
    }

    /** The item's claim as it stands now, or null. */
    Claim of(InboxItem item) {
        return Claim.current(item.claim(), Instant.now());
    }

    private InboxItem lockOpen(String id) {
        InboxItem item = store.lock(id).orElseThrow(() -> new InboxProblems.NotFound(id));
        if (item.status() != ExceptionStatus.OPEN) {
            throw new InboxProblems.NotOpen("Exception " + id + " is " + item.status()
                    + "; only an OPEN exception can be claimed.");
        }
        return item;
    }
}
