package dev.ferry.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.ferry.system.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.AbstractCamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.StepDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Routes and Kamelets read by the parser Ferry runs (Camel's YAML DSL) into a Camel context that is never
 * started, then every endpoint, expression and journalled step checked where it is written. Nothing is
 * connected to: no broker, no database, no system.
 */
final class RouteCheck {

    private static final Pattern UNKNOWN_STEP = Pattern.compile("Unknown node id: (\\S+)");
    private static final Pattern UNKNOWN_KEY = Pattern.compile("Unsupported field: (\\S+)");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{\\{([\\w.-]+)}}");

    private final Path home;
    private final DslNames names = new DslNames();
    private final List<Mistake> mistakes = new ArrayList<>();
    private final Map<String, List<String>> lines = new HashMap<>();
    private final Map<String, Place> stepIds = new HashMap<>();
    private final boolean checkBeans;
    private BeanCheck beans;

    /** {@code checkBeans}: against Ferry's own components only, so not at start (a route may name any bean). */
    RouteCheck(Path home, boolean checkBeans) {
        this.home = home;
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
            beans = checkBeans ? new BeanCheck(name -> camel.getRegistry().lookupByName(name) != null) : null;
            // at start, a Java bot may be a bean the scan of Ferry's components cannot see: Spring decides
            BotNames bots = checkBeans ? new BotNames(home, beans.javaBots()) : null;
            EndpointCheck endpoints = new EndpointCheck(new ComponentOptions(camel, Set.of("rpa")), catalogue,
                    config, bots, this::find);
            ExpressionCheck expressions = new ExpressionCheck(camel);
            PlaceholderCheck placeholders = new PlaceholderCheck(config);
            for (Path file : files) {
                String shown = home.relativize(file).toString();
                KameletCatalogue.Kamelet kamelet = kamelets.contains(file) ? catalogue.get(kameletName(file)) : null;
                placeholders.check(shown, lines.getOrDefault(shown, List.of()),
                        kamelet == null ? Set.of() : kamelet.properties(), mistakes);
            }
            for (RouteTemplateDefinition template : camel.getRouteTemplateDefinitions()) {
                Map<String, String> defaults = catalogue.get(template.getId()) == null ? Map.of()
                        : catalogue.get(template.getId()).defaults();
                walk(template.getRoute(), endpoints, expressions, text -> withDefaults(text, defaults), false);
            }
            for (RouteDefinition route : camel.getRouteDefinitions()) {
                walk(route, endpoints, expressions, UnaryOperator.identity(), true);
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
                        + Suggestions.hint(step.group(1), names.steps()) + hintForIndentation());
            }
            Matcher key = UNKNOWN_KEY.matcher(problem);
            if (key.find()) {
                return new Mistake(file, line, columnOf(file, line, key.group(1), column),
                        "unknown key '" + key.group(1) + "'" + Suggestions.hint(key.group(1), names.keys()));
            }
            String said = problem.isBlank() ? firstLine(marked.getMessage()) : problem;
            // snakeyaml's own exceptions are syntax; Camel's (unknown step, duplicate key) are the DSL's
            boolean syntax = marked.getClass().getName().startsWith("org.snakeyaml");
            return new Mistake(file, line, column, syntax ? "not valid YAML (check the indentation): " + said : said);
        }
        return new Mistake(file, 1, 1, firstLine(failure.getMessage()));
    }

    private static String hintForIndentation() {
        return "; a step that is not misspelt may be indented one level too deep or too shallow";
    }

    private void walk(RouteDefinition route, EndpointCheck endpoints, ExpressionCheck expressions,
            UnaryOperator<String> template, boolean journalled) {
        FromDefinition from = route.getInput();
        if (from != null) {
            at(from.getLocation(), from.getLineNumber(), from.getUri())
                    .forEach(place -> endpoints.check(template.apply(from.getUri()), place, mistakes));
        }
        for (ProcessorDefinition<?> output : route.getOutputs()) {
            walk(output, endpoints, expressions, template, journalled);
        }
    }

    private void walk(ProcessorDefinition<?> node, EndpointCheck endpoints, ExpressionCheck expressions,
            UnaryOperator<String> template, boolean journalled) {
        if (node instanceof SendDefinition<?> send && send.getUri() != null) {
            at(node.getLocation(), node.getLineNumber(), send.getUri())
                    .forEach(place -> endpoints.check(template.apply(send.getUri()), place, mistakes));
        }
        if (node instanceof ToDynamicDefinition dynamic && dynamic.getUri() != null) {
            at(node.getLocation(), node.getLineNumber(), dynamic.getUri())
                    .forEach(place -> endpoints.checkDynamic(template.apply(dynamic.getUri()), place, mistakes));
        }
        if (node instanceof ExpressionNode expressive && expressive.getExpression() != null) {
            expression(node.getLocation(), node.getLineNumber(), expressive.getExpression(), expressions, template);
        }
        if (beans != null && node instanceof BeanDefinition bean) {
            at(node.getLocation(), node.getLineNumber(), bean.getRef() == null ? "bean" : bean.getRef())
                    .forEach(place -> beans.check(bean.getRef(), bean.getMethod(), place, mistakes));
        }
        if (node instanceof LogDefinition log && log.getMessage() != null) {
            at(node.getLocation(), node.getLineNumber(), log.getMessage()).forEach(place ->
                    expressions.check("simple", template.apply(log.getMessage()), place, mistakes));
        }
        if (journalled && node instanceof StepDefinition step && step.getId() != null) {
            at(node.getLocation(), node.getLineNumber(), step.getId()).forEach(place -> {
                Place first = stepIds.putIfAbsent(step.getId(), place);
                if (first != null) {
                    mistakes.add(place.mistake("the step id '"
                            + step.getId() + "' is used twice (first at " + first.file() + ":" + first.line()
                            + "): a step's id names its journal entry, so each order would skip the second step"));
                }
            });
        }
        if (node instanceof ChoiceDefinition choice) {
            List<ProcessorDefinition<?>> branches = new ArrayList<>();
            for (WhenDefinition when : choice.getWhenClauses()) {
                if (when.getExpression() != null) {
                    expression(when.getLocation(), when.getLineNumber(), when.getExpression(), expressions, template);
                }
                branches.addAll(when.getOutputs());
            }
            if (choice.getOtherwise() != null) {
                branches.addAll(choice.getOtherwise().getOutputs());
            }
            branches.forEach(branch -> walk(branch, endpoints, expressions, template, journalled));
            return;
        }
        for (ProcessorDefinition<?> output : node.getOutputs()) {
            walk(output, endpoints, expressions, template, journalled);
        }
    }

    private void expression(String location, int line, ExpressionDefinition expression, ExpressionCheck expressions,
            UnaryOperator<String> template) {
        String text = expression.getExpression();
        if (text == null) {
            return;
        }
        at(location, line, text).forEach(place ->
                expressions.check(expression.getLanguage(), template.apply(text), place, mistakes));
    }

    /**
     * Where a text was written: the node's line, and the column at which the text starts on that line or the
     * next lines (a value may be on the line after its key); empty for a node Camel gave no place.
     */
    private List<Place> at(String location, int line, String text) {
        if (location == null || line <= 0) {
            return List.of();
        }
        String file = home.relativize(Path.of(location.replaceFirst("^file:", ""))).toString();
        List<String> fileLines = lines.getOrDefault(file, List.of());
        String start = text.lines().findFirst().orElse("").strip();
        int cut = start.indexOf('?');
        String needle = cut > 0 ? start.substring(0, cut) : start;
        for (int i = line - 1; i < Math.min(fileLines.size(), line + 4) && !needle.isEmpty(); i++) {
            int column = fileLines.get(i).indexOf(needle);
            if (column >= 0) {
                return List.of(new Place(file, i + 1, column + 1));
            }
        }
        return List.of(new Place(file, line, firstNonBlank(fileLines, line)));
    }

    /** Where a text is written at or after a place: the place's line from its column, then the lines below. */
    private Place find(Place from, String text) {
        List<String> fileLines = lines.getOrDefault(from.file(), List.of());
        for (int i = from.line() - 1; i < Math.min(fileLines.size(), from.line() + 30); i++) {
            int startAt = i == from.line() - 1 ? Math.max(0, from.column() - 1) : 0;
            int column = fileLines.get(i).indexOf(text, startAt);
            if (column >= 0) {
                return new Place(from.file(), i + 1, column + 1);
            }
        }
        return from;
    }

    private int columnOf(String file, int line, String text, int fallback) {
        List<String> fileLines = lines.getOrDefault(file, List.of());
        int column = line <= fileLines.size() ? fileLines.get(line - 1).indexOf(text) : -1;
        return column >= 0 ? column + 1 : fallback;
    }

    private static int firstNonBlank(List<String> fileLines, int line) {
        if (line > fileLines.size()) {
            return 1;
        }
        String text = fileLines.get(line - 1);
        return text.length() - text.stripLeading().length() + 1;
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
