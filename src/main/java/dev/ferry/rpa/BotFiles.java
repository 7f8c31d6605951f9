package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bot files of a Ferry home checked as a run reads them, for {@code ferry validate}: each file's first
 * reading mistake, and each secret it declares without a value (even in a file with a mistake, as long as it is
 * YAML), as {@code file:line:column: message}.
 */
public final class BotFiles {

    private BotFiles() {
    }

    /** The names of the bot files of a home, rpa-bots/<system>/<name>.yaml, as a run finds them (not read). */
    public static List<String> names(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return Files.isDirectory(root.resolve("rpa-bots")) ? new Bots(root.toString(), List.of()).fileNames() : List.of();
    }

    /** {@code secretConfigured}: whether {@code ferry.rpa.secrets.<name>} has a value, asked with the name. */
    public static List<String> mistakes(Path home, Predicate<String> secretConfigured) {
        Path root = home.toAbsolutePath().normalize();
        List<String> mistakes = new ArrayList<>();
        for (Bots.Found found : new Bots(root.toString(), List.of()).list()) {
            if (found.problem() != null) {
                mistakes.add(found.problem());
            }
            mistakes.addAll(unconfigured(found.file(), root.relativize(found.file()).toString(), secretConfigured));
        }
        return mistakes;
    }

    /** Each declared secret without a value, at its name in the secrets: list, whatever else is wrong in the file. */
    private static List<String> unconfigured(Path path, String file, Predicate<String> secretConfigured) {
        BotYaml yaml;
        try {
            yaml = new BotYaml(Files.readString(path), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bot file " + file, e);
        } catch (BotFileException notYaml) {
            return List.of();
        }
        JsonNode secrets = yaml.root().path("secrets");
        if (!secrets.isArray()) {
            return List.of();
        }
        List<String> mistakes = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String name = secrets.get(i).asText();
            if (!secretConfigured.test(name)) {
                mistakes.add(yaml.atValue("/secrets/" + i, "the secret '" + name + "' has no value: map it in config/"
                        + " (ferry.rpa.secrets." + name + ": ${" + envName(name) + "}, the value from the environment);"
                        + " without it every run of this bot fails BOT_ERROR").getMessage());
            }
        }
        return mistakes;
    }

    /** FERRY_PORTAL_PASSWORD for portal-password: a name the environment can carry. */
    private static String envName(String secret) {
        return "FERRY_" + secret.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
