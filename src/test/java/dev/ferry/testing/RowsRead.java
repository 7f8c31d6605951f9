package dev.ferry.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * How many rows a call's queries read on H2, from the plans of the very statements the code prepared: the
 * call runs on {@link #dataSource()}, which keeps each statement's SQL and parameters, and each SELECT is then
 * run again under EXPLAIN ANALYZE, whose scanCount says how many rows (index entries) each table access read.
 * A count, not a time: it does not depend on the machine. H2's scanCount of a lookup by key may count two per
 * row found.
 */
public final class RowsRead {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private record Statement(String sql, Map<Integer, Object> params) {
    }

    /** The rows read and the plans that say so, for an assertion's message. */
    public record Reading(long rows, String plans) {
    }

    private final DataSource target;
    private final List<Statement> recorded = new ArrayList<>();

    public RowsRead(DataSource h2) {
        this.target = h2;
    }

    public DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? recording(connection) : result;
        });
    }

    public Reading of(Runnable call) throws SQLException {
        recorded.clear();
        call.run();
        long rows = 0;
        StringBuilder plans = new StringBuilder();
        try (Connection connection = target.getConnection()) {
            for (Statement statement : List.copyOf(recorded)) {
                if (!statement.sql().stripLeading().toUpperCase().startsWith("SELECT")) {
                    continue;
                }
                String plan = explain(connection, statement);
                plans.append(plan).append("\n\n");
                rows += rowsRead(plan);
            }
        }
        return new Reading(rows, plans.toString());
    }

    /**
     * The sum of the plan's scanCounts. H2 prints a subquery's plan again in each place it is used (the index
     * condition, the WHERE), so a count is taken once per table access: the access line before it and its value.
     */
    static long rowsRead(String plan) {
        Set<String> seen = new HashSet<>();
        String access = "";
        long rows = 0;
        for (String line : plan.split("\n")) {
            String text = line.strip().replace("\"", "");
            if (text.startsWith("/* PUBLIC.")) {
                access = text;
            }
            Matcher scans = SCAN_COUNT.matcher(text);
            if (scans.find() && seen.add(access + " " + scans.group(1))) {
                rows += Long.parseLong(scans.group(1));
            }
        }
        return rows;
    }

    private static String explain(Connection connection, Statement statement) throws SQLException {
        try (PreparedStatement plan = connection.prepareStatement("EXPLAIN ANALYZE " + statement.sql())) {
            for (var param : statement.params().entrySet()) {
                plan.setObject(param.getKey(), param.getValue());
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = plan.executeQuery()) {
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
            }
            return text.toString();
        }
    }

    private Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = method.invoke(connection, args);
            if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
                Statement statement = new Statement((String) args[0], new TreeMap<>());
                recorded.add(statement);
                return proxy(PreparedStatement.class, prepared, (set, values) -> {
                    if (set.getName().startsWith("set") && values != null && values.length >= 2
                            && values[0] instanceof Integer index) {
                        statement.params().put(index, set.getName().equals("setNull") ? null : values[1]);
                    }
                    return set.invoke(prepared, values);
                });
            }
            return result;
        });
    }

    private interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(RowsRead.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return handler.handle(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
