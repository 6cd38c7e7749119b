package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * How search walks its candidates through the policy: in growing batches, past any number of
 * refused ones up to {@link SearchService#WALK}, stopping once one more than wanted is visible; it
 * says it narrowed only when it stopped at the bound with candidates left and not enough visible.
 */
class SearchWalkTest {

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void findsTheVisibleBehindThousandsOfRefusedCandidates() {
    List<Integer> batches = new ArrayList<>();
    SearchService.Walked<Long> w =
        SearchService.firstVisible(
            ids(15_000),
            10,
            batch -> {
              batches.add(batch.size());
              return batch.stream().filter(id -> id > 14_990).toList();
            });
    assertThat(w.visible()).hasSize(10).startsWith(14_991L);
    assertThat(w.narrowed()).isFalse();
    assertThat(batches).startsWith(200, 400, 800, 1_600, 2_000).allMatch(b -> b <= 2_000);
    assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(15_000);
  }

  @Test
  void stopsOnceOneMoreThanWantedIsVisible() {
    List<Integer> batches = new ArrayList<>();
    SearchService.Walked<Long> w =
        SearchService.firstVisible(
            ids(50_000),
            10,
            batch -> {
              batches.add(batch.size());
              return batch;
            });
    assertThat(batches).containsExactly(200);
    assertThat(w.visible()).hasSize(200);
    assertThat(w.narrowed()).isFalse();
  }

  @Test
  void saysNarrowedOnlyWhenItStoppedAtTheBoundWithCandidatesLeft() {
    int walk = SearchService.WALK;
    assertThat(SearchService.firstVisible(ids(walk), 10, b -> List.<Long>of()).narrowed())
        .isFalse();
    assertThat(SearchService.firstVisible(ids(walk + 1), 10, b -> List.<Long>of()).narrowed())
        .isTrue();
    // the last candidate it judges is found; the one after the bound is not judged
    SearchService.Walked<Long> last =
        SearchService.firstVisible(
            ids(walk + 1), 10, b -> b.stream().filter(id -> id >= walk).toList());
    assertThat(last.visible()).containsExactly((long) walk);
    assertThat(last.narrowed()).isTrue();
    // enough visible before the bound: not narrowed, however many candidates are left
    SearchService.Walked<Long> enough =
        SearchService.firstVisible(
            ids(walk + 1), 2, b -> b.stream().filter(id -> id > walk - 100).toList());
    assertThat(enough.visible()).hasSizeGreaterThan(2);
    assertThat(enough.narrowed()).isFalse();
  }
}
