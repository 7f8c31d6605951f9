package dev.ferry.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in: API clients with a key on every call (/api, /actuator), and people who log in to the
 * inbox and schedules pages with a form and a session. The inbox API accepts either.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
    // the API's interactive page (/swagger-ui.html): the same, and the one <style> of Swagger UI's logo, by its hash
    private static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");
    private static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/swagger-ui/");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecuritySettings settings, PasswordEncoder encoder, Environment environment) {
        DemoCredentials.refuseOutsideSandbox(environment, settings, encoder);
        return new InMemoryUserDetailsManager(settings.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    LoginThrottle loginThrottle(JdbcClient jdbc, SecuritySettings settings) {
        return new LoginThrottle(jdbc, settings.loginThrottle(), Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectMapper json, Environment environment)
            throws Exception {
        ApiKeyBindings.check(settings, Binder.get(environment)
                .bind("ferry.intake.pulled-sources", Bindable.listOf(String.class)).orElse(List.of()));
        var problems = new ProblemEntryPoint(json);
        return http
                .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                // a key on every call needs no token; a browser's session cookie could be ridden, so it does
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::ridesOnASession))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // before the CSRF check, which must know whether a key authenticated the request
                .addFilterBefore(new ApiKeyFilter(settings, problems), CsrfFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // route names, URIs and counts: for a scraper's key (METRICS), and administrators
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                                .hasAnyRole("METRICS", "ADMIN")
                        // the API's description (docs/api.md#openapi): any key with a role, and people signed in
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                                .hasAnyRole("INTAKE", "REVIEWER", "ADMIN", "METRICS")
                        .requestMatchers(HttpMethod.POST, "/api/orders").hasRole("INTAKE")
                        // a recording holds the whole payload whatever the source: for people who work every source
                        .requestMatchers(HttpMethod.GET, "/api/orders/*/recording").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/**").hasAnyRole("INTAKE", "REVIEWER", "ADMIN")
                        .requestMatchers("/api/exceptions", "/api/exceptions/**").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/bots/*/runs").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/bots", "/api/bots/**").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/schedules", "/api/schedules/**").hasAnyRole("REVIEWER", "ADMIN")
                        // dev mode's last reload: file names and mistakes, no data
                        .requestMatchers(HttpMethod.GET, "/api/dev/**").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/schedules/*/pause", "/api/schedules/*/resume",
                                "/api/schedules/*/run").hasRole("ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle) throws Exception {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(ThrottledSignIn.Throttled.class.getName(), "/login?throttled"));
        return http
                .authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, throttle)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/schedules/**").hasRole("ADMIN")
                        .requestMatchers("/", "/inbox", "/inbox/**", "/orders/**", "/schedules", "/schedules/**")
                                .hasAnyRole("REVIEWER", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", false).failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    // any Authorization header is not enough: one that authenticated nothing leaves the session to act
    private static boolean ridesOnASession(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && !ApiKeyFilter.authenticatedByKey()
                && request.getRequestedSessionId() != null;
    }
}
