package dev.ferry.rehearsal;

import dev.ferry.authoring.ValidationAtStart;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ferry.jar replay --dry-run}: rehearses recorded orders (route tests on disk, or the newest orders
 * of a running Ferry) through the routes on disk, every system answering as it answered then, and prints each
 * order whose outcome would change. Exit code 0 when none would, 1 when some would, 2 when it could not run.
 */
public final class ReplayCommand {

    public static final String NAME = "replay";

    private ReplayCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    /**
     * @param application Ferry's Spring Boot application class, started for the rehearsal on a store and broker of
     *        its own in a temporary folder
     * @param defaults the default properties Ferry starts with (its home)
     */
    public static int run(Path home, String[] args, Map<String, String> environment, PrintStream out,
            Class<?> application, Map<String, Object> defaults) {
        Arguments arguments = Arguments.of(args);
        if (!arguments.flag("dry-run")) {
            out.println("usage: ferry replay --dry-run [route test files or folders] [--from=http://host:port --key=API key]"
                    + " [--last=100] [--status=COMPLETED|FLAGGED] [--source=name] [--patience=120s]"
                    + "\n  only the dry run is a command; orders are sent through again from the inbox (docs/inbox.md)");
            return 2;
        }
        Duration patience;
        List<Recording> recordings;
        try {
            patience = patience(arguments);
            recordings = recordings(arguments, environment, out);
        } catch (RecordingFiles.BadFile | FerryApi.Unreachable | Recorder.NotRecordable | BadOption e) {
            out.println("ferry replay: " + e.getMessage());
            return 2;
        }
        if (recordings.isEmpty()) {
            out.println("ferry replay: no recorded orders to rehearse");
            return 2;
        }
        out.println("Rehearsing " + recordings.size() + " recorded orders through the routes in " + home + " ...");
        Path scratch = scratch();
        List<Rehearsal.Result> results;
        try (ConfigurableApplicationContext ferry = start(application, home, defaults, scratch, arguments, environment)) {
            results = ferry.getBean(Rehearsal.class).run(recordings, patience);
        } catch (RuntimeException e) {
            // Spring has logged why it could not start; a route mistake was printed and exited before this
            out.println("ferry replay: the rehearsal could not run: " + e.getMessage());
            return 2;
        } finally {
            delete(scratch);
        }
        return report(results, out);
    }

    private static Duration patience(Arguments arguments) {
        String patience = arguments.option("patience", "120s");
        try {
            return Duration.parse("PT" + patience.toUpperCase());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadOption("--patience=" + patience + " is not a duration such as 120s or 5m");
        }
    }

    private static int last(Arguments arguments) {
        String last = arguments.option("last", "100");
        try {
            int count = Integer.parseInt(last);
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadOption("--last=" + last + " is not a number of orders (1 or more)");
    }

    /** An option the command cannot use: the message says which and why. */
    private static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message);
        }
    }

    private static List<Recording> recordings(Arguments arguments, Map<String, String> environment, PrintStream out) {
        if (!arguments.words().isEmpty()) {
            return RecordingFiles.read(arguments.words().stream().map(Path::of).toList());
        }
        FerryApi api = arguments.api(environment);
        List<String> ids = api.newest(last(arguments),
                arguments.options().get("status"), arguments.options().get("source"));
        out.println("Reading the recordings of " + ids.size() + " orders ...");
        List<Recording> recordings = new ArrayList<>();
        for (String id : ids) {
            recordings.add(api.recording(id));
        }
        return recordings;
    }

    private static ConfigurableApplicationContext start(Class<?> application, Path home, Map<String, Object> defaults,
            Path scratch, Arguments arguments, Map<String, String> environment) {
        SpringApplication app = new SpringApplication(application);
        app.setDefaultProperties(defaults);
        app.addListeners(new ValidationAtStart(System.err, () -> System.exit(2)), new FastRetries());
        String data = scratch.toString();
        List<String> settings = new ArrayList<>(List.of(
                "--spring.profiles.active=" + arguments.option("spring.profiles.active",
                        environment.getOrDefault("FERRY_PROFILE", "sandbox")),
                "--ferry.rehearsal.enabled=true",
                // the routes on disk: config/application.yaml names the home too, and a default would lose to it
                "--ferry.home=" + home,
                // a store and a broker of its own, thrown away after: nothing reaches the recorded Ferry's
                "--ferry.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data + "/db/ferry;DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=ferry", "--spring.datasource.password=",
                "--spring.artemis.mode=embedded", "--spring.artemis.embedded.enabled=true",
                "--spring.artemis.embedded.persistent=false",
                "--ferry.node-id=rehearsal", "--server.port=0",
                // no simulated systems and no schedules: every system answers from the recordings
                "--ferry.sandbox.enabled=false", "--camel.component.quartz.auto-start-scheduler=false",
                // the routes of one moment: no watching the files while they are rehearsed
                "--ferry.dev=false",
                "--logging.level.root=" + (arguments.flag("verbose") ? "INFO" : "ERROR")));
        arguments.options().forEach((name, value) -> {
            if (name.startsWith("ferry.") && !name.equals("ferry.home")) {
                settings.add("--" + name + "=" + value);
            }
        });
        return app.run(settings.toArray(String[]::new));
    }

    private static int report(List<Rehearsal.Result> results, PrintStream out) {
        List<Rehearsal.Result> changed = results.stream().filter(r -> r.difference() != null).toList();
        for (Rehearsal.Result result : changed) {
            out.println("CHANGED " + result.recording().name() + ": " + result.difference());
        }
        out.println("ferry replay --dry-run: " + results.size() + " orders rehearsed, "
                + (changed.isEmpty() ? "none would end differently" : changed.size() + " would end differently"));
        return changed.isEmpty() ? 0 : 1;
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("ferry-rehearsal-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clear
        }
    }
}
