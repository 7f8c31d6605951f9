package dev.ferry.orders;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which orders a caller may post and read. An API key posts only as the sources it is bound to and reads only
 * their orders; with REVIEWER or ADMIN (a key's roles or a person's) it reads every source, as reviewers
 * work every source's orders in the inbox. Only a key posts: a person has no sources.
 *
 * @param client the key that called, or null for a person's session
 */
record OrderAccess(ApiClient client, boolean readsEverySource) {

    private static final Set<String> READ_EVERY_SOURCE = Set.of("ROLE_REVIEWER", "ROLE_ADMIN");

    static OrderAccess of(Authentication authentication) {
        ApiClient client = authentication.getPrincipal() instanceof ApiClient key ? key : null;
        boolean everySource = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(READ_EVERY_SOURCE::contains);
        return new OrderAccess(client, everySource);
    }

    boolean mayPost(String source) {
        return client != null && client.sources().contains(source);
    }

    boolean mayRead(String source) {
        return readsEverySource || client != null && client.sources().contains(source);
    }

    /** The sources a list without a source filter shows: null for every source. */
    Set<String> listed() {
        return readsEverySource ? null : client == null ? Set.of() : client.sources();
    }
}
