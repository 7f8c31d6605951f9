package dev.ferry.devmode;

import dev.ferry.authoring.Mistake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a change of the Ferry home to the running routes: the check of {@code ferry validate} first (a mistake
 * anywhere refuses the change and the routes run on as they were), then only the routes the change touches are
 * re-created ({@link ReloadPlan}, {@link RouteSwap}). Reloads run one at a time, on the watcher's thread.
 */
final class Reloader {

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    private final Path home;
    private final ModelCamelContext camel;
    private final Supplier<List<Mistake>> check;
    private final Clock clock;
    private Map<String, RouteFiles.Item> running;
    private volatile ReloadResult last = ReloadResult.none();

    /** {@code check}: the mistakes in the home's files as they are now. */
    Reloader(Path home, ModelCamelContext camel, Supplier<List<Mistake>> check, Clock clock) {
        this.home = home.toAbsolutePath().normalize();
        this.camel = camel;
        this.check = check;
        this.clock = clock;
    }

    /** The routes as started: what a change is compared with. */
    synchronized void remember() {
        running = RouteFiles.read(home);
    }

    /**
     * The check once, before any change: its first run in a JVM loads Camel's YAML parser and catalogue (about a
     * second), which the first change would otherwise wait for. A mistake already there is logged.
     */
    void warmUp() {
        List<Mistake> mistakes = check.get();
        if (!mistakes.isEmpty()) {
            LOG.warn("Dev mode: the files of {} have {} now; a change is applied once there are none", home,
                    mistakes.size() == 1 ? "1 mistake" : mistakes.size() + " mistakes");
            mistakes.forEach(mistake -> LOG.warn("{}", mistake));
        }
    }

    ReloadResult last() {
        return last;
    }

    synchronized ReloadResult reload(Debounce.Batch batch) {
        if (running == null) {
            remember();
        }
        List<String> files = batch.files().stream().map(file -> home.relativize(file.toAbsolutePath().normalize())
                .toString()).sorted().toList();
        long checking = System.nanoTime();
        List<Mistake> mistakes = check.get();
        long checked = System.nanoTime();
        if (!mistakes.isEmpty()) {
            LOG.warn("Dev mode did not apply the change of {}: {} in the files; the routes run on as they were",
                    files, mistakes.size() == 1 ? "1 mistake" : mistakes.size() + " mistakes");
            mistakes.forEach(mistake -> LOG.warn("{}", mistake));
            return done(batch, ReloadResult.REFUSED, files, mistakes.stream().map(Mistake::toString).toList(),
                    List.of());
        }
        Map<String, RouteFiles.Item> now = RouteFiles.read(home);
        ReloadPlan plan = ReloadPlan.of(running, now, Set.copyOf(files));
        if (!plan.restartOnly().isEmpty()) {
            List<String> needRestart = plan.restartOnly().stream().map(item -> place(item.file(), item.id())
                    + ": a change to '" + item.kind() + "' needs a restart of Ferry; dev mode applies routes and"
                    + " route configurations").toList();
            needRestart.forEach(line -> LOG.warn("{}", line));
            return done(batch, ReloadResult.REFUSED, files, needRestart, List.of());
        }
        long swapping = System.nanoTime();
        try {
            new RouteSwap(camel).apply(plan, definitions(plan, now));
        } catch (Exception failed) {
            String said = place(fileOf(plan, now), firstOf(plan)) + ": Camel could not start the changed routes, the"
                    + " previous ones run again: " + firstLine(failed);
            LOG.warn("{}", said, failed);
            return done(batch, ReloadResult.FAILED, files, List.of(said), List.copyOf(plan.add()));
        }
        running = now;
        Set<String> routes = new TreeSet<>(plan.add());
        ReloadResult result = done(batch, ReloadResult.APPLIED, files, List.of(), List.copyOf(routes));
        LOG.info("Dev mode applied the change of {} in {} ms (checked in {} ms, routes swapped in {} ms): routes"
                + " re-created {}{}{}", files, result.millis(), (checked - checking) / 1_000_000,
                (System.nanoTime() - swapping) / 1_000_000, routes,
                plan.kamelets().isEmpty() ? "" : ", Kamelets read again " + plan.kamelets(),
                plan.mappingsChanged() ? ", mappings read again" : "");
        return result;
    }

    /** The definitions the plan adds, read from the files by Camel's own YAML loader. */
    private RouteSwap.Definitions definitions(ReloadPlan plan, Map<String, RouteFiles.Item> now) throws Exception {
        Set<String> files = new TreeSet<>();
        now.values().stream().filter(item -> item.kind().equals("route") && plan.add().contains(item.id())
                || item.kind().equals("routeConfiguration") && plan.configurations().contains(item.id()))
                .forEach(item -> files.add(item.file()));
        Map<String, RouteDefinition> routes = new LinkedHashMap<>();
        Map<String, RouteConfigurationDefinition> configurations = new LinkedHashMap<>();
        for (String file : files) {
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(
                    ResourceHelper.resolveMandatoryResource(camel, "file:" + home.resolve(file)))) {
                if (builder instanceof RouteConfigurationBuilder configurationBuilder) {
                    configurationBuilder.configuration();
                    configurationBuilder.getRouteConfigurationCollection().getRouteConfigurations().stream()
                            .filter(configuration -> plan.configurations().contains(configuration.getId()))
                            .forEach(configuration -> configurations.put(configuration.getId(), configuration));
                }
                if (builder instanceof RouteBuilder routeBuilder) {
                    routeBuilder.configureRoutes(camel).getRoutes().stream()
                            .filter(route -> plan.add().contains(route.getRouteId()))
                            .forEach(route -> routes.put(route.getRouteId(), route));
                }
            }
        }
        return new RouteSwap.Definitions(routes, configurations);
    }

    private ReloadResult done(Debounce.Batch batch, String outcome, List<String> files, List<String> mistakes,
            List<String> routes) {
        long millis = Math.max(0, (System.nanoTime() - batch.firstSeen()) / 1_000_000);
        last = new ReloadResult(clock.instant(), outcome, files, mistakes, routes, millis);
        return last;
    }

    private static String fileOf(ReloadPlan plan, Map<String, RouteFiles.Item> now) {
        RouteFiles.Item item = now.get("route:" + firstOf(plan));
        return item == null ? "routes" : item.file();
    }

    private static String firstOf(ReloadPlan plan) {
        return plan.add().isEmpty() ? "" : plan.add().iterator().next();
    }

    /** {@code file:line:column} of the id's first mention in the file, else its first line. */
    private String place(String file, String id) {
        List<String> lines = new ArrayList<>();
        try {
            lines = Files.readAllLines(home.resolve(file));
        } catch (IOException | RuntimeException unreadable) {
            // the place is then the file's start
        }
        for (int i = 0; i < lines.size() && !id.isEmpty(); i++) {
            int column = lines.get(i).indexOf("id: " + id);
            if (column >= 0) {
                return file + ":" + (i + 1) + ":" + (column + 1);
            }
        }
        return file + ":1:1";
    }

    private static String firstLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
