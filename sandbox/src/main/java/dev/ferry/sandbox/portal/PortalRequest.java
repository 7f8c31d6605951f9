package dev.ferry.sandbox.portal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One request: method, path, query and form parameters (first value wins), and the session cookie. */
final class PortalRequest {

    static final String SESSION_COOKIE = "NFSESSION";
    // a form of this portal is a few hundred bytes; anything far larger is not one of its forms
    private static final int MAX_BODY = 64 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> form;
    private final String sessionId;

    private PortalRequest(String method, String path, Map<String, String> query, Map<String, String> form,
            String sessionId) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.form = form;
        this.sessionId = sessionId;
    }

    static PortalRequest read(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, String> form = "POST".equals(method) ? parameters(body(exchange.getRequestBody())) : Map.of();
        return new PortalRequest(method, exchange.getRequestURI().getRawPath(),
                parameters(exchange.getRequestURI().getRawQuery()), form,
                cookie(exchange.getRequestHeaders().getFirst("Cookie")));
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    boolean post() {
        return "POST".equals(method);
    }

    boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** A form field, blank when not sent. */
    String field(String name) {
        return form.getOrDefault(name, "");
    }

    Map<String, String> form() {
        return form;
    }

    String sessionId() {
        return sessionId;
    }

    private static String body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("Form body larger than " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String[] nameValue = part.trim().split("=", 2);
            if (nameValue.length == 2 && SESSION_COOKIE.equals(nameValue[0])) {
                return nameValue[1];
            }
        }
        return null;
    }
}
