package dev.ferry.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What start-up checks of the configured API keys: each has a name of its own (its Idempotency-Keys are
 * counted under that name), a SHA-256, and, to post orders, the sources it is bound to. The sources Ferry
 * pulls itself on its schedules (ferry.intake.pulled-sources) are Ferry's alone: a key bound to one would
 * let a client post as that system, so Ferry refuses to start with it.
 */
final class ApiKeyBindings {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private ApiKeyBindings() {
    }

    static void check(SecuritySettings settings, List<String> pulledSources) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> pulled = new HashSet<>(pulledSources);
        for (int i = 0; i < settings.apiKeys().size(); i++) {
            SecuritySettings.ApiKey key = settings.apiKeys().get(i);
            String at = "ferry.security.api-keys[" + i + "]";
            if (key.name() == null || key.name().isBlank()) {
                problems.add(at + " has no name");
            } else if (!names.add(key.name().toLowerCase(Locale.ROOT))) {
                problems.add(at + ": the name '" + key.name() + "' is taken by another key (each key's"
                        + " Idempotency-Keys are its own, counted under its name)");
            }
            if (key.sha256() == null || !SHA256.matcher(key.sha256()).matches()) {
                problems.add(at + " (" + key.name() + ") needs sha256: the 64 hex digits of echo -n KEY | sha256sum");
            }
            if (key.roles().contains("INTAKE") && key.sources().isEmpty()) {
                problems.add(at + " (" + key.name() + ") has the role INTAKE but no sources: list the order sources"
                        + " it may post, e.g. sources: [webshop]");
            }
            for (String source : key.sources()) {
                if (source == null || source.isBlank()) {
                    problems.add(at + " (" + key.name() + ") lists an empty source");
                } else if (pulled.contains(source)) {
                    problems.add(at + " (" + key.name() + ") is bound to the source '" + source + "', which Ferry pulls"
                            + " itself (ferry.intake.pulled-sources): no API key may post as it");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Ferry refuses to start with these API keys: " + String.join("; ", problems)
                    + ". See docs/configuration.md#api-keys.");
        }
    }
}
