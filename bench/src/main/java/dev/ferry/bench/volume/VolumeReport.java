package dev.ferry.bench.volume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bench's results as Markdown: times per query and size, bytes per order, and the plans at the largest size. */
final class VolumeReport {

    private VolumeReport() {
    }

    static String markdown(List<VolumeBench.Result> results) {
        Map<String, List<VolumeBench.Result>> byDatabase = new LinkedHashMap<>();
        results.forEach(r -> byDatabase.computeIfAbsent(r.database(), d -> new java.util.ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder();
        byDatabase.forEach((database, sized) -> {
            boolean h2 = database.equals("H2");
            md.append("## ").append(database).append(": milliseconds per call (median wall / CPU")
                    .append(h2 ? " of the calling thread" : " of the server process").append(")")
                    .append(h2 ? ", rows read (H2's scanCount)" : "").append("\n\n| query | what |");
            sized.forEach(r -> md.append(' ').append(count(r.orders())).append(" orders |"));
            md.append("\n| --- | --- |");
            sized.forEach(r -> md.append(" ---: |"));
            md.append('\n');
            for (String query : sized.get(0).timings().keySet()) {
                md.append("| ").append(query).append(" | ").append(sized.get(0).timings().get(query).what()).append(" |");
                for (VolumeBench.Result r : sized) {
                    VolumeBench.Timing t = r.timings().get(query);
                    md.append(" %.2f / %.2f".formatted(t.wallMs(), t.cpuMs()));
                    if (h2) {
                        md.append(", ").append(t.rowsRead()).append(" rows");
                    }
                    md.append(" |");
                }
                md.append('\n');
            }
            md.append("\nFill (batched inserts");
            md.append(h2 ? ", ANALYZE" : ", VACUUM ANALYZE").append("), seconds:");
            sized.forEach(r -> md.append(" %s: %.1f;".formatted(count(r.orders()), r.fillSeconds())));
            md.append("\n\n### ").append(database).append(": bytes per order\n\n| table |");
            sized.forEach(r -> md.append(' ').append(count(r.orders())).append(" |"));
            md.append("\n| --- |");
            sized.forEach(r -> md.append(" ---: |"));
            md.append('\n');
            for (String part : sized.get(0).bytesByTable().keySet()) {
                boolean table = VolumeBench.tables().contains(part);
                md.append("| ").append(part).append(!table ? "" : h2 ? " (DISK_SPACE_USED)" : " (pg_total_relation_size)")
                        .append(" |");
                sized.forEach(r -> md.append(' ').append(r.bytesByTable().get(part) / r.orders()).append(" |"));
                md.append('\n');
            }
            md.append(h2 ? "| whole file ferry.mv.db after SHUTDOWN |" : "| whole database (pg_database_size) |");
            sized.forEach(r -> md.append(' ').append(r.fileBytes() / r.orders()).append(" |"));
            md.append("\n\n");
        });
        byDatabase.forEach((database, sized) -> {
            VolumeBench.Result largest = sized.get(sized.size() - 1);
            md.append("## ").append(database).append(": plans with ").append(count(largest.orders())).append(" orders\n\n");
            largest.timings().forEach((query, timing) -> {
                md.append("### ").append(query).append("\n\n```\n");
                timing.plans().forEach(plan -> md.append(plan).append("\n\n"));
                md.setLength(md.length() - 1);
                md.append("```\n\n");
            });
        });
        return md.toString();
    }

    private static String count(int orders) {
        return "%,d".formatted(orders);
    }
}
