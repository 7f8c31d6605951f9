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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** new-connector on a copy of this project: files that ferry validate passes, settings to add, no overwrite. */
class NewConnectorCommandTests {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void copyTheProject() throws IOException {
        for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
            FileSystemUtils.copyRecursively(Path.of(folder), home.resolve(folder));
        }
    }

    @Test
    void writesAKameletAndItsMappingThatValidateWithTheSettingsItPrints() throws IOException {
        int exit = run("new-connector", "billing", "create-invoice", "--method", "PUT", "--path", "/api/invoices/{orderId}");

        assertThat(exit).isZero();
        Path kamelet = home.resolve("connectors/billing/billing-create-invoice-action.kamelet.yaml");
        assertThat(kamelet).content().contains("name: billing-create-invoice-action", "default: \"PUT\"",
                "default: \"/api/invoices/{orderId}\"", "default: \"{{ferry.connectors.billing.base-url}}\"",
                "default: \"file:{{ferry.home}}/connectors/billing/create-invoice.jsonata\"",
                "method: \"prepare(*, '{{connector}}', '{{method}}', '{{path}}')\"",
                "httpClientConfigurer: \"#billingHttpClient\"", "expression: \"{ billingId: .id }\"");
        assertThat(home.resolve("connectors/billing/create-invoice.jsonata")).exists();
        List<String> lines = printed();
        assertThat(lines).startsWith("wrote connectors/billing/billing-create-invoice-action.kamelet.yaml",
                "wrote connectors/billing/create-invoice.jsonata");
        assertThat(lines).contains("      base-url: ${FERRY_BILLING_URL:http://localhost:9100}");
        write("routes/billing.yaml", """
                - route:
                    id: billing
                    from:
                      uri: "direct:billing"
                      steps:
                        - to: "kamelet:billing-create-invoice-action"
                """);

        // without the settings it prints, the base URL has no value
        assertThat(mistakes()).singleElement().satisfies(mistake -> {
            assertThat(mistake.file()).isEqualTo("connectors/billing/billing-create-invoice-action.kamelet.yaml");
            assertThat(mistake.message()).startsWith("'{{ferry.connectors.billing.base-url}}' has no value");
        });
        String settings = String.join("\n", lines.stream().filter(line -> line.startsWith("    ")).toList());
        Path config = home.resolve("config/application.yaml");
        Files.writeString(config, Files.readString(config).replace("  connectors:\n", "  connectors:\n" + settings
                + "\n"));

        assertThat(mistakes()).isEmpty();
    }

    @Test
    void writesNoFileOverAnother() throws IOException {
        // the mapping is there, the Kamelet is not: neither is written
        Files.delete(home.resolve("connectors/erp/erp-list-sales-orders-action.kamelet.yaml"));

        assertThat(run("new-connector", "erp", "list-sales-orders", "--method", "GET")).isOne();

        assertThat(printed()).containsExactly("connectors/erp/list-sales-orders.jsonata exists: new-connector writes"
                + " no file over another (remove it first, or pick another action name)");
        assertThat(home.resolve("connectors/erp/erp-list-sales-orders-action.kamelet.yaml")).doesNotExist();
        assertThat(home.resolve("connectors/erp/list-sales-orders.jsonata")).content()
                .isEqualTo(Files.readString(Path.of("connectors/erp/list-sales-orders.jsonata")));
    }

    @Test
    void namesThatAreNotKebabCaseAreRefused() {
        assertThat(run("new-connector", "Billing", "createInvoice")).isOne();

        assertThat(printed().get(0)).startsWith("usage: java -jar ferry.jar new-connector <system> <action>");
        assertThat(home.resolve("connectors/Billing")).doesNotExist();
    }

    private int run(String... args) {
        return NewConnectorCommand.run(home, args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private List<String> printed() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<Mistake> mistakes() {
        return new Validator(home, List.of("sandbox"), Map.of()).mistakes();
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), text);
    }
}
