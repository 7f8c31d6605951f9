package dev.ferry.devmode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change means for the running routes, decided from two readings of routes/ and the files that changed:
 * a route whose item changed, or that uses a changed Kamelet (its template is materialised when the route is
 * made), a changed bot (read when the route is made) or a changed route configuration, is re-created; a route
 * gone from the files is removed; every other route runs on untouched. JSONata mappings need no route: their
 * endpoints read the file again.
 *
 * @param remove routes to stop and remove (each of {@code add} that runs now is among them)
 * @param add routes to create from the files as they are now
 * @param configurations route configurations to replace (removed when gone from the files)
 * @param kamelets Kamelets whose template, template-made routes and endpoints go, to be made again
 * @param bots bots whose {@code rpa:} endpoints go, to be read again
 * @param mappingsChanged whether a JSONata mapping changed
 * @param restartOnly items that changed but cannot be applied while Ferry runs (beans, rests ...)
 */
record ReloadPlan(Set<String> remove, Set<String> add, Set<String> configurations, Set<String> kamelets,
        Set<String> bots, boolean mappingsChanged, List<RouteFiles.Item> restartOnly) {

    static ReloadPlan of(Map<String, RouteFiles.Item> before, Map<String, RouteFiles.Item> after, Set<String> changed) {
        Set<String> kamelets = new TreeSet<>();
        Set<String> bots = new TreeSet<>();
        boolean mappings = false;
        for (String file : changed) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (file.startsWith("connectors/") && name.endsWith(".kamelet.yaml")) {
                kamelets.add(name.substring(0, name.length() - ".kamelet.yaml".length()));
            } else if (file.startsWith("connectors/") && name.endsWith(".jsonata")) {
                mappings = true;
            } else if (file.startsWith("rpa-bots/") && name.matches(".+\\.ya?ml$")) {
                bots.add(name.replaceFirst("\\.ya?ml$", ""));
            }
        }
        Set<String> configurations = new TreeSet<>();
        List<RouteFiles.Item> restartOnly = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            RouteFiles.Item old = before.get(key);
            RouteFiles.Item now = after.get(key);
            if (sameTree(old, now)) {
                continue;
            }
            RouteFiles.Item item = now != null ? now : old;
            if (item.kind().equals("routeConfiguration")) {
                configurations.add(item.id());
            } else if (!item.kind().equals("route")) {
                restartOnly.add(item);
            }
        }
        Set<String> touched = new TreeSet<>();
        for (String key : keys) {
            RouteFiles.Item old = before.get(key);
            RouteFiles.Item now = after.get(key);
            RouteFiles.Item item = now != null ? now : old;
            if (item.kind().equals("route") && (!sameTree(old, now) || uses(old, kamelets, bots, configurations)
                    || uses(now, kamelets, bots, configurations))) {
                touched.add(item.id());
            }
        }
        addCallers(touched, before);
        Set<String> remove = new TreeSet<>();
        Set<String> add = new TreeSet<>();
        for (String id : touched) {
            if (before.containsKey("route:" + id)) {
                remove.add(id);
            }
            if (after.containsKey("route:" + id)) {
                add.add(id);
            }
        }
        return new ReloadPlan(remove, add, configurations, kamelets, bots, mappings, restartOnly);
    }

    /**
     * The routes that call a touched route ({@code to: direct:x} of a route {@code from: direct:x}) are touched too:
     * stopped first, their consumers take nothing new, so the called route has nothing in flight when it goes and
     * no caller meets it missing (the order queue's consumers, when fulfil-order changes).
     */
    private static void addCallers(Set<String> touched, Map<String, RouteFiles.Item> running) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (RouteFiles.Item route : running.values()) {
                if (route.kind().equals("route") && !touched.contains(route.id()) && calls(route, touched, running)) {
                    touched.add(route.id());
                    grew = true;
                }
            }
        }
    }

    private static boolean calls(RouteFiles.Item caller, Set<String> touched, Map<String, RouteFiles.Item> running) {
        for (String id : touched) {
            RouteFiles.Item called = running.get("route:" + id);
            String from = called == null ? "" : called.tree().path("from").path("uri").asText("");
            int colon = from.indexOf(':');
            if (colon > 0 && List.of("direct", "seda").contains(from.substring(0, colon))
                    && caller.uses(from.substring(0, colon), from.substring(colon + 1).replaceFirst("^//", ""))) {
                return true;
            }
        }
        return false;
    }

    boolean changesNothing() {
        return remove.isEmpty() && add.isEmpty() && configurations.isEmpty() && kamelets.isEmpty() && bots.isEmpty()
                && !mappingsChanged && restartOnly.isEmpty();
    }

    private static boolean sameTree(RouteFiles.Item old, RouteFiles.Item now) {
        return old != null && now != null && Objects.equals(old.tree(), now.tree());
    }

    private static boolean uses(RouteFiles.Item route, Set<String> kamelets, Set<String> bots,
            Set<String> configurations) {
        if (route == null) {
            return false;
        }
        return kamelets.stream().anyMatch(name -> route.uses("kamelet", name))
                || bots.stream().anyMatch(name -> route.uses("rpa", name))
                || route.routeConfigurationId() != null && configurations.contains(route.routeConfigurationId());
    }
}
