package dev.ferry.sandbox.portal;

/** The portal's look, unchanged since 2004: a gray header, tables, Verdana. And escaping, done once. */
final class Html {

    static final String TITLE = "Nordic Freight";

    private static final String STYLE = """
            body { font-family: Verdana, Arial, sans-serif; font-size: 12px; margin: 0; background: #ffffff; }
            table.header { background: #c0c0c0; border-bottom: 2px solid #808080; }
            td.brand { font-size: 18px; font-weight: bold; color: #003366; padding: 6px; }
            td.nav { padding: 4px; }
            div.content { padding: 10px; }
            h1 { font-size: 15px; color: #003366; }
            table.grid { border-collapse: collapse; }
            table.grid th { background: #d4d0c8; border: 1px solid #808080; padding: 3px; text-align: left; }
            table.grid td { border: 1px solid #808080; padding: 3px; }
            td.error, p.error { color: #cc0000; font-weight: bold; }
            p.notice { color: #996600; font-weight: bold; }
            td.footer { font-size: 10px; color: #606060; padding: 6px; }
            """;

    private Html() {
    }

    /** Every value a user typed, or that came from the request, goes through here. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A whole page; {@code user} is null before login, and then there is no menu. */
    static String page(String title, String user, String content) {
        return """
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
                <html>
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
                <title>%s - %s</title>
                <style type="text/css">
                %s</style>
                </head>
                <body>
                <table class="header" width="100%%" cellspacing="0" cellpadding="0">
                <tr><td class="brand">NORDIC FREIGHT</td><td align="right" class="nav">Consignment System 3.2</td></tr>
                %s
                </table>
                <div class="content">
                %s
                </div>
                <table width="100%%"><tr><td class="footer">&copy; 2004 Nordic Freight AB. Best viewed in Internet Explorer 6 at 1024x768.</td></tr></table>
                </body>
                </html>
                """.formatted(text(title), TITLE, STYLE, user == null ? "" : menu(user), content);
    }

    private static String menu(String user) {
        return """
                <tr><td class="nav">
                <a href="/menu">Main menu</a> |
                <a href="/consignments/new">New consignment</a> |
                <a href="/consignments">Find consignment</a> |
                <a href="/shipments">Shipment status</a>
                </td><td align="right" class="nav">User: %s | <a href="/logout">Log out</a></td></tr>
                """.formatted(text(user));
    }
}
