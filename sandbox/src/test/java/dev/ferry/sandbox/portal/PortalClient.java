package dev.ferry.sandbox.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser's worth of the portal: a cookie jar, redirects followed, the CSRF token taken from the last page. */
final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private Page last;

    PortalClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Page(int status, URI uri, String html) {

        String path() {
            return uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        /** The id of the field a label points at, or null when there is no such label. */
        String idOfLabel(String label) {
            Matcher matcher = Pattern.compile("<label for=\"([^\"]+)\">" + Pattern.quote(label) + "</label>")
                    .matcher(html);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    CookieManager cookies() {
        return cookies;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Posts exactly these fields. */
    Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts these fields with the CSRF token of the last page, as the browser would. */
    Page submit(String path, Map<String, String> form) {
        Matcher token = CSRF.matcher(last.html());
        if (!token.find()) {
            throw new IllegalStateException("The last page (" + last.path() + ") has no form with a CSRF token");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf_token", token.group(1));
        return post(path, withToken);
    }

    Page logIn() {
        get("/login");
        return submit("/login", Map.of("username", "ferry", "password", "portal-sandbox"));
    }

    /** Logs in if need be, fills both pages; returns the confirmation page. */
    Page book(String reference) {
        get("/consignments/new");
        submit("/consignments/new", consignee(reference));
        return submit("/consignments/new/parcels", parcels());
    }

    static Map<String, String> consignee(String reference) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reference", reference);
        form.put("consignee", "Sofia Lindqvist");
        form.put("street", "Drottninggatan 53");
        form.put("postalCode", "111 21");
        form.put("city", "Stockholm");
        form.put("country", "SE");
        return form;
    }

    static Map<String, String> parcels() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("parcels", "2");
        form.put("weight", "12.5");
        form.put("description", "Oak table, flat-packed");
        form.put("service", "express");
        return form;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = new Page(response.statusCode(), response.uri(), response.body());
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
