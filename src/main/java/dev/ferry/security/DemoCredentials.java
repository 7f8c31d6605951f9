package dev.ferry.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sandbox's demo users and keys are public knowledge: outside the sandbox profile Ferry refuses
 * to start while any of them is configured.
 */
final class DemoCredentials {

    private static final Map<String, String> DEMO_USERS = Map.of("reviewer", "reviewer", "admin", "admin");
    private static final List<String> DEMO_KEYS = List.of("ferry-sandbox-key", "ferry-sandbox-ops-key");

    private DemoCredentials() {
    }

    static void refuseOutsideSandbox(Environment environment, SecuritySettings settings, PasswordEncoder encoder) {
        if (environment.acceptsProfiles(Profiles.of("sandbox"))) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (SecuritySettings.User user : settings.users()) {
            String demoPassword = DEMO_USERS.get(user.username());
            if (demoPassword != null && encoder.matches(demoPassword, user.password())) {
                found.add("user '" + user.username() + "' with its demo password");
            }
        }
        for (SecuritySettings.ApiKey key : settings.apiKeys()) {
            if (DEMO_KEYS.stream().map(ApiKeyFilter::sha256).anyMatch(key.sha256()::equalsIgnoreCase)) {
                found.add("API key '" + key.name() + "' (a sandbox demo key)");
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("Ferry refuses to start outside the sandbox profile with demo credentials: "
                    + String.join(", ", found) + ". Configure your own under ferry.security (see docs/configuration.md).");
        }
    }
}
