package dev.ferry.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Intake (POST /api/orders) answers 503 store-unavailable at once while the store is down, instead of
 * trying a write that fails after seconds with a 500. After the API key is checked: a caller without one
 * still gets 401.
 */
@Configuration(proxyBeanMethods = false)
class IntakeGate implements WebMvcConfigurer {

    private final StoreMonitor store;
    private final ObjectMapper json;
    private final Duration retryAfter;

    IntakeGate(StoreMonitor store, ObjectMapper json, @Value("${ferry.store.retry-after:10s}") Duration retryAfter) {
        this.store = store;
        this.json = json;
        this.retryAfter = retryAfter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (!"POST".equals(request.getMethod()) || store.available()) {
                    return true;
                }
                ResponseEntity<ProblemDetail> refused = StoreUnavailable.response(store.problem(), retryAfter);
                ProblemDetail problem = refused.getBody();
                problem.setInstance(java.net.URI.create(request.getRequestURI()));
                response.setStatus(refused.getStatusCode().value());
                refused.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                json.writeValue(response.getOutputStream(), problem);
                return false;
            }
        }).addPathPatterns("/api/orders");
    }
}
