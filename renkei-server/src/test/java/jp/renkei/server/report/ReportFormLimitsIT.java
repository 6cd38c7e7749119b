package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.StringJoiner;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The request limits fit the largest input the report form allows, in Japanese (9 form-encoded
 * bytes per character); input over a field's limit comes back in the form with the error, never
 * lost.
 */
class ReportFormLimitsIT extends ServerTest {

  Http operator() {
    Http h = http();
    h.signIn(fixtures.user("op-inazuma-power", Role.ANALYST).login(), Fixtures.PASSWORD);
    return h;
  }

  static String japanese(int characters) {
    return "停電復旧見込み".repeat(characters / 7 + 1).substring(0, characters);
  }

  @Test
  void aSummaryOfTenThousandJapaneseCharactersIsAccepted() {
    Map<String, String> f = ReportPagesIT.form("半分の長さの概要", "");
    f.put("summary", japanese(10_000));
    HttpResponse<String> r = operator().postForm("/reports/new", "/reports", f);
    assertThat(r.statusCode()).as(r.body().length() > 300 ? "" : r.body()).isEqualTo(302);
  }

  @Test
  void theLargestValidFormFitsTheRequestLimit() {
    Map<String, String> f = ReportPagesIT.form(japanese(200), "");
    f.put("summary", japanese(20_000));
    f.put("responseStatus", japanese(5_000));
    f.put("cascadeNote", japanese(2_000));
    f.put("contactUnit", japanese(200));
    f.put("contactPerson", japanese(200));
    StringJoiner observables = new StringJoiner("\n");
    for (int i = 0; i < 500; i++) {
      String url = "url https://example.org/" + i + "/";
      observables.add(url + "a".repeat(2048 - url.length() + 4));
    }
    f.put("observables", observables.toString());
    HttpResponse<String> r = operator().postForm("/reports/new", "/reports", f);
    assertThat(r.statusCode()).as(r.body().length() > 2000 ? "" : r.body()).isEqualTo(302);
  }

  @Test
  void aSummaryOverItsLimitComesBackInTheFormWithTheError() {
    String typed = japanese(20_001);
    Map<String, String> f = ReportPagesIT.form("長すぎる概要", "198.51.100.23");
    f.put("summary", typed);
    HttpResponse<String> r = operator().postForm("/reports/new", "/reports", f);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("id=\"form-error\"", "summary", "20000", "長すぎる概要", "198.51.100.23")
        .contains(typed);
  }
}
