package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scan behind advisory lists walks newest first by (created_at, id) with random ids: small
 * batches give the same sequence as one large one, also across advisories issued at one instant.
 */
class AdvisoryKeysetIT extends ServerTest {

  @Autowired AdvisoryRepository advisories;
  @Autowired JdbcClient jdbc;

  @Test
  void batchesNeverSkipOrRepeatAnAdvisoryEvenWhenTimesTie() {
    Organisation operator = fixtures.operator("finance");
    var nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    List<Long> ours = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String r =
          nisc.postJson(
                  "/api/v1/advisories",
                  "{\"title\":\"頁 "
                      + i
                      + "\",\"body\":\"本文\",\"tlp\":\"amber\",\"organisations\":[\""
                      + operator.code()
                      + "\"]}")
              .body();
      ours.add(Long.parseLong(r.replaceAll(".*\"id\":(\\d+).*", "$1")));
    }
    Instant tie = Instant.now().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("update advisory set created_at = ? where id = any(?)")
        .params(tie.atOffset(ZoneOffset.UTC), ours.subList(1, 5).toArray(Long[]::new))
        .update();

    List<Long> whole =
        advisories.newestFirst(null, 100_000).stream()
            .map(AdvisoryRepository.Advisory::id)
            .toList();
    List<Long> walked = new ArrayList<>();
    AdvisoryRepository.Advisory last = null;
    while (true) {
      List<AdvisoryRepository.Advisory> page = advisories.newestFirst(last, 2);
      page.forEach(a -> walked.add(a.id()));
      if (page.size() < 2) {
        break;
      }
      last = page.get(page.size() - 1);
    }
    assertThat(walked).containsExactlyElementsOf(whole).doesNotHaveDuplicates();
    assertThat(whole).containsAll(ours);
    assertThat(whole.stream().filter(ours.subList(1, 5)::contains).toList())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }
}
