package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Camel finds the Kamelets of every folder of connectors/, unless config/ names the folders itself. */
class ConnectorFoldersTests {

    @TempDir
    Path home;

    @Test
    void everyFolderOfConnectorsIsALocationInNameOrder() throws IOException {
        Files.createDirectories(home.resolve("connectors/tax"));
        Files.createDirectories(home.resolve("connectors/crm"));
        Files.writeString(home.resolve("connectors/README.md"), "not a folder");
        MockEnvironment environment = new MockEnvironment().withProperty("ferry.home", home.toString());

        new ConnectorFolders().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ConnectorFolders.LOCATION)).isEqualTo(
                "file:" + home.resolve("connectors/crm") + ",file:" + home.resolve("connectors/tax"));
    }

    @Test
    void aLocationSetInConfigWins() throws IOException {
        Files.createDirectories(home.resolve("connectors/crm"));
        MockEnvironment environment = new MockEnvironment().withProperty("ferry.home", home.toString())
                .withProperty(ConnectorFolders.LOCATION, "file:/elsewhere");

        new ConnectorFolders().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ConnectorFolders.LOCATION)).isEqualTo("file:/elsewhere");
    }
}
