package jp.renkei.server.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.renkei.server.reference.Term;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  static final ListSpec SPEC =
      ListSpec.builder()
          .text()
          .terms("tlp", "lists.filter.tlp", List.of(new Term("red", "RED", "RED", null)))
          .period()
          .sorts("when", "title")
          .build();

  @Test
  void emptyQueryIsTheDefaultOrderFirstPage() {
    ListQuery q = SPEC.parse(Map.of());
    assertThat(q.valid()).isTrue();
    assertThat(q.sort()).isEqualTo("when");
    assertThat(q.descending()).isTrue();
    assertThat(q.page()).isEqualTo(1);
    assertThat(q.size()).isEqualTo(25);
    assertThat(q.filtered()).isFalse();
    assertThat(q.link("/x")).isEqualTo("/x");
  }

  @Test
  void everyBadParameterIsNamedWithItsValue() {
    ListQuery q =
        SPEC.parse(
            Map.of(
                "tlp", "purple",
                "from", "2026-02-30",
                "sort", "DROP TABLE x",
                "dir", "up",
                "size", "7",
                "page", "-1"));
    assertThat(q.valid()).isFalse();
    assertThat(q.problems())
        .extracting(ListQuery.Problem::param, ListQuery.Problem::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("tlp", "purple"),
            org.assertj.core.groups.Tuple.tuple("from", "2026-02-30"),
            org.assertj.core.groups.Tuple.tuple("sort", "DROP TABLE x"),
            org.assertj.core.groups.Tuple.tuple("dir", "up"),
            org.assertj.core.groups.Tuple.tuple("size", "7"),
            org.assertj.core.groups.Tuple.tuple("page", "-1"));
    assertThat(ListPage.of(q, List.of(1, 2), x -> true, Map.of(), x -> x).rows()).isEmpty();
  }

  @Test
  void hugeNumbersAndPagesPastTheCapAreProblemsNotOverflows() {
    assertThat(SPEC.parse(Map.of("page", "99999999999")).problems())
        .extracting(ListQuery.Problem::messageKey)
        .containsExactly("lists.error.number");
    assertThat(SPEC.parse(Map.of("page", "201")).problems())
        .extracting(ListQuery.Problem::messageKey)
        .containsExactly("lists.error.page");
    assertThat(SPEC.parse(Map.of("page", "200")).valid()).isTrue();
    assertThat(SPEC.parse(Map.of("from", "2026-11-30", "to", "2026-11-01")).valid()).isFalse();
  }

  @Test
  void linksKeepTheFiltersAndSortHeadersFlip() {
    ListQuery q = SPEC.parse(Map.of("q", "不審 通信", "tlp", "red", "sort", "title", "dir", "asc"));
    assertThat(q.link("/r", "page", "2"))
        .isEqualTo("/r?q=%E4%B8%8D%E5%AF%A9+%E9%80%9A%E4%BF%A1&tlp=red&sort=title&dir=asc&page=2");
    assertThat(q.sortLink("/r", "title")).contains("sort=title&dir=desc").doesNotContain("page=");
    assertThat(q.sortLink("/r", "when")).contains("sort=when&dir=desc");
    assertThat(q.sortState("title")).isEqualTo("ascending");
  }

  @Test
  void periodIsWholeDaysInJapan() {
    ListQuery q = SPEC.parse(Map.of("from", "2026-11-01", "to", "2026-11-01"));
    assertThat(q.inPeriod(java.time.Instant.parse("2026-10-31T15:00:00Z"))).isTrue();
    assertThat(q.inPeriod(java.time.Instant.parse("2026-11-01T14:59:59Z"))).isTrue();
    assertThat(q.inPeriod(java.time.Instant.parse("2026-11-01T15:00:00Z"))).isFalse();
    assertThat(q.inPeriod(null)).isFalse();
  }

  @Test
  void pagesAreAStableTotalOrderAndTotalsCountTheMatchingRows() {
    List<Integer> rows = IntStream.range(0, 60).boxed().toList();
    Map<String, Comparator<Integer>> orders =
        Map.of("when", ListPage.by(i -> i % 3), "title", ListPage.by(i -> i));
    ListQuery p1 = SPEC.parse(Map.of());
    ListQuery p2 = SPEC.parse(Map.of("page", "2"));
    ListQuery p3 = SPEC.parse(Map.of("page", "3"));
    ListPage<Integer> a = ListPage.of(p1, rows, i -> i % 2 == 0, orders, i -> i);
    ListPage<Integer> b = ListPage.of(p2, rows, i -> i % 2 == 0, orders, i -> i);
    assertThat(a.total()).isEqualTo(30);
    assertThat(a.rows()).hasSize(25);
    assertThat(b.rows()).hasSize(5).doesNotContainAnyElementsOf(a.rows());
    assertThat(a.rows().get(0)).isEqualTo(56); // i % 3 == 2 first (descending), then id descending
    ListPage<Integer> c = ListPage.of(p3, rows, i -> i % 2 == 0, orders, i -> i);
    assertThat(c.pastEnd()).isTrue();
    assertThat(c.pages()).isEqualTo(2);
  }

  @Test
  void aSourceOverTheCapSaysSo() {
    List<Integer> rows = IntStream.range(0, ListSpec.CAP + 1).boxed().toList();
    ListPage<Integer> p =
        ListPage.of(
            SPEC.parse(Map.of()), rows, i -> true, Map.of("when", ListPage.by(i -> i)), i -> i);
    assertThat(p.capped()).isTrue();
    assertThat(p.total()).isEqualTo(ListSpec.CAP);
  }

  @Test
  void aListCountedPastTheCapOffersNoPageItCannotOpen() {
    // an exact total larger than the cap (the findings are counted in the database)
    ListQuery last = SPEC.parse(Map.of("page", "200"));
    ListPage<Integer> deep = new ListPage<>(List.of(1), ListSpec.CAP + 1_000, false, last);
    assertThat(last.valid()).isTrue();
    assertThat(deep.hasNext()).isFalse();
    ListQuery before = SPEC.parse(Map.of("page", "199"));
    assertThat(new ListPage<>(List.of(1), ListSpec.CAP + 1_000, false, before).hasNext()).isTrue();
    // within the cap nothing changes
    assertThat(new ListPage<>(List.of(1), 30, false, SPEC.parse(Map.of())).hasNext()).isTrue();
    assertThat(new ListPage<>(List.of(1), 25, false, SPEC.parse(Map.of())).hasNext()).isFalse();
  }
}
