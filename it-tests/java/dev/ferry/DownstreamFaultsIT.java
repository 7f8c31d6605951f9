package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Network faults on the ERP's sales-order call are retried like any transient failure: the order
 * completes once the ERP answers again (exactly one sales order), or is flagged; nothing hangs.
 * The fault stubs outrank the sandbox's own route and match only the test's order.
 */
class DownstreamFaultsIT extends FerryIntegrationTest {

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK"})
    void aFaultOnceIsRetriedAndTheOrderCompletes(Fault fault) {
        String externalId = "FAULT-" + fault.name();
        failOnce(externalId, aResponse().withFault(fault));

        String id = accept(TestOrders.ordinary(externalId));

        assertRetriedThenCompleted(id);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetriedAndTheOrderCompletes() {
        // ferry.connectors.erp.read-timeout is 2s in these tests
        failOnce("FAULT-SLOW", aResponse().withStatus(201).withFixedDelay(4_000).withBody("{\"id\":\"SO-LATE\"}"));

        String id = accept(TestOrders.ordinary("FAULT-SLOW"));

        assertRetriedThenCompleted(id);
    }

    @Test
    void aFaultThatNeverClearsIsFlaggedWhenTheAttemptsRunOut() {
        sandbox.erp().server().stubFor(salesOrderOf("FAULT-FOREVER").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        JsonNode order = awaitStatus(accept(TestOrders.ordinary("FAULT-FOREVER")), "FLAGGED");

        List<JsonNode> failed = journal(order, "create-sales-order").stream()
                .filter(e -> "FAILED".equals(e.path("outcome").asText())).toList();
        assertThat(failed).singleElement().satisfies(e -> assertThat(e.path("detail").asText())
                .startsWith("RETRIES_EXHAUSTED:").contains("(5 attempts)").doesNotContain("Exception"));
    }

    private void failOnce(String externalId, ResponseDefinitionBuilder fault) {
        sandbox.erp().server().stubFor(salesOrderOf(externalId)
                .inScenario(externalId).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(fault));
    }

    private static MappingBuilder salesOrderOf(String externalId) {
        return WireMock.post(urlEqualTo("/api/sales-orders")).atPriority(1)
                .withRequestBody(containing("\"" + externalId + "\""));
    }

    private void assertRetriedThenCompleted(String id) {
        JsonNode order = awaitStatus(id, "COMPLETED");

        assertThat(journal(order, "create-sales-order")).extracting(e -> e.path("outcome").asText())
                .containsExactly("RETRY", "OK");
        assertThat(Downstream.salesOrders(sandbox, id)).hasSize(1);
        assertThat(order.path("refs").path("erpOrderId").asText()).startsWith("SO-0");
    }
}
