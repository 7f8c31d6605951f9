package dev.ferry.rpa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A few small legacy-style screens for the step ITs, on a free port of 127.0.0.1: a form with a checkbox,
 * radio buttons, a PIN field and a list, a one-line order entry form, a table of shipments over two pages, a form
 * whose captions are table cells (record NF-1; other references are not found), and a page that counts clicks.
 * Every form posted is recorded, so a test can see what the bot really typed and ticked.
 */
final class TestScreens implements AutoCloseable {

    /** A form as the browser posted it: its path and fields. */
    record Post(String path, Map<String, String> fields) {
    }

    private static final String FORM = """
            <h1>Consignment options</h1>
            <form method="post" action="/options">
              <label><input type="checkbox" name="dangerous"> Dangerous goods</label>
              <label><input type="checkbox" name="fragile" checked> Fragile</label>
              <fieldset><legend>Service</legend>
                <label><input type="radio" name="service" value="standard" checked> Standard</label>
                <label><input type="radio" name="service" value="express"> Express</label>
              </fieldset>
              <label for="pin">PIN</label> <input id="pin" name="pin" type="text">
              <label for="packing">Packing</label>
              <select id="packing" name="packing"><option value="box">Box</option><option value="pallet">Pallet</option></select>
              <button>Send</button>
            </form>""";

    private static final String LINE = """
            <h1>Order line</h1>
            <form method="post" action="/lines">
              <label for="sku">SKU</label> <input id="sku" name="sku">
              <label for="qty">Quantity</label> <input id="qty" name="quantity">
              <button>Add line</button>
            </form>""";

    // an older screen: captions in table cells, no <label>s, ids no bot can count on
    private static final String RECORD = """
            <h1>Consignee</h1>
            <form method="post" action="/record">
              <table>
                <tr><td>Name</td><td><input name="name" id="f-81723"></td></tr>
                <tr><td>Postal code</td><td><input type="hidden" name="zip-check" value="1"><input name="zip" id="f-81724"></td></tr>
                <tr><td>Country</td><td><select name="country"><option value="NO">Norway</option>
                  <option value="SE">Sweden</option></select></td></tr>
                <tr><td>Status</td><td><b>Pending approval</b></td></tr>
              </table>
              <button>Save</button>
            </form>""";

    // an address form that refuses a postal code with a slash: its message in a cell of the field's row, which no
    // attribute ties to the field, and a line above the form for the whole page
    private static final String ADDRESS = """
            <h1>Address</h1>
            %s
            <form method="post" action="/address">
              <table>
                <tr><td><label for="street">Street</label></td><td><input id="street" name="street" value="%s"></td>
                  <td class="err"></td></tr>
                <tr><td><label for="zip">Postal code</label></td><td><input id="zip" name="zip" value="%s"></td>
                  <td class="err">%s</td></tr>
              </table>
              <button>Save</button>
            </form>""";

    // changes without loading a page: a counter, and notices dismissed one at a time
    private static final String COUNTER = """
            <h1>Counter</h1>
            <p id="count">Count: 0</p>
            <button type="button" onclick="const c = document.getElementById('count');
              c.textContent = 'Count: ' + (Number(c.textContent.slice(7)) + 1)">Add one</button>
            <p class="notice">Notice 1</p><p class="notice">Notice 2</p><p class="notice">Notice 3</p>
            <button type="button" onclick="document.querySelector('p.notice').remove()">Dismiss</button>""";

    private static final String[][][] SHIPMENTS = {
        { { "NF-100001", "Delivered", "2026-01-02" }, { "NF-100002", "In transit", "2026-01-03" } },
        { { "NF-100003", "Booked", "2026-01-04" }, { "NF-100004", "Delivered", "2026-01-05" } } };

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    TestScreens() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/options", exchange -> form(exchange, FORM, "Options received"));
        server.createContext("/lines", exchange -> form(exchange, LINE, "Added "));
        server.createContext("/shipments", this::shipments);
        server.createContext("/record", this::record);
        server.createContext("/counter", exchange -> send(exchange, COUNTER));
        server.createContext("/address", this::address);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Post> posts() {
        return posts;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void form(HttpExchange exchange, String form, String received) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, form);
            return;
        }
        Map<String, String> fields = fields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        posts.add(new Post(exchange.getRequestURI().getPath(), fields));
        String what = fields.containsKey("sku") ? fields.get("sku") + " x " + fields.get("quantity") : "";
        send(exchange, "<h1>" + received + what + "</h1>" + form);
    }

    /** The record NF-1 exists; any other reference is "not found". */
    private void record(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if ("GET".equals(exchange.getRequestMethod()) && !"ref=NF-1".equals(query)) {
            send(exchange, "<h1>Search</h1><p>No record found for " + (query == null ? "" : query.substring(4)) + "</p>");
            return;
        }
        form(exchange, RECORD, "Saved");
    }

    /** Saves an address unless its postal code holds anything but letters, digits and spaces. */
    private void address(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, ADDRESS.formatted("", "", "", ""));
            return;
        }
        Map<String, String> fields = fields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        posts.add(new Post("/address", fields));
        String zip = fields.getOrDefault("zip", "");
        if (zip.matches("[A-Za-z0-9 ]+")) {
            send(exchange, "<h1>Address saved</h1>");
            return;
        }
        // the values typed are plain test values without markup
        send(exchange, ADDRESS.formatted("<p class=\"err\">Please correct the marked fields.</p>",
                fields.getOrDefault("street", ""), zip, "Postal code may contain only letters and digits."));
    }

    private void shipments(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        int page = query != null && query.contains("page=2") ? 2 : 1;
        StringBuilder html = new StringBuilder("<title>Shipments</title><h1>Shipments</h1><p>Page " + page + " of 2</p>"
                + "<table><caption>Shipments</caption>"
                + "<thead><tr><th>Consignment</th><th> Status </th><th>Ship\n  date</th><th></th></tr></thead><tbody>");
        for (String[] row : SHIPMENTS[page - 1]) {
            html.append("<tr><td>").append(String.join("</td><td>", row)).append("</td><td><a href=\"#\">Track</a></td></tr>");
        }
        html.append("</tbody><tfoot><tr><td colspan=\"4\">2 shipments</td></tr></tfoot></table>");
        if (page == 1) {
            html.append("<a href=\"/shipments?page=2\">Next</a>");
        }
        send(exchange, html.toString());
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
