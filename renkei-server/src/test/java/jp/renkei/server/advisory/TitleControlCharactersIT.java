package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A title with control characters (a bell, a line break, a right-to-left override) is refused at
 * the service, through the API and the form alike, naming the field and the character; nothing is
 * stored.
 */
class TitleControlCharactersIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }

  @Test
  void anAdvisoryTitleWithControlCharactersIsRefusedByTheApiAndTheForm() {
    UserAccount analyst = fixtures.user("nisc", Role.ANALYST);
    int advisories = count("advisory");
    int drafts = count("advisory_draft");
    for (String title : new String[] {"注意喚起\\u0007", "一行目\\n二行目", "請求書\\u202Etxt.exe"}) {
      HttpResponse<String> r =
          api(analyst)
              .postJson(
                  "/api/v1/advisories",
                  AdvisoryIT.advisory(title, "green", "\"sectors\":[\"finance\"]"));
      assertThat(r.statusCode()).as(title).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"title\"").doesNotContain("Exception");
    }
    Http web = http();
    web.signIn(analyst.login(), Fixtures.PASSWORD);
    for (String action : new String[] {"draft", "issue"}) {
      HttpResponse<String> page =
          web.postForm(
              "/advisories/new",
              "/advisories",
              Map.of(
                  "title", "件名\u0007テスト",
                  "body", "本文",
                  "tlp", "green",
                  "sectors", "finance",
                  "action", action));
      assertThat(page.statusCode()).as(action).isEqualTo(200);
      assertThat(page.body())
          .as(action)
          .contains("id=\"form-error\"")
          .contains("href=\"#title\"")
          .contains("制御文字 U+0007（3 文字目）は使えません")
          .doesNotContain("Exception");
    }
    assertThat(count("advisory")).isEqualTo(advisories);
    assertThat(count("advisory_draft")).isEqualTo(drafts);
  }

  @Test
  void aReportTitleWithControlCharactersIsRefusedByTheApi() {
    UserAccount reporter = fixtures.user("op-sakura-bank", Role.ANALYST);
    int reports = count("report");
    String body =
        "{\"content\":{\"title\":\"不正ログイン\\u0008検知\",\"summary\":\"概要\","
            + "\"detectedAt\":\"2026-11-20T01:00:00Z\",\"incidentType\":\"intrusion\","
            + "\"causes\":[\"impersonation\"],\"serviceOutage\":\"no\",\"severity\":\"level3\","
            + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\",\"observables\":[]},"
            + "\"route\":\"hotline\",\"tlp\":\"amber\"}";
    for (String submit : new String[] {"false", "true"}) {
      HttpResponse<String> r = api(reporter).postJson("/api/v1/reports?submit=" + submit, body);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"title\"").contains("U+0008");
    }
    assertThat(count("report")).isEqualTo(reports);
  }
}
