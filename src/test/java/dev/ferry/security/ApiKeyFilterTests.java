package dev.ferry.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.io.IOException;
import dev.ferry.orders.ApiClient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiKeyFilterTests {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final ApiKeyFilter filter = new ApiKeyFilter(new SecuritySettings(List.of(
            new SecuritySettings.ApiKey("webshop", ApiKeyFilter.sha256("webshop-key"), List.of("INTAKE"),
                    List.of("webshop", "webshop-eu")),
            new SecuritySettings.ApiKey("ops", ApiKeyFilter.sha256("ops-key").toUpperCase(), List.of("REVIEWER", "ADMIN"),
                    List.of())),
            List.of(), null),
            new ProblemEntryPoint(JSON));

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    private void send(String authorization) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        filter.doFilter(request, response, chain);
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @Test
    void aConfiguredKeyAuthenticatesWithItsRoles() throws Exception {
        send("Bearer webshop-key");

        assertThat(authentication().isAuthenticated()).isTrue();
        assertThat(authentication().getName()).isEqualTo("api-key:webshop");
        assertThat(authentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_INTAKE");
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void theKeysClientIsThePrincipalWithTheSourcesItIsBoundTo() throws Exception {
        send("Bearer webshop-key");

        assertThat(authentication().getPrincipal()).isEqualTo(new ApiClient("webshop", Set.of("webshop", "webshop-eu")));
        assertThat(ApiKeyFilter.authenticatedByKey()).isTrue();
    }

    @Test
    void aKeyWithSeveralRolesGetsThemAll() throws Exception {
        send("Bearer ops-key");

        assertThat(authentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_REVIEWER", "ROLE_ADMIN");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        send("bearer webshop-key");

        assertThat(authentication().getName()).isEqualTo("api-key:webshop");
    }

    @Test
    void aWrongKeyIsAnsweredWithUnauthorizedProblemJson() throws Exception {
        send("Bearer guess");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"ferry\"");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("type").asText()).isEqualTo("https://ferry.dev/problems/unauthorized");
        assertThat(problem.path("detail").asText()).isEqualTo("The API key is not valid.");
    }

    @Test
    void aWrongKeyDoesNotReachTheApplication() throws Exception {
        send("Bearer guess");

        assertThat(chain.getRequest()).isNull();
        assertThat(authentication()).isNull();
    }

    @Test
    void aRequestWithoutAuthorizationPassesThroughUnauthenticated() throws Exception {
        send(null);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(authentication()).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void anotherAuthorizationSchemePassesThroughUnauthenticated() throws Exception {
        send("Basic d2Vic2hvcDp3ZWJzaG9wLWtleQ==");

        assertThat(chain.getRequest()).isNotNull();
        assertThat(authentication()).isNull();
        assertThat(ApiKeyFilter.authenticatedByKey()).isFalse();
    }
}
