package dev.ferry.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.authoring.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ProcessorEndpoint;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reloader on a real Camel context, with routes, a Kamelet and a mapping in a temporary Ferry home. */
class ReloaderTests {

    private static final String FLOW = """
            - route:
                id: tick
                from:
                  uri: "timer:tick?repeatCount=1&delay=0"
                  steps:
                    - to: { uri: "mock:ticks" }
            - route:
                id: work
                from:
                  uri: "direct:work"
                  steps:
                    - setBody: { constant: "v1" }
            - route:
                id: call
                from:
                  uri: "direct:call"
                  steps:
                    - to: { uri: "kamelet:demo-action" }
            - route:
                id: bot
                from:
                  uri: "direct:bot"
                  steps:
                    - to: { uri: "rpa:demo-bot" }
            """;

    private static final String BOT = """
            name: demo-bot
            system: demo
            description: %s
            steps:
              - goto: /
            """;

    private static final String KAMELET = """
            apiVersion: camel.apache.org/v1
            kind: Kamelet
            metadata:
              name: demo-action
            spec:
              definition:
                title: Demo
                properties:
                  mapping:
                    title: Mapping
                    type: string
                    default: "file:%s"
              template:
                from:
                  uri: "kamelet:source"
                  steps:
                    - to:
                        uri: "jsonata:{{mapping}}"
                        parameters:
                          inputType: JsonString
                          outputType: JsonString
                    - setHeader: { name: kamelet, constant: "%s" }
            """;

    @TempDir
    Path home;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private ProducerTemplate producer;
    private Reloader reloader;

    @BeforeEach
    void startFerrysRoutes() throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.createDirectories(home.resolve("connectors/demo"));
        Files.createDirectories(home.resolve("rpa-bots/demo"));
        Files.createDirectories(home.resolve("config"));
        write("routes/flow.yaml", FLOW);
        write("connectors/demo/map.jsonata", "{ \"mapped\": name }");
        write("connectors/demo/demo-action.kamelet.yaml", kamelet("k1"));
        write("rpa-bots/demo/demo-bot.yaml", BOT.formatted("v1"));
        // as Ferry's rpa: component, which reads the bot's file when an endpoint is made
        camel.addComponent("rpa", new DefaultComponent() {
            @Override
            protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
                    throws IOException {
                String description = Files.readAllLines(home.resolve("rpa-bots/demo/" + remaining + ".yaml")).stream()
                        .filter(line -> line.startsWith("description:")).findFirst().orElseThrow();
                return new ProcessorEndpoint(uri, this, exchange -> exchange.getMessage().setBody(description));
            }
        });
        KameletComponent kamelets = new KameletComponent();
        kamelets.setLocation("file:" + home.resolve("connectors/demo"));
        camel.addComponent("kamelet", kamelets);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                "file:" + home.resolve("routes/flow.yaml")));
        camel.start();
        producer = camel.createProducerTemplate();
        reloader = new Reloader(home, camel, () -> new Validator(home, List.of(), Map.of()).mistakes(),
                Clock.systemUTC());
        reloader.remember();
        MockEndpoint.resolve(camel, "mock:ticks").expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(camel);
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void aChangedRouteIsLiveAndTheTimerOfAnotherRouteDoesNotFireAgain() throws Exception {
        write("routes/flow.yaml", FLOW.replace("constant: \"v1\"", "constant: \"v2\""));

        ReloadResult result = reload("routes/flow.yaml");

        assertThat(result.outcome()).as(result.toString()).isEqualTo("applied");
        assertThat(result.routes()).containsExactly("work");
        assertThat(producer.requestBody("direct:work", "", String.class)).isEqualTo("v2");
        assertThat(MockEndpoint.resolve(camel, "mock:ticks").getReceivedCounter())
                .as("the timer of the route left alone fired once, at the start").isEqualTo(1);
    }

    @Test
    void aBrokenChangeIsRefusedWithItsPlaceAndTheRoutesRunOnThenTheFixApplies() throws Exception {
        write("routes/flow.yaml", FLOW.replace("- setBody: { constant: \"v1\" }", "- setBodyy: { constant: \"v2\" }"));

        ReloadResult refused = reload("routes/flow.yaml");

        assertThat(refused.outcome()).isEqualTo("refused");
        assertThat(refused.mistakes()).singleElement().asString()
                .matches("routes/flow\\.yaml:\\d+:\\d+: unknown step or key 'setBodyy' \\(did you mean 'setBody'\\?\\).*");
        assertThat(producer.requestBody("direct:work", "", String.class)).isEqualTo("v1");

        write("routes/flow.yaml", FLOW.replace("constant: \"v1\"", "constant: \"v3\""));

        assertThat(reload("routes/flow.yaml").outcome()).isEqualTo("applied");
        assertThat(producer.requestBody("direct:work", "", String.class)).isEqualTo("v3");
    }

    @Test
    void aChangeCamelCannotStartLeavesThePreviousRoutesRunning() throws Exception {
        // valid to the check, but two consumers of direct:work cannot both start
        write("routes/flow.yaml", FLOW.replace("constant: \"v1\"", "constant: \"v2\"")
                .replace("uri: \"direct:call\"", "uri: \"direct:work\""));

        ReloadResult failed = reload("routes/flow.yaml");

        assertThat(failed.outcome()).isEqualTo("failed");
        assertThat(failed.mistakes()).singleElement().asString().startsWith("routes/flow.yaml:")
                .contains("previous ones run again");
        assertThat(producer.requestBody("direct:work", "", String.class)).isEqualTo("v1");
        assertThat(producer.requestBodyAndHeader("direct:call", "{\"name\": \"a\"}", "x", 1, String.class))
                .contains("\"mapped\":\"a\"");
    }

    @Test
    void aChangedKameletIsUsedByTheRoutesThatCallItAndItsOldRouteGoes() throws Exception {
        assertThat(producer.request("direct:call", e -> e.getIn().setBody("{\"name\": \"a\"}")).getMessage()
                .getHeader("kamelet")).isEqualTo("k1");
        List<String> before = routeIds();

        write("connectors/demo/demo-action.kamelet.yaml", kamelet("k2"));
        ReloadResult result = reload("connectors/demo/demo-action.kamelet.yaml");

        assertThat(result.outcome()).as(result.toString()).isEqualTo("applied");
        assertThat(result.routes()).containsExactly("call");
        assertThat(producer.request("direct:call", e -> e.getIn().setBody("{\"name\": \"a\"}")).getMessage()
                .getHeader("kamelet")).isEqualTo("k2");
        assertThat(routeIds()).as("one template-made route, as before").hasSameSizeAs(before);
    }

    @Test
    void aChangedRouteThatCallsAnUnchangedKameletLeavesNoSecondTemplateMadeRoute() throws Exception {
        List<String> before = routeIds();
        write("routes/flow.yaml", FLOW.replace("- to: { uri: \"kamelet:demo-action\" }",
                "- to: { uri: \"kamelet:demo-action\" }\n        - setHeader: { name: changed, constant: \"yes\" }"));

        assertThat(reload("routes/flow.yaml").routes()).containsExactly("call");

        var reply = producer.request("direct:call", e -> e.getIn().setBody("{\"name\": \"a\"}")).getMessage();
        assertThat(reply.getHeader("changed")).isEqualTo("yes");
        assertThat(reply.getBody(String.class)).contains("\"mapped\":\"a\"");
        assertThat(routeIds()).hasSameSizeAs(before);
    }

    @Test
    void aChangedMappingIsUsedAtTheNextMessage() throws Exception {
        assertThat(producer.requestBody("direct:call", "{\"name\": \"a\"}", String.class)).contains("\"mapped\":\"a\"");

        write("connectors/demo/map.jsonata", "{ \"renamed\": name }");
        assertThat(reload("connectors/demo/map.jsonata").outcome()).isEqualTo("applied");

        assertThat(producer.requestBody("direct:call", "{\"name\": \"a\"}", String.class)).contains("\"renamed\":\"a\"");
    }

    @Test
    void aChangedBotIsReadAgainByTheRoutesThatNameIt() throws Exception {
        assertThat(producer.requestBody("direct:bot", "", String.class)).isEqualTo("description: v1");

        write("rpa-bots/demo/demo-bot.yaml", BOT.formatted("v2"));
        ReloadResult result = reload("rpa-bots/demo/demo-bot.yaml");

        assertThat(result.outcome()).as(result.toString()).isEqualTo("applied");
        assertThat(result.routes()).containsExactly("bot");
        assertThat(producer.requestBody("direct:bot", "", String.class)).isEqualTo("description: v2");
    }

    private List<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).sorted().toList();
    }

    private ReloadResult reload(String file) {
        return reloader.reload(new Debounce.Batch(Set.of(home.resolve(file)), System.nanoTime()));
    }

    private String kamelet(String version) {
        return KAMELET.formatted(home.resolve("connectors/demo/map.jsonata"), version);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), text);
    }
}
