package dev.ferry.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list filters over exceptions {@code e} joined to their orders {@code o}. Only the filters given
 * end up in the SQL: a typed NULL parameter is not portable across databases.
 */
record InboxFilter(ExceptionStatus status, FlagCategory category, String step, String source, String q) {

    static final InboxFilter NONE = new InboxFilter(null, null, null, null, null);

    private static final Map<String, String> COLUMNS = Map.of(
            "status", "e.status", "category", "e.category", "step", "e.step", "source", "o.source");

    // a reviewer pastes whatever they have: an order id, the shop's number, a name, an email, words of the reason
    private static final String SEARCH = "(LOWER(o.id) LIKE :q ESCAPE '\\' OR LOWER(o.external_id) LIKE :q ESCAPE '\\'"
            + " OR LOWER(o.customer_name) LIKE :q ESCAPE '\\' OR LOWER(o.customer_email) LIKE :q ESCAPE '\\'"
            + " OR LOWER(e.reason) LIKE :q ESCAPE '\\' OR LOWER(e.title) LIKE :q ESCAPE '\\')";

    InboxFilter withStatus(ExceptionStatus status) {
        return new InboxFilter(status, category, step, source, q);
    }

    /** The exceptions, joined to their orders only when a filter reads the order: otherwise one index serves. */
    String from() {
        boolean readsOrder = params().containsKey("source") || params().containsKey("q");
        return readsOrder ? " FROM exceptions e LEFT JOIN orders o ON o.id = e.order_id" : " FROM exceptions e";
    }

    /**
     * Oldest first while they wait, so the one that waited longest is seen first; newest first otherwise. The
     * status comes first when filtered by: H2 sorts by an index only when the ORDER BY starts with its columns
     * (ix_exceptions_status_created_at, V12), and with one status it is the same order.
     */
    String order() {
        if (status == ExceptionStatus.OPEN) {
            return "e.status, e.created_at, e.id";
        }
        return status == null ? "e.created_at DESC, e.id DESC" : "e.status DESC, e.created_at DESC, e.id DESC";
    }

    String where() {
        List<String> conditions = new ArrayList<>();
        params().keySet().forEach(name -> conditions.add(name.equals("q") ? SEARCH : COLUMNS.get(name) + " = :" + name));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
        params().forEach(sql::param);
        return sql;
    }

    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (status != null) {
            params.put("status", status.name());
        }
        if (category != null) {
            params.put("category", category.name());
        }
        putIfGiven(params, "step", step);
        // a source is lower case (the order schema's pattern): "Webshop", as people type it, finds webshop
        if (source != null && !source.isBlank()) {
            params.put("source", source.trim().toLowerCase(Locale.ROOT));
        }
        if (q != null && !q.isBlank()) {
            params.put("q", "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return params;
    }

    private static void putIfGiven(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value.trim());
        }
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
