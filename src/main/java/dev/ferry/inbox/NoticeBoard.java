package dev.ferry.inbox;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox side of {@link Notices}: one OPEN item per subject, its history written with it. */
@Component
class NoticeBoard implements Notices {

    private final InboxStore store;
    private final InboxHistory history;
    private final TransactionTemplate tx;

    NoticeBoard(InboxStore store, InboxHistory history, TransactionTemplate tx) {
        this.store = store;
        this.history = history;
        this.tx = tx;
    }

    @Override
    public Optional<String> raise(Notice notice) {
        try {
            return tx.execute(status -> raiseOnce(notice));
        } catch (DuplicateKeyException raisedMeanwhile) {
            // another thread or node opened the subject's item between our look and our insert: update that one
            return tx.execute(status -> raiseOnce(notice));
        }
    }

    private Optional<String> raiseOnce(Notice notice) {
        boolean open = store.lockOpenSubject(notice.subject()).isPresent();
        Optional<String> id = store.raise(notice);
        id.filter(raised -> !open).ifPresent(raised -> history.add(raised, InboxHistory.FERRY, "flagged", notice.reason()));
        return id;
    }

    @Override
    public boolean resolve(String subject, String actor, String note) {
        return Boolean.TRUE.equals(tx.execute(status -> store.lockOpenSubject(subject).map(item -> {
            store.close(item.id(), ExceptionStatus.RESOLVED);
            history.add(item.id(), actor, "resolved", note);
            return true;
        }).orElse(false)));
    }
}
