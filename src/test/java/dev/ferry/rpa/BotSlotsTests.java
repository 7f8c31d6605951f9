package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The bot slots on H2, in a file database opened the way Ferry opens its own (config/application.yaml). */
class BotSlotsTests extends BotSlotsScenarios {

    @TempDir
    static Path dir;

    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = pool("jdbc:h2:file:" + dir.resolve("ferry") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000", "ferry");
        assertThat(migrate(database)).extracting(m -> m.getVersion().getVersion()).contains("10");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    HikariDataSource database() {
        return database;
    }
}
