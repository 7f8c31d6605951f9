package dev.ferry.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/** What every simulated system offers a test: its WireMock server (for journal assertions) and its URL. */
public abstract class SimulatedApi {

    private final SandboxSystem system;
    private final int port;
    private final Auth auth;
    private SimulatedServer server;

    SimulatedApi(SandboxSystem system, int port, Auth auth) {
        this.system = system;
        this.port = port;
        this.auth = auth;
    }

    /** The system's endpoints; called once, at start, because handlers are the subclass's own methods. */
    abstract List<Route> routes();

    /** Forgets every record and every idempotency key, in memory and in the state file. */
    abstract void clearRecords();

    /** Closes the state file; the records stay in it for the next start. */
    abstract void closeRecords();

    public SandboxSystem system() {
        return system;
    }

    /**
     * The running WireMock server, e.g. for {@code server().findAll(postRequestedFor(...))}. Finding and verifying
     * requests needs the request journal ({@code ferry.sandbox.request-journal: true}, the default); with it off
     * WireMock throws {@code RequestJournalDisabledException}. The records ({@code salesOrderRecords()} ...) and
     * {@code GET /stats} do not need it.
     */
    public WireMockServer server() {
        return started().wireMock();
    }

    /** {@code http://localhost:<port>}, the value the connectors' {@code base-url} expects. */
    public String baseUrl() {
        return started().baseUrl();
    }

    public int port() {
        return server().port();
    }

    synchronized void start(ServerOptions options) {
        if (server == null) {
            server = new SimulatedServer(system, port, auth, routes(), options);
        }
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop();
        }
        closeRecords();
    }

    void reset() {
        clearRecords();
        // a no-op when the journal is off
        server().resetRequests();
    }

    private synchronized SimulatedServer started() {
        if (server == null) {
            throw new IllegalStateException("The sandbox " + system.title() + " has not been started");
        }
        return server;
    }
}
