package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceRetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void deletesFoldersOlderThanTheRetentionAndKeepsNewerOnes() {
        List<EvidenceRetention.Folder> folders = List.of(
                folder("fresh", Duration.ofHours(1)), folder("old", Duration.ofDays(15)),
                folder("edge", Duration.ofDays(14).minusMinutes(1)));

        assertThat(EvidenceRetention.expired(folders, NOW, Duration.ofDays(14), 1000))
                .containsExactly(Path.of("old"));
    }

    @Test
    void keepsOnlyTheNewestFoldersWhenThereAreTooMany() {
        List<EvidenceRetention.Folder> folders = List.of(
                folder("b", Duration.ofMinutes(2)), folder("d", Duration.ofMinutes(4)),
                folder("a", Duration.ofMinutes(1)), folder("c", Duration.ofMinutes(3)));

        assertThat(EvidenceRetention.expired(folders, NOW, Duration.ofDays(14), 2))
                .containsExactly(Path.of("c"), Path.of("d"));
    }

    private static EvidenceRetention.Folder folder(String name, Duration age) {
        return new EvidenceRetention.Folder(Path.of(name), NOW.minus(age));
    }
}
