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
 * reading mistake, and each secret it declares without a value, as {@code file:line:column: message}.
 */
public final class BotFiles {

    private BotFiles() {
    }

    /** {@code secretConfigured}: whether {@code ferry.rpa.secrets.<name>} has a value, asked with the name. */
    public static List<String> mistakes(Path home, Predicate<String> secretConfigured) {
        Path root = home.toAbsolutePath().normalize();
        List<String> mistakes = new ArrayList<>();
        for (Bots.Found found : new Bots(root.toString(), List.of()).list()) {
            if (found.problem() != null) {
                mistakes.add(found.problem());
            } else {
                mistakes.addAll(unconfigured(root, found.bot().source(), secretConfigured));
            }
        }
        return mistakes;
    }

    /** Each declared secret without a value, at its name in the secrets: list. */
    private static List<String> unconfigured(Path home, String file, Predicate<String> secretConfigured) {
        BotYaml yaml;
        try {
            yaml = new BotYaml(Files.readString(home.resolve(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bot file " + file, e);
        }
        JsonNode secrets = yaml.root().path("secrets");
        List<String> mistakes = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String name = secrets.get(i).asText();
            if (!secretConfigured.test(name)) {
                mistakes.add(yaml.atValue("/secrets/" + i, "the secret '" + name + "' has no value: set "
                        + "ferry.rpa.secrets." + name + " in a config file outside git, on the command line (--ferry.rpa."
                        + "secrets." + name + "=…) or in SPRING_APPLICATION_JSON; without it every run of this bot fails"
                        + " BOT_ERROR").getMessage());
            }
        }
        return mistakes;
    }
}
