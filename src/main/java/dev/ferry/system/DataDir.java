package dev.ferry.system;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Can Ferry write where it keeps its data ({@code ferry.data-dir})? Asked at start, before anything opens a
 * file there, and again while Ferry runs (the store's health). A directory counts as writable only when a
 * file can really be made in it: permissions, a read-only mount and {@code chattr +i} all show that way.
 */
final class DataDir {

    /** The folders whose files Ferry rewrites in place: the database and the broker's journal. */
    private static final List<String> STORES = List.of("db", "broker");
    private static final String PROBE = ".ferry-write-check";

    private DataDir() {
    }

    /** What keeps Ferry from writing under {@code dir}, in one line, or null when nothing does. */
    static String problem(Path dir) {
        if (!Files.exists(dir)) {
            // made by whatever writes there first; the check itself leaves nothing behind
            Path parent = dir.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            String problem = parent == null ? "no folder above it exists" : writable(parent);
            return problem == null ? null : "the data directory " + dir + " does not exist and cannot be made: " + problem;
        }
        if (!Files.isDirectory(dir)) {
            return "the data directory " + dir + " is not a directory";
        }
        for (Path folder : folders(dir)) {
            String problem = writable(folder);
            if (problem != null) {
                return problem;
            }
        }
        for (String store : STORES) {
            Path folder = dir.resolve(store);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder, 3)) {
                    var unwritable = files.filter(Files::isRegularFile).filter(f -> !Files.isWritable(f)).findFirst();
                    if (unwritable.isPresent()) {
                        return "the file " + unwritable.get() + " is not writable";
                    }
                } catch (IOException | RuntimeException e) {
                    return "the folder " + folder + " cannot be read (" + reason(e) + ")";
                }
            }
        }
        return null;
    }

    /** The data directory and the folders in it, and theirs in the stores: each must take new files. */
    private static List<Path> folders(Path dir) {
        List<Path> folders = new ArrayList<>();
        folders.add(dir);
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).forEach(folders::add);
        } catch (IOException e) {
            return folders;
        }
        for (String store : STORES) {
            try (Stream<Path> children = Files.list(dir.resolve(store))) {
                children.filter(Files::isDirectory).forEach(folders::add);
            } catch (IOException e) {
                // not there yet: made at the first start
            }
        }
        return folders;
    }

    private static String writable(Path folder) {
        Path probe = folder.resolve(PROBE);
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return "cannot create a file in " + folder + " (" + reason(e) + ")";
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
