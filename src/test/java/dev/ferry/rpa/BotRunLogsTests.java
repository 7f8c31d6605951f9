package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BotRunLogsTests {

    private static final Masker MASKER = new Secrets(Map.of("user", "Q7x-Ø'Brï & <ops>")).masker();

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.ferry.bots.SomeJavaBot");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        BotRunLogs.install();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void aLineLoggedDuringARunIsMaskedWithItsException() {
        try (BotRunLogs.Scope run = BotRunLogs.during(MASKER)) {
            logger.info("Signed in as {} on {}", "Q7x-Ø'Brï &amp; &lt;ops&gt;", "the portal");
            logger.warn("The page said: User: Q7x-Ø'Brï & <ops>", new IllegalStateException("no row for Q7x-Ø'Brï & <ops>"));
            logger.info("Nothing secret");
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Signed in as **** on the portal", "The page said: User: ****", "Nothing secret");
        String trace = ThrowableProxyUtil.asString(lines.list.get(1).getThrowableProxy());
        assertThat(trace).contains("java.lang.IllegalStateException: no row for ****").doesNotContain("Q7x")
                .contains("aLineLoggedDuringARunIsMaskedWithItsException");
        assertThat(lines.list.get(1).getLoggerName()).isEqualTo("dev.ferry.bots.SomeJavaBot");
    }

    @Test
    void outsideARunNothingIsMasked() {
        logger.info("Customer Q7x-Ø'Brï & <ops>");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Customer Q7x-Ø'Brï & <ops>");
    }
}
