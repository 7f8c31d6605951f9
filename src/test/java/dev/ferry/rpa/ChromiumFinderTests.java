package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumFinderTests {

    @Test
    void aConfiguredPathWinsAndMustBeExecutable(@TempDir Path dir) throws Exception {
        Path browser = Files.createFile(dir.resolve("my-chrome"));
        assertThat(ChromiumFinder.find(browser.toString(), "")).isEmpty();

        browser.toFile().setExecutable(true);

        assertThat(ChromiumFinder.find(browser.toString(), "")).contains(browser);
    }

    @Test
    void theMessageSaysHowToInstallOne() {
        assertThat(ChromiumFinder.MISSING).contains("apt-get install -y chromium").contains("ferry.rpa.chromium");
    }
}
