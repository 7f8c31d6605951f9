package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's signed-in session on the web pages, without a browser: the cookies, sent to whichever node. */
final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Signs in through the login form of the node, as a browser would. */
    static Browserless signIn(FerryProcess node, String username, String password) {
        return signIn(node::uri, username, password);
    }

    /** Signs in through the login form of the Ferry whose addresses {@code site} makes. */
    static Browserless signIn(Function<String, URI> site, String username, String password) {
        Browserless person = new Browserless();
        HttpResponse<String> login = person.get(site, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = person.form(site, "/login", Map.of("username", username, "password", password,
                "_csrf", csrf(login.body())));
        assertThat(signedIn.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return person;
    }

    HttpResponse<String> get(FerryProcess node, String path) {
        return get(node::uri, path);
    }

    HttpResponse<String> get(Function<String, URI> site, String path) {
        return keep(FerryIntegrationTest.send(withCookies(HttpRequest.newBuilder(site.apply(path))).GET().build()));
    }

    /** A form post with the page's CSRF token, as the page's own button sends it. */
    HttpResponse<String> post(FerryProcess node, String path, String csrf) {
        return form(node::uri, path, Map.of("_csrf", csrf));
    }

    private HttpResponse<String> form(Function<String, URI> site, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return keep(FerryIntegrationTest.send(withCookies(HttpRequest.newBuilder(site.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return response;
    }
}
