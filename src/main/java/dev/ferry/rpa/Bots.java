package dev.ferry.rpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bots: files under {@code ${ferry.home}/rpa-bots/<system>/<bot>.yaml}, and {@link JavaBot} beans. One name
 * space: a name used twice is an error. A file is read again when it has changed (its modification time or size),
 * so the API and the routes always run the same version of a bot: the file as it is now.
 */
@Component
class Bots {

    private final Path home;
    private final Map<String, Bot> javaBots;
    private final Map<Path, Read> reads = new ConcurrentHashMap<>();

    /** A file as last read: the bot or the mistake, and what the file looked like then. */
    private record Read(FileTime modified, long size, Bot bot, String problem) {
    }

    Bots(@Value("${ferry.home}") String home, List<JavaBot> javaBots) {
        this.home = Path.of(home).toAbsolutePath().normalize();
        this.javaBots = javaBots.stream().map(Bots::bot).collect(Collectors.toMap(Bot::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("The bot name '" + a.name() + "' is used twice: " + a.source()
                            + " and " + b.source());
                }));
    }

    /** A bot found: the bot, or the mistake that keeps its file from being read; its file, null for a Java bot. */
    record Found(String name, Bot bot, String problem, Path file) {
    }

    /** Every bot, from rpa-bots/ and Java, by name. */
    List<Found> list() {
        List<Found> found = new ArrayList<>(yamlFiles().map(file -> {
            Read read = read(file);
            return new Found(nameOf(file), read.bot(), read.problem(), file);
        }).toList());
        javaBots.values().forEach(bot -> found.add(new Found(bot.name(), bot, null, null)));
        return found.stream().sorted(Comparator.comparing(Found::name)).toList();
    }

    Bot load(String name) {
        List<Path> files = yamlFiles().filter(file -> nameOf(file).equals(name)).toList();
        Bot java = javaBots.get(name);
        if (files.size() + (java == null ? 0 : 1) > 1) {
            throw new IllegalArgumentException("The bot name '" + name + "' is used twice: " + Stream.concat(
                    files.stream().map(f -> home.relativize(f).toString()),
                    Stream.ofNullable(java).map(Bot::source)).toList());
        }
        if (java != null) {
            return java;
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No bot '" + name + "': there is no rpa-bots/<system>/" + name
                    + ".yaml under " + home + " and no Java bot of that name");
        }
        Read read = read(files.get(0));
        if (read.problem() != null) {
            throw new BotFileException(read.problem());
        }
        return read.bot();
    }

    /** The file's bot as last read, or read now when the file changed since (or was never read). */
    private Read read(Path file) {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bot file " + home.relativize(file), e);
        }
        Read last = reads.get(file);
        if (last != null && last.modified().equals(modified) && last.size() == size) {
            return last;
        }
        Read read;
        try {
            read = new Read(modified, size, BotFileReader.read(file, home.relativize(file).toString()), null);
        } catch (RuntimeException e) {
            read = new Read(modified, size, null, e.getMessage());
        }
        reads.put(file, read);
        return read;
    }

    /**
     * How many runs the bot's system tolerates at once: the lowest {@code concurrency} any bot of that system
     * declares, so no bot can raise the limit another one set.
     */
    int concurrency(Bot bot) {
        return list().stream().map(Found::bot).filter(other -> other != null && other.system().equals(bot.system()))
                .mapToInt(Bot::concurrency).min().orElse(bot.concurrency());
    }

    /** The names of the bot files, without reading them. */
    List<String> fileNames() {
        return yamlFiles().map(Bots::nameOf).toList();
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private Stream<Path> yamlFiles() {
        Path folder = home.resolve("rpa-bots");
        try (Stream<Path> systems = Files.list(folder)) {
            return systems.filter(Files::isDirectory).flatMap(Bots::yamlFiles).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bots in " + folder, e);
        }
    }

    private static Stream<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".+\\.ya?ml$")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bots in " + dir, e);
        }
    }

    private static Bot bot(JavaBot bot) {
        return new Bot(bot.name(), bot.system(), bot.description(), bot.concurrency(), List.copyOf(bot.secrets()),
                bot.input(), new Bot.Signals(bot.busyText(), bot.sessionExpiredText()),
                Bot.Validation.NONE, bot::run,
                "Java: " + bot.getClass().getName());
    }
}
