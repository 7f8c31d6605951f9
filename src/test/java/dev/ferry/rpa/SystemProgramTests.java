package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemProgramTests {

    @Test
    void aConfiguredPathWinsAndMustBeExecutable(@TempDir Path dir) throws Exception {
        Path browser = Files.createFile(dir.resolve("my-chrome"));
        assertThat(SystemProgram.CHROMIUM.find(browser.toString(), "")).isEmpty();

        browser.toFile().setExecutable(true);

        assertThat(SystemProgram.CHROMIUM.find(browser.toString(), "")).contains(browser);
    }

    @Test
    void withoutTheUsualPlaceANameOnThePathIsTakenInTheOrderOfTheNames(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Files.createFile(first.resolve("nodejs")).toFile().setExecutable(true);
        Files.createFile(second.resolve("node")).toFile().setExecutable(true);
        Files.createFile(first.resolve("node")); // not executable: passed over
        SystemProgram node = new SystemProgram("missing", dir.resolve("nowhere"), List.of("node", "nodejs"));

        assertThat(node.find("", first + java.io.File.pathSeparator + second)).contains(second.resolve("node"));
        assertThat(node.find(null, first.toString())).contains(first.resolve("nodejs"));
        assertThat(node.find(null, dir.resolve("empty").toString())).isEmpty();
    }

    @Test
    void theMessagesSayHowToInstallEach() {
        assertThat(SystemProgram.CHROMIUM.missing()).contains("apt-get install -y chromium")
                .contains("ferry.rpa.chromium");
        assertThat(SystemProgram.NODE.missing()).contains("apt-get install -y nodejs").contains("ferry.rpa.node");
    }
}
