package dev.ferry.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.orders.OrderFieldNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which fields a reviewer changed, as JSON pointers, so the journal can say it in one line. */
final class PayloadChanges {

    private static final int SHOWN = 5;

    private PayloadChanges() {
    }

    /** The pointers of every value added, removed or changed, in document order. */
    static List<String> between(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        collect("", before, after, changed);
        return changed;
    }

    /** "/shipTo/postalCode, /lines/0/quantity", shortened to the first few; "no fields" when nothing changed. */
    static String summary(List<String> pointers) {
        if (pointers.isEmpty()) {
            return "no fields changed";
        }
        String shown = String.join(", ", pointers.subList(0, Math.min(SHOWN, pointers.size())));
        return pointers.size() > SHOWN ? shown + " and " + (pointers.size() - SHOWN) + " more" : shown;
    }

    /**
     * Each change as the history shows it, named as the form names the field and counting lines from 1:
     * "Line 2 SKU: DISCONTINUED-LAMP → SKU-TEAPOT", "Postal code: 00000 → 1100-048".
     */
    static List<String> described(JsonNode before, JsonNode after) {
        return between(before, after).stream()
                .map(pointer -> OrderFieldNames.of(pointer) + ": " + shown(before.at(pointer)) + " → "
                        + shown(after.at(pointer)))
                .toList();
    }

    /** The history's words for an edit: every change, or the first few and how many more. */
    static String describedSummary(JsonNode before, JsonNode after) {
        List<String> changes = described(before, after);
        if (changes.isEmpty()) {
            return "No fields changed.";
        }
        String shown = String.join("; ", changes.subList(0, Math.min(SHOWN, changes.size())));
        return changes.size() > SHOWN ? shown + "; and " + (changes.size() - SHOWN) + " more" : shown;
    }

    private static final int LONGEST_VALUE = 80;

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "(empty)";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "(a list)" : "(a group of fields)";
        }
        String text = value.asText();
        return text.isEmpty() ? "(empty)" : InboxStore.truncate(text, LONGEST_VALUE);
    }

    private static void collect(String at, JsonNode before, JsonNode after, List<String> changed) {
        if (before == null || after == null || before.isMissingNode() || after.isMissingNode()) {
            if (!isAbsent(before) || !isAbsent(after)) {
                changed.add(at);
            }
        } else if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(at + "/" + escape(name), before.get(name), after.get(name), changed);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                collect(at + "/" + i, before.get(i), after.get(i), changed);
            }
        } else if (!sameValue(before, after)) {
            changed.add(at);
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode();
    }

    // 2 and 2.0 are the same quantity, whether the payload was read with doubles or decimals
    private static boolean sameValue(JsonNode before, JsonNode after) {
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    // RFC 6901: "~" and "/" inside a name are escaped
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
