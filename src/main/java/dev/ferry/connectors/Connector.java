package dev.ferry.connectors;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How to reach one external system, from {@code ferry.connectors.<system>.*}. Credentials come from
 * the environment or a secrets file, never from route or Kamelet files.
 */
public record Connector(String baseUrl, Auth auth, String token, String apiKey, String username, String password,
        String displayName, Duration readTimeout, RetryPolicy retry) {

    public enum Auth {
        NONE, BEARER, API_KEY, BASIC
    }

    /** Every connector of {@code ferry.connectors.<system>.*}, by system. */
    static Map<String, Connector> bindAll(Environment environment) {
        return Binder.get(environment).bind("ferry.connectors", Bindable.mapOf(String.class, Connector.class))
                .orElse(Map.of());
    }

    /** How the system is named in messages people read: "the ERP", "the shipping system". */
    String label(String system) {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return switch (system) {
            case "crm", "erp" -> "the " + system.toUpperCase();
            default -> "the " + system + " system";
        };
    }
}
