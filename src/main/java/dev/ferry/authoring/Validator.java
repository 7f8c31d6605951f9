package dev.ferry.authoring;

import dev.ferry.rpa.BotFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Every file an engineer edits in a Ferry home, checked without starting anything: routes/*.yaml and the
 * Kamelets of connectors/ (by Camel's own parser, then endpoint by endpoint), the JSONata mappings of
 * connectors/, and the bots of rpa-bots/. The mistakes come in the order of the files and lines.
 */
public final class Validator {

    private static final Pattern PLACED = Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

    private final Path home;
    private final ConfigKeys config;
    private final boolean checkBeans;

    /** {@code profiles}: those whose config/application-{profile}.yaml counts, as at start. */
    public Validator(Path home, List<String> profiles, Map<String, String> environment) {
        this(home, new ConfigKeys(home.toAbsolutePath().normalize().resolve("config"), profiles, environment), true);
    }

    /**
     * For a Ferry that runs (its check at start, dev mode's check before a reload): values as Spring's
     * environment has them, {@code bean:} steps left to Spring.
     */
    public static Validator forRunningFerry(Path home, ConfigurableEnvironment environment) {
        return new Validator(home, new ConfigKeys(environment), false);
    }

    /**
     * At start: the values are those of Spring's environment, and {@code bean:} steps are left to Spring, which
     * knows every bean (BeanCheck knows Ferry's components only, and must not refuse a start for another's).
     */
    Validator(Path home, ConfigKeys config, boolean checkBeans) {
        this.home = home.toAbsolutePath().normalize();
        this.config = config;
        this.checkBeans = checkBeans;
    }

    /** The files checked, relative to the home, in order. */
    public List<String> files() {
        List<Path> all = new ArrayList<>(routes());
        all.addAll(kamelets());
        all.addAll(mappings());
        all.addAll(files(home.resolve("rpa-bots"), ".yaml"));
        all.addAll(config.files());
        return all.stream().map(this::shown).sorted().toList();
    }

    public List<Mistake> mistakes() {
        List<Mistake> mistakes = new ArrayList<>();
        List<Path> kamelets = kamelets();
        KameletCatalogue catalogue = new KameletCatalogue(home, kamelets);
        mistakes.addAll(new RouteCheck(home, checkBeans).check(routes(), kamelets, catalogue, config));
        ConfigCheck settings = new ConfigCheck(new SettingsRead(List.of(home.resolve("routes"),
                home.resolve("connectors"), home.resolve("config"))));
        for (Path file : config.files()) {
            settings.check(file, shown(file), mistakes);
        }
        for (Path mapping : mappings()) {
            MappingCheck.check(mapping, home.relativize(mapping).toString()).ifPresent(mistakes::add);
        }
        // at start a missing secret fails only its bot's runs (BOT_ERROR), never the start; validate names it
        for (String problem : BotFiles.mistakes(home, name -> !checkBeans || config.has("ferry.rpa.secrets." + name))) {
            mistakes.add(placed(problem));
        }
        mistakes.sort(Comparator.comparing(Mistake::file).thenComparingInt(Mistake::line)
                .thenComparingInt(Mistake::column));
        return mistakes;
    }

    // a config file outside the home (spring.config.location) is shown by its full path
    private String shown(Path file) {
        return file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    }

    private List<Path> routes() {
        return files(home.resolve("routes"), ".yaml");
    }

    // where Camel looks at run time: the folders of connectors/ (ConnectorFolders), not below them
    private List<Path> kamelets() {
        return files(home.resolve("connectors"), ".kamelet.yaml", 2);
    }

    private List<Path> mappings() {
        return files(home.resolve("connectors"), ".jsonata");
    }

    private static List<Path> files(Path folder, String ending) {
        return files(folder, ending, Integer.MAX_VALUE);
    }

    private static List<Path> files(Path folder, String ending, int depth) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(ending))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** A bot file's message, already {@code file:line:column: message}. */
    private static Mistake placed(String problem) {
        Matcher parts = PLACED.matcher(problem);
        if (parts.matches()) {
            return new Mistake(parts.group(1), Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)),
                    parts.group(4));
        }
        return new Mistake("rpa-bots", 1, 1, problem);
    }
}
