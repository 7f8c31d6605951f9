package dev.ferry.bench.probe;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;

/**
 * Counts what Ferry asks of its database: connections borrowed from the pool, statements run by SQL verb, commits,
 * rollbacks and statements that commit on their own (auto-commit). Counted where Ferry's code and Spring's JDBC
 * call the DataSource bean, above the pool.
 */
final class Jdbc {

    private static final int MAX_CACHED = 10_000;
    private static final Map<String, String> VERBS = new ConcurrentHashMap<>();

    private Jdbc() {
    }

    static Object wrap(DataSource dataSource) {
        Object subclass = Proxies.subclass(dataSource,
                invocation -> connection(invocation.getMethod(),
                        Proxies.timed(Counts.JDBC_CPU_NANOS, invocation::proceed)));
        return subclass != null ? subclass : Proxies.wrap(dataSource, new Proxies.Handler(dataSource) {
            @Override
            Object handle(Method method, Object[] args) throws Throwable {
                return connection(method, timed(method, args, Counts.JDBC_CPU_NANOS));
            }
        });
    }

    private static Object connection(Method method, Object result) {
        if (result instanceof Connection connection && method.getName().equals("getConnection")) {
            Counts.JDBC_BORROW.increment();
            return Proxies.wrap(connection, new ConnectionHandler(connection));
        }
        return result;
    }

    private static final class ConnectionHandler extends Proxies.Handler {

        private volatile boolean autoCommit;

        ConnectionHandler(Connection connection) {
            super(connection);
            try {
                autoCommit = connection.getAutoCommit();
            } catch (java.sql.SQLException e) {
                autoCommit = true;
            }
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> Counts.JDBC_COMMIT.increment();
                case "rollback" -> {
                    if (args == null) {
                        Counts.JDBC_ROLLBACK.increment();
                    }
                }
                default -> {
                }
            }
            Object result = timed(method, args, Counts.JDBC_CPU_NANOS);
            if (name.equals("setAutoCommit")) {
                autoCommit = (Boolean) args[0];
            } else if (result instanceof CallableStatement statement && name.equals("prepareCall")) {
                return Proxies.wrap(statement, new StatementHandler(statement, this, (String) args[0]));
            } else if (result instanceof PreparedStatement statement && name.equals("prepareStatement")) {
                return Proxies.wrap(statement, new StatementHandler(statement, this, (String) args[0]));
            } else if (result instanceof Statement statement && name.equals("createStatement")) {
                return Proxies.wrap(statement, new StatementHandler(statement, this, null));
            }
            return result;
        }
    }

    private static final class StatementHandler extends Proxies.Handler {

        private final ConnectionHandler connection;
        private final String sql;

        StatementHandler(Statement statement, ConnectionHandler connection, String sql) {
            super(statement);
            this.connection = connection;
            this.sql = sql;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Object result = timed(method, args, Counts.JDBC_CPU_NANOS);
            if (name.startsWith("execute")) {
                boolean batch = name.endsWith("Batch");
                // a plain Statement names its SQL when it runs it; a prepared one had it when it was made
                String text = !batch && args != null && args.length > 0 && args[0] instanceof String given
                        ? given : sql;
                int statements = !batch ? 1 : result instanceof int[] counts ? counts.length
                        : result instanceof long[] counts ? counts.length : 1;
                String verb = verb(text);
                counter(verb).add(statements);
                if (connection.autoCommit && !verb.equals("select")) {
                    Counts.JDBC_AUTOCOMMIT_WRITE.add(statements);
                }
            }
            return result;
        }
    }

    private static LongAdder counter(String verb) {
        return switch (verb) {
            case "select" -> Counts.JDBC_SELECT;
            case "insert" -> Counts.JDBC_INSERT;
            case "update" -> Counts.JDBC_UPDATE;
            case "delete" -> Counts.JDBC_DELETE;
            default -> Counts.JDBC_OTHER;
        };
    }

    /** select, insert, update, delete or other: the statement's first word (a query WITH ... or VALUES is a select). */
    static String verb(String sql) {
        if (sql == null) {
            return "other";
        }
        String cached = VERBS.get(sql);
        if (cached != null) {
            return cached;
        }
        String verb = firstWord(sql);
        verb = switch (verb) {
            case "select", "with", "values", "table" -> "select";
            case "insert", "update", "delete" -> verb;
            default -> "other";
        };
        if (VERBS.size() < MAX_CACHED) {
            VERBS.put(sql, verb);
        }
        return verb;
    }

    private static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
