package dev.ferry.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Intake (POST /api/orders) answers 503 store-unavailable at once while the store is down, instead of
 * trying a write that fails after seconds with a 500. After the API key is checked: a caller without one
 * still gets 401. The answer itself is ProblemHandler's, like that of a write the store failed.
 */
@Configuration(proxyBeanMethods = false)
class IntakeGate implements WebMvcConfigurer {

    private final StoreMonitor store;

    IntakeGate(StoreMonitor store) {
        this.store = store;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("POST".equals(request.getMethod()) && !store.available()) {
                    throw new StoreUnavailable.Down(store.problem());
                }
                return true;
            }
        }).addPathPatterns("/api/orders");
    }
}
