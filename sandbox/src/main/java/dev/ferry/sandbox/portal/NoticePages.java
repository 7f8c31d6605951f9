package dev.ferry.sandbox.portal;

/** The pages that say something and ask nothing: main menu, busy, refused, not found. */
final class NoticePages {

    static final String BUSY = "System busy, please try again later.";

    private NoticePages() {
    }

    static String menu(PortalSession session) {
        return Html.page("Main menu", session.user(), "<h1>Main menu</h1>\n<p>Welcome, "
                + Html.text(session.user()) + ". Please choose a task from the menu above.</p>\n");
    }

    static String busy() {
        return Html.page("System busy", null, "<h1>System busy</h1>\n<p class=\"error\">" + BUSY + "</p>\n"
                + "<p>Our systems are experiencing high load. (Error NF-503)</p>\n");
    }

    static String refused() {
        return Html.page("Request refused", null, "<h1>Request refused</h1>\n<p class=\"error\">Your request"
                + " could not be processed because its security token is missing or invalid.</p>\n"
                + "<p>Please go back, reload the page and try again.</p>\n");
    }

    static String failed() {
        return Html.page("Error", null, "<h1>Error</h1>\n<p class=\"error\">An unexpected error has occurred."
                + " Please contact your system administrator.</p>\n");
    }

    static String notFound(String path) {
        return Html.page("Page not found", null, "<h1>Page not found</h1>\n<p>The page "
                + Html.text(path) + " does not exist.</p>\n");
    }
}
