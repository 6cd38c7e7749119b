package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

class ReportPagesIT extends ServerTest {

  static Map<String, String> form(String title, String observables) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("title", title);
    f.put("summary", "制御系ネットワークで不審な通信を検知");
    f.put("detectedAt", "2026-11-21T09:30");
    f.put("occurredAt", "2026-11-21T09:00");
    f.put("incidentType", "intrusion");
    f.put("causes", "suspicious_mail");
    f.put("serviceOutage", "no");
    f.put("severity", "level2");
    f.put("cascadePossibility", "unknown");
    f.put("reportingCase", "case3");
    f.put("observables", observables);
    f.put("tlp", "amber");
    f.put("route", "ceptoar");
    f.put("action", "submit");
    return f;
  }

  Http signedIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  @Test
  void operatorSendsAFirstReportFromTheFormAndTheCeptoarForwardsIt() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    HttpResponse<String> sent =
        operator.postForm(
            "/reports/new",
            "/reports",
            form(
                "送電制御系への不審通信",
                "198.51.100.23\nhxxp://update-check[.]example/a.exe\n# comment\nsha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String location = sent.headers().firstValue("Location").orElseThrow();
    String page = operator.get(location.replaceFirst("^https?://[^/]+", "")).body();
    assertThat(page)
        .contains(
            "送電制御系への不審通信",
            "198.51.100.23",
            "http://update-check.example/a.exe",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "電力CEPTOAR",
            "連絡中");
    // each observable's kind in words, its STIX type only in the tooltip
    assertThat(page)
        .contains("title=\"ipv4-addr\">IPv4 アドレス</span>")
        .contains("title=\"url\">URL</span>")
        .contains("title=\"sha256\">SHA-256 ハッシュ</span>")
        .doesNotContain("<code>ipv4-addr</code>", "<code>sha256</code>");

    String path = location.replaceFirst("^https?://[^/]+", "");
    // a follow-up goes out when its button is pressed: the button says so (it read 保存)
    assertThat(operator.get(path + "/versions/new").body())
        .contains("id=\"send-version\">この版を送信</button>")
        .doesNotContain("id=\"send-version\">保存</button>");
    Http ceptoar = signedIn("c-power", Role.ANALYST);
    assertThat(ceptoar.get("/inbox").body()).contains("送電制御系への不審通信", "unread");
    Http meti = signedIn("meti", Role.ANALYST);
    assertThat(meti.get(path).statusCode()).isEqualTo(404);
    ceptoar.postForm(path, path + "/read", Map.of());
    assertThat(ceptoar.postForm(path, path + "/forward", Map.of("tlp", "")).statusCode())
        .isEqualTo(302);
    assertThat(meti.get(path).statusCode()).isEqualTo(200);
    assertThat(meti.get("/inbox").body()).contains("送電制御系への不審通信");
  }

  @Test
  void aDraftIsEditedThenSent() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    Map<String, String> draft = form("下書きの件名", "");
    draft.put("action", "draft");
    String path =
        operator
            .postForm("/reports/new", "/reports", draft)
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceFirst("^https?://[^/]+", "");
    assertThat(operator.get(path).body()).contains("id=\"edit-draft\"", "下書き");
    Map<String, String> edited = form("編集後の件名", "203.0.113.99");
    edited.put("action", "submit");
    assertThat(operator.postForm(path + "/edit", path + "/draft", edited).statusCode())
        .isEqualTo(302);
    assertThat(operator.get(path).body())
        .contains("編集後の件名", "203.0.113.99", "連絡中")
        .doesNotContain("id=\"edit-draft\"");
  }

  @Test
  void aBadObservableLineIsNamedAndTheFormKeepsTheInput() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    HttpResponse<String> r =
        operator.postForm(
            "/reports/new", "/reports", form("入力保持の確認", "198.51.100.23\nnot an indicator"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"form-error\"", "2 行目", "not an indicator", "入力保持の確認");
    HttpResponse<String> noCause =
        operator.postForm(
            "/reports/new",
            "/reports",
            new LinkedHashMap<>(form("原因なし", "")) {
              {
                remove("causes");
              }
            });
    assertThat(noCause.body()).contains("原因の類型を 1 つ以上");
  }
}
