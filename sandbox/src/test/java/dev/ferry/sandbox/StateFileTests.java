package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTests {

    @TempDir
    Path dir;

    @Test
    void keepsLinesInTheOrderTheyWereAppended() {
        StateFile file = StateFile.in(dir.resolve("state"), "erp.jsonl");
        file.append(Json.object().put("n", 1));
        file.append(Json.object().put("n", 2));
        file.close();

        assertThat(StateFile.in(dir.resolve("state"), "erp.jsonl").load()).extracting(line -> line.path("n").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void aLineACrashCutShortIsDroppedAndTheNextOneStartsOnItsOwnLine() throws IOException {
        StateFile file = StateFile.in(dir, "erp.jsonl");
        file.append(Json.object().put("n", 1));
        file.close();
        Files.writeString(dir.resolve("erp.jsonl"), "{\"n\":2,\"reco", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        StateFile again = StateFile.in(dir, "erp.jsonl");
        assertThat(again.load()).extracting(line -> line.path("n").asInt()).containsExactly(1);
        again.append(Json.object().put("n", 3));
        again.close();

        assertThat(Files.readString(dir.resolve("erp.jsonl"))).isEqualTo("{\"n\":1}\n{\"n\":3}\n");
    }

    @Test
    void aWholeLineThatIsNotJsonIsNotSilentlyForgotten() throws IOException {
        Files.writeString(dir.resolve("erp.jsonl"), "{\"n\":1}\nnot json\n{\"n\":3}\n");

        assertThatThrownBy(() -> StateFile.in(dir, "erp.jsonl").load()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Line 2 of the sandbox state").hasMessageContaining("erp.jsonl");
    }

    @Test
    void clearForgetsEveryLine() {
        StateFile file = StateFile.in(dir, "erp.jsonl");
        file.append(Json.object().put("n", 1));
        file.clear();
        file.append(Json.object().put("n", 2));
        file.close();

        assertThat(StateFile.in(dir, "erp.jsonl").load()).extracting(JsonNode::toString).containsExactly("{\"n\":2}");
    }

    @Test
    void withoutADirectoryNothingIsKept() {
        StateFile file = StateFile.in(null, "erp.jsonl");
        file.append(Json.object().put("n", 1));

        assertThat(file.load()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }
}
