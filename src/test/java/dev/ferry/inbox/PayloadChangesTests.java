package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadChangesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangedLeafIsNamedByItsPointer() {
        assertThat(PayloadChanges.between(json("{'shipTo':{'postalCode':'00000','city':'Lisboa'}}"),
                json("{'shipTo':{'postalCode':'1100-048','city':'Lisboa'}}")))
                .containsExactly("/shipTo/postalCode");
    }

    @Test
    void addedRemovedAndArrayFieldsAreNamed() {
        JsonNode before = json("{'a':1,'lines':[{'q':1},{'q':2}]}");
        JsonNode after = json("{'b':1,'lines':[{'q':5}]}");

        assertThat(PayloadChanges.between(before, after)).containsExactly("/a", "/lines/0/q", "/lines/1", "/b");
    }

    @Test
    void theSameNumberWrittenDifferentlyIsNoChange() {
        assertThat(PayloadChanges.between(json("{'price':12.5}"), json("{'price':12.50}"))).isEmpty();
    }

    @Test
    void namesWithSlashOrTildeAreEscaped() {
        assertThat(PayloadChanges.between(json("{'a/b~c':1}"), json("{'a/b~c':2}"))).containsExactly("/a~1b~0c");
    }

    @Test
    void theSummaryListsTheFirstFiveAndCountsTheRest() {
        assertThat(PayloadChanges.summary(List.of("/a", "/b", "/c", "/d", "/e", "/f", "/g")))
                .isEqualTo("/a, /b, /c, /d, /e and 2 more");
        assertThat(PayloadChanges.summary(List.of("/shipTo/postalCode"))).isEqualTo("/shipTo/postalCode");
        assertThat(PayloadChanges.summary(List.of())).isEqualTo("no fields changed");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
