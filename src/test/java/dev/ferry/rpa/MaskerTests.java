package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskerTests {

    private static final String USER = "Q7x-Ø'Brï & \"Sons\" <ops> 100% +x";
    private static final Secrets SECRETS = new Secrets(Map.of("user", USER, "pw", "portal-sandbox"));
    private static final Masker MASKER = SECRETS.masker();

    @Test
    void masksASecretAsTyped() {
        assertThat(MASKER.mask("login " + USER + " with portal-sandbox failed")).isEqualTo("login **** with **** failed");
        assertThat(MASKER.mask((String) null)).isNull();
        assertThat(MASKER.mask("nothing secret")).isEqualTo("nothing secret");
    }

    @Test
    void masksTheWaysHtmlWritesIt() {
        // Chromium's text and attribute serialisation, a portal's full escaping, and numeric references
        assertThat(MASKER.mask("<td>User: Q7x-Ø'Brï &amp; \"Sons\" &lt;ops&gt; 100% +x | <a>")).isEqualTo("<td>User: **** | <a>");
        assertThat(MASKER.mask("value=\"Q7x-Ø'Brï &amp; &quot;Sons&quot; <ops> 100% +x\"")).isEqualTo("value=\"****\"");
        for (String apostrophe : new String[] {"&#39;", "&#x27;", "&#X27;", "&apos;", "&#039;"}) {
            for (String quote : new String[] {"&quot;", "&#34;", "&#x22;"}) {
                String html = "Q7x-&#216;" + apostrophe + "Br&#xEF; &amp; " + quote + "Sons" + quote
                        + " &lt;ops&gt; 100&#37; &#43;x";
                assertThat(MASKER.mask("[" + html + "]")).as(html).isEqualTo("[****]");
            }
        }
    }

    @Test
    void masksTheWaysJsonWritesIt() {
        assertThat(MASKER.mask("{\"value\":\"Q7x-Ø'Brï & \\\"Sons\\\" <ops> 100% +x\"}")).isEqualTo("{\"value\":\"****\"}");
        assertThat(MASKER.mask("\"Q7x-\\u00d8\\u0027Br\\u00EF \\u0026 \\\"Sons\\\" \\u003cops\\u003e 100% +x\""))
                .isEqualTo("\"****\"");
        // a page's HTML inside a trace's JSON, and JSON inside an HTML attribute
        assertThat(MASKER.mask("[\"TD\",{},\"User: Q7x-Ø'Brï &amp; \\\"Sons\\\" &lt;ops&gt; 100% +x\"]"))
                .isEqualTo("[\"TD\",{},\"User: ****\"]");
        assertThat(MASKER.mask("data-user=\"Q7x-Ø'Brï \\u0026amp; \\&quot;Sons\\&quot; <ops> 100% +x\""))
                .isEqualTo("data-user=\"****\"");
    }

    @Test
    void masksTheWaysUrlsAndFormsWriteIt() {
        assertThat(MASKER.mask("username=Q7x-%C3%98%27Br%C3%AF+%26+%22Sons%22+%3Cops%3E+100%25+%2Bx&password=portal-sandbox"))
                .isEqualTo("username=****&password=****");
        assertThat(MASKER.mask("/search?u=Q7x-%c3%98%27Br%c3%af%20%26%20%22Sons%22%20%3cops%3e%20100%25%20%2bx"))
                .isEqualTo("/search?u=****");
        // a form post logged in a trace's JSON
        assertThat(MASKER.mask("{\"postData\":\"username=Q7x-%C3%98%27Br%C3%AF+%26+%22Sons%22+%3Cops%3E+100%25+%2Bx\"}"))
                .isEqualTo("{\"postData\":\"username=****\"}");
    }

    @Test
    void aValueOfTheRunsDataThatHoldsASecretIsKeptAsItIsAndTheSecretElsewhereIsMasked() throws Exception {
        Secrets secrets = new Secrets(Map.of("user", "ferry"));
        JsonNode input = new ObjectMapper().readTree("{\"customer\":{\"id\":\"CUST-ferry-7\"},\"shipTo\":{\"name\":\"ferry\"}}");
        Masker masker = secrets.masker(input);

        assertThat(masker.mask("<td>CUST-ferry-7</td><td>User: ferry</td>")).isEqualTo("<td>CUST-ferry-7</td><td>User: ****</td>");
        assertThat(masker.mask("{\"value\":\"CUST-ferry-7\"} ferry")).isEqualTo("{\"value\":\"CUST-ferry-7\"} ****");
        // a value that is the secret and nothing else is the secret
        assertThat(masker.mask(input).toString()).isEqualTo("{\"customer\":{\"id\":\"CUST-ferry-7\"},\"shipTo\":{\"name\":\"****\"}}");
        assertThat(secrets.masker().mask("CUST-ferry-7")).isEqualTo("CUST-****-7");
    }

    @Test
    void bytesHoldASecretWrittenAsUtf8OrAsIso88591() {
        assertThat(MASKER.holds(("\u0000\u00ffPNG " + USER).getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(MASKER.holds(("\u0000" + USER).getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(MASKER.holds(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff})).isFalse();
    }

    @Test
    void whatStillHoldsASecretAfterMaskingIsFound() {
        // a secret of stars: its mask spells it again
        Masker stars = new Secrets(Map.of("pin", "***")).masker();

        assertThat(stars.holds(stars.mask("pin ***"))).isTrue();
        assertThat(MASKER.holds(MASKER.mask("User: Q7x-Ø'Brï &amp; \"Sons\" &lt;ops&gt; 100% +x"))).isFalse();
    }
}
