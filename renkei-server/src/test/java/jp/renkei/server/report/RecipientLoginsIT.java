package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/** Issue 13, item 5: naming RED recipients must not tell which logins exist. */
class RecipientLoginsIT extends ServerTest {

  @Test
  void anUnknownLoginGetsTheSameErrorAsOneTheReportCannotReach() {
    var reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    var elsewhere = fixtures.user("op-inazuma-power", Role.ANALYST);
    Http api = http().bearer(fixtures.token(reporter));
    HttpResponse<String> existing = api.postJson("/api/v1/reports", red(elsewhere.login()));
    HttpResponse<String> unknown = api.postJson("/api/v1/reports", red("no.such.person.x"));
    assertThat(existing.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(existing.body()).contains("\"field\":\"recipientLogins\"");
    assertThat(existing.body().replace(elsewhere.login(), "LOGIN"))
        .isEqualTo(unknown.body().replace("no.such.person.x", "LOGIN"));
  }

  @Test
  void peopleOnTheRouteCanBeNamed() {
    var reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    var colleague = fixtures.user("op-sakura-bank", Role.MEMBER);
    var coordinator = fixtures.user("nisc", Role.ANALYST);
    Http api = http().bearer(fixtures.token(reporter));
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/reports",
            ReportIT.report(
                "hotline",
                "red",
                ",\"recipientLogins\":[\""
                    + colleague.login()
                    + "\",\""
                    + coordinator.login()
                    + "\"]",
                "RED"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static String red(String login) {
    return ReportIT.report("hotline", "red", ",\"recipientLogins\":[\"" + login + "\"]", "RED");
  }
}
