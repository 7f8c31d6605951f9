package dev.ferry.inbox;

import dev.ferry.orders.PageTimes;
import java.time.Instant;
import java.util.List;

/** A notice (an inbox item not about an order) as its page shows it. */
record NoticeView(InboxDetail exception, boolean open, String statusWords, String categoryWords, String stepWords,
        String hint, String waiting, String schedule, List<InboxDetailView.History> history,
        InboxDetailView.Closed closed) {

    private static final String SCHEDULE = "schedule:";

    static NoticeView of(InboxDetail detail, Instant now) {
        String subject = detail.subject();
        return new NoticeView(detail, detail.status() == ExceptionStatus.OPEN,
                InboxWords.noticeStatus(detail.status()), InboxWords.category(detail.category()),
                InboxWords.noticeStep(detail.step()), InboxWords.hint(detail.category(), detail.step()),
                PageTimes.age(detail.createdAt(), now),
                subject.startsWith(SCHEDULE) ? subject.substring(SCHEDULE.length()) : null,
                InboxDetailView.history(detail), InboxDetailView.closed(detail));
    }
}
