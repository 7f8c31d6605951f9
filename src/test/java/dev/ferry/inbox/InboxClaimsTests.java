package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Claims kept in H2 with Ferry's schema: who holds an item, taking it over, and letting go. */
class InboxClaimsTests {

    private JdbcTemplate jdbc;
    private InboxStore store;
    private InboxHistory history;
    private InboxClaims claims;
    private final String orderId = UUID.randomUUID().toString();

    @BeforeEach
    void oneOpenItem() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                INSERT INTO orders (id, source, external_id, payload_hash, payload, status, created_at, updated_at)
                VALUES (?, 'webshop', 'WEB-1', 'hash', '{}', 'FLAGGED', ?, ?)""", orderId, now, now);
        JdbcClient client = JdbcClient.create(dataSource);
        store = new InboxStore(client);
        history = new InboxHistory(client, new ObjectMapper());
        claims = new InboxClaims(store, history, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Duration.ofMinutes(15));
    }

    @Test
    void theFirstToOpenAnItemHoldsItAndTheSecondSeesWho() {
        String id = flag(Instant.now());

        Claim ana = claims.opened(id, "ana");
        Claim seenByRui = claims.opened(id, "rui");

        assertThat(ana.by()).isEqualTo("ana");
        assertThat(seenByRui).isEqualTo(ana);
        assertThat(store.find(id).orElseThrow().claim().by()).isEqualTo("ana");
        assertThatThrownBy(() -> claims.claim(id, "rui", false)).isInstanceOf(Claim.Held.class);
    }

    @Test
    void takingOverIsOnPurposeAndWrittenInTheHistory() {
        String id = flag(Instant.now());
        claims.claim(id, "ana", false);

        Claim rui = claims.claim(id, "rui", true);

        assertThat(rui.by()).isEqualTo("rui");
        assertThat(history.of(id)).extracting(HistoryEntry::action, HistoryEntry::actor, HistoryEntry::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("took-over", "rui", "Took it over from ana"));
    }

    @Test
    void onlyTheHolderLetsGoAndClosingTheItemLetsGoToo() {
        String id = flag(Instant.now());
        claims.claim(id, "ana", false);

        assertThatThrownBy(() -> claims.release(id, "rui")).isInstanceOf(Claim.Held.class);
        claims.release(id, "ana");
        assertThat(store.find(id).orElseThrow().claim()).isNull();

        claims.claim(id, "rui", false);
        store.close(id, ExceptionStatus.RESOLVED);
        assertThat(store.find(id).orElseThrow().claim()).isNull();
        assertThat(claims.opened(id, "ana")).isNull();
    }

    @Test
    void anOrderThatCameBackCountsTheReplaysBeforeIt() {
        String first = flag(Instant.now().minusSeconds(120));
        store.close(first, ExceptionStatus.RESOLVED);
        String second = flag(Instant.now().minusSeconds(60));
        store.close(second, ExceptionStatus.RESOLVED);
        String third = flag(Instant.now());

        assertThat(store.earlierReplays(List.of(first, second, third))).containsEntry(second, 1).containsEntry(third, 2)
                .doesNotContainKey(first);
        assertThat(store.ofOrder(orderId)).extracting(InboxItem::id).containsExactly(first, second, third);
    }

    @Test
    void aDiscardedItemOpensAgainAsItWas() {
        String id = flag(Instant.now());
        store.close(id, ExceptionStatus.DISCARDED);

        store.reopen(store.find(id).orElseThrow());

        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(store.openExceptionIds(List.of(orderId))).containsEntry(orderId, id);
    }

    private String flag(Instant at) {
        String id = UUID.randomUUID().toString();
        Timestamp when = Timestamp.from(at);
        jdbc.update("""
                INSERT INTO exceptions (id, order_id, status, open_order_id, category, step, reason, attempts,
                                        created_at, updated_at)
                VALUES (?, ?, 'OPEN', ?, 'DOWNSTREAM_REJECTED', 'create-shipment', 'refused', 1, ?, ?)""",
                id, orderId, orderId, when, when);
        return id;
    }
}
