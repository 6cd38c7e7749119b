package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/** A form with several mistakes lists all of them at once, in Japanese, by the field's name. */
class FormErrorsIT extends ServerTest {

  @Test
  void theReportFormListsEveryErrorAtOnceWithoutInternalFieldNames() {
    Http operator = http();
    operator.signIn(fixtures.user("op-inazuma-power", Role.ANALYST).login(), Fixtures.PASSWORD);
    Map<String, String> form = ReportPagesIT.form("", "");
    form.put("summary", " ");
    form.put("severity", "");
    form.put("responseStatus", "あ".repeat(5001));
    HttpResponse<String> r = operator.postForm("/reports/new", "/reports", form);
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    assertThat(body)
        .contains("id=\"form-error\"", "入力内容を確認してください (4 件)", "件名：", "深刻度：")
        // the labels the report form shows, not another form's 「概要」 or none at all
        .contains("事象の概要：", "対応状況・復旧見込み：")
        .doesNotContain("title:", "summary:", "severity:", "<strong>title</strong>");
    assertThat(body.indexOf("件名：")).isLessThan(body.indexOf("事象の概要："));
    assertThat(body.indexOf("事象の概要：")).isLessThan(body.indexOf("深刻度："));

    // the API answers with every error too
    Http api = http().bearer(fixtures.token(fixtures.user("op-inazuma-power", Role.ANALYST)));
    HttpResponse<String> json =
        api.postJson(
            "/api/v1/reports",
            "{\"content\":{\"title\":\"\",\"summary\":\"\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
                + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"yes\","
                + "\"severity\":\"level3\",\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
                + "\"observables\":[{\"type\":\"ipv4-addr\",\"value\":\"999.1.1.1\"}]},"
                + "\"route\":\"hotline\",\"tlp\":\"amber\"}");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.body())
        .contains("\"errors\"", "\"field\":\"title\"", "\"field\":\"summary\"", "observables[0]");
  }

  @Test
  void anUnreadableObservableLineOrTimeIsListedWithTheFormsOtherProblems() {
    Http operator = http();
    operator.signIn(fixtures.user("op-inazuma-power", Role.ANALYST).login(), Fixtures.PASSWORD);
    String title = "読めない行の報告 " + System.nanoTime();
    Map<String, String> form =
        ReportPagesIT.form(title, "198.51.100.7\nnot a thing ###\nevil.example.com\n### also ???");
    form.put("incidentType", "");
    form.put("severity", "");
    form.put("detectedAt", "2026-13-45T99:99");
    HttpResponse<String> r = operator.postForm("/reports/new", "/reports", form);
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    // all of them at once, in the order of the form, and what was typed is kept
    assertThat(body)
        .contains("入力内容を確認してください (4 件)", "認知日時：", "事象の類型：", "深刻度：")
        .contains("観測値の 2 行目「not a thing ###」の種別を判別できません")
        .contains("value=\"" + title + "\"", "evil.example.com");
    assertThat(body.indexOf("認知日時：")).isLessThan(body.indexOf("事象の類型："));
    assertThat(body.indexOf("深刻度：")).isLessThan(body.indexOf("観測値の 2 行目"));
    // a paste of many unreadable lines lists ten and counts the rest
    Map<String, String> many = ReportPagesIT.form(title, "bad line\n".repeat(25));
    String listed = operator.postForm("/reports/new", "/reports", many).body();
    assertThat(listed)
        .contains("観測値の 10 行目", "種別を判別できない観測値の行がほかに 15 行あります")
        .doesNotContain("観測値の 11 行目");
  }
}
