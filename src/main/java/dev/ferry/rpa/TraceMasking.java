package dev.ferry.rpa;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Masks secrets in a Playwright trace zip. A trace logs each action with its arguments (the value typed
 * into a password field too), the DOM snapshots hold typed values, and the network log holds form posts:
 * every text entry is rewritten with the secrets masked. A binary entry that holds a secret is emptied.
 * If masking fails, the trace is deleted rather than kept unmasked.
 */
final class TraceMasking {

    private TraceMasking() {
    }

    static void mask(Path zip, Secrets secrets) throws IOException {
        Path masked = zip.resolveSibling(zip.getFileName() + ".masking");
        try {
            try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file);
                    OutputStream target = Files.newOutputStream(masked); ZipOutputStream out = new ZipOutputStream(target)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(mask(content, secrets));
                    out.closeEntry();
                }
            }
            Files.move(masked, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(masked);
            Files.deleteIfExists(zip);
            throw e;
        }
    }

    private static byte[] mask(byte[] content, Secrets secrets) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException binary) {
            return secrets.revealedIn(content) ? new byte[0] : content;
        }
        return secrets.mask(text).getBytes(StandardCharsets.UTF_8);
    }
}
