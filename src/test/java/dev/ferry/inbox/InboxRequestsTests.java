package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.orders.Violation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxRequestsTests {

    @Test
    void aDiscardNeedsAReasonThatIsNotBlank() {
        assertThat(pointers(new InboxRequests.Discard(null).violations())).containsExactly("/reason");
        assertThat(pointers(new InboxRequests.Discard("  ").violations())).containsExactly("/reason");
        assertThat(new InboxRequests.Discard("customer cancelled by phone").violations()).isEmpty();
    }

    @Test
    void aSelectionIsIdsOrAFilterButNotNothing() {
        assertThat(pointers(selection(null, null).violations(false))).containsExactly("");
        assertThat(pointers(selection(List.of(), null).violations(false))).containsExactly("/ids");
        assertThat(pointers(selection(List.of("x"), "BUSINESS_RULE").violations(false))).containsExactly("/ids");
        assertThat(selection(List.of("x"), null).violations(false)).isEmpty();
        assertThat(selection(null, "business_rule").violations(false)).isEmpty();
    }

    @Test
    void aSelectionOfMoreThanAThousandIdsOrBlankIdsIsRefused() {
        assertThat(pointers(selection(Collections.nCopies(1001, "x"), null).violations(false))).containsExactly("/ids");
        assertThat(pointers(selection(Arrays.asList("x", " ", null), null).violations(false)))
                .containsExactly("/ids/1", "/ids/2");
    }

    @Test
    void anUnknownCategoryIsNamed() {
        assertThat(pointers(selection(null, "LATE").violations(false))).containsExactly("/category");
    }

    @Test
    void aBulkDiscardNeedsAReason() {
        assertThat(pointers(selection(List.of("x"), null).violations(true))).containsExactly("/reason");
    }

    @Test
    void aFilterSelectsOpenExceptionsOnly() {
        InboxFilter filter = selection(null, "downstream_rejected").filter();

        assertThat(filter.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(filter.category()).isEqualTo(FlagCategory.DOWNSTREAM_REJECTED);
    }

    private static InboxRequests.Selection selection(List<String> ids, String category) {
        return new InboxRequests.Selection(ids, category, null, null, null, null);
    }

    private static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }
}
