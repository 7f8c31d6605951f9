package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxFilterTests {

    @Test
    void noFilterMeansNoWhereClause() {
        assertThat(InboxFilter.NONE.where()).isEmpty();
        assertThat(new InboxFilter(null, null, " ", "", null).params()).isEmpty();
    }

    @Test
    void onlyTheFiltersGivenAreInTheSql() {
        InboxFilter filter = new InboxFilter(ExceptionStatus.OPEN, FlagCategory.BUSINESS_RULE, null, "webshop", null);

        assertThat(filter.where()).isEqualTo(" WHERE e.status = :status AND e.category = :category AND o.source = :source");
        assertThat(filter.params()).containsOnlyKeys("status", "category", "source");
    }

    @Test
    void theSearchIsALowerCaseSubstringWithWildcardsTakenLiterally() {
        InboxFilter filter = new InboxFilter(null, null, null, null, " Ana_50% ");

        assertThat(filter.params()).containsEntry("q", "%ana\\_50\\%%");
        assertThat(filter.where()).contains("LOWER(o.external_id) LIKE :q").contains("LOWER(e.reason) LIKE :q");
    }

    @Test
    void waitingItemsComeOldestFirstAndOthersNewestFirstWithTheStatusNamedForTheIndex() {
        assertThat(new InboxFilter(ExceptionStatus.OPEN, null, null, null, null).order())
                .isEqualTo("e.status, e.created_at, e.id");
        assertThat(new InboxFilter(ExceptionStatus.RESOLVED, null, null, null, null).order())
                .isEqualTo("e.status DESC, e.created_at DESC, e.id DESC");
        assertThat(InboxFilter.NONE.order()).isEqualTo("e.created_at DESC, e.id DESC");
    }

    @Test
    void theOrdersAreJoinedOnlyWhenAFilterReadsThem() {
        assertThat(new InboxFilter(ExceptionStatus.OPEN, FlagCategory.VALIDATION, "create-invoice", null, null).from())
                .isEqualTo(" FROM exceptions e");
        assertThat(new InboxFilter(null, null, null, "webshop", null).from()).contains("JOIN orders o");
        assertThat(new InboxFilter(null, null, null, null, "ana").from()).contains("JOIN orders o");
    }
}
