package dev.ferry.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts {@link H2GroupCommit} between Ferry and an embedded H2 file (nothing changes on PostgreSQL, where every
 * commit is the server's to make durable, or on an in-memory H2): commits stay in memory for up to the write delay
 * set here, and each committer waits for the group write that holds its commit (ferry.h2.group-commit,
 * docs/operations.md#durability).
 */
@Component
class H2GroupCommitSetup implements BeanPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(H2GroupCommitSetup.class);
    // only a fallback: every commit through Ferry's data source is written by the group commit long before
    private static final int WRITE_DELAY_MILLIS = 1000;

    private boolean enabled;
    private boolean sync;

    @Override
    public void setEnvironment(Environment environment) {
        Binder binder = Binder.get(environment);
        enabled = binder.bind("ferry.h2.group-commit.enabled", Boolean.class).orElse(true);
        sync = binder.bind("ferry.h2.group-commit.sync", Boolean.class).orElse(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource pool) || !StoreMonitor.isLocalH2File(pool.getJdbcUrl())) {
            return bean;
        }
        // without group commit, each commit writes the file before it returns (WRITE_DELAY=0)
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY " + (enabled ? WRITE_DELAY_MILLIS : 0));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set H2's write delay: " + e.getMessage(), e);
        }
        if (!enabled) {
            return bean;
        }
        log.info("H2 file store: group commit{}", sync ? ", each group synced to the disk" : " (not synced)");
        return new GroupCommitDataSource(pool, new H2GroupCommit(pool, sync));
    }
}
