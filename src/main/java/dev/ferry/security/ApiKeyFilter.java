package dev.ferry.security;

import dev.ferry.orders.ApiClient;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates "Authorization: Bearer <api-key>" against the configured key hashes. The authentication's
 * principal is the key's {@link ApiClient}: its name and the order sources it is bound to.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Map<String, SecuritySettings.ApiKey> keysByHash;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyFilter(SecuritySettings settings, AuthenticationEntryPoint entryPoint) {
        this.keysByHash = settings.apiKeys().stream()
                .collect(Collectors.toMap(k -> k.sha256().toLowerCase(), Function.identity()));
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        SecuritySettings.ApiKey key = keysByHash.get(sha256(header.substring(BEARER.length()).trim()));
        if (key == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("The API key is not valid."));
            return;
        }
        var authorities = key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        var client = new ApiClient(key.name(), new HashSet<>(key.sources()));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(client, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** Whether this request was authenticated by an API key (and not, say, by a session cookie). */
    static boolean authenticatedByKey() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ApiClient;
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
