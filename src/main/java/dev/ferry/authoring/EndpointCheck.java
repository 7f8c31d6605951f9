package dev.ferry.authoring;

import dev.ferry.system.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * An endpoint URI checked as Camel would build it: a component that exists, options the component knows,
 * a Kamelet that exists in connectors/ with the properties it takes and needs. Unlike Camel, an unknown option
 * of the http component is an error too: http sends it on to the system as a query parameter.
 */
final class EndpointCheck {

    private final ComponentOptions components;
    private final KameletCatalogue kamelets;
    private final ConfigKeys config;
    private final BotNames bots;
    private final BiFunction<Place, String, Place> find;

    /**
     * {@code find}: where a text is written at or after a place (an option may be under parameters:);
     * {@code bots}: the bots rpa: may name, or null to leave the names to run time.
     */
    EndpointCheck(ComponentOptions components, KameletCatalogue kamelets, ConfigKeys config, BotNames bots,
            BiFunction<Place, String, Place> find) {
        this.components = components;
        this.kamelets = kamelets;
        this.config = config;
        this.bots = bots;
        this.find = find;
    }

    void check(String uri, Place place, List<Mistake> mistakes) {
        check(uri, place, mistakes, false);
    }

    /**
     * An endpoint whose URI is worked out per message ({@code toD}): checked as any other, but for its parts
     * written as {@code ${...}}, which only a message fills in.
     */
    void checkDynamic(String uri, Place place, List<Mistake> mistakes) {
        check(uri, place, mistakes, true);
    }

    private void check(String uri, Place place, List<Mistake> mistakes, boolean dynamic) {
        String scheme = scheme(uri, place, mistakes);
        if (scheme == null) {
            return;
        }
        Set<String> options = options(uri);
        if (dynamic) {
            options.removeIf(option -> option.contains("${"));
            if ("kamelet".equals(scheme) && uri.split("[?]", 2)[0].contains("${")) {
                return; // the Kamelet is chosen per message
            }
        }
        if ("kamelet".equals(scheme)) {
            kamelet(uri, options, place, mistakes);
            return;
        }
        if ("rpa".equals(scheme) && bots != null) {
            String name = uri.strip().substring("rpa:".length()).split("[?]", 2)[0];
            bots.check(uri, name.isEmpty() ? place : find.apply(place, name), mistakes);
        }
        components.of(scheme).ifPresent(known -> options.stream().filter(option -> !known.knows(option))
                .forEach(option -> mistakes.add(find.apply(place, option).mistake(unknownOption(known, option)))));
    }

    private static String unknownOption(ComponentOptions.Known known, String option) {
        String scheme = known.scheme();
        Set<String> all = new TreeSet<>(known.options());
        all.addAll(known.componentOptions());
        String meant = Suggestions.closest(option, all).orElse(null);
        StringBuilder message = new StringBuilder("the " + scheme + " endpoint has no option '" + option + "'");
        if (meant != null && !meant.equals(option)) {
            message.append(" (did you mean '").append(meant).append("'?)");
        }
        if (meant != null && known.componentOptions().contains(meant) && !known.options().contains(meant)) {
            message.append("; '").append(meant).append("' is set once for the ").append(scheme)
                    .append(" component, as camel.component.").append(scheme).append('.').append(kebab(meant))
                    .append(" in config/");
        }
        if (known.lenient()) {
            message.append("; ").append(scheme).append(" would send it to the system as a query parameter")
                    .append(" (a query parameter belongs in the CamelHttpQuery header)");
        }
        return message.toString();
    }

    private static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The URI's component, or null when it is unknown (a mistake) or not written out ({{placeholder}}). */
    private String scheme(String uri, Place place, List<Mistake> mistakes) {
        String text = uri.strip();
        if (text.startsWith("{{") || text.startsWith("${")) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            mistakes.add(place.mistake("'" + text + "' is not an endpoint URI: it starts with its component,"
                    + " e.g. direct:name, kamelet:name, jms:queue:name"));
            return null;
        }
        String scheme = text.substring(0, colon);
        if (scheme.contains("{{") || scheme.contains("${")) {
            return null;
        }
        if (!components.schemes().contains(scheme)) {
            mistakes.add(place.mistake("unknown component '" + scheme + "'" + Suggestions.hint(scheme,
                    components.schemes()) + "; the components in Ferry are listed in docs/routes.md#components"));
            return null;
        }
        return scheme;
    }

    private void kamelet(String uri, Set<String> options, Place place, List<Mistake> mistakes) {
        String rest = uri.strip().substring("kamelet:".length());
        String name = rest.split("[/?]", 2)[0];
        if (name.equals("source") || name.equals("sink")) {
            return; // a Kamelet's own input and output
        }
        KameletCatalogue.Kamelet kamelet = kamelets.get(name);
        if (kamelet == null) {
            mistakes.add(find.apply(place, name).mistake("no Kamelet '" + name + "' in connectors/"
                    + Suggestions.hint(name, kamelets.names())
                    + " (a Kamelet is connectors/<system>/<name>.kamelet.yaml)"));
            return;
        }
        options.forEach(option -> {
            if (!kamelet.properties().contains(option)) {
                mistakes.add(find.apply(place, option).mistake("the Kamelet '" + name + "' has no property '" + option
                        + "'" + Suggestions.hint(option, kamelet.properties()) + " (its properties: "
                        + String.join(", ", kamelet.properties()) + "; " + kamelet.file() + ")"));
            }
        });
        Set<String> missing = new TreeSet<>(kamelet.required());
        missing.removeAll(options);
        missing.removeAll(kamelet.defaults().keySet());
        missing.removeIf(property -> config.has("camel.kamelet." + name + "." + property));
        for (String property : missing) {
            mistakes.add(place.mistake("the Kamelet '" + name + "' needs the property '" + property
                    + "' (give it in the URI, ?" + property + "=..., or as camel.kamelet." + name + "." + property
                    + " in config/)"));
        }
    }

    /** The options' names, in the order written. */
    private static Set<String> options(String uri) {
        Set<String> options = new LinkedHashSet<>();
        int query = uri.indexOf('?');
        if (query >= 0) {
            for (String part : uri.substring(query + 1).split("&")) {
                String name = part.split("=", 2)[0];
                if (!name.isEmpty()) {
                    options.add(name);
                }
            }
        }
        return options;
    }
}
