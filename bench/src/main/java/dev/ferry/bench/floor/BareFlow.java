package dev.ferry.bench.floor;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The floor of Ferry's stack: Spring Boot (Tomcat, MVC, Jackson) and Camel's http component (Apache HttpClient 5,
 * as Ferry's connectors) making the five calls of an order and nothing else — no store, queue, journal, retries,
 * security chain, validation or metrics. What a JVM on this stack spends per order before Ferry adds any of its
 * promises; the bench's peer scenario runs it beside Ferry and the Node-RED flow.
 *
 * <p>{@code POST /orders} makes the five calls and answers 200 (as the Node-RED flow); {@code POST /intake} only
 * checks the key, reads the order and answers 202 with a new id: the floor of intake.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        CamelAutoConfiguration.class})
public class BareFlow {

    public static void main(String[] args) {
        SpringApplication.run(BareFlow.class, args);
    }

    @Bean
    BareRoute bareRoute(ObjectMapper json) {
        return new BareRoute(json, System.getenv());
    }

    @Bean
    BareOrders orders(ProducerTemplate template, ObjectMapper json) {
        return new BareOrders(template, json, "Bearer " + System.getenv("PEER_INTAKE_KEY"));
    }
}
