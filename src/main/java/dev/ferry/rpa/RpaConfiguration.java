package dev.ferry.rpa;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RpaSettings.class)
class RpaConfiguration {
}
