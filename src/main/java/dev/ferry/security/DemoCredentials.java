package dev.ferry.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sandbox's demo users and keys are public knowledge: outside the sandbox profile Ferry refuses
 * to start while any of them is configured. A demo password is refused whatever the user's name: sign-in
 * ignores the case of user names, and a published password is no secret under any name.
 */
final class DemoCredentials {

    private static final List<String> DEMO_PASSWORDS = List.of("reviewer", "admin");
    private static final List<String> DEMO_KEYS = List.of("ferry-sandbox-key", "ferry-sandbox-ops-key");

    private DemoCredentials() {
    }

    static void refuseOutsideSandbox(Environment environment, SecuritySettings settings, PasswordEncoder encoder) {
        if (environment.acceptsProfiles(Profiles.of("sandbox"))) {
            return;
        }
        List<String> found = new ArrayList<>();
        for (SecuritySettings.User user : settings.users()) {
            if (DEMO_PASSWORDS.stream().anyMatch(demo -> matches(encoder, demo, user.password()))) {
                found.add("user '" + user.username() + "' with a demo password");
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

    // a hash without a known {id} prefix is no demo password (sign-in refuses it as it always did)
    private static boolean matches(PasswordEncoder encoder, String password, String hash) {
        try {
            return hash != null && encoder.matches(password, hash);
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
