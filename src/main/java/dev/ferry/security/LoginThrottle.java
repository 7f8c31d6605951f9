package dev.ferry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts failed sign-ins per user name and per client address in the database (table login_failures, V13),
 * so every node of a cluster sees the same counts. A name or an address with too many failures within the
 * window is refused until the window that began with its first failure ends, whatever the password: the
 * right one no longer tells an attacker anything. Names are counted whether or not such a user exists
 * (nothing tells the two apart), lower-cased as sign-in compares them, and stored only as a hash, since
 * people type passwords into the name field.
 */
class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecuritySettings.LoginThrottle limits;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecuritySettings.LoginThrottle limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    Duration window() {
        return limits.window();
    }

    /** How long sign-ins for this name from this address stay refused; empty when they are not. */
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        record Count(String subject, int failures, Instant since) {
        }
        return jdbc.sql("SELECT subject, failures, window_start FROM login_failures WHERE subject IN (:subjects)")
                .param("subjects", List.of(user(username), address(address)))
                .query((rs, row) -> new Count(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list().stream()
                .filter(c -> c.failures() >= (c.subject().startsWith("user:") ? limits.failuresPerUser()
                        : limits.failuresPerAddress()))
                .map(c -> Duration.between(now, c.since().plus(limits.window())))
                .filter(left -> !left.isNegative() && !left.isZero())
                .max(Duration::compareTo);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        Instant windowOpen = now.minus(limits.window());
        jdbc.sql("DELETE FROM login_failures WHERE window_start < :open").param("open", Timestamp.from(windowOpen)).update();
        count(user(username), now, windowOpen);
        count(address(address), now, windowOpen);
    }

    /** A right password clears its name's count; its address's count stays, or a valid account would reset it. */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failures WHERE subject = :subject").param("subject", user(username)).update();
    }

    private void count(String subject, Instant now, Instant windowOpen) {
        if (increment(subject, now, windowOpen) == 0) {
            try {
                jdbc.sql("INSERT INTO login_failures (subject, failures, window_start) VALUES (:subject, 1, :now)")
                        .param("subject", subject)
                        .param("now", Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException concurrentFirstFailure) {
                increment(subject, now, windowOpen);
            }
        }
    }

    // one statement, so failures counted at once on several nodes all count
    private int increment(String subject, Instant now, Instant windowOpen) {
        return jdbc.sql("""
                UPDATE login_failures
                SET failures = CASE WHEN window_start < :open THEN 1 ELSE failures + 1 END,
                    window_start = CASE WHEN window_start < :open THEN :now ELSE window_start END
                WHERE subject = :subject""")
                .param("open", Timestamp.from(windowOpen))
                .param("now", Timestamp.from(now))
                .param("subject", subject)
                .update();
    }

    private static String user(String username) {
        return "user:" + sha256(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    // an address fits the column; anything longer (a forwarded header's odd value) is hashed
    private static String address(String address) {
        String text = address == null ? "unknown" : address;
        return "address:" + (text.length() <= 64 ? text : sha256(text));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
