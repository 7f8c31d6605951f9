package dev.ferry.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API clients, each known by the SHA-256 of its key and bound to the order sources it may post and read,
 * and people, each with a hashed password: no clear credential is ever stored.
 */
@ConfigurationProperties("ferry.security")
record SecuritySettings(List<ApiKey> apiKeys, List<User> users, LoginThrottle loginThrottle) {

    SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
        loginThrottle = loginThrottle == null ? new LoginThrottle(0, 0, null) : loginThrottle;
    }

    /** {@code sources}: the order sources the key may post, and read (every source with REVIEWER or ADMIN). */
    record ApiKey(String name, String sha256, List<String> roles, List<String> sources) {

        ApiKey {
            roles = roles == null ? List.of() : List.copyOf(roles);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** {@code password} is an encoded hash with its id prefix, e.g. {@code {bcrypt}$2a$10$...}. */
    record User(String username, String password, List<String> roles) {
    }

    /**
     * Sign-ins refused for a while after this many failures for one user name or from one client address
     * within {@code window}, counted in the database every node shares.
     */
    record LoginThrottle(int failuresPerUser, int failuresPerAddress, Duration window) {

        LoginThrottle {
            failuresPerUser = failuresPerUser > 0 ? failuresPerUser : 5;
            failuresPerAddress = failuresPerAddress > 0 ? failuresPerAddress : 20;
            window = window == null || window.isZero() || window.isNegative() ? Duration.ofMinutes(15) : window;
        }
    }
}
