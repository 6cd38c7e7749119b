package jp.renkei.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A NUL character (U+0000) in a text a person sends: PostgreSQL stores no NUL in text or jsonb, so
 * it must be a 400 that says so, never a 500 with a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class NulTextIT extends ServerTest {

  private static final String NUL_JSON = "\\u0000";

  @Test
  void aNulInAJsonTextIsA400(CapturedOutput log) {
    UserAccount analyst = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http api = http().bearer(fixtures.token(analyst));
    // titles refuse control characters themselves (OneLine); a summary or a body did not
    String report =
        "{\"content\":{\"title\":\"件名\",\"summary\":\"概要"
            + NUL_JSON
            + "\",\"detectedAt\":\"2026-11-20T01:00:00Z\","
            + "\"incidentType\":\"intrusion\",\"causes\":[\"impersonation\"],"
            + "\"serviceOutage\":\"no\",\"severity\":\"level3\",\"cascadePossibility\":\"no\","
            + "\"reportingCase\":\"case3\",\"contactPerson\":\"山田 花子\","
            + "\"contactPhone\":\"03-1234-5678\"},\"route\":\"hotline\",\"tlp\":\"green\"}";
    HttpResponse<String> r = api.postJson("/api/v1/reports", report);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("\"code\":\"error.nulText\"", "U+0000");

    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> a =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"注意喚起\",\"body\":\"本文"
                + NUL_JSON
                + "\",\"observables\":[\"example.com\"],\"tlp\":\"green\",\"all\":true}");
    assertThat(a.statusCode()).as(a.body()).isEqualTo(400);
    assertThat(a.body()).contains("\"code\":\"error.nulText\"");
    BadInputIT.noStackTrace(log);
  }

  @Test
  void aNulInAFormFieldIsA400Page(CapturedOutput log) {
    // an organisation's name refuses control characters itself; a token's name did not
    UserAccount analyst = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http web = http();
    assertThat(web.signIn(analyst.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> r =
        web.postForm(
            "/account/tokens", "/account/tokens", Map.of("name", "トークン\u0000名", "validDays", "30"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("NUL 文字（U+0000）");
    BadInputIT.noStackTrace(log);
  }
}
