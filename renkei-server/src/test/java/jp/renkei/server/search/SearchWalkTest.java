package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * How search walks its candidates through the policy: in growing batches, past any number of
 * refused ones up to {@link SearchService#WALK}, stopping once one more than wanted is visible or
 * at the bound.
 */
class SearchWalkTest {

  private static List<Long> ids(int n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void findsTheVisibleBehindThousandsOfRefusedCandidates() {
    List<Integer> batches = new ArrayList<>();
    List<Long> w =
        SearchService.firstVisible(
            ids(15_000),
            10,
            batch -> {
              batches.add(batch.size());
              return batch.stream().filter(id -> id > 14_990).toList();
            });
    assertThat(w).hasSize(10).startsWith(14_991L);
    assertThat(batches).startsWith(200, 400, 800, 1_600, 2_000).allMatch(b -> b <= 2_000);
    assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(15_000);
  }

  @Test
  void stopsOnceOneMoreThanWantedIsVisible() {
    List<Integer> batches = new ArrayList<>();
    List<Long> w =
        SearchService.firstVisible(
            ids(50_000),
            10,
            batch -> {
              batches.add(batch.size());
              return batch;
            });
    assertThat(batches).containsExactly(200);
    assertThat(w).hasSize(200);
  }

  @Test
  void judgesNoCandidateAfterTheBound() {
    int walk = SearchService.WALK;
    List<Integer> batches = new ArrayList<>();
    // the last candidate it judges is found; the one after the bound is not judged
    List<Long> last =
        SearchService.firstVisible(
            ids(walk + 1),
            10,
            b -> {
              batches.add(b.size());
              return b.stream().filter(id -> id >= walk).toList();
            });
    assertThat(last).containsExactly((long) walk);
    assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(walk);
  }
}
