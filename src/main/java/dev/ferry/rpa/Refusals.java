package dev.ferry.rpa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a data refusal, for the reviewer who corrects the order: the system's own message quoted, the field
 * named as the form names it, and what to do. Technical words (codes, the bot file's place) go in the detail.
 */
final class Refusals {

    /** Options listed in a "does not offer" message; a longer list ends "and N more". */
    static final int OPTIONS_SHOWN = 25;
    /** A value typed longer than this is not repeated in the message (the field's own message says enough). */
    private static final int VALUE_SHOWN = 40;

    private Refusals() {
    }

    /**
     * A message the system showed about the data: its text, and the label of the field it is about with the value
     * the field held ({@code field} null: a message about the page, "Please correct the marked fields.").
     */
    record Message(String field, String value, String text) {
    }

    /** The option of a list as the page shows it: its value and its visible text. */
    record Option(String value, String text) {

        @Override
        public String toString() {
            // the value in brackets only where the order could hold something other than the text
            return value.isEmpty() || value.equalsIgnoreCase(text) ? text : text + " (" + value + ")";
        }
    }

    /**
     * "The Nordic Freight portal refused the postal code '1250/146': "Postal code may contain only ...". Correct the
     * postal code in the order and replay." Messages about fields are quoted; a message about the page only when
     * no field has one (it says no more than "correct the marked fields").
     */
    static String refused(String system, List<Message> messages) {
        Map<String, List<Message>> byField = new LinkedHashMap<>();
        List<String> page = new ArrayList<>();
        for (Message message : messages) {
            if (message.field() == null || message.field().isBlank()) {
                page.add(message.text());
            } else {
                byField.computeIfAbsent(message.field(), f -> new ArrayList<>()).add(message);
            }
        }
        if (byField.isEmpty()) {
            return BotSession.capital(system) + " refused the data: " + quoted(page)
                    + " Correct the order and replay.";
        }
        List<String> named = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        byField.forEach((label, of) -> {
            String field = "the " + prose(label);
            String value = of.get(0).value();
            named.add(value == null || value.isEmpty() || value.length() > VALUE_SHOWN ? field
                    : field + " '" + value + "'");
            plain.add(field);
            of.forEach(message -> texts.add(message.text()));
        });
        return BotSession.capital(system) + " refused " + and(named) + ": " + quoted(texts) + " Correct "
                + and(plain) + " in the order and replay.";
    }

    /**
     * "The Nordic Freight portal does not offer country 'US': its list 'Country' offers only Sweden (SE), ....
     * Correct the country in the order and replay."
     */
    static String notOffered(String system, String label, String list, String option, List<Option> offered) {
        String field = label == null ? "it" : "the " + prose(label);
        List<Option> real = offered.stream().filter(o -> !o.value().isEmpty()).toList();
        String choices;
        if (real.isEmpty()) {
            choices = "its " + list + " offers nothing to choose.";
        } else {
            List<String> shown = real.stream().limit(OPTIONS_SHOWN).map(Option::toString).toList();
            choices = "its " + list + " offers only " + String.join(", ", shown)
                    + (real.size() > shown.size() ? " and " + (real.size() - shown.size()) + " more" : "") + ".";
        }
        return BotSession.capital(system) + " does not offer " + (label == null ? "" : prose(label) + " ") + "'"
                + option + "': " + choices + " Correct " + field + " in the order and replay.";
    }

    /** "Postal code" as said in a sentence, "postal code"; a word in capitals (SKU, VAT) stays as it is. */
    static String prose(String label) {
        String text = label.strip().replaceAll("\\s*[:*]+$", "");
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    private static String quoted(List<String> texts) {
        return String.join(" ", texts.stream().map(t -> "\"" + t + "\"").toList());
    }

    private static String and(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
