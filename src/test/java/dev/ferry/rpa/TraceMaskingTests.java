package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceMaskingTests {

    private static final Secrets SECRETS = new Secrets(Map.of("portal-password", "p@ss word&\"1"));

    @TempDir
    Path dir;

    @Test
    void masksEverySpellingOfASecretInTextEntriesAndKeepsTheRest() throws IOException {
        Path zip = dir.resolve("trace.zip");
        write(zip, Map.of(
                "trace.trace", "{\"method\":\"fill\",\"params\":{\"value\":\"p@ss word&\\\"1\"}}\n{\"type\":\"after\"}",
                "trace.network", "{\"postData\":\"user=ferry&password=p%40ss+word%26%221\"}",
                "resources/page.html", "<input value=\"p@ss word&amp;&quot;1\"><p>Main menu</p>"));

        TraceMasking.mask(zip, SECRETS);

        Map<String, String> entries = read(zip);
        assertThat(entries.get("trace.trace")).isEqualTo("{\"method\":\"fill\",\"params\":{\"value\":\"****\"}}\n{\"type\":\"after\"}");
        assertThat(entries.get("trace.network")).isEqualTo("{\"postData\":\"user=ferry&password=****\"}");
        assertThat(entries.get("resources/page.html")).isEqualTo("<input value=\"****\"><p>Main menu</p>");
        assertThat(dir.resolve("trace.zip.masking")).doesNotExist();
    }

    @Test
    void emptiesABinaryEntryThatHoldsASecretAndKeepsOneThatDoesNot() throws IOException {
        Path zip = dir.resolve("trace.zip");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe};
        ByteArrayOutputStream leaking = new ByteArrayOutputStream();
        leaking.write(png);
        leaking.write("p@ss word&\"1".getBytes(StandardCharsets.UTF_8));
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("resources/clean.png"));
            out.write(png);
            out.putNextEntry(new ZipEntry("resources/leaking.bin"));
            out.write(leaking.toByteArray());
        }

        TraceMasking.mask(zip, SECRETS);

        Map<String, byte[]> entries = readBytes(zip);
        assertThat(entries.get("resources/clean.png")).isEqualTo(png);
        assertThat(entries.get("resources/leaking.bin")).isEmpty();
    }

    @Test
    void deletesATraceItCannotMaskRatherThanKeepItUnmasked() throws IOException {
        Path zip = dir.resolve("trace.zip");
        Files.writeString(zip, "not a zip, but p@ss word&\"1");

        try {
            TraceMasking.mask(zip, SECRETS);
        } catch (IOException expected) {
            // either way, nothing unmasked may stay behind
        }

        assertThat(zip).satisfiesAnyOf(
                path -> assertThat(path).doesNotExist(),
                path -> assertThat(Files.readString(path)).doesNotContain("p@ss"));
    }

    private static void write(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        readBytes(zip).forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }

    private static Map<String, byte[]> readBytes(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
