package dev.ferry.rpa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Masks secrets in a Playwright trace zip. A trace logs each action with its arguments (the value typed into a
 * password field too), its DOM snapshots hold the pages' text and typed values, and its resources the pages
 * and form posts as sent: every text entry is rewritten with the secrets masked ({@link Masker}) and checked
 * again. An entry that still holds a secret, a binary entry that holds one, and a compressed entry that holds
 * one or cannot be looked into are left out, and named in the answer. A resource is named by the SHA-1 of its
 * content, which would let anyone test a guess of a secret against a masked page: one that was masked is
 * renamed by the SHA-1 of what is kept, and the trace's references follow. If the zip cannot be read, it is
 * deleted rather than kept unmasked.
 */
final class TraceMasking {

    /** A resource: its SHA-1 in hex, then an extension. */
    private static final Pattern RESOURCE = Pattern.compile("resources/([0-9a-f]{40})(\\.[A-Za-z0-9]+)?");
    /** How much a compressed entry may unpack to before it is left out unread. */
    private static final int MAX_UNPACKED = 64 * 1024 * 1024;

    private TraceMasking() {
    }

    /** Masks the trace in place; returns the entries it left out (empty when it kept every one). */
    static List<String> mask(Path zip, Masker masker) throws IOException {
        Path masked = zip.resolveSibling(zip.getFileName() + ".masking");
        try {
            Map<String, byte[]> kept = new LinkedHashMap<>();
            List<String> leftOut = new ArrayList<>();
            Map<String, String> renamed = new LinkedHashMap<>();
            try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    byte[] clean = clean(content, masker);
                    if (clean == null) {
                        leftOut.add(entry.getName());
                        continue;
                    }
                    String name = entry.getName();
                    Matcher resource = RESOURCE.matcher(name);
                    if (clean != content && resource.matches()) {
                        String sha1 = sha1(clean);
                        renamed.put(resource.group(1), sha1);
                        name = "resources/" + sha1 + (resource.group(2) == null ? "" : resource.group(2));
                    }
                    kept.put(name, clean);
                }
            }
            try (OutputStream target = Files.newOutputStream(masked); ZipOutputStream out = new ZipOutputStream(target)) {
                for (Map.Entry<String, byte[]> entry : kept.entrySet()) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(entry.getKey().startsWith("resources/") ? entry.getValue()
                            : references(entry.getValue(), renamed));
                    out.closeEntry();
                }
            }
            Files.move(masked, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return leftOut;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(masked);
            Files.deleteIfExists(zip);
            throw e;
        }
    }

    /**
     * The entry to keep: the same array when there was nothing to mask, a new one when text was masked, null
     * when it cannot be kept.
     */
    private static byte[] clean(byte[] content, Masker masker) {
        String text = utf8(content);
        if (text != null) {
            String masked = masker.mask(text);
            if (masker.holds(masked)) {
                return null;
            }
            return masked.equals(text) ? content : masked.getBytes(StandardCharsets.UTF_8);
        }
        if (masker.holds(content)) {
            return null;
        }
        Boolean packed = packedHolds(content, masker);
        return packed == null || packed ? null : content;
    }

    /**
     * Whether what a gzip or zip entry unpacks to holds a secret, packed parts inside it included; null when it
     * cannot be looked into. False for an entry that is not packed.
     */
    private static Boolean packedHolds(byte[] content, Masker masker) {
        List<byte[]> parts;
        try {
            parts = unpack(content);
        } catch (IOException broken) {
            return null;
        }
        if (parts == null) {
            return null;
        }
        for (byte[] part : parts) {
            Boolean inside = masker.holds(part) ? Boolean.TRUE : packedHolds(part, masker);
            if (inside == null || inside) {
                return inside;
            }
        }
        return false;
    }

    /**
     * What a gzip or zip holds; nothing when the content is neither; null when it is packed in a way there is
     * no reader for here (zstd, xz, bzip2, 7z) or unpacks to more than {@link #MAX_UNPACKED}.
     */
    private static List<byte[]> unpack(byte[] content) throws IOException {
        if (starts(content, 0x1f, 0x8b)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
                byte[] unpacked = in.readNBytes(MAX_UNPACKED + 1);
                return unpacked.length > MAX_UNPACKED ? null : List.of(unpacked);
            }
        }
        if (starts(content, 'P', 'K', 3, 4)) {
            List<byte[]> parts = new ArrayList<>();
            int total = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] part = in.readNBytes(MAX_UNPACKED - total + 1);
                    total += part.length;
                    if (total > MAX_UNPACKED) {
                        return null;
                    }
                    parts.add(part);
                }
            }
            return parts;
        }
        boolean unreadable = starts(content, 0x28, 0xb5, 0x2f, 0xfd) || starts(content, 0xfd, '7', 'z', 'X', 'Z', 0)
                || starts(content, 'B', 'Z', 'h') || starts(content, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c);
        return unreadable ? null : List.of();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The trace's references to renamed resources, renamed. */
    private static byte[] references(byte[] content, Map<String, String> renamed) {
        String text = renamed.isEmpty() ? null : utf8(content);
        if (text == null) {
            return content;
        }
        for (Map.Entry<String, String> rename : renamed.entrySet()) {
            text = text.replace(rename.getKey(), rename.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The entry as text, or null when it is not UTF-8 (an image, a font ...). */
    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
