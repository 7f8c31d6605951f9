package dev.ferry.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The table of typical mistakes in docs/routes.md, made here: each mistake is put into its own copy of the project,
 * ferry validate must report it alone, at the file, line and column where the marked text is written, and the
 * table lists exactly what it printed. A change to a message fails this test until the table is written again:
 * {@code ./mvnw test -Dtest=MistakeTableTests -Dferry.docs.write=true}.
 */
class MistakeTableTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path DOC = PROJECT.resolve("docs/routes.md");
    private static final String START = "<!-- mistakes: made by MistakeTableTests -->";
    private static final String END = "<!-- end of mistakes -->";

    /**
     * One typical mistake: in {@code file}, {@code old} becomes {@code made}; it is reported where {@code at} (a
     * part of {@code made}) is written in the file after the change.
     */
    private record Case(String mistake, String file, String old, String made, String reportedIn, String at, int past) {

        Case(String mistake, String file, String old, String made, String at) {
            this(mistake, file, old, made, file, at, 0);
        }

        Case(String mistake, String file, String old, String made, String reportedIn, String at) {
            this(mistake, file, old, made, reportedIn, at, 0);
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("YAML indented one level too shallow", "routes/crm-order-pull.yaml",
                    "        - setBody:\n", "       - setBody:\n", "- setBody"),
            new Case("`too:` for `to:`", "routes/order-fulfilment.yaml",
                    "- to:\n            uri: \"direct:fulfil-order\"", "- too:\n            uri: \"direct:fulfil-order\"",
                    "too:"),
            new Case("a misspelt option of an endpoint (`concurentConsumers`)", "routes/order-fulfilment.yaml",
                    "concurrentConsumers: \"{{ferry.fulfilment.consumers}}\"",
                    "concurentConsumers: \"{{ferry.fulfilment.consumers}}\"", "concurentConsumers"),
            new Case("`?conectTimeout=` on a `kamelet:` endpoint", "routes/order-fulfilment.yaml",
                    "kamelet:crm-get-customer-action\"", "kamelet:crm-get-customer-action?conectTimeout=500\"",
                    "conectTimeout"),
            new Case("`?conectTimeout=` on an `https:` endpoint", "routes/order-fulfilment.yaml",
                    "uri: \"direct:fulfil-order\"", "uri: \"https://status.example.com/ping?conectTimeout=500\"",
                    "conectTimeout"),
            new Case("an unfinished Simple expression (`${body.size()`)", "routes/crm-order-pull.yaml",
                    "\"${body.size()}\"", "\"${body.size()\"", "${body"),
            new Case("a jq expression that does not parse", "routes/order-fulfilment.yaml",
                    "'.shipping.service", "'((.shipping.service", "((.shipping"),
            new Case("a Kamelet that is not in connectors/", "routes/order-fulfilment.yaml",
                    "kamelet:erp-create-sales-order-action", "kamelet:erp-create-salesorder-action",
                    "erp-create-salesorder-action"),
            new Case("a Kamelet's required property left out", "connectors/crm/crm-get-customer-action.kamelet.yaml",
                    "    type: object\n    properties:\n",
                    "    type: object\n    required: [customerSegment]\n    properties:\n      customerSegment:\n"
                            + "        type: string\n", "routes/order-fulfilment.yaml", "kamelet:crm-get-customer-action"),
            new Case("a JSONata mapping with a syntax error", "connectors/erp/create-sales-order.jsonata",
                    // the parser stops after the second comma
                    "\"reference\": orderId,", "\"reference\": orderId,,", "connectors/erp/create-sales-order.jsonata", ",,", 2),
            new Case("a method the bean does not have", "routes/order-fulfilment.yaml",
                    "ref: orderRules\n                  method: check", "ref: orderRules\n                  method: chek",
                    "orderRules"),
            new Case("a journalled step id used twice", "routes/order-fulfilment.yaml",
                    "id: resolve-customer", "id: check-rules", "check-rules"),
            new Case("a placeholder with no value in the profile", "routes/order-fulfilment.yaml",
                    "{{ferry.fulfilment.consumers}}", "{{ferry.fulfilment.consumerz}}", "{{ferry.fulfilment.consumerz}}"),
            new Case("a bot's misspelt step (`clik`)", "rpa-bots/nordic-freight/book-freight.yaml",
                    "- click: { role: button, name: \"Log in\" }", "- clik: { role: button, name: \"Log in\" }", "clik"),
            new Case("a bot's broken CSS selector", "rpa-bots/nordic-freight/book-freight.yaml",
                    "- click: { role: button, name: \"Log in\" }", "- click: { css: \"button[type=submit\" }",
                    "\"button[type=submit"),
            new Case("a bot's secret with no value", "rpa-bots/nordic-freight/book-freight.yaml",
                    "secrets: [portal-username, portal-password]",
                    "secrets: [portal-username, portal-password, portal-pin]", "portal-pin"),
            new Case("a setting nothing reads (`ferry.fulfilment.consumer`)", "config/application.yaml",
                    "    consumers: 4\n", "    consumers: 4\n    consumer: 8\n", "consumer: 8"));

    @TempDir
    Path scratch;

    @Test
    void eachTypicalMistakeIsReportedAloneWhereItIsWrittenAndTheDocsShowWhatValidatePrints() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case mistake = CASES.get(i);
            Path home = scratch.resolve("case-" + i);
            for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
                FileSystemUtils.copyRecursively(PROJECT.resolve(folder), home.resolve(folder));
            }
            Place expected = make(home, mistake);

            List<Mistake> reported = new Validator(home, List.of("sandbox"), Map.of()).mistakes();

            assertThat(reported).as(mistake.mistake()).singleElement().satisfies(m -> {
                assertThat(m.file()).as(mistake.mistake()).isEqualTo(expected.file());
                assertThat(m.line()).as(mistake.mistake() + ": " + m).isEqualTo(expected.line());
                assertThat(m.column()).as(mistake.mistake() + ": " + m).isEqualTo(expected.column());
            });
            rows.add("| " + (i + 1) + " | " + mistake.mistake() + " | `" + reported.get(0).toString()
                    .replace("|", "\\|").replace("`", "'") + "` |");
        }
        String table = START + "\n| # | mistake | what `ferry validate` prints |\n| --- | --- | --- |\n"
                + String.join("\n", rows) + "\n" + END;
        String doc = Files.readString(DOC);
        Matcher kept = Pattern.compile(Pattern.quote(START) + ".*?" + Pattern.quote(END), Pattern.DOTALL).matcher(doc);
        assertThat(kept.find()).as("docs/routes.md holds the table between " + START + " and " + END).isTrue();
        if (Boolean.getBoolean("ferry.docs.write")) {
            Files.writeString(DOC, doc.substring(0, kept.start()) + table + doc.substring(kept.end()));
            return;
        }
        assertThat(kept.group()).as("docs/routes.md's table of mistakes (-Dferry.docs.write=true writes it)")
                .isEqualTo(table);
    }

    /** Makes the mistake and says where it must be reported: where {@code at} is (after the change in its file). */
    private static Place make(Path home, Case mistake) throws IOException {
        Path file = home.resolve(mistake.file());
        String text = Files.readString(file);
        int offset = text.indexOf(mistake.old());
        assertThat(offset).as(mistake.file() + " holds " + mistake.old()).isNotNegative();
        String changed = text.substring(0, offset) + mistake.made() + text.substring(offset + mistake.old().length());
        Files.writeString(file, changed);
        boolean here = mistake.reportedIn().equals(mistake.file());
        String reported = here ? changed : Files.readString(home.resolve(mistake.reportedIn()));
        int at = reported.indexOf(mistake.at(), here ? offset : 0);
        assertThat(at).as(mistake.at()).isNotNegative();
        return placeOf(mistake.reportedIn(), reported, at + mistake.past());
    }

    private static Place placeOf(String file, String text, int offset) {
        String before = text.substring(0, offset);
        return new Place(file, (int) before.chars().filter(c -> c == '\n').count() + 1, offset - before.lastIndexOf('\n'));
    }
}
