package dev.ferry.orders;

import java.security.Principal;
import java.util.Set;

/**
 * Who called with an API key: the key's configured name, which is also the namespace of the client's
 * Idempotency-Keys, and the order sources the key is bound to (the only ones it may post, and read unless
 * its roles let it read every source). The principal of a request the key authenticated.
 */
public record ApiClient(String name, Set<String> sources) implements Principal {

    public ApiClient {
        sources = Set.copyOf(sources);
    }

    @Override
    public String getName() {
        return "api-key:" + name;
    }
}
