package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testing.RowsRead;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The inbox list on H2 with Ferry's schema: its order, and that a page reads a page's worth of rows. */
class InboxListTests {

    private static final int ITEMS = 2_000;

    private RowsRead rowsRead;
    private InboxStore store;
    private final List<Item> items = new ArrayList<>();

    private record Item(String id, ExceptionStatus status, Instant createdAt) {
    }

    @BeforeEach
    void itemsStored() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<Object[]> orders = new ArrayList<>();
        List<Object[]> exceptions = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String orderId = UUID.randomUUID().toString();
            // most were dealt with long ago; the newest 50 wait. Two share each second: the id breaks ties.
            Item item = new Item(UUID.randomUUID().toString(), i >= ITEMS - 50 ? ExceptionStatus.OPEN
                    : ExceptionStatus.RESOLVED, start.plusSeconds(i / 2));
            items.add(item);
            Timestamp at = Timestamp.from(item.createdAt());
            orders.add(new Object[] {orderId, "EXT-" + i, at, at});
            exceptions.add(new Object[] {item.id(), orderId, item.status().name(),
                item.status() == ExceptionStatus.OPEN ? orderId : null, FlagCategory.values()[i % 5].name(), at, at});
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.batchUpdate("""
                INSERT INTO orders (id, source, external_id, payload_hash, payload, status, created_at, updated_at)
                VALUES (?, 'webshop', ?, 'hash', '{}', 'COMPLETED', ?, ?)""", orders);
        jdbc.batchUpdate("""
                INSERT INTO exceptions (id, order_id, status, open_order_id, category, step, reason, attempts,
                                        created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'create-invoice', 'refused', 1, ?, ?)""", exceptions);
        jdbc.execute("ANALYZE");
        rowsRead = new RowsRead(dataSource);
        store = new InboxStore(JdbcClient.create(rowsRead.dataSource()));
    }

    @Test
    void waitingItemsComeOldestFirstAndTheRestNewestFirst() {
        Comparator<Item> oldestFirst = Comparator.comparing(Item::createdAt).thenComparing(Item::id);

        assertThat(store.page(filter(ExceptionStatus.OPEN), 1, 20)).extracting(InboxSummary::id)
                .containsExactlyElementsOf(ids(ExceptionStatus.OPEN, oldestFirst).subList(20, 40));
        assertThat(store.page(filter(ExceptionStatus.RESOLVED), 0, 20)).extracting(InboxSummary::id)
                .containsExactlyElementsOf(ids(ExceptionStatus.RESOLVED, oldestFirst.reversed()).subList(0, 20));
    }

    @Test
    void aPageReadsAboutAPageOfRowsHoweverManyItemsWereDealtWith() throws Exception {
        for (InboxFilter filter : List.of(filter(ExceptionStatus.OPEN), filter(ExceptionStatus.RESOLVED), InboxFilter.NONE,
                new InboxFilter(ExceptionStatus.OPEN, FlagCategory.VALIDATION, null, null, null))) {
            RowsRead.Reading reading = rowsRead.of(() -> store.page(filter, 0, 20));

            // 20 index entries, 20 items, 20 orders (H2 counts 2 per order looked up): sorting every match would
            // read the 1,950 RESOLVED items and join each to its order
            assertThat(reading.rows()).as(reading.plans()).isLessThan(100);
        }
    }

    @Test
    void countingReadsNoOrderUnlessAFilterNeedsOne() throws Exception {
        RowsRead.Reading reading = rowsRead.of(() -> store.count(filter(ExceptionStatus.RESOLVED), 10_000));

        assertThat(store.count(filter(ExceptionStatus.RESOLVED), 10_000)).isEqualTo(1_950);
        assertThat(reading.plans()).doesNotContain("ORDERS");
    }

    private static InboxFilter filter(ExceptionStatus status) {
        return new InboxFilter(status, null, null, null, null);
    }

    private List<String> ids(ExceptionStatus status, Comparator<Item> order) {
        return items.stream().filter(i -> i.status() == status).sorted(order).map(Item::id).toList();
    }
}
