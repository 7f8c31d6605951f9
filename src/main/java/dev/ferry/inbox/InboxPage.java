package dev.ferry.inbox;

import java.util.List;

/** Shaped like a page of GET /api/orders. */
record InboxPage(List<InboxSummary> items, int page, int size, long totalItems, long totalPages) {
}
