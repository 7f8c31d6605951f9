package dev.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;

class DataDirTests {

    @TempDir
    Path dir;

    @Test
    void aWritableDirectoryHasNoProblemAndTheCheckLeavesNothingBehind() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("broker").resolve("journal"));
        Files.writeString(data.resolve("broker").resolve("journal").resolve("activemq-data-1.amq"), "x");

        assertThat(DataDir.problem(data)).isNull();
        assertThat(DataDir.problem(dir.resolve("fresh").resolve("data"))).isNull();
        assertThat(dir.resolve("fresh")).doesNotExist();
        // the probe file is gone again
        assertThat(data.resolve(".ferry-write-check")).doesNotExist();
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "not a directory");

        String problem = DataDir.problem(file.resolve("inside"));

        assertThat(problem).startsWith("the data directory " + file.resolve("inside") + " does not exist and cannot be made")
                .doesNotContain("\n");
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "not a directory");

        assertThat(DataDir.problem(file)).isEqualTo("the data directory " + file + " is not a directory");
    }

    @Test
    void storeFailuresAreToldApartFromOtherErrors() {
        SQLException closed = new JdbcSQLNonTransientConnectionException("The database has been closed", null, "90098",
                ErrorCode.DATABASE_IS_CLOSED, null, null);
        SQLException readOnly = new SQLException("read only", "90097", ErrorCode.DATABASE_IS_READ_ONLY);

        assertThat(StoreUnavailable.causedBy(new DataAccessResourceFailureException("closed", closed))).isTrue();
        assertThat(StoreUnavailable.causedBy(new IllegalStateException(readOnly))).isTrue();
        assertThat(StoreUnavailable.causedBy(new BadSqlGrammarException("q", "SELECT x", new SQLException("no", "42S02", 42102))))
                .isFalse();
        assertThat(StoreUnavailable.causedBy(new IllegalArgumentException("a bug"))).isFalse();
    }
}
