package dev.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class H2HousekeepingTests {

    @TempDir
    Path dir;

    @Test
    void rewritesHalfEmptyChunksOfAFileDatabaseOpenedWithoutWriteDelay() {
        try (HikariDataSource database = pool("jdbc:h2:file:" + dir.resolve("ferry") + ";WRITE_DELAY=0")) {
            JdbcClient jdbc = JdbcClient.create(database);
            // old chunks are freed at once instead of after H2's 45 s, so the test sees the file's fill rate move
            jdbc.sql("SET RETENTION_TIME 0").update();
            jdbc.sql("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR)").update();
            String payload = "x".repeat(500);
            for (int i = 0; i < 2_000; i++) {
                jdbc.sql("INSERT INTO t VALUES (?, ?)").params(i, payload).update();
            }
            // one commit per update, scattered over the table: each leaves an old page behind in an older chunk
            for (int i = 0; i < 4_000; i++) {
                jdbc.sql("UPDATE t SET payload = ? WHERE id = ?").params(payload + i, (i * 7919) % 2_000).update();
            }
            H2Housekeeping housekeeping = new H2Housekeeping(database, Duration.ofSeconds(2), 80, 4 * 1024 * 1024);
            MVStore store = housekeeping.store().orElseThrow();
            int before = store.getFileStore().getChunksFillRate();

            // the rewritten chunks' old copies are dropped at the next commit, as while Ferry runs
            for (int round = 0; round < 3; round++) {
                housekeeping.compact();
                jdbc.sql("UPDATE t SET payload = ? WHERE id = 0").param(payload).update();
            }

            int after = store.getFileStore().getChunksFillRate();
            assertThat(before).as("chunk fill rate before").isLessThan(50);
            assertThat(after).as("chunk fill rate after housekeeping (before: %d %%)", before).isGreaterThanOrEqualTo(80);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM t").query(Long.class).single()).isEqualTo(2_000);
        }
    }

    @Test
    void leavesAnythingButAnH2FileAlone() {
        try (HikariDataSource database = pool("jdbc:h2:mem:housekeeping")) {
            H2Housekeeping housekeeping = new H2Housekeeping(database, Duration.ofSeconds(2), 80, 4 * 1024 * 1024);
            assertThat(housekeeping.store()).isEmpty();
            housekeeping.start();
            assertThat(housekeeping.isRunning()).isFalse();
        }
    }

    @Test
    void startsAndStopsItsThreadForAnH2File() {
        try (HikariDataSource database = pool("jdbc:h2:file:" + dir.resolve("other") + ";WRITE_DELAY=0")) {
            H2Housekeeping housekeeping = new H2Housekeeping(database, Duration.ofMillis(50), 80, 4 * 1024 * 1024);
            housekeeping.start();
            assertThat(housekeeping.isRunning()).isTrue();
            housekeeping.stop();
            assertThat(housekeeping.isRunning()).isFalse();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(url);
        database.setUsername("ferry");
        database.setMaximumPoolSize(2);
        return database;
    }
}
