package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot slots on PostgreSQL, in a database of this run's own ({@code ferry_botslots_<random>}, dropped
 * afterwards) on 127.0.0.1:5432 ({@code FERRY_TEST_PG_SERVER} to move it) with trust authentication (user
 * {@code FERRY_TEST_PG_USER}, else
 * {@code postgres}, else {@code root}). Every migration runs there first. With {@code CI} set, a PostgreSQL
 * that cannot be reached fails the build; elsewhere these tests are skipped, saying what to install.
 */
class BotSlotsPostgresIT extends BotSlotsScenarios {

    private static final String HOST_PORT = System.getenv().getOrDefault("FERRY_TEST_PG_SERVER", "127.0.0.1:5432");
    private static final String SERVER = "jdbc:postgresql://" + HOST_PORT + "/";

    private static String user;
    private static String name;
    private static HikariDataSource database;
    private static List<MigrationInfo> migrations;
    /** Why these tests are skipped: no PostgreSQL, outside CI. */
    private static String skipped;

    @BeforeAll
    static void createDatabase() throws SQLException {
        user = reachableUser();
        if (user == null) {
            return;
        }
        name = "ferry_botslots_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", user, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        database = pool(SERVER + name, user);
        migrations = migrate(database);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
        if (name != null) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", user, "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    // each test says why it is skipped: Surefire shows no reason for a class skipped in @BeforeAll
    @BeforeEach
    void needsPostgresql() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    @Override
    HikariDataSource database() {
        return database;
    }

    @Test
    void everyMigrationRunsOnPostgresqlUpToTheBotSlots() {
        assertThat(migrations).allSatisfy(m -> assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS));
        assertThat(migrations).extracting(m -> m.getVersion().getVersion()).startsWith("1").contains("10");
    }

    /** The first user PostgreSQL lets in; null when none does (and a failure under CI). */
    private static String reachableUser() {
        List<String> users = new ArrayList<>();
        String configured = System.getenv("FERRY_TEST_PG_USER");
        if (configured != null && !configured.isBlank()) {
            users.add(configured);
        }
        users.addAll(List.of("postgres", "root"));
        List<String> refused = new ArrayList<>();
        for (String candidate : users) {
            try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                refused.add(candidate + ": " + e.getMessage());
            }
        }
        String why = "PostgreSQL at " + HOST_PORT + " could not be reached with trust authentication (" + refused
                + "). Install and start it (apt-get install -y postgresql; trust for 127.0.0.1 in pg_hba.conf), "
                + "or set FERRY_TEST_PG_SERVER (host:port) and FERRY_TEST_PG_USER to one that trusts you.";
        if (System.getenv("CI") != null) {
            fail("CI is set, so the PostgreSQL tests must run: " + why);
        }
        skipped = "Skipped: " + why;
        System.err.println(BotSlotsPostgresIT.class.getSimpleName() + ": " + skipped);
        return null;
    }
}
