package dev.ferry.sandbox;

import java.util.HashMap;
import java.util.Map;

/** One endpoint of a simulated system: a method, a path template such as {@code /api/invoices/{id}}, a handler. */
record Route(String method, String template, Handler handler) {

    interface Handler {
        Reply handle(Call call);
    }

    static Route get(String template, Handler handler) {
        return new Route("GET", template, handler);
    }

    static Route post(String template, Handler handler) {
        return new Route("POST", template, handler);
    }

    String name() {
        return method + " " + template;
    }

    /** The path's values for the template's {@code {name}} segments; WireMock has already matched the shape. */
    Map<String, String> pathParams(String path) {
        String[] names = template.split("/");
        String[] values = path.split("/");
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{") && names[i].endsWith("}")) {
                params.put(names[i].substring(1, names[i].length() - 1), values[i]);
            }
        }
        return params;
    }
}
