package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A token that may change but not read (scope {@code write}, no {@code read}: a script that only
 * submits) was answered with the whole object by the writes on others' objects (attack27): marking
 * a received report read, commenting on or forwarding it returned the report — every version, the
 * route, every organisation's comments — and acknowledging an advisory returned the advisory, so
 * the token read through POST what a GET refused it (403). Such a caller is now answered 204: the
 * write is done and nothing is told.
 */
class WriteOnlyTokenIT extends ServerTest {

  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;

  @Test
  void aTokenThatMayNotReadIsToldNothingByItsWrites() {
    UserAccount bank = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    String title = Fixtures.unique("書込専用");
    long report =
        filing.create(
            fixtures.actor(bank),
            new NewReport(
                RouteSweepLeakIT.content(title),
                "hotline",
                null,
                false,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            true);
    long advisory =
        advisories.issue(
            fixtures.actor(nisc),
            new NewAdvisory(
                title,
                "本文 " + title,
                null,
                List.of(),
                List.of(),
                "green",
                true,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null));
    Http niscWrite = http().bearer(fixtures.token(nisc, EnumSet.of(TokenScope.WRITE)));
    Http bankWrite = http().bearer(fixtures.token(bank, EnumSet.of(TokenScope.WRITE)));
    // a GET is refused to such a token
    assertThat(niscWrite.get("/api/v1/reports/" + report).statusCode()).isEqualTo(403);

    for (HttpResponse<String> r :
        List.of(
            niscWrite.postJson("/api/v1/reports/" + report + "/read", ""),
            niscWrite.postJson("/api/v1/reports/" + report + "/comments", "{\"body\":\"受領しました\"}"),
            bankWrite.postJson("/api/v1/advisories/" + advisory + "/acknowledge", ""))) {
      assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(204);
      assertThat(r.body()).doesNotContain(title).isEmpty();
    }
    // the writes were done: a token that may read sees them
    Http niscRead = http().bearer(fixtures.token(nisc, EnumSet.of(TokenScope.READ)));
    assertThat(niscRead.get("/api/v1/reports/" + report).body()).contains("受領しました");
    Http bankRead = http().bearer(fixtures.token(bank, EnumSet.of(TokenScope.READ)));
    assertThat(bankRead.get("/api/v1/advisories/" + advisory).body())
        .contains("\"acknowledgedAt\"");
    // a token with both is answered with the object as before
    Http niscBoth =
        http().bearer(fixtures.token(nisc, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    HttpResponse<String> both = niscBoth.postJson("/api/v1/reports/" + report + "/read", "");
    assertThat(both.statusCode()).isEqualTo(200);
    assertThat(both.body()).contains(title);
  }
}
