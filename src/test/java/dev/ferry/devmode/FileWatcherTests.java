package dev.ferry.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTests {

    @TempDir
    Path home;

    @Test
    void countsTheFilesFerryReadsAndNoEditorsLeftovers() {
        assertThat(FileWatcher.counts(home, home.resolve("routes/order-fulfilment.yaml"))).isTrue();
        assertThat(FileWatcher.counts(home, home.resolve("connectors/erp/erp-create-sales-order-action.kamelet.yaml")))
                .isTrue();
        assertThat(FileWatcher.counts(home, home.resolve("connectors/erp/create-sales-order.jsonata"))).isTrue();
        assertThat(FileWatcher.counts(home, home.resolve("rpa-bots/nordic-freight/book-freight.yaml"))).isTrue();
        assertThat(FileWatcher.counts(home, home.resolve("routes/.order-fulfilment.yaml.swp"))).isFalse();
        assertThat(FileWatcher.counts(home, home.resolve("routes/order-fulfilment.yaml~"))).isFalse();
        assertThat(FileWatcher.counts(home, home.resolve("routes/old/order-fulfilment.yaml")))
                .as("Camel reads routes/*.yaml, not below").isFalse();
        assertThat(FileWatcher.counts(home, home.resolve("connectors/erp/README.md"))).isFalse();
        assertThat(FileWatcher.counts(home, home.resolve("config/application.yaml"))).isFalse();
    }

    @Test
    void aBurstOfWritesInWatchedFoldersNewOnesTooIsOneChange() throws IOException {
        for (String folder : FileWatcher.FOLDERS) {
            Files.createDirectories(home.resolve(folder));
        }
        List<Debounce.Batch> batches = new CopyOnWriteArrayList<>();
        try (FileWatcher watcher = new FileWatcher(home, new Debounce(Duration.ofMillis(200), Duration.ofSeconds(1)),
                batches::add)) {
            watcher.start();
            Files.writeString(home.resolve("routes/a.yaml"), "- route: {}");
            Files.writeString(home.resolve("routes/.a.yaml.swp"), "x");
            Files.createDirectories(home.resolve("connectors/crm"));
            Files.writeString(home.resolve("connectors/crm/map.jsonata"), "{}");

            await().atMost(Duration.ofSeconds(5)).until(() -> !batches.isEmpty());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> batches.size() == 1);
            assertThat(batches.get(0).files()).containsExactlyInAnyOrder(home.resolve("routes/a.yaml"),
                    home.resolve("connectors/crm/map.jsonata"));
        }
    }
}
