package dev.ferry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The throttle on H2 with Ferry's schema, its clock moved by the test. */
class LoginThrottleTests {

    private Instant now = Instant.parse("2026-11-01T10:00:00Z");
    private LoginThrottle throttle;
    private LoginThrottle otherNode;

    @BeforeEach
    void database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        var limits = new SecuritySettings.LoginThrottle(3, 5, Duration.ofMinutes(15));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        throttle = new LoginThrottle(JdbcClient.create(dataSource), limits, clock);
        otherNode = new LoginThrottle(JdbcClient.create(dataSource), limits, clock);
    }

    @Test
    void aUserNameIsRefusedAfterItsFailuresFromAnyAddressOnAnyNode() {
        throttle.failed("maria", "10.0.0.1");
        otherNode.failed("maria", "10.0.0.2");
        assertThat(throttle.refusedFor("maria", "10.0.0.3")).isEmpty();

        otherNode.failed("Maria", "10.0.0.3");

        assertThat(throttle.refusedFor("MARIA", "10.0.0.4")).contains(Duration.ofMinutes(15));
        assertThat(throttle.refusedFor("joao", "10.0.0.4")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresWhateverTheNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess-" + i, "203.0.113.9");
        }

        assertThat(throttle.refusedFor("maria", "203.0.113.9")).isPresent();
        assertThat(throttle.refusedFor("maria", "203.0.113.10")).isEmpty();
    }

    @Test
    void theRefusalEndsWithTheWindowThatTheFirstFailureOpened() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("maria", "10.0.0.1");
            now = now.plus(Duration.ofMinutes(1));
        }
        assertThat(throttle.refusedFor("maria", "10.0.0.1")).contains(Duration.ofMinutes(12));

        now = now.plus(Duration.ofMinutes(12));

        assertThat(throttle.refusedFor("maria", "10.0.0.1")).isEmpty();
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.refusedFor("maria", "10.0.0.1")).as("a new window counts from one").isEmpty();
    }

    @Test
    void aRightPasswordClearsTheNamesCountButNotTheAddresss() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("maria", "203.0.113.9");
        }
        for (int i = 0; i < 3; i++) {
            throttle.failed("guess-" + i, "203.0.113.9");
        }
        throttle.succeeded("maria");

        throttle.failed("maria", "10.0.0.1");
        throttle.failed("maria", "10.0.0.1");
        assertThat(throttle.refusedFor("maria", "10.0.0.1")).isEmpty();
        assertThat(throttle.refusedFor("anyone", "203.0.113.9")).isPresent();
    }
}
