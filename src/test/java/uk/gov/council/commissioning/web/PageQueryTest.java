package uk.gov.council.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.council.commissioning.testkit.InvalidRequests.assertRefusedWith;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageQueryTest {

  @Test
  void leftOutItIsTheFirstPageAtTheDefaultSizeWithoutTheTotal() {
    PageQuery query = PageQuery.of(null, null, null);

    assertThat(query).isEqualTo(new PageQuery(0, 50, false)).isEqualTo(PageQuery.FIRST);
    assertThat(query.offset()).isZero();
  }

  @Test
  void readsPageSizeAndTotal() {
    PageQuery query = PageQuery.of("3", " 20 ", "TRUE");

    assertThat(query).isEqualTo(new PageQuery(3, 20, true));
    assertThat(query.offset()).isEqualTo(60);
    assertThat(PageQuery.of("0", "1", "false")).isEqualTo(new PageQuery(0, 1, false));
  }

  @Test
  void acceptsSizesUpToTheMaximumAndAFarPageWithoutOverflow() {
    assertThat(PageQuery.of(null, "200", null).size()).isEqualTo(PageQuery.MAX_SIZE);
    assertThat(PageQuery.of("999999999", "200", null).offset()).isEqualTo(199_999_999_800L);
  }

  @Test
  void refusesABadPageNamingIt() {
    for (String page : List.of("-1", "", "one", "1.5", "1e3", "9999999999")) {
      assertRefusedWith(
          () -> PageQuery.of(page, null, null),
          new FieldProblem("page", "must be a whole number from 0"));
    }
  }

  @Test
  void refusesABadSizeNamingIt() {
    for (String size : List.of("0", "201", "-5", "fifty", " ")) {
      assertRefusedWith(
          () -> PageQuery.of(null, size, null),
          new FieldProblem("size", "must be a whole number from 1 to 200"));
    }
  }

  @Test
  void refusesATotalThatIsNotTrueOrFalse() {
    assertRefusedWith(
        () -> PageQuery.of(null, null, "yes"), new FieldProblem("total", "must be true or false"));
  }

  @Test
  void aPageKnowsWhetherMoreFollowFromOneEntryMore() {
    PageQuery query = new PageQuery(1, 2, false);

    PageOf<String> more = PageOf.fromOneMore(List.of("c", "d", "e"), query, null);
    PageOf<String> last = PageOf.fromOneMore(List.of("e"), query, 5L);

    assertThat(more.items()).containsExactly("c", "d");
    assertThat(more.hasMore()).isTrue();
    assertThat(last.items()).containsExactly("e");
    assertThat(last.hasMore()).isFalse();
    assertThat(last.map(String::toUpperCase))
        .isEqualTo(new PageOf<>(List.of("E"), 1, 2, false, 5L));
    assertThat(PageOf.empty(new PageQuery(0, 10, true)).total()).isZero();
  }
}
