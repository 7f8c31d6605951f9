package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One version of a bot at a time: the API's list and a route's calls both run the file as it is now. */
class BotsTests {

    @TempDir
    Path home;

    private Path file;
    private Bots bots;

    @BeforeEach
    void writeABot() throws IOException {
        file = Files.createDirectories(home.resolve("rpa-bots/portal")).resolve("demo.yaml");
        write("Old description", Instant.parse("2026-01-01T00:00:00Z"));
        bots = new Bots(home.toString(), List.of());
    }

    @Test
    void aFileIsReadAgainOnlyWhenItChanged() throws IOException {
        Bot first = bots.load("demo");

        assertThat(bots.load("demo")).as("unchanged: the copy read before").isSameAs(first);
        assertThat(bots.list()).singleElement().satisfies(found -> assertThat(found.bot()).isSameAs(first));

        write("New description", Instant.parse("2026-01-01T00:00:01Z"));

        Bot changed = bots.load("demo");
        assertThat(changed.description()).isEqualTo("New description");
        assertThat(bots.list()).singleElement().satisfies(found -> assertThat(found.bot()).isSameAs(changed));
    }

    @Test
    void aRouteRunsTheVersionTheApiSeesAndABrokenFileFailsTheCallAsTheBotsError() throws Exception {
        BotRunner runner = mock(BotRunner.class);
        List<String> ran = new ArrayList<>();
        when(runner.run(any(Bot.class), any(JsonNode.class), eq(null))).thenAnswer(call -> {
            ran.add(call.<Bot>getArgument(0).description());
            return new ObjectMapper().createObjectNode();
        });
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            RpaComponent component = new RpaComponent(bots, runner, new ObjectMapper());
            component.setCamelContext(camel);
            Producer producer = component.createEndpoint("rpa:demo").createProducer();

            producer.process(exchange(camel));
            write("New description", Instant.parse("2026-01-01T00:00:01Z"));
            producer.process(exchange(camel));

            assertThat(ran).containsExactly("Old description", "New description");
            assertThat(bots.list()).singleElement().satisfies(found -> assertThat(found.bot().description())
                    .isEqualTo("New description"));

            Files.writeString(file, "name: demo\nsystem: portal\nsteps:\n  - clik: { text: Go }\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:02Z")));
            assertThatThrownBy(() -> producer.process(exchange(camel))).isInstanceOf(BotRunException.class)
                    .hasMessageStartingWith("The bot demo cannot be run: rpa-bots/portal/demo.yaml:4:5: unknown step"
                            + " 'clik'")
                    .satisfies(e -> assertThat(((BotRunException) e).code()).isEqualTo(BotFailure.BOT_ERROR));
        }
    }

    private static Exchange exchange(DefaultCamelContext camel) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("{}");
        return exchange;
    }

    /** A modification time of its own each time, as a coarse file system clock might not give one. */
    private void write(String description, Instant modified) throws IOException {
        Files.writeString(file, "name: demo\nsystem: portal\ndescription: " + description
                + "\nsteps:\n  - goto: /\n");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
