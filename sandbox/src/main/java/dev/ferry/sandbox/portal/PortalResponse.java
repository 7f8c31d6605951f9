package dev.ferry.sandbox.portal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A page, or a redirect, optionally setting the session cookie. */
record PortalResponse(int status, String html, String location, String sessionCookie) {

    static PortalResponse page(String html) {
        return new PortalResponse(200, html, null, null);
    }

    static PortalResponse page(int status, String html) {
        return new PortalResponse(status, html, null, null);
    }

    /** 303, so the browser follows a form post with a GET and a reload never posts twice. */
    static PortalResponse redirect(String location) {
        return new PortalResponse(303, "", location, null);
    }

    PortalResponse withSession(PortalSession session) {
        return new PortalResponse(status, html, location, session.id());
    }

    void send(HttpExchange exchange) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        if (location != null) {
            headers.set("Location", location);
        }
        if (sessionCookie != null) {
            headers.set("Set-Cookie", PortalRequest.SESSION_COOKIE + "=" + sessionCookie
                    + "; Path=/; HttpOnly; SameSite=Lax");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
