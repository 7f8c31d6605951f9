package dev.ferry.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ferry.system.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.AbstractCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Routes and Kamelets read by the parser Ferry runs (Camel's YAML DSL) into a Camel context that is never
 * started, a parser's mistake placed where it is written, the {{placeholders}} checked, then the model Camel
 * built walked (ModelWalk). Nothing is connected to: no broker, no database, no system.
 */
final class RouteCheck {

    private static final Pattern UNKNOWN_STEP = Pattern.compile("Unknown node id: (\\S+)");
    private static final Pattern UNKNOWN_KEY = Pattern.compile("Unsupported field: (\\S+)");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{\\{([\\w.-]+)}}");

    private final Path home;
    // read only for a hint: the schema it comes from is 800 kB of JSON, most of a run's parsing
    private DslNames names;
    private final List<Mistake> mistakes = new ArrayList<>();
    private final SourceLines lines;
    private final boolean checkBeans;

    /** {@code checkBeans}: against Ferry's own components only, so not at start (a route may name any bean). */
    RouteCheck(Path home, boolean checkBeans) {
        this.home = home;
        this.lines = new SourceLines(home);
        this.checkBeans = checkBeans;
    }

    List<Mistake> check(List<Path> routes, List<Path> kamelets, KameletCatalogue catalogue, ConfigKeys config) {
        DefaultCamelContext camel = new DefaultCamelContext(false);
        try {
            camel.setSourceLocationEnabled(true);
            camel.build();
            List<Path> files = new ArrayList<>(kamelets);
            files.addAll(routes);
            for (Path file : files) {
                load(camel, file);
            }
            BeanCheck beans = checkBeans ? new BeanCheck(name -> camel.getRegistry().lookupByName(name) != null)
                    : null;
            // at start, a Java bot may be a bean the scan of Ferry's components cannot see: Spring decides
            BotNames bots = checkBeans ? new BotNames(home, beans.javaBots()) : null;
            EndpointCheck endpoints = new EndpointCheck(new ComponentOptions(camel, Set.of("rpa")), catalogue,
                    config, bots, lines::find);
            PlaceholderCheck placeholders = new PlaceholderCheck(config);
            for (Path file : files) {
                String shown = home.relativize(file).toString();
                KameletCatalogue.Kamelet kamelet = kamelets.contains(file) ? catalogue.get(kameletName(file)) : null;
                placeholders.check(shown, lines.of(shown), kamelet == null ? Set.of() : kamelet.properties(),
                        mistakes);
            }
            ModelWalk walk = new ModelWalk(lines, endpoints, new ExpressionCheck(camel), beans, mistakes);
            for (RouteTemplateDefinition template : camel.getRouteTemplateDefinitions()) {
                Map<String, String> defaults = catalogue.get(template.getId()) == null ? Map.of()
                        : catalogue.get(template.getId()).defaults();
                walk.route(template.getRoute(), text -> withDefaults(text, defaults), false);
            }
            for (RouteDefinition route : camel.getRouteDefinitions()) {
                walk.route(route, UnaryOperator.identity(), true);
            }
        } finally {
            stopQuietly(camel);
        }
        return mistakes;
    }

    // a context that never started has nothing to say about its stop, and at Ferry's start it would read as
    // Ferry's own Camel stopping
    private static void stopQuietly(DefaultCamelContext camel) {
        if (LoggerFactory.getLogger(AbstractCamelContext.class) instanceof Logger logger) {
            Level level = logger.getLevel();
            logger.setLevel(Level.WARN);
            try {
                camel.stop();
            } finally {
                logger.setLevel(level);
            }
        } else {
            camel.stop();
        }
    }

    private void load(DefaultCamelContext camel, Path file) {
        String shown = home.relativize(file).toString();
        try {
            lines.put(shown, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveMandatoryResource(camel,
                    "file:" + file.toAbsolutePath()));
        } catch (Exception e) {
            mistakes.add(parserMistake(shown, e));
        }
    }

    private Mistake parserMistake(String file, Exception failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof MarkedYamlEngineException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYamlEngineException marked) {
            Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(null);
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            String problem = marked.getProblem() == null ? "" : marked.getProblem();
            Matcher step = UNKNOWN_STEP.matcher(problem);
            if (step.find()) {
                return new Mistake(file, line, column, "unknown step or key '" + step.group(1) + "'"
                        + Suggestions.hint(step.group(1), names().steps()) + hintForIndentation());
            }
            Matcher key = UNKNOWN_KEY.matcher(problem);
            if (key.find()) {
                return new Mistake(file, line, lines.columnOf(file, line, key.group(1), column),
                        "unknown key '" + key.group(1) + "'" + Suggestions.hint(key.group(1), names().keys()));
            }
            String said = problem.isBlank() ? firstLine(marked.getMessage()) : problem;
            // snakeyaml's own exceptions are syntax; Camel's (unknown step, duplicate key) are the DSL's
            boolean syntax = marked.getClass().getName().startsWith("org.snakeyaml");
            return new Mistake(file, line, column, syntax ? "not valid YAML (check the indentation): " + said : said);
        }
        return new Mistake(file, 1, 1, firstLine(failure.getMessage()));
    }

    private DslNames names() {
        if (names == null) {
            names = new DslNames();
        }
        return names;
    }

    private static String hintForIndentation() {
        return "; a step that is not misspelt may be indented one level too deep or too shallow";
    }

    private static String kameletName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.kamelet\\.yaml$", "");
    }

    /** A Kamelet's {@code {{property}}} as its default would fill it in, so the text can be parsed. */
    private static String withDefaults(String text, Map<String, String> defaults) {
        Matcher parameter = TEMPLATE_PARAMETER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            String value = defaults.getOrDefault(parameter.group(1), parameter.group(0));
            parameter.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(filled).toString();
    }

    private static String firstLine(String message) {
        return message == null ? "cannot be read" : message.lines().findFirst().orElse(message).strip();
    }

}
