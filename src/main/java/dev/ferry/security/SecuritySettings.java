package dev.ferry.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API clients, each known by the SHA-256 of its key, and people, each with a hashed password: no
 * clear credential is ever stored.
 */
@ConfigurationProperties("ferry.security")
record SecuritySettings(List<ApiKey> apiKeys, List<User> users) {

    SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
    }

    record ApiKey(String name, String sha256, List<String> roles) {
    }

    /** {@code password} is an encoded hash with its id prefix, e.g. {@code {bcrypt}$2a$10$...}. */
    record User(String username, String password, List<String> roles) {
    }
}
