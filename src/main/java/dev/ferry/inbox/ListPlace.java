package dev.ferry.inbox;

/**
 * Where in the list a reviewer opened an item: its filters and page. The item's links and forms carry it, so
 * "← Inbox" returns to that list and "next item" stays in it. Built from the bound filter, never copied from the
 * request as it came.
 */
record ListPlace(InboxListFilter filter, int page) {

    static ListPlace of(InboxListFilter filter, int page) {
        return new ListPlace(filter == null ? new InboxListFilter(null, null, null, null, null, null) : filter,
                Math.max(page, 0));
    }

    /** The list itself: /inbox with the filters and the page. */
    public String listUrl() {
        return filter.url(page);
    }

    /** The query of the list's address, "" or "?category=…", to append to an item's address. */
    public String query() {
        String url = listUrl();
        int query = url.indexOf('?');
        return query < 0 ? "" : url.substring(query);
    }

    public String itemUrl(String id) {
        return "/inbox/" + id + query();
    }
}
