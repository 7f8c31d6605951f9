package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.OrderIntake;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what (issue 15): API keys bound to the order sources they post and read, Idempotency-Keys per key,
 * the metrics credential, CSRF for sessions whatever Authorization header comes along, sign-in throttling, and
 * the demo credentials outside the sandbox. Each callers' matrix runs with the intake key, the ops key, a
 * reviewer's and an admin's session and no credential.
 */
// the client address of a sign-in is the X-Forwarded-For of a proxy on an internal address (here the test
// itself on 127.0.0.1), as docs/configuration.md says to run Ferry behind one: the tests sign in from addresses of
// their own, so one test's failures do not throttle another's sign-ins
@TestPropertySource(properties = "server.forward-headers-strategy=native")
// a test context leaves out the metrics registries unless asked: /actuator/prometheus answers as in production
@AutoConfigureObservability
class SecurityIT extends FerryIntegrationTest {

    private static final String OPS_KEY = "ferry-sandbox-ops-key";
    private static final String LOCKSMITH_PASSWORD = "a-locksmith's-own-passphrase";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    OrderIntake intake;

    // the sandbox's two demo users, and a third whose sign-ins the throttle test may refuse for the whole run
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        var encoder = new BCryptPasswordEncoder(4);
        Map<String, String[]> users = new LinkedHashMap<>();
        users.put("reviewer", new String[] {"reviewer", "REVIEWER"});
        users.put("admin", new String[] {"admin", "REVIEWER,ADMIN"});
        users.put("locksmith", new String[] {LOCKSMITH_PASSWORD, "REVIEWER"});
        int i = 0;
        for (var user : users.entrySet()) {
            String at = "ferry.security.users[" + i++ + "].";
            registry.add(at + "username", user::getKey);
            registry.add(at + "password", () -> "{bcrypt}" + encoder.encode(user.getValue()[0]));
            registry.add(at + "roles", () -> user.getValue()[1]);
        }
    }

    // finding 1: a key posts only as the sources it is bound to; crm, which Ferry pulls itself, is no key's
    @Test
    void aKeyPostsOnlyAsTheSourcesItIsBoundTo() {
        ObjectNode asTheCrm = TestOrders.ordinary("CRM-000170");
        asTheCrm.put("source", "crm");

        for (String key : List.of(INTAKE_KEY, OPS_KEY)) {
            HttpResponse<String> posted = post(asTheCrm.toString(), "application/json", key, null);

            assertForbiddenProblem(posted);
            assertThat(read(posted.body()).path("detail").asText()).contains("source 'crm'");
        }
        assertThat(listed(OPS_KEY, "source=crm")).as("nothing was stored as the CRM's order").isEmpty();

        assertThat(post(TestOrders.ordinary("SEC-OWN-1"))).extracting(HttpResponse::statusCode).isEqualTo(202);
        assertThat(post(TestOrders.ordinary("SEC-OWN-1").toString(), "application/json", null, null).statusCode())
                .isEqualTo(401);
        Session reviewer = Session.signIn(this, "reviewer", "reviewer", "192.0.2.11");
        assertForbiddenProblem(reviewer.send(HttpRequest.newBuilder(uri("/api/orders"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", reviewer.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(TestOrders.ordinary("SEC-BY-A-PERSON").toString()))));
    }

    // finding 1: the intake key reads its own sources' orders, refs and journal; reviewers and admins read all
    @Test
    void aKeyReadsOnlyItsOwnSourcesOrdersWhileReviewersAndAdminsReadEverySource() {
        ObjectNode pulled = TestOrders.ordinary("CRM-SEC-1");
        pulled.put("source", "crm");
        String crmOrder = intake.accept(pulled, null, null).orderId();
        String webshopOrder = accept(TestOrders.ordinary("SEC-READ-1"));
        Session reviewer = Session.signIn(this, "reviewer", "reviewer", "192.0.2.12");
        Session admin = Session.signIn(this, "admin", "admin", "192.0.2.13");

        HttpResponse<String> foreignList = get("/api/orders?source=crm", INTAKE_KEY);
        assertForbiddenProblem(foreignList);
        assertThat(read(foreignList.body()).path("detail").asText()).contains("source 'crm'");
        HttpResponse<String> foreignOrder = get("/api/orders/" + crmOrder, INTAKE_KEY);
        assertThat(foreignOrder.statusCode()).as(foreignOrder.body()).isEqualTo(404);
        assertThat(foreignOrder.body()).doesNotContain("CRM-SEC-1").doesNotContain("journal");
        List<JsonNode> ownList = listed(INTAKE_KEY, "size=200");
        assertThat(ownList).extracting(o -> o.path("orderId").asText()).contains(webshopOrder).doesNotContain(crmOrder);
        assertThat(ownList).extracting(o -> o.path("source").asText()).allMatch(s -> s.equals("webshop") || s.equals("bench"));
        assertThat(get("/api/orders/" + webshopOrder, INTAKE_KEY).statusCode()).isEqualTo(200);

        assertThat(listed(OPS_KEY, "source=crm")).extracting(o -> o.path("orderId").asText()).contains(crmOrder);
        assertThat(listed(OPS_KEY, "size=200")).extracting(o -> o.path("orderId").asText()).contains(crmOrder, webshopOrder);
        assertThat(get("/api/orders/" + crmOrder, OPS_KEY).statusCode()).isEqualTo(200);
        for (Session person : List.of(reviewer, admin)) {
            HttpResponse<String> list = person.get("/api/orders?source=crm");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(read(list.body()).path("items").findValuesAsText("orderId")).contains(crmOrder);
            assertThat(person.get("/api/orders/" + crmOrder).statusCode()).isEqualTo(200);
        }

        assertThat(get("/api/orders?source=crm", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/orders/" + crmOrder, null).statusCode()).isEqualTo(401);
    }

    // finding 1: the same Idempotency-Key from two keys names two orders; neither learns the other's orderId
    @Test
    void idempotencyKeysAreEachKeysOwn() {
        ObjectNode shopOrder = TestOrders.ordinary("SEC-IDEM-SHOP");
        ObjectNode opsOrder = TestOrders.ordinary("SEC-IDEM-OPS");

        HttpResponse<String> shop = post(shopOrder.toString(), "application/json", INTAKE_KEY, "sec-idem-1");
        assertThat(shop.statusCode()).as(shop.body()).isEqualTo(202);
        String shopId = read(shop.body()).path("orderId").asText();
        HttpResponse<String> ops = post(opsOrder.toString(), "application/json", OPS_KEY, "sec-idem-1");

        assertThat(ops.statusCode()).as(ops.body()).isEqualTo(202);
        assertThat(ops.body()).doesNotContain(shopId);
        String opsId = read(ops.body()).path("orderId").asText();
        assertThat(opsId).isNotEqualTo(shopId);
        assertThat(post(opsOrder.toString(), "application/json", OPS_KEY, "sec-idem-1").body()).contains(opsId);
        HttpResponse<String> again = post(shopOrder.toString(), "application/json", INTAKE_KEY, "sec-idem-1");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(read(again.body()).path("orderId").asText()).isEqualTo(shopId);
        HttpResponse<String> reused = post(TestOrders.ordinary("SEC-IDEM-OTHER").toString(), "application/json",
                OPS_KEY, "sec-idem-1");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(read(reused.body()).path("orderId").asText()).isEqualTo(opsId);
    }

    // finding 7: the metrics need a key with METRICS (or an administrator); the probes stay open
    @Test
    void prometheusWantsTheMetricsRoleWhileTheProbesStayOpen() {
        Session reviewer = Session.signIn(this, "reviewer", "reviewer", "192.0.2.14");
        Session admin = Session.signIn(this, "admin", "admin", "192.0.2.15");

        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("ferry_orders");
        assertForbiddenProblem(get("/actuator/prometheus", INTAKE_KEY));
        assertThat(reviewer.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        HttpResponse<String> scraped = get("/actuator/prometheus", OPS_KEY);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("ferry_orders");
        assertThat(admin.get("/actuator/prometheus").statusCode()).isEqualTo(200);

        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(get(probe, null).statusCode()).as(probe).isEqualTo(200);
        }
    }

    // finding 9: an Authorization header that authenticates nothing leaves the session to act, so CSRF holds
    @Test
    void aSessionNeedsItsCsrfTokenWhateverAuthorizationHeaderComesAlong() {
        Session admin = Session.signIn(this, "admin", "admin", "192.0.2.16");
        Session reviewer = Session.signIn(this, "reviewer", "reviewer", "192.0.2.17");
        String pause = "/api/schedules/nightly-reconciliation/pause";

        for (String header : List.of("Basic x", "Digest username=\"admin\"", "Token abc")) {
            assertForbiddenProblem(admin.send(HttpRequest.newBuilder(uri(pause)).header("Authorization", header)
                    .POST(HttpRequest.BodyPublishers.noBody())));
            assertForbiddenProblem(reviewer.send(HttpRequest.newBuilder(uri("/api/exceptions/no-such-id/replay"))
                    .header("Authorization", header).POST(HttpRequest.BodyPublishers.noBody())));
        }
        assertThat(schedule()).as("the ridden session paused nothing").isEqualTo("NORMAL");
        assertForbiddenProblem(admin.send(HttpRequest.newBuilder(uri(pause)).POST(HttpRequest.BodyPublishers.noBody())));

        // a key that authenticates needs no token, even beside a session; the session with its token needs no key
        HttpResponse<String> byKey = admin.send(HttpRequest.newBuilder(uri(pause))
                .header("Authorization", "Bearer " + OPS_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);
        HttpResponse<String> withToken = admin.send(HttpRequest.newBuilder(uri("/api/schedules/nightly-reconciliation/resume"))
                .header("X-CSRF-TOKEN", admin.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(schedule()).isEqualTo("NORMAL");
    }

    // finding 5: failed sign-ins per user name; the right password then waits too, and an unknown name reads the same
    @Test
    void signInIsRefusedAfterTooManyFailuresForOneUserName() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("locksmith", "wrong-" + i, "198.51.100.1")).endsWith("/login?error");
            assertThat(signIn("no-such-person", "wrong-" + i, "198.51.100.1")).endsWith("/login?error");
        }

        assertThat(signIn("locksmith", LOCKSMITH_PASSWORD, "198.51.100.2")).as("the right password, from elsewhere too")
                .endsWith("/login?throttled");
        assertThat(signIn("LockSmith", LOCKSMITH_PASSWORD, "198.51.100.3")).endsWith("/login?throttled");
        assertThat(signIn("no-such-person", "anything", "198.51.100.2")).as("no user enumeration")
                .endsWith("/login?throttled");
        String page = send(HttpRequest.newBuilder(uri("/login?throttled")).GET().build()).body();
        assertThat(page).contains("Too many failed sign-ins for this username or from").contains("15</span> minutes");
        assertThat(signIn("reviewer", "reviewer", "198.51.100.1")).as("another user from the same address")
                .endsWith("/inbox");
    }

    // finding 5: failed sign-ins per client address, whatever the names tried
    @Test
    void signInIsRefusedAfterTooManyFailuresFromOneAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("guess-" + i, "wrong", "198.51.100.50")).endsWith("/login?error");
        }

        assertThat(signIn("reviewer", "reviewer", "198.51.100.50")).endsWith("/login?throttled");
        assertThat(signIn("reviewer", "reviewer", "198.51.100.51")).as("the same user from another address")
                .endsWith("/inbox");
    }

    // finding 4: outside the sandbox, a demo password is refused whatever the user's name and its case
    @Test
    void demoPasswordsAreRefusedOutsideTheSandboxUnderAnyName() throws Exception {
        FerryProcess.Options options = FerryProcess.options()
                .env("FERRY_PROFILE", "embedded")
                .dataDir(Files.createTempDirectory("ferry-demo-credentials-"))
                .systemsOf(sandbox)
                .arg("ferry.security.users[0].username", "ADMIN")
                .arg("ferry.security.users[0].password", "{bcrypt}$2a$10$L6ID87Oz3py3UihoaJBzc.MRrwDP8NcRYfD0tlCe9F4BcVSqJe1xq")
                .arg("ferry.security.users[0].roles", "ADMIN")
                .arg("ferry.security.users[1].username", "Reviewer")
                .arg("ferry.security.users[1].password", "{bcrypt}$2a$10$NOTquK4TSMKCdPxcVVxAUOV/g68/HWlefEVpCT9s.2Pyz8FyowMNm")
                .arg("ferry.security.users[1].roles", "REVIEWER");
        try (FerryProcess ferry = options.launch("demo-credentials")) {
            // generous: a start on a busy 2-core machine has taken minutes; a Ferry that answers has started
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                    .failFast("Ferry started with the demo passwords; see " + ferry.log(), () -> ferry.isAlive()
                            && probe(ferry) == 200)
                    .until(() -> !ferry.isAlive());

            assertThat(ferry.exitValue()).isNotZero();
            assertThat(Files.readString(ferry.log()))
                    .contains("Ferry refuses to start outside the sandbox profile with demo credentials")
                    .contains("user 'ADMIN' with a demo password")
                    .contains("user 'Reviewer' with a demo password");
        }
    }

    private static int probe(FerryProcess ferry) {
        try {
            return send(HttpRequest.newBuilder(ferry.uri("/actuator/health")).GET().build()).statusCode();
        } catch (RuntimeException notListening) {
            return 0;
        }
    }

    private String schedule() {
        return read(get("/api/schedules/nightly-reconciliation", OPS_KEY).body()).path("state").asText();
    }

    /** Signs in through the form from the given address; where the form sends the browser next. */
    private String signIn(String username, String password, String address) {
        Session person = new Session(this, address);
        HttpResponse<String> answer = person.signInAs(username, password);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> get(String path, String key) {
        var request = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private List<JsonNode> listed(String key, String query) {
        HttpResponse<String> response = get("/api/orders?" + query, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        read(response.body()).path("items").forEach(items::add);
        return items;
    }

    private static void assertForbiddenProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(response.body()).path("type").asText()).isEqualTo("https://ferry.dev/problems/forbidden");
    }

    /** A person's session on this Ferry, without a browser: its cookies, from a client address of its own. */
    static final class Session {

        private final FerryIntegrationTest ferry;
        private final String address;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Session(FerryIntegrationTest ferry, String address) {
            this.ferry = ferry;
            this.address = address;
        }

        static Session signIn(FerryIntegrationTest ferry, String username, String password, String address) {
            Session person = new Session(ferry, address);
            HttpResponse<String> answer = person.signInAs(username, password);
            assertThat(answer.headers().firstValue("Location").orElse("")).as("sign-in of " + username).endsWith("/inbox");
            return person;
        }

        HttpResponse<String> signInAs(String username, String password) {
            String token = token(get("/login").body());
            String form = Map.of("username", username, "password", password, "_csrf", token).entrySet().stream()
                    .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(ferry.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** The session's CSRF token, as the pages carry it. */
        String csrf() {
            return token(get("/inbox").body());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(ferry.uri(path)).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            request.header("X-Forwarded-For", address);
            HttpResponse<String> response = FerryIntegrationTest.send(request.build());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return response;
        }

        private static String token(String html) {
            Matcher token = CSRF.matcher(html);
            assertThat(token.find()).as("a CSRF token in the page").isTrue();
            return token.group(1);
        }
    }
}
