package dev.ferry.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** API clients, each known by the SHA-256 of its key: the clear key is never stored. */
@ConfigurationProperties("ferry.security")
record SecuritySettings(List<ApiKey> apiKeys) {

    SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    record ApiKey(String name, String sha256, List<String> roles) {
    }
}
