package jp.renkei.server.report;

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
 * The scan behind report lists walks newest first by (created_at, id) with random ids: small
 * batches give the same sequence as one large one, also across reports created at the same instant.
 */
class ReportKeysetIT extends ServerTest {

  @Autowired ReportRepository reports;
  @Autowired JdbcClient jdbc;

  @Test
  void batchesNeverSkipOrRepeatAReportEvenWhenTimesTie() {
    Organisation org = fixtures.operator("finance");
    var api = http().bearer(fixtures.token(fixtures.user(org, Role.ANALYST)));
    List<Long> ours = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String body =
          "{\"content\":{\"title\":\"頁 "
              + i
              + "\",\"summary\":\"s\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
              + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
              + "\"severity\":\"level1\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
              + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber_strict\"}";
      String r = api.postJson("/api/v1/reports?submit=" + (i % 3 != 0), body).body();
      ours.add(Long.parseLong(r.replaceAll(".*\"id\":(\\d+).*", "$1")));
    }
    // five of them at one instant: only the id orders those
    Instant tie = Instant.now().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql("update report set created_at = ? where id = any(?)")
        .params(tie.atOffset(ZoneOffset.UTC), ours.subList(1, 6).toArray(Long[]::new))
        .update();

    List<Long> whole =
        reports.batch(org.id(), null, 100_000).stream().map(ReportRecords.Report::id).toList();
    List<Long> walked = new ArrayList<>();
    ReportRecords.Report last = null;
    while (true) {
      List<ReportRecords.Report> page = reports.batch(org.id(), last, 2);
      page.forEach(r -> walked.add(r.id()));
      if (page.size() < 2) {
        break;
      }
      last = page.get(page.size() - 1);
    }
    assertThat(walked).containsExactlyElementsOf(whole).doesNotHaveDuplicates();
    assertThat(whole).containsAll(ours);
    List<Long> tied = whole.stream().filter(ours.subList(1, 6)::contains).toList();
    assertThat(tied).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }
}
