package dev.ferry.inbox;

import java.util.Locale;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The /inbox page's filters as they arrive in its query (and in its forms' hidden fields). Without a
 * status the page shows what waits (OPEN); "ALL" shows every status. Unknown values filter nothing. {@code sort}
 * is how the list is sorted ({@link InboxSort}); it rides along in every link and form, like the filters.
 */
record InboxListFilter(String status, String category, String step, String source, String q, String sort) {

    static final String ALL = "ALL";

    /** The status the page shows: OPEN unless another (or ALL) was picked. */
    public String shownStatus() {
        if (status == null || status.isBlank()) {
            return ExceptionStatus.OPEN.name();
        }
        String upper = status.trim().toUpperCase(Locale.ROOT);
        return upper.equals(ALL) || isStatus(upper) ? upper : ExceptionStatus.OPEN.name();
    }

    InboxFilter toFilter() {
        String shown = shownStatus();
        return new InboxFilter(shown.equals(ALL) ? null : ExceptionStatus.valueOf(shown),
                InboxRequests.categoryNamed(category), step, source, q);
    }

    /** The same filters with another category, as the count links use them. */
    InboxListFilter withCategory(String category) {
        return new InboxListFilter(status, category, step, source, q, sort);
    }

    InboxSort sorted() {
        return InboxSort.parse(sort);
    }

    /** The same filters sorted another way, from the first page: the column headings' links. */
    String sortedBy(String column) {
        return new InboxListFilter(status, category, step, source, q, sorted().next(column)).url(0);
    }

    public boolean narrowed() {
        return !shownStatus().equals(ExceptionStatus.OPEN.name()) || given(category) || given(step) || given(source)
                || given(q);
    }

    /** /inbox with these filters and the page; encoded, so a search for "{x}" or "&" stays one value. */
    String url(int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/inbox");
        if (!shownStatus().equals(ExceptionStatus.OPEN.name())) {
            url.queryParam("status", shownStatus());
        }
        addIfGiven(url, "category", category);
        addIfGiven(url, "step", step);
        addIfGiven(url, "source", source);
        addIfGiven(url, "q", q);
        if (!sorted().isDefault()) {
            url.queryParam("sort", sorted().param());
        }
        if (page > 0) {
            url.queryParam("page", page);
        }
        return url.build().encode().toUriString();
    }

    private static void addIfGiven(UriComponentsBuilder url, String name, String value) {
        if (given(value)) {
            url.queryParam(name, value.trim());
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isStatus(String name) {
        for (ExceptionStatus status : ExceptionStatus.values()) {
            if (status.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
