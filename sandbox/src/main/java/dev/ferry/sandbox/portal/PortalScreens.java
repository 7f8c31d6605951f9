package dev.ferry.sandbox.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What each page does with a request: who may see it, what it checks, where it goes next. */
final class PortalScreens {

    private final PortalSettings settings;
    private final Sessions sessions;
    private final Consignments consignments;
    private final PortalHazards hazards;
    private final Clock clock;

    PortalScreens(PortalSettings settings, Sessions sessions, Consignments consignments, PortalHazards hazards,
            Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.consignments = consignments;
        this.hazards = hazards;
        this.clock = clock;
    }

    private static final Set<String> PAGES = Set.of("/", "/menu", "/login", "/logout", "/consignments/new",
            "/consignments/new/parcels", "/consignments/confirmation", "/consignments", "/shipments");

    /** Whether a path is one of the portal's pages, and not, say, the browser asking for a favicon. */
    static boolean isPage(String path) {
        return PAGES.contains(path);
    }

    PortalResponse answer(PortalRequest request) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "GET /", "GET /menu" -> loggedIn(request, session -> PortalResponse.page(NoticePages.menu(session)));
            case "GET /login" -> loginForm(request);
            case "POST /login" -> logIn(request);
            case "GET /logout" -> logOut(request);
            case "GET /consignments/new" -> loggedIn(request, session -> consigneeForm(request, session));
            case "POST /consignments/new" -> loggedIn(request, session -> consignee(request, session));
            case "GET /consignments/new/parcels" -> loggedIn(request, this::parcelsForm);
            case "POST /consignments/new/parcels" -> loggedIn(request, session -> book(request, session));
            case "GET /consignments/confirmation" -> loggedIn(request, session -> confirmation(request, session));
            case "GET /consignments" -> loggedIn(request, session -> search(request, session));
            case "GET /shipments" -> loggedIn(request, session -> shipments(request, session));
            default -> PortalResponse.page(404, NoticePages.notFound(request.path()));
        };
    }

    private PortalResponse loginForm(PortalRequest request) {
        Optional<PortalSession> current = sessions.find(request.sessionId());
        if (current.filter(PortalSession::loggedIn).isPresent()) {
            return PortalResponse.redirect("/menu");
        }
        PortalSession session = current.orElseGet(sessions::anonymous);
        String message = request.hasQuery("expired") ? LoginPage.EXPIRED : null;
        return PortalResponse.page(LoginPage.render(session, hazards.randomIds(), "", message)).withSession(session);
    }

    private PortalResponse logIn(PortalRequest request) {
        Optional<PortalSession> current = sessions.find(request.sessionId());
        if (current.isEmpty()) {
            return request.sessionId() == null ? refused() : PortalResponse.redirect("/login?expired");
        }
        PortalSession session = current.get();
        if (!csrfMatches(request, session)) {
            return refused();
        }
        String username = request.field("username").strip();
        if (!matches(username, settings.username()) || !matches(request.field("password"), settings.password())) {
            return PortalResponse.page(LoginPage.render(session, hazards.randomIds(), username, LoginPage.INVALID));
        }
        return PortalResponse.redirect("/menu").withSession(sessions.logIn(session, settings.username()));
    }

    private PortalResponse logOut(PortalRequest request) {
        sessions.find(request.sessionId()).ifPresent(sessions::end);
        return PortalResponse.redirect("/login");
    }

    private PortalResponse consigneeForm(PortalRequest request, PortalSession session) {
        ConsigneeForm draft = session.draft();
        ConsigneeForm shown = request.hasQuery("back") && draft != null ? draft : ConsigneeForm.empty();
        return PortalResponse.page(BookingPages.consignee(session, hazards.randomIds(), hazards.screenChanged(),
                shown, Map.of()));
    }

    private PortalResponse consignee(PortalRequest request, PortalSession session) {
        ConsigneeForm typed = ConsigneeForm.from(request);
        Map<String, String> errors = typed.errors();
        if (!errors.isEmpty()) {
            return PortalResponse.page(BookingPages.consignee(session, hazards.randomIds(), hazards.screenChanged(),
                    typed, errors));
        }
        session.draft(typed);
        return PortalResponse.redirect("/consignments/new/parcels");
    }

    private PortalResponse parcelsForm(PortalSession session) {
        ConsigneeForm draft = session.draft();
        if (draft == null) {
            return PortalResponse.redirect("/consignments/new");
        }
        return PortalResponse.page(BookingPages.parcels(session, hazards.randomIds(), hazards.screenChanged(), draft,
                ParcelsForm.empty(), Map.of()));
    }

    private PortalResponse book(PortalRequest request, PortalSession session) {
        ConsigneeForm draft = session.draft();
        if (draft == null) {
            return PortalResponse.redirect("/consignments/new");
        }
        ParcelsForm typed = ParcelsForm.from(request);
        Map<String, String> errors = typed.errors();
        if (!errors.isEmpty()) {
            return PortalResponse.page(BookingPages.parcels(session, hazards.randomIds(), hazards.screenChanged(),
                    draft, typed, errors));
        }
        session.draft(null);
        Consignment booked = consignments.book(number -> new Consignment(number, draft.reference(),
                draft.consignee(), draft.street(), draft.postalCode(), draft.city(), draft.country(),
                typed.parcelCount(), typed.weight(), typed.description(), typed.service(), clock.instant()));
        return PortalResponse.redirect("/consignments/confirmation?number=" + booked.number());
    }

    private PortalResponse confirmation(PortalRequest request, PortalSession session) {
        return request.query("number").flatMap(consignments::find)
                .map(consignment -> PortalResponse.page(BookingPages.confirmation(session, consignment)))
                .orElseGet(() -> PortalResponse.page(404, NoticePages.notFound(request.path())));
    }

    private PortalResponse search(PortalRequest request, PortalSession session) {
        String reference = request.query("reference").map(String::strip).orElse("");
        List<Consignment> found = reference.isEmpty() ? null : consignments.withReference(reference);
        return PortalResponse.page(LookupPages.search(session, hazards.randomIds(), reference, found, clock.instant(),
                settings.statusEvery()));
    }

    private PortalResponse shipments(PortalRequest request, PortalSession session) {
        List<Consignment> all = consignments.all();
        int page = request.query("page").filter(number -> number.matches("\\d{1,6}")).map(Integer::parseInt)
                .orElse(1);
        page = Math.max(1, Math.min(page, LookupPages.pages(all.size())));
        return PortalResponse.page(LookupPages.shipments(session, all, page, clock.instant(), settings.statusEvery()));
    }

    /** Runs {@code page} for a logged-in session; sends everyone else to the login, and refuses forged posts. */
    private PortalResponse loggedIn(PortalRequest request, Function<PortalSession, PortalResponse> page) {
        Optional<PortalSession> current = sessions.find(request.sessionId());
        if (current.isEmpty() && request.sessionId() != null) {
            return PortalResponse.redirect("/login?expired");
        }
        if (current.filter(PortalSession::loggedIn).isEmpty()) {
            return PortalResponse.redirect("/login");
        }
        PortalSession session = current.get();
        if (hazards.drawExpiry()) {
            sessions.end(session);
            return PortalResponse.redirect("/login?expired");
        }
        if (request.post() && !csrfMatches(request, session)) {
            return refused();
        }
        return page.apply(session);
    }

    private static boolean csrfMatches(PortalRequest request, PortalSession session) {
        return matches(request.field(Form.CSRF_FIELD), session.csrfToken());
    }

    // constant-time, so a client cannot learn a password or token byte by byte from response times
    private static boolean matches(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static PortalResponse refused() {
        return PortalResponse.page(403, NoticePages.refused());
    }
}
