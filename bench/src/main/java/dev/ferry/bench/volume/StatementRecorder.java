package dev.ferry.bench.volume;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Wraps the bench's one connection so that, while recording, it keeps the SQL and bound parameters of
 * every statement Ferry's code prepares; {@link #explain} then asks the database how it ran them. The
 * plans are those of Ferry's own queries, not of copies that could drift from them.
 */
final class StatementRecorder {

    record Statement(String sql, Map<Integer, Object> params) {
    }

    private final List<Statement> recorded = new ArrayList<>();
    private boolean recording;

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection connection ? wrap(connection) : result;
        });
    }

    void start() {
        recorded.clear();
        recording = true;
    }

    List<Statement> stop() {
        recording = false;
        return List.copyOf(recorded);
    }

    private Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (recording && result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                Statement seen = new Statement((String) args[0], new TreeMap<>());
                recorded.add(seen);
                return wrap(statement, seen);
            }
            return result;
        });
    }

    private PreparedStatement wrap(PreparedStatement statement, Statement seen) {
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                seen.params().put(index, method.getName().equals("setNull") ? null : args[1]);
            }
            return method.invoke(target, args);
        });
    }

    /**
     * The database's plan of the statement, run with its parameters: H2's EXPLAIN ANALYZE (which counts the
     * rows each table access read, scanCount) or PostgreSQL's EXPLAIN (ANALYZE, BUFFERS). Statements other
     * than SELECT are only explained, never run again.
     */
    static String explain(Connection connection, Statement statement, boolean postgres) throws SQLException {
        boolean select = statement.sql().stripLeading().toUpperCase().startsWith("SELECT");
        String explain = !select ? "EXPLAIN " : postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        try (PreparedStatement plan = connection.prepareStatement(explain + statement.sql())) {
            for (var param : statement.params().entrySet()) {
                if (param.getValue() == null) {
                    plan.setNull(param.getKey(), java.sql.Types.VARCHAR);
                } else {
                    plan.setObject(param.getKey(), param.getValue());
                }
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = plan.executeQuery()) {
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
            }
            return text.toString().strip();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (p, method, args) -> {
            try {
                return handler.handle(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
