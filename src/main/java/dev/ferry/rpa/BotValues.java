package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the values of a bot file may name, and the check of their placeholders: the declared secrets, what
 * the extract steps fill anywhere in the file, and the items of the forEach loops around the value being read.
 */
final class BotValues {

    private final BotYaml yaml;
    private final Set<String> secrets;
    /** What each extract step fills: a text, or a table (a list of rows). */
    private final Map<String, String> extracted = new HashMap<>();
    /** The item names of all forEach loops in the file, and of those around the value being read. */
    private final Set<String> loopItems = new HashSet<>();
    private final Set<String> items = new LinkedHashSet<>();

    BotValues(BotYaml yaml, Set<String> secrets, JsonNode steps) {
        this.yaml = yaml;
        this.secrets = secrets;
        collectNames(steps, "/steps");
    }

    private void collectNames(JsonNode node, String pointer) {
        if (node.isObject()) {
            noteExtracted(node, pointer, "extract", "text");
            noteExtracted(node, pointer, "extractTable", "table");
            JsonNode as = node.path("forEach").path("as");
            if (as.isTextual() && !Placeholders.ROOTS.contains(as.asText())) {
                loopItems.add(as.asText());
            }
            node.fields().forEachRemaining(field -> collectNames(field.getValue(), pointer + "/" + field.getKey()));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNames(node.get(i), pointer + "/" + i);
        }
    }

    private void noteExtracted(JsonNode node, String pointer, String step, String kind) {
        JsonNode into = node.path(step).path("into");
        if (!into.isTextual()) {
            return;
        }
        if (!kind.equals(extracted.getOrDefault(into.asText(), kind))) {
            throw yaml.atValue(pointer + "/" + step + "/into", "'" + into.asText() + "' is extracted both as a text "
                    + "and as a table: give each a name of its own");
        }
        extracted.put(into.asText(), kind);
    }

    /** Whether a forEach around the value being read names its item so. */
    boolean inLoopOf(String item) {
        return items.contains(item);
    }

    /** Reads the steps of a forEach, in which its item may be named. */
    <T> T inLoop(String item, Supplier<T> steps) {
        items.add(item);
        try {
            return steps.get();
        } finally {
            items.remove(item);
        }
    }

    /**
     * The text of a value that may hold placeholders, each checked against what the bot declares and extracts
     * and the items of the forEach loops around the value.
     */
    String template(JsonNode parent, String pointer, String field) {
        String text = yaml.text(parent, pointer, field);
        for (Placeholders.Reference reference : Placeholders.references(text)) {
            if (loopItems.contains(reference.root()) && !items.contains(reference.root())) {
                throw yaml.atValue(pointer + "/" + field, "'${" + reference.root() + "…}' is used outside the forEach "
                        + "whose item it names: use it in that forEach's steps");
            }
        }
        String problem = Placeholders.problem(text, secrets, extracted.keySet(), items);
        if (problem != null) {
            throw yaml.atValue(pointer + "/" + field, problem);
        }
        return text;
    }
}
