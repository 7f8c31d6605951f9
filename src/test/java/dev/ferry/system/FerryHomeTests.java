package dev.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FerryHomeTests {

    @TempDir
    Path dir;

    private Path home(String... folders) throws IOException {
        for (String folder : folders) {
            Files.createDirectories(dir.resolve(folder));
        }
        return dir;
    }

    @Test
    void resolvesTheHomeFromTheCommandLine() {
        FerryHome home = FerryHome.resolve(new String[] {"--spring.profiles.active=sandbox", "--ferry.home=" + dir}, Map.of());

        assertThat(home.path()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void resolvesTheHomeFromTheEnvironment() {
        FerryHome home = FerryHome.resolve(new String[0], Map.of("FERRY_HOME", dir.toString()));

        assertThat(home.path()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        FerryHome home = FerryHome.resolve(new String[] {"--ferry.home=" + dir}, Map.of("FERRY_HOME", "/elsewhere"));

        assertThat(home.path()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void defaultsToTheWorkingDirectory() {
        FerryHome home = FerryHome.resolve(new String[0], Map.of());

        assertThat(home.path()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void aRelativeHomeBecomesAbsolute() {
        FerryHome home = FerryHome.resolve(new String[] {"--ferry.home=./install/../ferry"}, Map.of());

        assertThat(home.path()).isEqualTo(Path.of("ferry").toAbsolutePath());
    }

    @Test
    void aHomeWithAllItsFoldersHasNoProblem() throws IOException {
        FerryHome home = new FerryHome(home("config", "routes", "connectors", "rpa-bots"));

        assertThat(home.problem()).isNull();
    }

    @Test
    void aMissingFolderIsNamedByItsAbsolutePathInOneLine() throws IOException {
        FerryHome home = new FerryHome(home("config", "routes", "rpa-bots"));

        assertThat(home.problem())
                .contains(dir.resolve("connectors").toAbsolutePath().toString())
                .doesNotContain("\n");
    }

    @Test
    void aFileInPlaceOfAFolderIsAProblem() throws IOException {
        home("config", "routes", "connectors");
        Files.writeString(dir.resolve("rpa-bots"), "not a folder");

        assertThat(new FerryHome(dir).problem()).contains(dir.resolve("rpa-bots").toString());
    }
}
