package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${...}} in bot values: {@code ${input.shipTo.city}}, {@code ${secrets.portal-password}},
 * {@code ${extracted.consignmentNumber}}, optionally piped through functions:
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

    static List<Reference> references(String template) {
        List<Reference> references = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            references.add(parse(matcher.group(1)));
        }
        return references;
    }

    /** What is wrong with the placeholders of this value, or null; checked when the bot file is read. */
    static String problem(String template, Set<String> secrets, Set<String> extracted) {
        if (template.contains("${") && PLACEHOLDER.matcher(template).results().count()
                != template.split("\\$\\{", -1).length - 1) {
            return "unclosed placeholder in '" + template + "': write ${input.field}";
        }
        for (Reference reference : references(template)) {
            if (!ROOTS.contains(reference.root())) {
                return "unknown placeholder '${" + reference.root() + "...}': use ${input.…}, ${secrets.…} or ${extracted.…}";
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
            for (String function : reference.functions()) {
                Matcher call = FUNCTION.matcher(function);
                if (!call.matches() || !FUNCTIONS.contains(call.group(1))) {
                    return "unknown function '" + function + "' (known: count, sum(field), join(field), times(n), remove(text))";
                }
            }
        }
        return null;
    }

    static boolean usesSecret(String template) {
        return references(template).stream().anyMatch(r -> r.root().equals("secrets"));
    }

    /** The value with every placeholder filled; {@code encode} is applied to each filled-in value. */
    static String resolve(String template, JsonNode input, Map<String, String> secrets, Map<String, String> extracted,
            UnaryOperator<String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Reference reference = parse(matcher.group(1));
            String value = switch (reference.root()) {
                case "secrets" -> required(secrets.get(reference.path()), "the secret " + reference.path()
                        + " is not configured: set ferry.rpa.secrets." + reference.path());
                case "extracted" -> required(extracted.get(reference.path()), "nothing was extracted into "
                        + reference.path() + " before it was used");
                default -> text(apply(input(input, reference.path()), reference));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String resolve(String template, JsonNode input, Map<String, String> secrets, Map<String, String> extracted) {
        return resolve(template, input, secrets, extracted, UnaryOperator.identity());
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

    private static String required(String value, String problem) {
        if (value == null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
