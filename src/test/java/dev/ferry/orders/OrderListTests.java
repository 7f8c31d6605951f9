package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testing.RowsRead;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The order list on H2 with Ferry's schema: its order, its filters, and that a page reads a page's worth of rows. */
class OrderListTests {

    private static final int ORDERS = 2_000;
    private static final String[] SOURCES = {"webshop", "marketplace", "crm"};

    private RowsRead rowsRead;
    private OrderStore store;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String id, String source, OrderStatus status, Instant createdAt) {
    }

    @BeforeEach
    void ordersStored() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // two orders share each second, so the id has to break ties
            Row row = new Row(UUID.randomUUID().toString(), SOURCES[i % 3],
                    i % 10 == 0 ? OrderStatus.FLAGGED : OrderStatus.COMPLETED, start.plusSeconds(i / 2));
            rows.add(row);
            inserts.add(new Object[] {row.id(), row.source(), "EXT-" + i, row.status().name(),
                    Timestamp.from(row.createdAt()), Timestamp.from(row.createdAt())});
        }
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO orders (id, source, external_id, payload_hash, payload, status, created_at, updated_at)
                VALUES (?, ?, ?, 'hash', '{}', ?, ?, ?)""", inserts);
        new JdbcTemplate(dataSource).execute("ANALYZE");
        rowsRead = new RowsRead(dataSource);
        store = new OrderStore(JdbcClient.create(rowsRead.dataSource()), new ObjectMapper());
    }

    @Test
    void pagesGoNewestFirstWithTheIdBreakingTiesAndFollowOnWithoutGapsOrRepeats() {
        List<String> expected = newestFirst(rows.stream().filter(r -> r.status() == OrderStatus.COMPLETED)).subList(0, 40);

        List<String> twoPages = Stream.concat(store.page(OrderStatus.COMPLETED, null, 0, 20).stream(),
                store.page(OrderStatus.COMPLETED, null, 1, 20).stream()).map(OrderRecord::id).toList();

        assertThat(twoPages).containsExactlyElementsOf(expected);
    }

    @Test
    void bothFiltersTogetherKeepTheOrder() {
        List<String> expected = newestFirst(rows.stream()
                .filter(r -> r.status() == OrderStatus.FLAGGED && r.source().equals("crm"))).subList(0, 20);

        assertThat(store.page(OrderStatus.FLAGGED, List.of("crm"), 0, 20)).extracting(OrderRecord::id)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void severalSourcesListOnlyTheirOrdersInTheListsOrder() {
        List<String> expected = newestFirst(rows.stream()
                .filter(r -> r.source().equals("webshop") || r.source().equals("marketplace"))).subList(0, 40);

        List<String> twoPages = Stream.concat(store.page(null, List.of("webshop", "marketplace"), 0, 20).stream(),
                store.page(null, List.of("webshop", "marketplace"), 1, 20).stream()).map(OrderRecord::id).toList();

        assertThat(twoPages).containsExactlyElementsOf(expected);
        assertThat(store.count(null, List.of("webshop", "marketplace"), 10_000)).isEqualTo(ORDERS * 2 / 3 + 1);
    }

    @Test
    void aPageReadsAboutAPageOfRowsWhateverTheFilterAndHoweverManyOrdersAreStored() throws Exception {
        List<Runnable> pages = List.of(
                () -> store.page(null, null, 0, 20),
                () -> store.page(OrderStatus.COMPLETED, null, 0, 20),
                () -> store.page(null, List.of("crm"), 0, 20),
                () -> store.page(OrderStatus.COMPLETED, List.of("marketplace"), 0, 20),
                () -> store.page(OrderStatus.FLAGGED, List.of("webshop"), 0, 20));
        for (Runnable page : pages) {
            RowsRead.Reading reading = rowsRead.of(page);

            // 20 index entries, 20 rows; sorting every match instead reads hundreds (a filter) to 2,000 (none)
            assertThat(reading.rows()).as(reading.plans()).isLessThan(80);
        }
    }

    @Test
    void theCountStopsAtItsLimit() throws Exception {
        assertThat(store.count(null, null, 500)).isEqualTo(500);
        assertThat(store.count(OrderStatus.FLAGGED, null, 10_000)).isEqualTo(200);
        // of 1,800 COMPLETED orders: 500 index entries, and the same 500 again as the rows of the inner query
        assertThat(rowsRead.of(() -> store.count(OrderStatus.COMPLETED, null, 500)).rows()).isLessThanOrEqualTo(1_001);
    }

    private static List<String> newestFirst(Stream<Row> rows) {
        return rows.sorted(Comparator.comparing(Row::createdAt).thenComparing(Row::id).reversed()).map(Row::id).toList();
    }
}
