package dev.ferry.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The folder that holds routes/, connectors/, rpa-bots/ and config/: FERRY_HOME, --ferry.home, or the
 * working directory. Checked before Spring starts, so a wrong path is one clear line, not a stack trace.
 */
public record FerryHome(Path path) {

    static final List<String> FOLDERS = List.of("config", "routes", "connectors", "rpa-bots");

    public static FerryHome resolve(String[] args, Map<String, String> env) {
        String home = System.getProperty("ferry.home", env.getOrDefault("FERRY_HOME", "."));
        for (String arg : args) {
            if (arg.startsWith("--ferry.home=")) {
                home = arg.substring("--ferry.home=".length());
            }
        }
        return new FerryHome(Path.of(home).toAbsolutePath().normalize());
    }

    /** What is wrong with this home, in one line, or null when it has all its folders. */
    public String problem() {
        for (String folder : FOLDERS) {
            Path dir = path.resolve(folder);
            if (!Files.isDirectory(dir)) {
                return "the " + folder + " folder " + dir + " does not exist (FERRY_HOME is " + path
                        + "; it must hold " + String.join("/, ", FOLDERS) + "/)";
            }
        }
        return null;
    }

    /** Spring reads config/ of the working directory by itself; a home elsewhere must be named. */
    public Map<String, Object> defaultProperties() {
        return Map.of(
                "ferry.home", path.toString(),
                "spring.config.additional-location", "optional:file:" + path.resolve("config") + "/");
    }
}
