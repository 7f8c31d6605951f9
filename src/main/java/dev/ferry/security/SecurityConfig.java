package dev.ferry.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectMapper json) throws Exception {
        var problems = new ProblemEntryPoint(json);
        return http
                .securityMatcher("/api/**", "/actuator/**")
                // API clients authenticate every call with a key: no session, so no CSRF token to steal
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(settings, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/orders").hasRole("INTAKE")
                        .requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/**").hasAnyRole("INTAKE", "REVIEWER", "ADMIN")
                        .requestMatchers("/api/exceptions", "/api/exceptions/**").hasAnyRole("REVIEWER", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                .build();
    }
}
