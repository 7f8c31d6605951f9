package dev.ferry.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * ferry validate on a copy of this project's routes, connectors, bots and config, with one mistake an engineer
 * typically makes put into it at a time: each is reported where it is written, with a hint, and nothing else is.
 */
class ValidatorTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path home;

    @BeforeEach
    void copyTheProject() throws IOException {
        for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
            FileSystemUtils.copyRecursively(PROJECT.resolve(folder), home.resolve(folder));
        }
    }

    @Test
    void theProjectAsShippedHasNoMistake() {
        assertThat(mistakes()).isEmpty();
    }

    @Test
    void theProjectAsShippedHasNoMistakeInAnyProfile() {
        for (List<String> profiles : List.of(List.<String>of(), List.of("sandbox"), List.of("embedded"),
                List.of("cluster"), List.of("sandbox", "cluster"))) {
            // outside the sandbox the portal's login comes from the environment; without it validate says so
            Map<String, String> environment = profiles.contains("sandbox") ? Map.of()
                    : Map.of("FERRY_RPA_SECRETS_PORTALUSERNAME", "u", "FERRY_RPA_SECRETS_PORTALPASSWORD", "p");
            assertThat(new Validator(home, profiles, environment).mistakes()).as("profiles %s", profiles).isEmpty();
        }
    }

    @Test
    void aSettingNothingReadsIsNamedWithTheOneMeant() throws IOException {
        Place key = replace("config/application.yaml", "republish-every: 10s", "republish-evry: 10s");

        assertThat(mistakes()).containsExactly(key.mistake("unknown setting ferry.intake.republish-evry; did you"
                + " mean ferry.intake.republish-every?"));
    }

    @Test
    void aSettingOfAProfileInUseIsCheckedToo() throws IOException {
        Place key = replace("config/application-sandbox.yaml", "    days-back: 0", "    day-back: 0");

        assertThat(mistakes()).containsExactly(key.plus(4).mistake("unknown setting ferry.reconciliation.day-back;"
                + " did you mean ferry.reconciliation.days-back?"));
    }

    @Test
    void aSettingNothingLikeAnyOtherSaysSo() throws IOException {
        Place key = replace("config/application.yaml", "  rules:\n", "  zebra: 3\n  rules:\n");

        assertThat(mistakes()).containsExactly(key.plus(2).mistake("unknown setting ferry.zebra: no code, route or"
                + " Kamelet of Ferry reads it (its settings: docs/configuration.md)"));
    }

    @Test
    void theKeysOfAMapOrAListOfSettingsAreNotReported() throws IOException {
        // a new system, a new secret, a new schedule and a user are names of their own, not typos
        replace("config/application.yaml", "  connectors:\n", "  connectors:\n    billing:\n"
                + "      base-url: http://billing\n      auth: basic\n      username: u\n");
        replace("config/application.yaml", "    secrets: {}", "    secrets:\n      billing-password: pw");
        replace("config/application.yaml", "  schedules:\n", "  schedules:\n    billing-sync:\n"
                + "      cron: \"0 0 * * * ?\"\n      misfire: skip\n");
        replace("config/application.yaml", "    users: []", "    users:\n      - username: ann\n"
                + "        password: \"{noop}x\"\n        roles: [REVIEWER]");
        // relaxed binding: Spring reads camelCase as the kebab-case name
        replace("config/application.yaml", "republish-every: 10s", "republishEvery: 10s");

        assertThat(mistakes()).isEmpty();
    }

    @Test
    void aToDsOptionsAreCheckedButNotTheirDynamicParts() throws IOException {
        write("routes/dynamic.yaml", """
                - route:
                    id: dynamic
                    from:
                      uri: "direct:dynamic"
                      steps:
                        - toD: "jms:queue:${header.queue}?timeToLiv=5000&${header.option}=1"
                        - toD:
                            uri: "jms:queue:${header.queue}"
                            parameters:
                              deliveryPersistant: true
                              replyTo: "${header.replyTo}"
                """);

        assertThat(mistakes()).containsExactly(
                new Mistake("routes/dynamic.yaml", 6, 43, "the jms endpoint has no option 'timeToLiv' (did you mean"
                        + " 'timeToLive'?)"),
                new Mistake("routes/dynamic.yaml", 10, 15, "the jms endpoint has no option 'deliveryPersistant' (did"
                        + " you mean 'deliveryPersistent'?)"));
    }

    @Test
    void aBotThatIsNotInRpaBotsIsNamedWithTheOneMeant() throws IOException {
        Place uri = replace("routes/order-fulfilment.yaml", "rpa:book-freight", "rpa:boook-freight");

        assertThat(mistakes()).containsExactly(uri.plus(4).mistake("no bot 'boook-freight'; did you mean"
                + " 'book-freight'?"));
    }

    @Test
    void aJavaBotIsKnownByTheNameItsCodeGives() throws IOException {
        // shipment-statuses is no file of rpa-bots/: ShipmentStatusBot.name() gives it
        Place uri = replace("routes/tracking-sync.yaml", "rpa:shipment-statuses", "rpa:shipment-status");

        assertThat(mistakes()).containsExactly(uri.plus(4).mistake("no bot 'shipment-status'; did you mean"
                + " 'shipment-statuses'?"));
    }

    @Test
    void aMisspeltStepIsNamedWithTheOneMeant() throws IOException {
        Place to = replace("routes/order-fulfilment.yaml", "- to:\n            uri: \"direct:fulfil-order\"",
                "- too:\n            uri: \"direct:fulfil-order\"");

        assertThat(mistakes()).containsExactly(to.plus(2).mistake("unknown step or key 'too' (did you mean 'to'?);"
                + " a step that is not misspelt may be indented one level too deep or too shallow"));
    }

    @Test
    void aMisspeltEndpointOptionIsFoundUnderParameters() throws IOException {
        Place option = replace("routes/order-fulfilment.yaml",
                "concurrentConsumers: \"{{ferry.fulfilment.consumers}}\"",
                "concurentConsumers: \"{{ferry.fulfilment.consumers}}\"");

        assertThat(mistakes()).containsExactly(option.mistake(
                "the jms endpoint has no option 'concurentConsumers' (did you mean 'concurrentConsumers'?)"));
    }

    @Test
    void anUnknownHttpOptionIsAnErrorThoughCamelWouldSendItOn() throws IOException {
        write("routes/ping.yaml", """
                - route:
                    id: ping
                    from:
                      uri: "direct:ping"
                      steps:
                        - to: "https://status.example.com/ping?conectTimeout=500"
                """);

        assertThat(mistakes()).containsExactly(new Mistake("routes/ping.yaml", 6, 48, "the https endpoint has no"
                + " option 'conectTimeout' (did you mean 'connectTimeout'?); 'connectTimeout' is set once for the"
                + " https component, as camel.component.https.connect-timeout in config/; https would send it to the"
                + " system as a query parameter (a query parameter belongs in the CamelHttpQuery header)"));
    }

    @Test
    void anUnknownComponentIsNamedWithTheOneMeant() throws IOException {
        Place uri = replace("routes/order-fulfilment.yaml", "uri: \"direct:fulfil-order\"",
                "uri: \"drect:fulfil-order\"");

        assertThat(mistakes()).containsExactly(uri.plus(6).mistake("unknown component 'drect' (did you mean"
                + " 'direct'?); the components in Ferry are listed in docs/routes.md#components"));
    }

    @Test
    void aKameletThatIsNotInConnectorsIsNamedWithTheOneMeant() throws IOException {
        Place uri = replace("routes/order-fulfilment.yaml", "kamelet:erp-create-sales-order-action",
                "kamelet:erp-create-salesorder-action");

        assertThat(mistakes()).containsExactly(uri.plus(8).mistake("no Kamelet 'erp-create-salesorder-action' in"
                + " connectors/ (did you mean 'erp-create-sales-order-action'?) (a Kamelet is"
                + " connectors/<system>/<name>.kamelet.yaml)"));
    }

    @Test
    void aKameletPropertyItDoesNotTakeIsAnError() throws IOException {
        Place uri = replace("routes/order-fulfilment.yaml", "kamelet:crm-get-customer-action\"",
                "kamelet:crm-get-customer-action?conectTimeout=500\"");

        assertThat(mistakes()).containsExactly(uri.plus(32).mistake("the Kamelet 'crm-get-customer-action' has no"
                + " property 'conectTimeout' (its properties: baseUrl, connector, method, path;"
                + " connectors/crm/crm-get-customer-action.kamelet.yaml)"));
    }

    @Test
    void aRequiredKameletPropertyWithoutDefaultMustBeGiven() throws IOException {
        replace("connectors/crm/crm-get-customer-action.kamelet.yaml", "    type: object\n",
                "    type: object\n    required: [customerSegment]\n");
        replace("connectors/crm/crm-get-customer-action.kamelet.yaml", "    properties:\n",
                "    properties:\n      customerSegment:\n        type: string\n");
        Place uri = find("routes/order-fulfilment.yaml", "kamelet:crm-get-customer-action");

        assertThat(mistakes()).containsExactly(uri.mistake("the Kamelet 'crm-get-customer-action' needs the property"
                + " 'customerSegment' (give it in the URI, ?customerSegment=..., or as"
                + " camel.kamelet.crm-get-customer-action.customerSegment in config/)"));
    }

    @Test
    void aBrokenSimpleExpressionIsReportedWhereItIsWritten() throws IOException {
        Place expression = replace("routes/crm-order-pull.yaml", "\"${body.size()}\"", "\"${body.size()\"");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo(expression.file());
            assertThat(mistake.line()).isEqualTo(expression.line());
            assertThat(mistake.column()).isEqualTo(expression.column() + 1);
            assertThat(mistake.message()).startsWith("The Simple expression does not parse: ");
        });
    }

    @Test
    void aBrokenJqExpressionIsReported() throws IOException {
        Place expression = replace("routes/order-fulfilment.yaml", "'.shipping.service", "'((.shipping.service");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo(expression.file());
            assertThat(mistake.line()).isEqualTo(expression.line());
            assertThat(mistake.message()).startsWith("The jq expression does not parse: ");
        });
    }

    @Test
    void aPlaceholderWithoutAValueInTheProfileIsNamedWithTheKeyMeant() throws IOException {
        Place placeholder = replace("routes/order-fulfilment.yaml", "{{ferry.fulfilment.consumers}}",
                "{{ferry.fulfilment.consumerz}}");

        assertThat(mistakes()).containsExactly(placeholder.mistake("'{{ferry.fulfilment.consumerz}}' has no value"
                + " (did you mean 'ferry.fulfilment.consumers'?): nothing sets ferry.fulfilment.consumerz for the"
                + " profiles [sandbox] (set it in config/ or the environment, or give a default:"
                + " {{ferry.fulfilment.consumerz:value}})"));
    }

    @Test
    void aPlaceholderWithADefaultOrFromTheEnvironmentHasAValue() throws IOException {
        replace("routes/order-fulfilment.yaml", "{{ferry.fulfilment.consumers}}", "{{ferry.fulfilment.consumerz:4}}");
        replace("routes/order-fulfilment.yaml", "{{ferry.intake.queue}}", "{{ferry.bot.threads}}");

        assertThat(new Validator(home, List.of("sandbox"), Map.of("FERRY_BOT_THREADS", "2")).mistakes()).isEmpty();
    }

    @Test
    void aKameletsTemplateMayNameOnlyItsOwnPropertiesOrConfig() throws IOException {
        Place placeholder = replace("connectors/erp/erp-create-sales-order-action.kamelet.yaml", "jsonata:{{mapping}}",
                "jsonata:{{mapingg}}");

        assertThat(mistakes()).containsExactly(placeholder.plus(8).mistake("'{{mapingg}}' has no value (did you mean"
                + " 'mapping'?): nothing sets mapingg for the profiles [sandbox] and the Kamelet has no such"
                + " property (set it in config/ or the environment, or give a default: {{mapingg:value}})"));
    }

    @Test
    void aBeanFerryDoesNotHaveIsNamedWithTheOneMeant() throws IOException {
        Place ref = replace("routes/order-fulfilment.yaml", "ref: orderRules", "ref: orderRule");

        assertThat(mistakes()).containsExactly(ref.plus(5).mistake("no bean 'orderRule' in Ferry (did you mean"
                + " 'orderRules'?) (the beans routes may call: docs/routes.md#beans-routes-may-call)"));
    }

    @Test
    void aMethodTheBeanDoesNotHaveIsNamedWithTheOneMeant() throws IOException {
        replace("routes/order-fulfilment.yaml", "ref: orderRules\n                  method: check",
                "ref: orderRules\n                  method: chek");
        Place ref = find("routes/order-fulfilment.yaml", "ref: orderRules");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo(ref.file());
            assertThat(mistake.line()).isEqualTo(ref.line());
            assertThat(mistake.message()).startsWith("the bean 'orderRules' has no method 'chek' (did you mean"
                    + " 'check'?) (its methods: ");
        });
    }

    @Test
    void aStepIdUsedTwiceWouldSkipTheSecondStep() throws IOException {
        Place second = replace("routes/order-fulfilment.yaml", "id: resolve-customer", "id: check-rules");
        Place first = find("routes/order-fulfilment.yaml", "id: check-rules");

        assertThat(mistakes()).containsExactly(second.plus(4).mistake("the step id 'check-rules' is used twice"
                + " (first at routes/order-fulfilment.yaml:" + first.line() + "): a step's id names its"
                + " journal entry, so each order would skip the second step"));
    }

    @Test
    void aJsonataMappingThatDoesNotParseIsReportedAtItsLineAndColumn() throws IOException {
        Place comma = replace("connectors/erp/create-sales-order.jsonata", "\"reference\": orderId,",
                "\"reference\": orderId,,");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo("connectors/erp/create-sales-order.jsonata");
            assertThat(mistake.line()).isEqualTo(comma.line());
            assertThat(mistake.message()).startsWith("the JSONata mapping does not parse: ");
        });
    }

    @Test
    void yamlThatDoesNotParseIsReportedWithTheParsersPosition() throws IOException {
        write("routes/broken.yaml", "- route:\n    from:\n      uri: direct:x\n     steps:\n      - log: hi\n");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo("routes/broken.yaml");
            assertThat(mistake.line()).isEqualTo(4);
            assertThat(mistake.message()).startsWith("not valid YAML (check the indentation): ");
        });
    }

    @Test
    void aMisspeltBotStepIsReportedWithTheOneMeant() throws IOException {
        Place click = replace("rpa-bots/nordic-freight/book-freight.yaml",
                "- click: { role: button, name: \"Log in\" }",
                "- clik: { role: button, name: \"Log in\" }");

        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo(click.file());
            assertThat(mistake.line()).isEqualTo(click.line());
            assertThat(mistake.message()).startsWith("unknown step 'clik' (did you mean 'click'?)");
        });
    }

    @Test
    void theCommandPrintsEachMistakeAndExitsWithOne() throws IOException {
        replace("routes/order-fulfilment.yaml", "kamelet:erp-create-sales-order-action",
                "kamelet:erp-create-salesorder-action");
        replace("connectors/erp/create-sales-order.jsonata", "\"reference\": orderId,", "\"reference\": orderId,,");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ValidateCommand.run(home, new String[] {"validate"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("connectors/erp/create-sales-order.jsonata:");
        assertThat(lines.get(1)).startsWith("routes/order-fulfilment.yaml:");
        assertThat(lines.get(2)).isEqualTo("ferry validate: 2 mistakes in 2 files (" + files() + " files checked)");
    }

    @Test
    void theCommandExitsWithZeroWhenAllIsWell() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ValidateCommand.run(home, new String[] {"validate"}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ferry validate: " + files() + " files in " + home
                + ", no mistakes" + System.lineSeparator());
    }

    private List<Mistake> mistakes() {
        return new Validator(home, List.of("sandbox"), Map.of()).mistakes();
    }

    private long files() {
        try (Stream<Path> all = Stream.of("routes", "connectors", "rpa-bots").map(home::resolve)
                .flatMap(ValidatorTests::walk)) {
            return all.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".jsonata"))
                    .filter(file -> !file.toString().contains("rpa-bots") || file.toString().endsWith(".yaml"))
                    .count() + 2; // config/application.yaml and application-sandbox.yaml
        }
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), text);
    }

    /** Replaces the first {@code old} in the file and returns where the new text starts. */
    private Place replace(String file, String old, String replacement) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file).contains(old);
        Place at = find(file, old);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(old),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return at;
    }

    private Place find(String file, String text) throws IOException {
        String all = Files.readString(home.resolve(file));
        int offset = all.indexOf(text);
        assertThat(offset).as(text).isNotNegative();
        String before = all.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = offset - before.lastIndexOf('\n');
        return new Place(file, line, column);
    }
}
