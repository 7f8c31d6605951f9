package dev.ferry.sandbox.portal;

import java.util.Map;

/** {@code /login}: user name, password, "Log in". */
final class LoginPage {

    static final String INVALID = "Invalid user name or password";
    static final String EXPIRED = "Your session has expired. Please log in again.";

    private LoginPage() {
    }

    /** {@code message} is one of this class's constants, or null. */
    static String render(PortalSession session, boolean randomIds, String username, String message) {
        String notice = message == null ? "" : "<p class=\"error\">" + Html.text(message) + "</p>\n";
        String form = new Form(session, randomIds, Map.of("username", username == null ? "" : username), Map.of())
                .post("/login", "login")
                .text("username", "User name", 20)
                .password("password", "Password")
                .submit("Log in", null)
                .end();
        return Html.page("Staff login", null, "<h1>Staff login</h1>\n" + notice
                + "<p>Please enter your user name and password.</p>\n" + form);
    }
}
