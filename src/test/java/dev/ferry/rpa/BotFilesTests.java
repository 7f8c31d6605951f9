package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.authoring.Mistake;
import dev.ferry.authoring.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** What ferry validate says about a copy of the shipped bot, changed one mistake at a time. */
class BotFilesTests {

    private static final String FILE = "rpa-bots/nordic-freight/book-freight.yaml";
    private static final Set<String> CONFIGURED = Set.of("portal-username", "portal-password");

    @TempDir
    Path home;

    @BeforeEach
    void copyTheBots() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("rpa-bots"), home.resolve("rpa-bots"));
    }

    @Test
    void theShippedBotHasNoMistakeWhenItsSecretsAreConfigured() {
        assertThat(BotFiles.mistakes(home, CONFIGURED::contains)).isEmpty();
    }

    @Test
    void anUnknownStepIsNamedWithTheOneMeant() throws IOException {
        replace("- click: { role: button, name: \"Log in\" }", "- clik: { role: button, name: \"Log in\" }");

        assertThat(BotFiles.mistakes(home, CONFIGURED::contains)).containsExactly(FILE + ":33:5: unknown step 'clik'"
                + " (did you mean 'click'?) (known steps: goto, fill, select, check, click, acceptDialog, expectText,"
                + " extract, extractTable, screenshot, if, forEach, repeat, fail)");
    }

    @Test
    void aBrokenSelectorIsReportedWhereItIsWritten() throws IOException {
        replace("- click: { role: button, name: \"Log in\" }", "- click: { css: \"button[type=submit\" }");

        assertThat(BotFiles.mistakes(home, CONFIGURED::contains)).containsExactly(FILE + ":33:19: css:"
                + " 'button[type=submit' is not a valid CSS selector: error in attribute selector at the end (check its"
                + " brackets [ ] ( ) and quotes; Playwright's :has-text(), :text(), :visible and :right-of() may be"
                + " used)");
    }

    @Test
    void aSecretWithoutAValueIsReportedAtItsName() {
        assertThat(BotFiles.mistakes(home, "portal-username"::equals)).containsExactly(FILE + ":10:28: the secret"
                + " 'portal-password' has no value: map it in config/ (ferry.rpa.secrets.portal-password:"
                + " ${FERRY_PORTAL_PASSWORD}, the value from the environment); without it every run of this bot"
                + " fails BOT_ERROR");
    }

    @Test
    void aSecretWithoutAValueIsReportedBesideTheFilesOtherMistake() throws IOException {
        replace("- click: { role: button, name: \"Log in\" }", "- click: { css: \"button[type=submit\" }");

        assertThat(BotFiles.mistakes(home, "portal-username"::equals)).hasSize(2)
                .anySatisfy(mistake -> assertThat(mistake).startsWith(FILE + ":33:19: css:"))
                .anySatisfy(mistake -> assertThat(mistake).startsWith(FILE + ":10:28: the secret 'portal-password'"));
    }

    @Test
    void validateAsksTheConfigurationOfTheProfilesForEachSecret() throws IOException {
        // the routes and Kamelets too: the settings they name in placeholders are read, not unknown
        for (String folder : List.of("config", "routes", "connectors")) {
            FileSystemUtils.copyRecursively(Path.of(folder), home.resolve(folder));
        }

        assertThat(new Validator(home, List.of("sandbox"), Map.of()).mistakes()).isEmpty();
        assertThat(new Validator(home, List.of("embedded"), Map.of()).mistakes()).extracting(Mistake::file,
                Mistake::line, Mistake::column).containsExactly(org.assertj.core.groups.Tuple.tuple(FILE, 10, 11),
                org.assertj.core.groups.Tuple.tuple(FILE, 10, 28));
        assertThat(new Validator(home, List.of("embedded"), Map.of("FERRY_RPA_SECRETS_PORTALUSERNAME", "u",
                "FERRY_RPA_SECRETS_PORTALPASSWORD", "p")).mistakes()).isEmpty();
    }

    private void replace(String old, String replacement) throws IOException {
        Path file = home.resolve(FILE);
        String text = Files.readString(file);
        assertThat(text).contains(old);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(old), replacement));
    }
}
