package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.sandbox.portal.Consignment;
import dev.ferry.sandbox.portal.PortalActivity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the systems of a sandbox-only process hold, over HTTP on one loopback port, for a test or an
 * operator in another process: {@code GET /records/{crm-updates|sales-orders|invoices|shipments|consignments}},
 * {@code GET /portal/activity}, {@code GET /stats} (requests per system, injected faults per kind),
 * {@code POST /reset}. No credentials: it binds 127.0.0.1 and only ever holds simulated data.
 */
final class SandboxControl {

    private static final Logger log = LoggerFactory.getLogger(SandboxControl.class);

    private final SandboxSystems systems;
    private final HttpServer server;

    private SandboxControl(SandboxSystems systems, HttpServer server) {
        this.systems = systems;
        this.server = server;
    }

    static SandboxControl start(SandboxSystems systems, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            SandboxControl control = new SandboxControl(systems, server);
            server.createContext("/", control::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            log.info("Sandbox control listening on http://localhost:{}", server.getAddress().getPort());
            return control;
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox control port " + port + " cannot be opened: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.startsWith("/records/")) {
                List<JsonNode> records = records(path.substring("/records/".length()));
                if (records == null) {
                    reply(exchange, 404, error("No records named " + path + "; ask for /records/crm-updates,"
                            + " sales-orders, invoices, shipments or consignments."));
                    return;
                }
                reply(exchange, 200, Json.array().addAll(records));
            } else if (method.equals("GET") && path.equals("/portal/activity")) {
                reply(exchange, 200, activity(systems.portal().activity()));
            } else if (method.equals("GET") && path.equals("/stats")) {
                reply(exchange, 200, stats(systems.stats()));
            } else if (method.equals("POST") && path.equals("/reset")) {
                systems.reset();
                reply(exchange, 200, Json.object().put("reset", true));
            } else {
                reply(exchange, 404, error("Unknown: " + method + " " + path + "; the control port answers GET"
                        + " /records/{name}, GET /portal/activity, GET /stats and POST /reset."));
            }
        }
    }

    private List<JsonNode> records(String name) {
        return switch (name) {
            case "crm-updates" -> systems.crm().orderUpdates();
            case "sales-orders" -> systems.erp().salesOrderRecords();
            case "invoices" -> systems.accounting().invoiceRecords();
            case "shipments" -> systems.shipping().shipmentRecords();
            case "consignments" -> systems.portal().consignments().stream().map(SandboxControl::consignment).toList();
            default -> null;
        };
    }

    private static JsonNode consignment(Consignment consignment) {
        return Json.object().put("number", consignment.number()).put("reference", consignment.reference());
    }

    private static ObjectNode activity(PortalActivity activity) {
        return Json.object()
                .put("requests", activity.requests())
                .put("maxRequestsInFlight", activity.maxRequestsInFlight())
                .put("sessionsInFlight", activity.sessionsInFlight())
                .put("maxSessionsInFlight", activity.maxSessionsInFlight())
                .put("loggedInSessions", activity.loggedInSessions());
    }

    /** {@code {"requests":{"crm":n,"erp":n,"accounting":n,"shipping":n},"faults":{"503":n,"429":n,"reset":n}}} */
    static ObjectNode stats(SandboxStats stats) {
        ObjectNode json = Json.object();
        ObjectNode requests = json.putObject("requests");
        for (SandboxSystem system : SandboxSystem.values()) {
            requests.put(system.key(), stats.requests(system));
        }
        ObjectNode faults = json.putObject("faults");
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind.label(), stats.faults(kind));
        }
        return json;
    }

    private static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
