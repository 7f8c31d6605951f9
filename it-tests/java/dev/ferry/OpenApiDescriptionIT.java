package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(description).startsWith("openapi: 3.1.0");
        assertThat(description).as("docs/openapi.yaml is what /v3/api-docs.yaml serves (-Dferry.docs.write=true "
                + "writes it)").isEqualTo(Files.readString(file));
    }

    @Test
    void theDescriptionIsForKeysWithARoleAndPeopleSignedInNotForAnyone() {
        SecurityIT.Session reviewer = SecurityIT.Session.signIn(this, "reviewer", "reviewer", "192.0.2.41");
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config")) {
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri(path)).GET().build());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(anonymous.body()).doesNotContain("/api/orders");
            HttpResponse<String> unknownKey = send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer not-a-key").GET().build());
            assertThat(unknownKey.statusCode()).as(path).isEqualTo(401);
            assertThat(reviewer.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + INTAKE_KEY).GET()
                    .build()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(read(reviewer.get("/v3/api-docs").body()).path("openapi").asText()).isEqualTo("3.1.0");
    }
}
