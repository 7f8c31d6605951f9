package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The one Spring test of the package: the bean listens on the very ports the connectors' URLs are built from. */
class SandboxConfigurationTests {

    private static SpringApplicationBuilder application(String enabled) {
        return new SpringApplicationBuilder(SandboxConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.location=optional:file:./no-config-here/",
                        "spring.main.banner-mode=off",
                        "ferry.sandbox.enabled=" + enabled,
                        "ferry.sandbox.erp.port=0",
                        "ferry.connectors.erp.base-url=http://localhost:${ferry.sandbox.erp.port}",
                        "ferry.connectors.freight-portal.base-url=http://localhost:${ferry.sandbox.portal.port}");
    }

    @Test
    void startsTheSystemsOnThePortsTheConnectorsAreGiven() throws Exception {
        SandboxSystems systems;
        String portalUrl;
        try (ConfigurableApplicationContext context = application("true").run()) {
            systems = context.getBean(SandboxSystems.class);

            assertThat(context.getEnvironment().getProperty("ferry.connectors.erp.base-url"))
                    .isEqualTo(systems.erp().baseUrl());
            assertThat(systems.erp().server().isRunning()).isTrue();
            assertThat(context.getEnvironment().getProperty("ferry.connectors.freight-portal.base-url"))
                    .isEqualTo(systems.portal().baseUrl());
            portalUrl = systems.portal().baseUrl();
            assertThat(get(portalUrl + "/login")).isEqualTo(200);
        }
        assertThat(systems.erp().server().isRunning()).isFalse();
        assertThatThrownBy(() -> get(portalUrl + "/login")).isInstanceOf(IOException.class);
    }

    private static int get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startsNothingOutsideTheSandbox() {
        try (ConfigurableApplicationContext context = application("false").run()) {
            assertThat(context.getBeanNamesForType(SandboxSystems.class)).isEmpty();
        }
    }
}
