package dev.ferry.authoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ferry.jar validate}: checks routes/, connectors/ and rpa-bots/ of the Ferry home and prints
 * each mistake as {@code file:line:column: message}; exit code 0 when there is none, 1 otherwise. Starts no
 * broker, store or system, and needs none.
 */
public final class ValidateCommand {

    public static final String NAME = "validate";

    private ValidateCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    /** {@code args}: the command line after "validate": --spring.profiles.active=... picks the profiles. */
    public static int run(Path home, String[] args, Map<String, String> environment, PrintStream out) {
        Validator validator = new Validator(home, profiles(args, environment), environment);
        List<Mistake> mistakes = quietly(validator::mistakes);
        mistakes.forEach(out::println);
        int files = validator.files().size();
        if (mistakes.isEmpty()) {
            out.println("ferry validate: " + files + " files in " + home + ", no mistakes");
            return 0;
        }
        long inFiles = mistakes.stream().map(Mistake::file).distinct().count();
        out.println("ferry validate: " + mistakes.size() + (mistakes.size() == 1 ? " mistake" : " mistakes")
                + " in " + inFiles + (inFiles == 1 ? " file" : " files") + " (" + files + " files checked)");
        return 1;
    }

    /** As at start: --spring.profiles.active, else FERRY_PROFILE, else the sandbox (config/application.yaml). */
    static List<String> profiles(String[] args, Map<String, String> environment) {
        String active = environment.getOrDefault("FERRY_PROFILE", "sandbox");
        for (String arg : args) {
            if (arg.startsWith("--spring.profiles.active=")) {
                active = arg.substring("--spring.profiles.active=".length());
            }
        }
        List<String> profiles = new ArrayList<>();
        Arrays.stream(active.split(",")).map(String::strip).filter(p -> !p.isEmpty()).forEach(profiles::add);
        return profiles;
    }

    // without Spring, Logback's default configuration prints every DEBUG line of Camel's parser; the level is
    // put back after, for a caller that goes on logging (a test)
    private static <T> T quietly(Supplier<T> work) {
        if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
            return work.get();
        }
        Level level = root.getLevel();
        root.setLevel(Level.WARN);
        try {
            return work.get();
        } finally {
            root.setLevel(level);
        }
    }
}
