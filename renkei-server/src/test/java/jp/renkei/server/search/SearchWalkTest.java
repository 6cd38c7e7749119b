package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * How search walks its candidates through the policy: read a page at a time in growing pages, each
 * after the last one's key, past any number of refused ones up to {@link SearchService#WALK},
 * stopping once one more than wanted is visible or at the bound — and reading no page it does not
 * judge.
 */
class SearchWalkTest {

  /**
   * Candidates 1..n, newest first by a key that falls with the id (a minute each, with ties of two:
   * the id breaks them), read a page at a time after the last one's key; each page's size asked and
   * the rows handed out are recorded.
   */
  static final class Index implements SearchService.Pages {
    final List<Integer> asked = new ArrayList<>();
    final List<Integer> handed = new ArrayList<>();
    private final List<SearchRepository.Candidate> all;

    Index(int n) {
      OffsetDateTime t0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      all =
          LongStream.rangeClosed(1, n)
              .mapToObj(id -> new SearchRepository.Candidate(id, t0.minusMinutes(id / 2)))
              .toList();
    }

    @Override
    public List<SearchRepository.Candidate> page(SearchRepository.Candidate after, int limit) {
      asked.add(limit);
      List<SearchRepository.Candidate> out =
          all.stream()
              .filter(
                  c ->
                      after == null
                          || c.at().isBefore(after.at())
                          || (c.at().isEqual(after.at()) && c.id() > after.id()))
              .limit(limit)
              .toList();
      handed.add(out.size());
      return out;
    }

    int read() {
      return handed.stream().mapToInt(Integer::intValue).sum();
    }
  }

  @Test
  void findsTheVisibleBehindThousandsOfRefusedCandidates() {
    Index index = new Index(15_000);
    List<Integer> judged = new ArrayList<>();
    List<Long> w =
        SearchService.firstVisible(
            index,
            10,
            batch -> {
              judged.add(batch.size());
              return batch.stream().filter(id -> id > 14_990).toList();
            });
    assertThat(w)
        .containsExactlyElementsOf(LongStream.rangeClosed(14_991, 15_000).boxed().toList());
    assertThat(judged).startsWith(200, 400, 800, 1_600, 2_000).allMatch(b -> b <= 2_000);
    assertThat(judged).isEqualTo(index.handed.subList(0, judged.size()));
    assertThat(index.read()).isEqualTo(15_000);
  }

  @Test
  void readsOnlyTheFirstPageWhenItHoldsEnough() {
    Index index = new Index(50_000);
    List<Long> w = SearchService.firstVisible(index, 10, batch -> batch);
    assertThat(index.asked).containsExactly(200);
    assertThat(index.read()).isEqualTo(200);
    assertThat(w).hasSize(200).startsWith(1L, 2L, 3L);
  }

  @Test
  void keysetPagesNeitherRepeatNorSkipACandidate() {
    Index index = new Index(5_001);
    List<Long> seen = new ArrayList<>();
    SearchService.firstVisible(
        index,
        10,
        batch -> {
          seen.addAll(batch);
          return List.of();
        });
    assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 5_001).boxed().toList());
  }

  @Test
  void judgesNoCandidateAfterTheBound() {
    int walk = SearchService.WALK;
    Index index = new Index(walk + 1);
    // the last candidate it judges is found; the one after the bound is not read
    List<Long> last =
        SearchService.firstVisible(index, 10, b -> b.stream().filter(id -> id >= walk).toList());
    assertThat(last).containsExactly((long) walk);
    assertThat(index.read()).isEqualTo(walk);
  }
}
