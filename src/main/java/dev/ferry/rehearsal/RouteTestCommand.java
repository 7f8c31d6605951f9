package dev.ferry.rehearsal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code java -jar ferry.jar route-test <orderId>}: turns an order of a running Ferry (typically an inbox item a
 * reviewer just fixed) into a route test: a file under it-tests/route-tests/ with its payload, what each system
 * answered and how it ended, which {@code ./mvnw verify} rehearses from then on.
 */
public final class RouteTestCommand {

    public static final String NAME = "route-test";
    static final String FOLDER = "it-tests/route-tests";

    private RouteTestCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    public static int run(Path home, String[] args, Map<String, String> environment, PrintStream out) {
        Arguments arguments = Arguments.of(args);
        if (arguments.words().size() != 1) {
            out.println("usage: ferry route-test <orderId> [--from=http://host:port] [--key=API key] [--out=folder] [--force]"
                    + "\n  writes " + FOLDER + "/<source>-<externalId>.yaml from the order's recording");
            return 2;
        }
        String orderId = arguments.words().get(0);
        try {
            FerryApi api = arguments.api(environment);
            Recording recording = api.recording(orderId);
            Path folder = Path.of(arguments.option("out", home.resolve(FOLDER).toString()));
            Path file = folder.resolve(fileName(recording));
            if (Files.exists(file) && !arguments.flag("force")) {
                out.println("ferry route-test: " + file + " exists already; --force replaces it");
                return 2;
            }
            RecordingFiles.write(file, recording, header(recording, file));
            out.println("ferry route-test: wrote " + file + " (order " + recording.name() + ", "
                    + recording.expect() + ", " + recording.expect().steps().size() + " steps)");
            out.println("  run it alone: java -jar target/ferry.jar replay --dry-run " + file);
            return 0;
        } catch (FerryApi.Unreachable e) {
            out.println("ferry route-test: " + e.getMessage());
            return 2;
        }
    }

    static String fileName(Recording recording) {
        return (recording.source() + "-" + recording.externalId()).replaceAll("[^A-Za-z0-9._-]", "-") + ".yaml";
    }

    private static String header(Recording recording, Path file) {
        return "# Route test made by `ferry route-test " + recording.order() + "` on " + LocalDate.now()
                + ": order " + recording.source() + " " + recording.externalId() + ", which ended " + recording.expect()
                + ".\n# ./mvnw verify rehearses it through the routes on disk with each system answering as below"
                + " (RouteTestsIT);\n# alone: java -jar target/ferry.jar replay --dry-run " + file.getFileName()
                + ". docs/route-tests.md says how to read and change it.\n";
    }
}
