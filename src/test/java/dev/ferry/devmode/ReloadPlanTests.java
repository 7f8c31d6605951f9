package dev.ferry.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadPlanTests {

    private static final String ROUTES = """
            # orders
            - route:
                id: consume
                routeConfigurationId: errors
                from:
                  uri: "jms:queue:orders"
                  steps:
                    - to: { uri: "direct:work" }
            - route:
                id: work
                from:
                  uri: "direct:work"
                  steps:
                    - to: { uri: "kamelet:erp-create-sales-order-action" }
                    - to: { uri: "rpa:book-freight" }
            - route:
                id: pull
                from:
                  uri: "quartz:ferry/pull"
                  steps:
                    - to: { uri: "kamelet:erp-create-sales-order-action-v2?pageSize=10" }
            - routeConfiguration:
                id: errors
            """;

    @TempDir
    Path home;

    @Test
    void aChangedStepReCreatesItsRouteAndTheRoutesThatCallItAndLeavesTheScheduleAlone() throws IOException {
        Map<String, RouteFiles.Item> before = write(ROUTES);
        Map<String, RouteFiles.Item> after = write(ROUTES.replace("- to: { uri: \"rpa:book-freight\" }",
                "- log: \"booked\""));

        ReloadPlan plan = ReloadPlan.of(before, after, Set.of("routes/flow.yaml"));

        assertThat(plan.remove()).as("work, and consume, which sends to it").containsExactly("consume", "work");
        assertThat(plan.add()).containsExactly("consume", "work");
        assertThat(plan.configurations()).isEmpty();
    }

    @Test
    void commentsAndLayoutChangeNothing() throws IOException {
        Map<String, RouteFiles.Item> before = write(ROUTES);
        Map<String, RouteFiles.Item> after = write(ROUTES.replace("# orders", "# the orders, again")
                .replace("{ uri: \"direct:work\" }", "\n                        uri: \"direct:work\""));

        assertThat(ReloadPlan.of(before, after, Set.of("routes/flow.yaml")).changesNothing()).isTrue();
    }

    @Test
    void aChangedKameletReCreatesTheRoutesThatUseItAndNoOther() throws IOException {
        Map<String, RouteFiles.Item> routes = write(ROUTES);

        ReloadPlan plan = ReloadPlan.of(routes, routes,
                Set.of("connectors/erp/erp-create-sales-order-action.kamelet.yaml"));

        assertThat(plan.kamelets()).containsExactly("erp-create-sales-order-action");
        assertThat(plan.add()).as("not pull, which uses the -v2 Kamelet").containsExactly("consume", "work");
    }

    @Test
    void aChangedBotReCreatesTheRoutesThatNameItAndAMappingNone() throws IOException {
        Map<String, RouteFiles.Item> routes = write(ROUTES);

        ReloadPlan plan = ReloadPlan.of(routes, routes,
                Set.of("rpa-bots/nordic-freight/book-freight.yaml", "connectors/erp/create-sales-order.jsonata"));

        assertThat(plan.bots()).containsExactly("book-freight");
        assertThat(plan.add()).containsExactly("consume", "work");
        assertThat(plan.mappingsChanged()).isTrue();
    }

    @Test
    void aChangedRouteConfigurationReCreatesTheRoutesThatOptIntoIt() throws IOException {
        Map<String, RouteFiles.Item> before = write(ROUTES);
        Map<String, RouteFiles.Item> after = write(ROUTES.replace("    id: errors", "    id: errors\n    precondition: \"true\""));

        ReloadPlan plan = ReloadPlan.of(before, after, Set.of("routes/flow.yaml"));

        assertThat(plan.configurations()).containsExactly("errors");
        assertThat(plan.add()).containsExactly("consume");
    }

    @Test
    void aRouteGoneFromTheFilesIsRemovedAndANewOneAdded() throws IOException {
        Map<String, RouteFiles.Item> before = write(ROUTES);
        Map<String, RouteFiles.Item> after = write(ROUTES.replace("id: pull", "id: pull-orders"));

        ReloadPlan plan = ReloadPlan.of(before, after, Set.of("routes/flow.yaml"));

        assertThat(plan.remove()).containsExactly("pull");
        assertThat(plan.add()).containsExactly("pull-orders");
    }

    @Test
    void beansChangeOnlyWithARestart() throws IOException {
        Map<String, RouteFiles.Item> before = write(ROUTES);
        Map<String, RouteFiles.Item> after = write(ROUTES + """
                - beans:
                    - name: extra
                      type: java.lang.StringBuilder
                """);

        ReloadPlan plan = ReloadPlan.of(before, after, Set.of("routes/flow.yaml"));

        assertThat(plan.restartOnly()).extracting(RouteFiles.Item::kind).containsExactly("beans");
    }

    private Map<String, RouteFiles.Item> write(String yaml) throws IOException {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/flow.yaml"), yaml);
        return RouteFiles.read(home);
    }
}
