package dev.ferry.connectors;

import java.time.Duration;

/**
 * How to reach one external system, from {@code ferry.connectors.<system>.*}. Credentials come from
 * the environment or a secrets file, never from route or Kamelet files.
 */
public record Connector(String baseUrl, Auth auth, String token, String apiKey, String username, String password,
        String displayName, Duration readTimeout, RetryPolicy retry) {

    public enum Auth {
        NONE, BEARER, API_KEY, BASIC
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
