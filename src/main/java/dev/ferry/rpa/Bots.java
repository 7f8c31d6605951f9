package dev.ferry.rpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The bot files under {@code ${ferry.home}/rpa-bots/<system>/<bot>.yaml}, read when a route names one. */
@Component
class Bots {

    private final Path home;

    Bots(@Value("${ferry.home}") String home) {
        this.home = Path.of(home).toAbsolutePath().normalize();
    }

    Bot load(String name) {
        Path folder = home.resolve("rpa-bots");
        List<Path> found;
        try (Stream<Path> systems = Files.list(folder)) {
            found = systems.filter(Files::isDirectory)
                    .flatMap(dir -> Stream.of(dir.resolve(name + ".yaml"), dir.resolve(name + ".yml")))
                    .filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bots in " + folder, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No bot '" + name + "': there is no rpa-bots/<system>/" + name
                    + ".yaml under " + home);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("The bot name '" + name + "' is used twice: " + found);
        }
        return BotFileReader.read(found.get(0), home.relativize(found.get(0)).toString());
    }
}
