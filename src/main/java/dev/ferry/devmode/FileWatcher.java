package dev.ferry.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches routes/, connectors/ and rpa-bots/ of the Ferry home (and the folders below them, new ones too) and hands
 * each burst of writes, once {@link Debounce} says it is over, to a consumer on its own thread: one change at a
 * time, in the order they were made. Only the files Ferry reads count: routes' and bots' YAML, Kamelets and JSONata
 * mappings; an editor's swap and backup files do not.
 */
final class FileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);
    static final List<String> FOLDERS = List.of("routes", "connectors", "rpa-bots");

    private final Path home;
    private final Debounce debounce;
    private final Consumer<Debounce.Batch> onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    private final Runnable first;

    FileWatcher(Path home, Debounce debounce, Consumer<Debounce.Batch> onChange) {
        this(home, debounce, () -> { }, onChange);
    }

    /** {@code first}: run on the watcher's thread before anything else (the reloader's warm-up). */
    FileWatcher(Path home, Debounce debounce, Runnable first, Consumer<Debounce.Batch> onChange) {
        this.first = first;
        this.home = home.toAbsolutePath().normalize();
        this.debounce = debounce;
        this.onChange = onChange;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            for (String folder : FOLDERS) {
                registerAll(this.home.resolve(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Dev mode cannot watch the files of " + this.home, e);
        }
        this.thread = new Thread(this::run, "ferry-dev-mode");
        this.thread.setDaemon(true);
    }

    /** Whether a change to this file is one Ferry would read. */
    static boolean counts(Path home, Path file) {
        Path relative = home.relativize(file);
        if (relative.getNameCount() < 2 || file.getFileName().toString().startsWith(".")) {
            return false;
        }
        String folder = relative.getName(0).toString();
        String name = file.getFileName().toString();
        return switch (folder) {
            case "routes" -> relative.getNameCount() == 2 && name.endsWith(".yaml");
            case "connectors" -> name.endsWith(".kamelet.yaml") || name.endsWith(".jsonata");
            case "rpa-bots" -> name.endsWith(".yaml") || name.endsWith(".yml");
            default -> false;
        };
    }

    void start() {
        thread.start();
        LOG.info("Dev mode: changes to {} under {} are checked and applied while Ferry runs", FOLDERS, home);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (IOException e) {
            LOG.debug("Closing the dev mode watch failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            first.run();
        } catch (RuntimeException e) {
            LOG.warn("Dev mode's first check failed: {}", e.getMessage(), e);
        }
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait = debounce.nanosUntilDue(System.nanoTime());
                WatchKey key = wait == Long.MAX_VALUE ? service.take() : service.poll(wait, TimeUnit.NANOSECONDS);
                if (key != null) {
                    seen(key);
                }
                debounce.take(System.nanoTime()).ifPresent(this::apply);
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(Debounce.Batch batch) {
        try {
            onChange.accept(batch);
        } catch (RuntimeException e) {
            LOG.error("Dev mode could not apply the change of {}", batch.files(), e);
        }
    }

    private void seen(WatchKey key) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path path = folder.resolve(name);
            long now = System.nanoTime();
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerAll(path);
                    // files written before the new folder was watched
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(Files::isRegularFile).filter(file -> counts(home, file))
                                .forEach(file -> debounce.changed(file, now));
                    }
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("Dev mode cannot watch {}: {}", path, e.getMessage());
                }
            } else if (counts(home, path)) {
                debounce.changed(path, now);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private void registerAll(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path folder : tree.filter(Files::isDirectory).toList()) {
                folders.put(folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), folder);
            }
        }
    }
}
