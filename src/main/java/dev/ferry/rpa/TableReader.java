package dev.ferry.rpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an HTML table into rows keyed by header text: the header row is the table's last {@code thead} row,
 * else its first row; the other rows of its body are the data. A cell spanning columns fills the first of them.
 */
final class TableReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    // one round trip: the table at or around the element, its header texts and the texts of its body rows
    private static final String READ = """
            element => {
              const table = element.closest('table') || element.querySelector('table');
              if (!table) {
                return null;
              }
              const texts = row => {
                const cells = [];
                for (const cell of row.cells) {
                  cells.push(cell.innerText);
                  for (let i = 1; i < cell.colSpan; i++) {
                    cells.push('');
                  }
                }
                return cells;
              };
              const rows = Array.from(table.rows);
              const head = table.tHead && table.tHead.rows.length ? table.tHead.rows[table.tHead.rows.length - 1] : rows[0];
              const body = rows.filter(row => row !== head && row.parentElement !== table.tHead
                  && row.parentElement !== table.tFoot);
              return JSON.stringify({ headers: head ? texts(head) : [], rows: body.map(texts) });
            }""";

    private TableReader() {
    }

    /** A header text as it is compared: trimmed, with each run of white space as one space. */
    static String header(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * The rows of the table at or around {@code element} ({@code what} names it for messages after "the table":
     * {@code 'Shipments'}, {@code around text 'NF-'}), keyed by header
     * text; or, when {@code columns} are given (name to header text), by those names, in that order.
     */
    static ArrayNode read(BotSession session, Locator element, String what, Map<String, String> columns) {
        String found = (String) element.evaluate(READ);
        if (found == null) {
            throw session.screenChanged("no table " + what, "extractTable found no table element " + what);
        }
        JsonNode table = parse(found);
        List<String> headers = new ArrayList<>();
        table.path("headers").forEach(cell -> headers.add(header(cell.asText())));
        Map<String, Integer> positions = positions(session, headers, what, columns);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (JsonNode cells : table.path("rows")) {
            ObjectNode row = rows.addObject();
            positions.forEach((name, index) -> row.put(name, cells.path(index).asText("").strip()));
        }
        return rows;
    }

    /** Where each kept column is: all columns with header text, or those {@code columns} names. */
    private static Map<String, Integer> positions(BotSession session, List<String> headers, String what,
            Map<String, String> columns) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            for (int i = 0; i < headers.size(); i++) {
                if (!headers.get(i).isEmpty()) {
                    positions.putIfAbsent(headers.get(i), i);
                }
            }
            return positions;
        }
        columns.forEach((name, header) -> {
            int index = headers.indexOf(header);
            if (index < 0) {
                throw session.screenChanged("no column '" + header + "' in the table " + what + " (its columns: "
                        + String.join(", ", headers.stream().filter(h -> !h.isEmpty()).toList()) + ")",
                        "extractTable column " + name + ": no header '" + header + "' among " + headers);
            }
            positions.put(name, index);
        });
        return positions;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the table could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
