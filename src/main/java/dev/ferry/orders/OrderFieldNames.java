package dev.ferry.orders;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order's fields as the inbox form names them, from the JSON pointers the validator and the journal use:
 * {@code /lines/1/sku} is "Line 2 SKU" (people count lines from 1), {@code /shipTo/postalCode} "Postal code".
 */
public final class OrderFieldNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("/externalId", "Shop's order number"),
            Map.entry("/source", "Source"),
            Map.entry("/currency", "Currency"),
            Map.entry("/notes", "Notes"),
            Map.entry("/customer", "Customer"),
            Map.entry("/customer/id", "Customer id"),
            Map.entry("/customer/name", "Customer name"),
            Map.entry("/customer/email", "Customer email"),
            Map.entry("/shipTo", "Delivery address"),
            Map.entry("/shipTo/name", "Recipient name"),
            Map.entry("/shipTo/street", "Street"),
            Map.entry("/shipTo/postalCode", "Postal code"),
            Map.entry("/shipTo/city", "City"),
            Map.entry("/shipTo/country", "Country code"),
            Map.entry("/shipping", "Shipping"),
            Map.entry("/shipping/service", "Shipping service"),
            Map.entry("/lines", "Lines"));

    private static final Map<String, String> LINE_FIELDS = Map.of(
            "sku", "SKU", "quantity", "quantity", "unitPrice", "unit price");

    private static final Pattern LINE = Pattern.compile("/lines/(\\d+)(?:/(.+))?");

    private OrderFieldNames() {
    }

    /** The field's name for a person; a field the form does not know is named by its own words, never a pointer. */
    public static String of(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "The order";
        }
        String known = NAMES.get(pointer);
        if (known != null) {
            return known;
        }
        Matcher line = LINE.matcher(pointer);
        if (line.matches()) {
            String number = "Line " + (Long.parseLong(line.group(1)) + 1);
            return line.group(2) == null ? number
                    : number + " " + LINE_FIELDS.getOrDefault(line.group(2), words(line.group(2)));
        }
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        String words = words(last);
        return words.isEmpty() ? pointer : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "unitPrice" is "unit price", "crmUpdateId" is "crm update id": camel case as words in lower case. */
    public static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase();
    }
}
