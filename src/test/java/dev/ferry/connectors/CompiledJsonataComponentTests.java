package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledJsonataComponentTests {

    @TempDir
    Path dir;

    private final CamelContext camel = new DefaultCamelContext();
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        camel.addComponent("jsonata", new CompiledJsonataComponent());
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private String map(Path mapping, Object body) {
        return map("jsonata:file:" + mapping + "?inputType=Jackson&outputType=JsonString", body);
    }

    private String map(String uri, Object body) {
        return producer.requestBody(uri, body, String.class);
    }

    @Test
    void mapsTheOrderDocumentAsCamelsEndpointDoes() throws Exception {
        Path mapping = Files.writeString(dir.resolve("sales-order.jsonata"),
                "{ \"reference\": orderId, \"lines\": [lines.{ \"sku\": sku, \"unitPrice\": $string(unitPrice) }] }");
        var order = new ObjectMapper().readTree("""
                { "orderId": "ord-1", "lines": [ { "sku": "SKU-RED-MUG", "unitPrice": 12.50 } ] }""");

        assertThat(map(mapping, order)).isEqualTo("{\"reference\":\"ord-1\",\"lines\":[{\"sku\":\"SKU-RED-MUG\",\"unitPrice\":\"12.5\"}]}");
        // the second message reuses the parsed mapping and still sees its own input
        var other = new ObjectMapper().readTree("{ \"orderId\": \"ord-2\", \"lines\": [] }");
        assertThat(map(mapping, other)).isEqualTo("{\"reference\":\"ord-2\",\"lines\":[]}");
    }

    @Test
    void withoutAContentCacheAnEditedMappingTakesEffectWithoutARestart() throws Exception {
        Path mapping = Files.writeString(dir.resolve("invoice.jsonata"), "{ \"ref\": orderId }");
        String uri = "jsonata:file:" + mapping + "?contentCache=false&inputType=Jackson&outputType=JsonString";
        var order = new ObjectMapper().readTree("{ \"orderId\": \"ord-1\" }");
        assertThat(map(uri, order)).isEqualTo("{\"ref\":\"ord-1\"}");

        Files.writeString(mapping, "{ \"reference\": orderId }");

        assertThat(map(uri, order)).isEqualTo("{\"reference\":\"ord-1\"}");
    }
}
