package dev.ferry.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFilesTests {

    @TempDir
    Path folder;

    @Test
    void aRouteTestReadsBackAsItWasWrittenAndAnEditedCountryStaysText() throws IOException {
        Recording written = RecorderTests.completed();
        Path file = folder.resolve("webshop-E-1.yaml");
        RecordingFiles.write(file, written, "# a route test\n");
        Files.writeString(file, Files.readString(file).replace("country: PT", "country: NO"));

        Recording read = RecordingFiles.read(file);

        assertThat(read.payload().path("shipTo").path("country").asText()).isEqualTo("NO");
        assertThat(read.payload().path("lines").get(0).path("unitPrice").isTextual()).isTrue();
        assertThat(read.answers()).isEqualTo(written.answers());
        assertThat(read.expect()).isEqualTo(written.expect());
    }

    @Test
    void aBrokenFileIsNamedWithItsLineAndColumn() throws IOException {
        Path file = folder.resolve("broken.yaml");
        Files.writeString(file, "order: O-1\npayload:\n  a: 1\n b: 2\n");

        assertThatThrownBy(() -> RecordingFiles.read(List.of(folder))).isInstanceOf(RecordingFiles.BadFile.class)
                .hasMessageStartingWith(file + ":4:2: not valid YAML: ");
    }

    @Test
    void aFileThatIsNoRouteTestSaysWhatIsMissing() throws IOException {
        Path file = folder.resolve("other.yaml");
        Files.writeString(file, "order: O-1\n");

        assertThatThrownBy(() -> RecordingFiles.read(file)).isInstanceOf(RecordingFiles.BadFile.class)
                .hasMessage(file + ": a route test needs a payload: and an expect: (made by ferry route-test)");
    }
}
