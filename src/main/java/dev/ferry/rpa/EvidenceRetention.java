package dev.ferry.rpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Keeps {@code bot-runs/} from filling the disk: evidence folders older than
 * {@code ferry.rpa.evidence.keep-for}, or beyond the newest {@code keep-at-most}, are deleted. The run
 * records stay; their artifact lists are then empty.
 */
@Component
class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final Path runs;
    private final RpaSettings.Evidence settings;

    EvidenceRetention(@Value("${ferry.data-dir}") String dataDir, RpaSettings settings) {
        this.runs = Path.of(dataDir).resolve("bot-runs");
        this.settings = settings.evidence();
    }

    /** A run's evidence folder and when it was last written. */
    record Folder(Path path, Instant modified) {
    }

    @Scheduled(fixedDelayString = "${ferry.rpa.evidence.check-every:1h}", initialDelayString = "${ferry.rpa.evidence.check-every:1h}")
    void sweep() {
        List<Path> old = expired(folders(), Instant.now(), settings.keepFor(), settings.keepAtMost());
        old.forEach(folder -> {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                log.warn("Could not delete the old bot run evidence {}: {}", folder, e.getMessage());
            }
        });
        if (!old.isEmpty()) {
            log.info("Deleted the evidence of {} old bot runs from {}", old.size(), runs);
        }
    }

    /** The folders to delete: older than {@code keepFor}, or past the newest {@code keepAtMost}. */
    static List<Path> expired(List<Folder> folders, Instant now, Duration keepFor, int keepAtMost) {
        List<Folder> newestFirst = folders.stream().sorted(Comparator.comparing(Folder::modified).reversed()).toList();
        List<Path> expired = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Folder folder = newestFirst.get(i);
            if (i >= keepAtMost || folder.modified().isBefore(now.minus(keepFor))) {
                expired.add(folder.path());
            }
        }
        return expired;
    }

    private List<Folder> folders() {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(Files::isDirectory).map(path -> {
                try {
                    return new Folder(path, Files.getLastModifiedTime(path).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bot run evidence in " + runs, e);
        }
    }
}
