package dev.ferry.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The WireMock server of one simulated system: one stub per route, all answered by the system's dispatcher. */
final class SimulatedServer {

    private static final Logger log = LoggerFactory.getLogger(SimulatedServer.class);
    private static final String BIND_ADDRESS = "127.0.0.1";
    // low priority (high number): real routes win, everything else gets a JSON 404
    private static final int FALLBACK_PRIORITY = 100;
    // the journal stays on for tests, but a demo left running for days must not grow without bound
    private static final int MAX_JOURNAL_ENTRIES = 10_000;

    private final SandboxSystem system;
    private final WireMockServer server;
    private final Dispatcher dispatcher;
    private final List<Route> routes;

    SimulatedServer(SandboxSystem system, int port, Auth auth, List<Route> routes, ServerOptions options) {
        this.system = system;
        this.routes = List.copyOf(routes);
        this.dispatcher = new Dispatcher(system, auth, routes, options);
        this.server = new WireMockServer(wireMockOptions(port, options.requestJournal()).extensions(dispatcher));
    }

    void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The sandbox " + system.title() + " could not listen on "
                    + BIND_ADDRESS + ":" + server.getOptions().portNumber() + ": " + e.getMessage(), e);
        }
        routes.forEach(route -> server.stubFor(request(route.method(), urlPathTemplate(route.template()))
                .willReturn(aResponse().withTransformers(dispatcher.getName())
                        .withTransformerParameter(Dispatcher.ROUTE_PARAMETER, route.name()))));
        server.stubFor(any(anyUrl()).atPriority(FALLBACK_PRIORITY)
                .willReturn(aResponse().withTransformers(dispatcher.getName())));
    }

    void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    WireMockServer wireMock() {
        return server;
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    private static WireMockConfiguration wireMockOptions(int port, boolean requestJournal) {
        WireMockConfiguration options = wireMockConfig()
                .bindAddress(BIND_ADDRESS)
                .containerThreads(20)
                .jettyAcceptors(1)
                .templatingEnabled(false)
                .mappingSource(NO_FILES)
                .notifier(LOG);
        // off for load: a journal costs memory and time per request, and nothing but a test's findAll reads it
        options = requestJournal ? options.maxRequestJournalEntries(MAX_JOURNAL_ENTRIES)
                : options.disableRequestJournal();
        return port == 0 ? options.dynamicPort() : options.port(port);
    }

    // stubs come only from Java: WireMock would otherwise load any mappings/ folder in the working directory
    private static final MappingsSource NO_FILES = new MappingsSource() {
        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
        }

        @Override
        public void save(StubMapping stubMapping) {
        }

        @Override
        public void remove(StubMapping stubMapping) {
        }

        @Override
        public void removeAll() {
        }
    };

    // WireMock's own SLF4J is shaded and unbound in the standalone jar; route its notes into Ferry's log
    private static final Notifier LOG = new Notifier() {
        @Override
        public void info(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.warn(message, t);
        }
    };
}
