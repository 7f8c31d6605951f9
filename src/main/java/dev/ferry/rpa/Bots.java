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

    /** A bot file found under rpa-bots/: the bot, or the mistake that keeps it from being read. */
    record Found(String name, Bot bot, String problem) {
    }

    /** Every bot file under rpa-bots/, by name. */
    List<Found> list() {
        Path folder = home.resolve("rpa-bots");
        List<Path> files;
        try (Stream<Path> systems = Files.list(folder)) {
            files = systems.filter(Files::isDirectory).flatMap(Bots::yamlFiles).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bots in " + folder, e);
        }
        return files.stream().map(file -> {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                return new Found(name, BotFileReader.read(file, home.relativize(file).toString()), null);
            } catch (RuntimeException e) {
                return new Found(name, null, e.getMessage());
            }
        }).sorted(java.util.Comparator.comparing(Found::name)).toList();
    }

    private static Stream<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".+\\.ya?ml$")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bots in " + dir, e);
        }
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
