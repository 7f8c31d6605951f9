package dev.ferry.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command's line after its name: {@code --name=value} options, {@code --flag}s and plain words, in order. */
record Arguments(Map<String, String> options, List<String> words) {

    static Arguments of(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                options.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
            } else {
                words.add(arg);
            }
        }
        return new Arguments(options, words);
    }

    String option(String name, String orElse) {
        String value = options.get(name);
        return value == null || value.isEmpty() ? orElse : value;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** The Ferry to read from: --from, else FERRY_URL, else Ferry on this machine's default port. */
    FerryApi api(Map<String, String> environment) {
        String key = option("key", environment.get("FERRY_API_KEY"));
        if (key == null || key.isBlank()) {
            throw new FerryApi.Unreachable("give a reviewer's or admin's API key with --key= or FERRY_API_KEY");
        }
        return new FerryApi(option("from", environment.getOrDefault("FERRY_URL", "http://localhost:8080")), key);
    }
}
