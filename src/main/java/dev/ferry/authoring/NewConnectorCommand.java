package dev.ferry.authoring;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar ferry.jar new-connector <system> <action> [--method POST] [--path /api/x]}: writes
 * connectors/<system>/<system>-<action>-action.kamelet.yaml and its <action>.jsonata in the shape of the Kamelets
 * Ferry ships (connector, method, path, baseUrl and mapping properties; the mapping, connectors.prepare and the
 * system's own HTTP client), prints the settings to add to config/, and never overwrites a file.
 */
public final class NewConnectorCommand {

    public static final String NAME = "new-connector";

    private static final String NAME_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final String USAGE = "usage: java -jar ferry.jar new-connector <system> <action>"
            + " [--method POST] [--path /api/<action>]   (names in kebab-case: billing create-invoice)";

    private NewConnectorCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    /** {@code args}: the command line, "new-connector" first; 0 when the files are written, 1 otherwise. */
    public static int run(Path home, String[] args, PrintStream out) {
        List<String> names = new ArrayList<>();
        Map<String, String> options = new HashMap<>(Map.of("--method", "POST"));
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String key = arg.split("=", 2)[0];
            if (key.equals("--method") || key.equals("--path")) {
                String value = arg.contains("=") ? arg.substring(key.length() + 1) : i + 1 < args.length ? args[++i]
                        : "";
                options.put(key, value);
            } else if (!arg.startsWith("--")) { // --ferry.home=... is the home's, read before
                names.add(arg);
            }
        }
        if (names.size() != 2 || !names.get(0).matches(NAME_PATTERN) || !names.get(1).matches(NAME_PATTERN)) {
            out.println(USAGE);
            return 1;
        }
        String system = names.get(0);
        String action = names.get(1);
        String method = options.get("--method").toUpperCase(Locale.ROOT);
        String path = options.getOrDefault("--path", "/api/" + action);
        if (!METHODS.contains(method) || !path.matches("/[^\"\\s]*")) {
            out.println("the method is one of " + String.join(", ", METHODS.stream().sorted().toList())
                    + " and the path starts with / (no spaces or quotes), not: " + method + " " + path);
            out.println(USAGE);
            return 1;
        }
        Path folder = home.toAbsolutePath().normalize().resolve("connectors").resolve(system);
        String name = system + "-" + action + "-action";
        Map<Path, String> files = Map.of(
                folder.resolve(name + ".kamelet.yaml"), ConnectorTemplate.kamelet(system, action, method, path),
                folder.resolve(action + ".jsonata"), ConnectorTemplate.mapping(system, method, path));
        List<Path> existing = files.keySet().stream().filter(Files::exists).sorted().toList();
        if (!existing.isEmpty()) {
            existing.forEach(file -> out.println(home.relativize(file) + " exists: new-connector writes no file"
                    + " over another (remove it first, or pick another action name)"));
            return 1;
        }
        try {
            Files.createDirectories(folder);
            for (Path file : files.keySet().stream().sorted().toList()) {
                Files.writeString(file, files.get(file));
                out.println("wrote " + home.toAbsolutePath().normalize().relativize(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the connector's files in " + folder, e);
        }
        boolean configured = new ConfigKeys(home.resolve("config"), List.of(), Map.of())
                .has("ferry.connectors." + system + ".base-url");
        out.print(configured ? "config/application.yaml already has ferry.connectors." + system + "\n"
                : ConnectorTemplate.settings(system));
        out.println("call it from a route: - to: \"kamelet:" + name + "\"; then: java -jar ferry.jar validate");
        return 0;
    }
}
