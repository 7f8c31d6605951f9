package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${...}} in bot values: {@code ${input.shipTo.city}}, {@code ${secrets.portal-password}},
 * {@code ${extracted.consignmentNumber}}, and inside a forEach its item ({@code ${line.sku}}, or {@code ${line}}),
 * optionally piped through functions:
 * {@code count}, {@code sum(field)}, {@code join(field)}, {@code times(number)}, {@code remove(text)},
 * e.g. {@code ${input.lines | sum(quantity) | times(2.5)}}.
 */
final class Placeholders {

    static final Set<String> ROOTS = Set.of("input", "secrets", "extracted");
    static final Set<String> FUNCTIONS = Set.of("count", "sum", "join", "times", "remove");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern FUNCTION = Pattern.compile("([a-z]+)(?:\\((.*)\\))?");

    private Placeholders() {
    }

    /** A placeholder's parts: root, path below it, and the functions it is piped through. */
    record Reference(String root, String path, List<String> functions) {
    }

    /**
     * What placeholders name during a run: the input, the secrets, what was extracted so far (a text, or a
     * table as a list of rows), and the current item of each forEach around the step, by its {@code as} name.
     */
    record Values(JsonNode input, Map<String, String> secrets, Map<String, JsonNode> extracted,
            Map<String, JsonNode> items) {
    }

    static List<Reference> references(String template) {
        List<Reference> references = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            references.add(parse(matcher.group(1)));
        }
        return references;
    }

    /**
     * What is wrong with the placeholders of this value, or null; checked when the bot file is read.
     * {@code items} are the {@code as} names of the forEach loops around the value.
     */
    static String problem(String template, Set<String> secrets, Set<String> extracted, Set<String> items) {
        if (template.contains("${") && PLACEHOLDER.matcher(template).results().count()
                != template.split("\\$\\{", -1).length - 1) {
            return "unclosed placeholder in '" + template + "': write ${input.field}";
        }
        for (Reference reference : references(template)) {
            String problem = items.contains(reference.root()) ? null : rootProblem(reference, secrets, extracted, items);
            if (problem == null) {
                problem = functionProblem(reference);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String rootProblem(Reference reference, Set<String> secrets, Set<String> extracted,
            Set<String> items) {
        if (!ROOTS.contains(reference.root())) {
            return "unknown placeholder '${" + reference.root() + "...}': use ${input.…}, ${secrets.…} or ${extracted.…}"
                    + (items.isEmpty() ? "" : ", or the item of the forEach around it: ${"
                    + String.join("}, ${", new TreeSet<>(items)) + "}");
        }
        if (reference.path().isEmpty()) {
            return "placeholder '${" + reference.root() + "}' names no field: write ${" + reference.root() + ".name}";
        }
        if (reference.root().equals("secrets") && !secrets.contains(reference.path())) {
            return "unknown secret '" + reference.path() + "': declare it under secrets: (known: "
                    + String.join(", ", secrets) + ")";
        }
        if (reference.root().equals("extracted") && !extracted.contains(reference.path())) {
            return "nothing is extracted into '" + reference.path() + "': add an extract step with into: "
                    + reference.path();
        }
        return null;
    }

    private static String functionProblem(Reference reference) {
        for (String function : reference.functions()) {
            Matcher call = FUNCTION.matcher(function);
            if (!call.matches() || !FUNCTIONS.contains(call.group(1))) {
                return "unknown function '" + function + "' (known: count, sum(field), join(field), times(n), remove(text))";
            }
        }
        return null;
    }

    static boolean usesSecret(String template) {
        return references(template).stream().anyMatch(r -> r.root().equals("secrets"));
    }

    /** The value with every placeholder filled; {@code encode} is applied to each filled-in value. */
    static String resolve(String template, Values values, UnaryOperator<String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = text(value(parse(matcher.group(1)), values));
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String resolve(String template, Values values) {
        return resolve(template, values, UnaryOperator.identity());
    }

    /** Whether the value is exactly one placeholder, such as {@code ${input.lines}}, and nothing around it. */
    static boolean single(String template) {
        return PLACEHOLDER.matcher(template).matches();
    }

    /** The value of a {@link #single} placeholder: a list or map as it is, anything else as its text. */
    static JsonNode node(String template, Values values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + template + "' is not one placeholder");
        }
        Object value = value(parse(matcher.group(1)), values);
        return value instanceof JsonNode node && node.isContainerNode() ? node : TextNode.valueOf(text(value));
    }

    private static Object value(Reference reference, Values values) {
        Object value = switch (reference.root()) {
            case "secrets" -> required(values.secrets().get(reference.path()), "the secret " + reference.path()
                    + " is not configured: set ferry.rpa.secrets." + reference.path());
            case "extracted" -> required(values.extracted().get(reference.path()), "nothing was extracted into "
                    + reference.path() + " before it was used");
            case "input" -> input(values.input(), reference.path());
            default -> item(values.items(), reference);
        };
        return apply(value, reference);
    }

    private static Reference parse(String expression) {
        String[] parts = expression.split("\\|");
        String head = parts[0].strip();
        int dot = head.indexOf('.');
        String root = dot < 0 ? head : head.substring(0, dot);
        String path = dot < 0 ? "" : head.substring(dot + 1);
        List<String> functions = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            functions.add(parts[i].strip());
        }
        return new Reference(root, path, functions);
    }

    private static Object input(JsonNode input, String path) {
        JsonNode node = input.at("/" + path.replace('.', '/'));
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("the input has no " + path);
        }
        return node;
    }

    private static Object item(Map<String, JsonNode> items, Reference reference) {
        JsonNode item = required(items.get(reference.root()), "${" + reference.root() + "} is used outside its forEach");
        if (reference.path().isEmpty()) {
            return item;
        }
        JsonNode node = item.at("/" + reference.path().replace('.', '/'));
        if (node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("the item " + reference.root() + " has no " + reference.path());
        }
        return node;
    }

    private static Object apply(Object value, Reference reference) {
        for (String function : reference.functions()) {
            Matcher call = FUNCTION.matcher(function);
            call.matches();
            String argument = call.group(2) == null ? "" : call.group(2).strip();
            value = switch (call.group(1)) {
                case "count" -> BigDecimal.valueOf(array(value, function).size());
                case "sum" -> {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (JsonNode item : array(value, function)) {
                        sum = sum.add(new BigDecimal(item.path(argument).asText("0")));
                    }
                    yield sum;
                }
                case "join" -> {
                    List<String> texts = new ArrayList<>();
                    array(value, function).forEach(item -> texts.add(item.path(argument).asText()));
                    yield String.join(", ", texts);
                }
                case "times" -> new BigDecimal(text(value)).multiply(new BigDecimal(argument));
                case "remove" -> text(value).replace(argument, "");
                default -> throw new IllegalArgumentException("unknown function " + function);
            };
        }
        return value;
    }

    private static JsonNode array(Object value, String function) {
        if (value instanceof JsonNode node && node.isArray()) {
            return node;
        }
        throw new IllegalArgumentException(function + " needs a list, not " + text(value));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof JsonNode node) {
            return node.isNumber() ? text(node.decimalValue()) : node.isValueNode() ? node.asText() : node.toString();
        }
        return String.valueOf(value);
    }

    private static <T> T required(T value, String problem) {
        if (value == null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
