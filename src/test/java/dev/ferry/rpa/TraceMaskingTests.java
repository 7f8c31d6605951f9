package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceMaskingTests {

    private static final Masker SECRETS = new Secrets(Map.of("portal-password", "p@ss word&\"1",
            "portal-username", "Q7x-Ø'Brï & \"Sons\" <ops>")).masker();

    @TempDir
    Path dir;

    @Test
    void masksEverySpellingOfASecretInTextEntriesAndKeepsTheRest() throws IOException {
        Path zip = dir.resolve("trace.zip");
        write(zip, Map.of(
                "trace.trace", "{\"method\":\"fill\",\"params\":{\"value\":\"p@ss word&\\\"1\"}}\n{\"type\":\"after\"}\n"
                        + "{\"type\":\"frame-snapshot\",\"html\":[\"TD\",{},\"User: Q7x-Ø'Brï &amp; \\\"Sons\\\" &lt;ops&gt;\"]}",
                "trace.network", "{\"postData\":\"user=ferry&password=p%40ss+word%26%221\"}",
                "resources/page.html", "<input value=\"p@ss word&amp;&quot;1\"><p>Main menu</p>"));

        assertThat(TraceMasking.mask(zip, SECRETS)).isEmpty();

        Map<String, String> entries = read(zip);
        assertThat(entries.get("trace.trace")).isEqualTo("{\"method\":\"fill\",\"params\":{\"value\":\"****\"}}\n{\"type\":\"after\"}\n"
                + "{\"type\":\"frame-snapshot\",\"html\":[\"TD\",{},\"User: ****\"]}");
        assertThat(entries.get("trace.network")).isEqualTo("{\"postData\":\"user=ferry&password=****\"}");
        assertThat(entries.get("resources/page.html")).isEqualTo("<input value=\"****\"><p>Main menu</p>");
        assertThat(dir.resolve("trace.zip.masking")).doesNotExist();
    }

    @Test
    void aMaskedResourceIsRenamedByTheSha1OfWhatIsKeptAndTheTraceFollows() throws Exception {
        Path zip = dir.resolve("trace.zip");
        String page = "<p>User: Q7x-Ø'Brï &amp; \"Sons\" &lt;ops&gt;</p>";
        String before = sha1(page);
        String clean = "<p>Main menu</p>";
        write(zip, Map.of(
                "trace.network", "{\"response\":{\"content\":{\"_sha1\":\"" + before + ".html\"}}}\n"
                        + "{\"response\":{\"content\":{\"_sha1\":\"" + sha1(clean) + ".html\"}}}",
                "resources/" + before + ".html", page,
                "resources/" + sha1(clean) + ".html", clean));

        TraceMasking.mask(zip, SECRETS);

        String after = sha1("<p>User: ****</p>");
        Map<String, String> entries = read(zip);
        // a guess of the user name can no longer be checked against the name of the page
        assertThat(entries).containsEntry("resources/" + after + ".html", "<p>User: ****</p>")
                .containsEntry("resources/" + sha1(clean) + ".html", clean)
                .doesNotContainKey("resources/" + before + ".html");
        assertThat(entries.get("trace.network")).contains(after + ".html").contains(sha1(clean) + ".html")
                .doesNotContain(before);
    }

    @Test
    void leavesOutABinaryEntryThatHoldsASecretAndKeepsOneThatDoesNot() throws IOException {
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

        assertThat(TraceMasking.mask(zip, SECRETS)).containsExactly("resources/leaking.bin");

        Map<String, byte[]> entries = readBytes(zip);
        assertThat(entries.get("resources/clean.png")).isEqualTo(png);
        assertThat(entries).doesNotContainKey("resources/leaking.bin");
    }

    @Test
    void aCompressedEntryIsLookedIntoAndLeftOutWhenItHoldsASecretOrCannotBeRead() throws IOException {
        Path zip = dir.resolve("trace.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("resources/leaking.gz"));
            out.write(gzip("user=Q7x-%C3%98%27Br%C3%AF+%26+%22Sons%22+%3Cops%3E"));
            out.putNextEntry(new ZipEntry("resources/clean.gz"));
            out.write(gzip("nothing secret here"));
            out.putNextEntry(new ZipEntry("resources/unreadable.zst"));
            out.write(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, (byte) 0x80});
        }

        assertThat(TraceMasking.mask(zip, SECRETS)).containsExactly("resources/leaking.gz", "resources/unreadable.zst");

        assertThat(readBytes(zip)).containsOnlyKeys("resources/clean.gz");
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

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
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
