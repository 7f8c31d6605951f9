package dev.ferry.sandbox.portal;

import java.util.Map;

/**
 * Writes one form as table rows. Element ids come from the session (random per session unless that hazard
 * is off); labels point at them with {@code for}, so a label finds its field whatever the id is today.
 */
final class Form {

    static final String CSRF_FIELD = "csrf_token";

    private final PortalSession session;
    private final boolean randomIds;
    private final Map<String, String> values;
    private final Map<String, String> errors;
    private final StringBuilder html = new StringBuilder();

    Form(PortalSession session, boolean randomIds, Map<String, String> values, Map<String, String> errors) {
        this.session = session;
        this.randomIds = randomIds;
        this.values = values;
        this.errors = errors;
    }

    Form post(String action, String name) {
        html.append("<form method=\"post\" action=\"").append(action).append("\" id=\"").append(id("form-" + name))
                .append("\">\n<input type=\"hidden\" name=\"").append(CSRF_FIELD).append("\" value=\"")
                .append(Html.text(session.csrfToken())).append("\">\n<table cellpadding=\"3\">\n");
        return this;
    }

    Form get(String action, String name) {
        html.append("<form method=\"get\" action=\"").append(action).append("\" id=\"").append(id("form-" + name))
                .append("\">\n<table cellpadding=\"3\">\n");
        return this;
    }

    Form text(String name, String label, int size) {
        return input("text", name, label, size, Html.text(values.get(name)));
    }

    Form password(String name, String label) {
        return input("password", name, label, 20, "");
    }

    Form select(String name, String label, Map<String, String> options) {
        String chosen = values.getOrDefault(name, "");
        StringBuilder select = new StringBuilder("<select id=\"" + id(name) + "\" name=\"" + name + "\""
                + described(name) + ">\n");
        select.append("<option value=\"\">-- Please choose --</option>\n");
        options.forEach((value, text) -> select.append("<option value=\"").append(Html.text(value)).append('"')
                .append(value.equals(chosen) ? " selected" : "").append('>').append(Html.text(text))
                .append("</option>\n"));
        return row(name, label, select.append("</select>").toString());
    }

    /** The submit button; {@code onclick} is trusted script written by this class's callers, never user input. */
    Form submit(String label, String onclick) {
        html.append("<tr><td></td><td><input type=\"submit\" id=\"").append(id("submit")).append("\" value=\"")
                .append(Html.text(label)).append('"');
        if (onclick != null) {
            html.append(" onclick=\"").append(onclick).append('"');
        }
        html.append("></td><td></td></tr>\n");
        return this;
    }

    String end() {
        return html.append("</table>\n</form>\n").toString();
    }

    private Form input(String type, String name, String label, int size, String escapedValue) {
        return row(name, label, "<input type=\"" + type + "\" id=\"" + id(name) + "\" name=\"" + name
                + "\" value=\"" + escapedValue + "\" size=\"" + size + "\"" + described(name) + ">");
    }

    private Form row(String name, String label, String field) {
        html.append("<tr><td><label for=\"").append(id(name)).append("\">").append(Html.text(label))
                .append("</label></td><td>").append(field).append("</td><td class=\"error\"");
        if (errors.containsKey(name)) {
            html.append(" id=\"").append(errorId(name)).append('"');
        }
        html.append('>').append(Html.text(errors.getOrDefault(name, ""))).append("</td></tr>\n");
        return this;
    }

    /**
     * A field the portal refused points at its message, as a screen reader (and a bot) finds it: the message is
     * the field's description, and the field is marked invalid.
     */
    private String described(String name) {
        return errors.containsKey(name)
                ? " aria-invalid=\"true\" aria-describedby=\"" + errorId(name) + "\"" : "";
    }

    private String errorId(String name) {
        return id(name) + "-error";
    }

    private String id(String element) {
        return randomIds ? session.elementId(element) : "f-" + element;
    }
}
