package dev.ferry.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3.1 description, served at /v3/api-docs by springdoc and committed as docs/openapi.yaml
 * (docs/api.md#openapi). springdoc reads the controllers; the customizers add what it cannot see: the order's
 * JSON Schema, every problem+json answer with its type, and the roles each operation needs.
 */
@Configuration
class ApiDocsConfiguration {

    static final String API_KEY = "apiKey";
    static final String SESSION = "session";

    @Bean
    OpenAPI ferryApi() {
        return new OpenAPI()
                .info(new Info().title("Ferry API").version("1")
                        .description("Orders in, their progress out; the review inbox, the bots and the schedules. "
                                + "Every error is RFC 9457 problem+json whose `type` names the problem. "
                                + "The prose contract is docs/api.md, docs/inbox.md and docs/schedules.md."))
                // a fixed server, not the one springdoc would take from each request: the description must not
                // depend on the address it was read at (OpenApiDescriptionIT compares it with docs/openapi.yaml)
                .servers(List.of(new Server().url("http://localhost:8080")
                        .description("the sandbox (./mvnw spring-boot:run); use your Ferry's address")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key, `Authorization: Bearer <api-key>`. Keys are configured under "
                                        + "ferry.security.api-keys with roles: INTAKE posts orders of the key's sources "
                                        + "and reads them; REVIEWER works the inbox and reads every order, bot and "
                                        + "schedule; ADMIN may do everything, also start bots and schedules; METRICS "
                                        + "reads /actuator/prometheus. Sandbox keys: ferry-sandbox-key (INTAKE), "
                                        + "ferry-sandbox-ops-key (all four)."))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session of a person signed in to the pages at /login (roles REVIEWER, "
                                        + "ADMIN). Anything but GET also needs the CSRF token as X-CSRF-TOKEN. "
                                        + "Sessions never post orders.")));
    }

    @Bean
    OpenApiCustomizer orderSchema() {
        return new OrderSchema();
    }

    @Bean
    OpenApiCustomizer operationAnswers() {
        return new OperationAnswers();
    }
}
