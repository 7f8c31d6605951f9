package dev.ferry.sandbox.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ferry.sandbox.ReceivedTraces;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: counted, maybe held until a test lets it go, maybe slowed, maybe answered "System busy", else
 * answered by its screen.
 */
final class PortalHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(PortalHandler.class);

    private final PortalScreens screens;
    private final Sessions sessions;
    private final PortalHazards hazards;
    private final PortalActivity activity;
    private final Pause pause;

    PortalHandler(PortalScreens screens, Sessions sessions, PortalHazards hazards, PortalActivity activity,
            Pause pause) {
        this.screens = screens;
        this.sessions = sessions;
        this.hazards = hazards;
        this.activity = activity;
        this.pause = pause;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            PortalRequest request = PortalRequest.read(exchange);
            activity.traced(ReceivedTraces.received("portal", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders().getFirst("traceparent")));
            String active = sessions.loggedIn(request.sessionId()) ? request.sessionId() : null;
            activity.begin(active);
            try {
                answerSafely(request).send(exchange);
            } finally {
                activity.end(active);
            }
        } catch (IOException e) {
            // the client went away or sent something unreadable; the portal carries on, as old portals do
            log.debug("Nordic Freight portal could not answer {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private PortalResponse answerSafely(PortalRequest request) {
        try {
            return answer(request);
        } catch (RuntimeException e) {
            log.warn("Nordic Freight portal failed on {} {}", request.method(), request.path(), e);
            return PortalResponse.page(500, NoticePages.failed());
        }
    }

    private PortalResponse answer(PortalRequest request) {
        if (!PortalScreens.isPage(request.path())) {
            // a browser's favicon request must not use up a test's "next request is busy"
            return screens.answer(request);
        }
        hang();
        Optional<Duration> delay = hazards.drawSlowDelay();
        if (delay.isPresent()) {
            activity.slowPage();
            slowDown(delay.get());
        }
        if (hazards.drawBusy()) {
            activity.busyPage();
            return PortalResponse.page(hazards.busyStatus(), NoticePages.busy());
        }
        return screens.answer(request);
    }

    private void hang() {
        try {
            hazards.hangIfAsked();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void slowDown(Duration delay) {
        try {
            pause.pause(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
