package dev.ferry.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded H2 file's data source as Ferry's code sees it: a commit, and a write outside a transaction, returns
 * once it is in the file, by way of {@link H2GroupCommit}. Everything else is the pool's own connection.
 */
final class GroupCommitDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    private final H2GroupCommit groupCommit;

    GroupCommitDataSource(DataSource pool, H2GroupCommit groupCommit) {
        super(pool);
        this.groupCommit = groupCommit;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(super.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (isIdentity(method)) {
                        return identity(proxy, method, args);
                    }
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("commit")) {
                        groupCommit.awaitDurable();
                    } else if (result instanceof Statement statement) {
                        return statement(connection, statement, method.getReturnType());
                    }
                    return result;
                });
    }

    // PreparedStatement and CallableStatement are Statements too: the proxy has the interface the caller asked for
    private Object statement(Connection connection, Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (isIdentity(method)) {
                return identity(proxy, method, args);
            }
            Object result = invoke(statement, method, args);
            boolean write = WRITES.contains(method.getName())
                    || method.getName().equals("execute") && Boolean.FALSE.equals(result);
            if (write && connection.getAutoCommit()) {
                groupCommit.awaitDurable();
            }
            return result;
        });
    }

    /** Closes the pool after the last group is written; the context calls it at its end, as it would the pool's. */
    @Override
    public void close() {
        groupCommit.close();
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                throw new IllegalStateException("The connection pool did not close", e);
            }
        }
    }

    // a proxy is equal only to itself: Spring tells a transaction's connection by it
    private static boolean isIdentity(Method method) {
        return method.getDeclaringClass() == Object.class
                && (method.getName().equals("equals") || method.getName().equals("hashCode"));
    }

    private static Object identity(Object proxy, Method method, Object[] args) {
        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
