package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The description Ferry serves is docs/openapi.yaml, the committed copy, so a diff shows every change of the API.
 * After a change of the API, {@code -Dferry.docs.write=true} writes the served one to the file (docs/api.md#openapi).
 */
class OpenApiDescriptionIT extends FerryIntegrationTest {

    static final Path COMMITTED = Path.of("docs", "openapi.yaml");

    @Test
    void theServedDescriptionIsTheCommittedOne() throws IOException {
        HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/v3/api-docs.yaml"))
                .header("Authorization", "Bearer " + INTAKE_KEY).GET().build());
        assertThat(served.statusCode()).isEqualTo(200);
        String description = served.body().endsWith("\n") ? served.body() : served.body() + "\n";
        Path file = projectDir().resolve(COMMITTED);
        if (Boolean.getBoolean("ferry.docs.write")) {
            Files.writeString(file, description);
        }
        assertThat(description).as("docs/openapi.yaml is what /v3/api-docs.yaml serves (-Dferry.docs.write=true "
                + "writes it)").isEqualTo(Files.readString(file));
    }
}
