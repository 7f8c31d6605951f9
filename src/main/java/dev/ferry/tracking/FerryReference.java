package dev.ferry.tracking;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The customer reference Ferry books a consignment under: the order id without its hyphens, because the
 * portal takes at most 35 characters (rpa-bots/nordic-freight/book-freight.yaml). Order ids are UUIDs.
 */
final class FerryReference {

    private static final Pattern UUID_WITHOUT_HYPHENS = Pattern.compile("[0-9a-f]{32}");

    private FerryReference() {
    }

    /** The order id the reference was made from; empty for a reference Ferry did not make, e.g. staff's own. */
    static Optional<String> orderId(String reference) {
        String hex = reference == null ? "" : reference.strip().toLowerCase(Locale.ROOT);
        if (!UUID_WITHOUT_HYPHENS.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
