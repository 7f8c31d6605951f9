package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ListPagesTests {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final ListPages pages = new ListPages(new Connectors(new MockEnvironment()
            .withProperty("ferry.connectors.erp.base-url", "http://localhost:9102")));

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    @Test
    void walksEveryPageOfEveryDayAndGathersTheRecords() {
        Exchange exchange = started(List.of("2026-11-28", "2026-11-29"));
        assertThat(next(exchange)).isEqualTo("2026-11-28 1");

        page(exchange, "{\"salesOrders\":[{\"id\":\"SO-1\"},{\"id\":\"SO-2\"}],\"nextPage\":2}");
        assertThat(next(exchange)).isEqualTo("2026-11-28 2");
        page(exchange, "{\"salesOrders\":[{\"id\":\"SO-3\"}]}");
        assertThat(next(exchange)).isEqualTo("2026-11-29 1");
        page(exchange, "{\"salesOrders\":[]}");
        assertThat(exchange.getProperty(ListPages.PAGE)).isNull();

        pages.finish(exchange, "salesOrders");
        assertThat(exchange.getMessage().getBody(String.class))
                .isEqualTo("{\"salesOrders\":[{\"id\":\"SO-1\"},{\"id\":\"SO-2\"},{\"id\":\"SO-3\"}]}");
        assertThat(exchange.getProperties()).doesNotContainKeys(ListPages.DAY, ListPages.PAGE);
    }

    @Test
    void oneDayMayBeGivenAsText() {
        Exchange exchange = started("2026-11-28");

        assertThat(next(exchange)).isEqualTo("2026-11-28 1");
    }

    @Test
    void refusesAnythingButADay() {
        assertThatThrownBy(() -> started("28.11.2026")).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void stopsWhenTheSystemPointsBackInsteadOfReadingInCircles() {
        Exchange exchange = started("2026-11-28");
        exchange.setProperty(Connectors.SYSTEM, "erp");

        assertThatThrownBy(() -> page(exchange, "{\"salesOrders\":[{\"id\":\"SO-1\"}],\"nextPage\":1}"))
                .isInstanceOf(DescribedFailure.class)
                .satisfies(e -> assertThat(((DescribedFailure) e).failure().reason())
                        .isEqualTo("The ERP answered its list with a reply Ferry could not read."));
    }

    @Test
    void aReplyWithoutTheRecordsIsNotReadAsAnEmptyDay() {
        Exchange exchange = started("2026-11-28");

        assertThatThrownBy(() -> page(exchange, "{\"orders\":[]}")).isInstanceOf(DescribedFailure.class);
    }

    private Exchange started(Object days) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(days);
        pages.start(exchange);
        return exchange;
    }

    private void page(Exchange exchange, String reply) {
        exchange.getMessage().setBody(reply);
        pages.collect(exchange, "salesOrders", "nextPage");
    }

    private static String next(Exchange exchange) {
        return exchange.getProperty(ListPages.DAY) + " " + exchange.getProperty(ListPages.PAGE);
    }
}
