package dev.ferry.rpa;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The bot files of a Ferry home checked as a run reads them, for {@code ferry validate}: each file's first
 * mistake as {@code file:line:column: message}.
 */
public final class BotFiles {

    private BotFiles() {
    }

    public static List<String> mistakes(Path home) {
        return new Bots(home.toString(), List.of()).list().stream()
                .map(found -> Optional.ofNullable(found.problem())).flatMap(Optional::stream).toList();
    }
}
