package dev.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class H2GroupCommitTests {

    @TempDir
    Path dir;

    private HikariDataSource pool;
    private H2GroupCommit groupCommit;
    private GroupCommitDataSource durable;
    private MVStore store;

    @BeforeEach
    void open() {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("ferry"));
        pool.setUsername("ferry");
        pool.setMaximumPoolSize(20);
        JdbcClient.create(pool).sql("SET WRITE_DELAY 1000").update();
        JdbcClient.create(pool).sql("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR)").update();
        groupCommit = new H2GroupCommit(pool, true);
        durable = new GroupCommitDataSource(pool, groupCommit);
        store = new H2Housekeeping(pool, Duration.ofSeconds(2), 80, 1).store().orElseThrow();
    }

    @AfterEach
    void close() {
        durable.close();
    }

    @Test
    void aWriteOutsideATransactionIsInTheFileWhenItReturns() {
        JdbcClient.create(pool).sql("INSERT INTO t VALUES (1, 'kept in memory')").update();
        assertThat(store.hasUnsavedChanges()).as("a commit of the pool's own: H2 keeps it for its write delay").isTrue();

        JdbcClient.create(durable).sql("INSERT INTO t VALUES (2, 'written')").update();

        assertThat(store.hasUnsavedChanges()).as("after a write through the group commit").isFalse();
    }

    @Test
    void aTransactionIsInTheFileWhenItsCommitReturns() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(durable));
        long before = groupCommit.writes();

        tx.executeWithoutResult(status -> {
            JdbcClient.create(durable).sql("INSERT INTO t VALUES (1, 'a')").update();
            JdbcClient.create(durable).sql("INSERT INTO t VALUES (2, 'b')").update();
            assertThat(groupCommit.writes()).as("statements inside the transaction wait for nothing").isEqualTo(before);
        });

        assertThat(store.hasUnsavedChanges()).isFalse();
        assertThat(groupCommit.writes()).isEqualTo(before + 1);
    }

    @Test
    void concurrentCommitsShareWrites() throws Exception {
        int threads = 16;
        int each = 50;
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * each;
                done.add(writers.submit(() -> {
                    for (int i = first; i < first + each; i++) {
                        JdbcClient.create(durable).sql("INSERT INTO t VALUES (?, 'x')").param(i).update();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(JdbcClient.create(pool).sql("SELECT COUNT(*) FROM t").query(Long.class).single())
                .isEqualTo(threads * each);
        assertThat(store.hasUnsavedChanges()).isFalse();
        // 800 commits, each waiting for a write of its own group: fewer writes than commits
        assertThat(groupCommit.writes()).isLessThan(threads * each);
    }
}
