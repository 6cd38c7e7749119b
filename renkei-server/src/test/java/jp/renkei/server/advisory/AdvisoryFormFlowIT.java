package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The advisory form as a duty officer uses it (issue 14, item 7): the confirmation step with the
 * exact recipients, a failed check that keeps every chosen recipient, drafts only the issuing
 * organisation sees, urgency and the 疎通確認 deadline, honest delivery states, the duty-contact
 * warning, and an advisory started from a report only the issuer may read.
 */
class AdvisoryFormFlowIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  Http signedIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  static List<Map.Entry<String, String>> advisory(
      String title, String body, String action, Organisation... to) {
    List<Map.Entry<String, String>> f = new ArrayList<>();
    f.add(Map.entry("title", title));
    f.add(Map.entry("body", body));
    f.add(Map.entry("tlp", "amber"));
    f.add(Map.entry("urgency", "urgent"));
    for (Organisation o : to) {
      f.add(Map.entry("organisations", o.code()));
    }
    f.add(Map.entry("action", action));
    return f;
  }

  private static String checked(Organisation o) {
    return "value=\"" + o.code() + "\" id=\"org-" + o.code() + "\" checked";
  }

  private static String path(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
  }

  @Test
  void aFailedCheckKeepsEveryChosenRecipientAndField() {
    Organisation a = fixtures.operator("chemical");
    Organisation b = fixtures.operator("chemical");
    Http nisc = signedIn("nisc", Role.ANALYST);
    HttpResponse<String> page =
        nisc.postFormPairs(
            "/advisories/new", "/advisories", advisory("件名は残る", "", "preview", a, b));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"form-error\"", "件名は残る")
        .containsPattern(checked(a))
        .containsPattern(checked(b))
        .containsPattern("value=\"urgent\" selected");
    // the count the picker shows starts at what was chosen
    assertThat(page.body()).contains("id=\"picker-count\">2<");
  }

  @Test
  void theConfirmationNamesExactlyWhomItReachesAndNothingGoesOutBeforeIssue() {
    Organisation a = fixtures.operator("chemical");
    Organisation b = fixtures.operator("chemical");
    Http nisc = signedIn("nisc", Role.ANALYST);
    String title = Fixtures.unique("確認画面");
    HttpResponse<String> confirm =
        nisc.postFormPairs(
            "/advisories/new", "/advisories", advisory(title, "本文", "preview", a, b));
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("配信先: 2 組織", a.nameJa(), b.nameJa(), "2 組織に発信する", "id=\"no-duty-warning\"");
    // nothing was issued by the preview
    assertThat(nisc.get("/advisories").body()).doesNotContain(title);
    Http operator = signedIn(a.code(), Role.MEMBER);
    assertThat(operator.get("/inbox").body()).doesNotContain(title);

    HttpResponse<String> issued =
        nisc.postFormPairs("/advisories/new", "/advisories", advisory(title, "本文", "issue", a, b));
    assertThat(issued.statusCode()).isEqualTo(302);
    String view = nisc.get(path(issued)).body();
    assertThat(view)
        .contains("id=\"reach-total\"", "至急")
        // neither has a duty e-mail or a webhook: nothing is or will be sent, and it says so
        .contains("対象外 (送信先なし)", "id=\"no-duty-warning\"")
        .doesNotContain("送信済み</td>");
    assertThat(operator.get("/inbox").body()).contains(title);
  }

  @Test
  void aReminderWithNowhereToGoSaysNothingWasSentNeverResent() {
    Organisation a = fixtures.operator("chemical");
    Http nisc = signedIn("nisc", Role.ANALYST);
    String title = Fixtures.unique("再送");
    String path =
        path(
            nisc.postFormPairs(
                "/advisories/new", "/advisories", advisory(title, "本文", "issue", a)));
    nisc.postForm(path, path + "/remind", Map.of());
    String view = nisc.get(path).body();
    assertThat(view).contains("再送先なし (何も送られていません)").doesNotContain("再送済み");
  }

  @Test
  void recipientsSeeUrgencyAndDeadlineAndAnOverdueOneIsMarked() {
    Organisation a = fixtures.operator("chemical");
    Http nisc = signedIn("nisc", Role.ANALYST);
    String title = Fixtures.unique("期限");
    List<Map.Entry<String, String>> f = advisory(title, "本文", "issue", a);
    f.add(Map.entry("confirmBy", "2099-01-01T09:00"));
    String path = path(nisc.postFormPairs("/advisories/new", "/advisories", f));
    Http operator = signedIn(a.code(), Role.MEMBER);
    String page = operator.get(path).body();
    assertThat(page)
        .contains("至急", "2099-01-01 09:00 JST", "id=\"my-deadline\"")
        .doesNotContain("期限超過");

    long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    jdbc.sql(
            "update advisory_version set confirm_by = now() - interval '1 hour' where advisory_id = ?")
        .param(id)
        .update();
    assertThat(operator.get(path).body()).contains("期限超過");
    assertThat(nisc.get(path).body()).contains("overdue", "期限超過");

    // a deadline already past is refused at issue, with the form kept
    List<Map.Entry<String, String>> past = advisory(title + "2", "本文", "issue", a);
    past.add(Map.entry("confirmBy", "2001-01-01T09:00"));
    HttpResponse<String> refused = nisc.postFormPairs("/advisories/new", "/advisories", past);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("confirmBy", "value=\"2001-01-01T09:00\"");
  }

  @Test
  void aDraftIsTheIssuingOrganisationsAloneAndCanBeDeleted() {
    Organisation a = fixtures.operator("chemical");
    Http nisc = signedIn("nisc", Role.ANALYST);
    String title = Fixtures.unique("下書き");
    HttpResponse<String> saved =
        nisc.postFormPairs("/advisories/new", "/advisories", advisory(title, "", "draft", a));
    assertThat(saved.statusCode()).isEqualTo(302);
    String draftPath = path(saved);
    String draftId = draftPath.replaceAll(".*draft=(\\d+).*", "$1");
    assertThat(nisc.get(draftPath).body()).contains(title).containsPattern(checked(a));
    assertThat(nisc.get("/advisories/new").body()).contains(title);
    // nobody received anything
    assertThat(signedIn(a.code(), Role.MEMBER).get("/inbox").body()).doesNotContain(title);

    // another issuing organisation: the same 404 as a draft that never existed
    Http ministry = signedIn("meti", Role.ANALYST);
    assertThat(ministry.get("/advisories/new?draft=" + draftId).statusCode()).isEqualTo(404);
    assertThat(ministry.get("/advisories/new?draft=4503599627370497").statusCode()).isEqualTo(404);
    assertThat(ministry.get("/advisories/new").body()).doesNotContain(title);
    assertThat(
            ministry
                .postForm("/advisories/new", "/advisories/drafts/" + draftId + "/delete", Map.of())
                .statusCode())
        .isEqualTo(404);
    // a colleague at NISC sees and deletes it
    Http colleague = signedIn("nisc", Role.ANALYST);
    assertThat(
            colleague
                .postForm("/advisories/new", "/advisories/drafts/" + draftId + "/delete", Map.of())
                .statusCode())
        .isEqualTo(302);
    assertThat(nisc.get(draftPath).statusCode()).isEqualTo(404);
  }

  @Test
  void anAdvisoryStartsFromAReportTheIssuerMayReadAndFromNoOther() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = new java.util.LinkedHashMap<>();
    f.put("title", Fixtures.unique("元の報告"));
    f.put("summary", "制御系ネットワークで不審な通信を検知");
    f.put("detectedAt", "2026-11-21T09:30");
    f.put("incidentType", "intrusion");
    f.put("causes", "suspicious_mail");
    f.put("serviceOutage", "no");
    f.put("severity", "level2");
    f.put("cascadePossibility", "unknown");
    f.put("reportingCase", "case3");
    f.put("observables", "198.51.100.99");
    f.put("tlp", "amber");
    f.put("route", "hotline");
    f.put("action", "submit");
    HttpResponse<String> sent = operator.postForm("/reports/new", "/reports", f);
    String report = path(sent);
    String id = report.substring(report.lastIndexOf('/') + 1);

    Http nisc = signedIn("nisc", Role.ANALYST);
    assertThat(nisc.get(report).body()).contains("この報告から情報提供を作成");
    String form = nisc.get("/advisories/new?fromReport=" + id).body();
    assertThat(form)
        .contains(f.get("title"), "制御系ネットワークで不審な通信を検知", "198.51.100.99")
        .contains("name=\"sourceReports\" maxlength=\"2000\" value=\"" + id + "\"");

    // a hotline report never reaches the CEPTOAR: it may not start an advisory from it, and learns
    // nothing (the same 404 as a report that never existed)
    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    assertThat(ceptoar.get("/advisories/new?fromReport=" + id).statusCode()).isEqualTo(404);
    assertThat(ceptoar.get("/advisories/new?fromReport=4503599627370497").statusCode())
        .isEqualTo(404);
  }

  @Test
  void thePickerOffersSearchAndGroupsByTypeSectorAndCeptoar() {
    Http nisc = signedIn("nisc", Role.ANALYST);
    String form = nisc.get("/advisories/new").body();
    assertThat(form)
        .contains(
            "id=\"picker-search\"", "data-group=\"type-operator\"", "data-group=\"sector-finance\"")
        .containsPattern("data-group=\"ceptoar-[a-z-]+\"")
        .contains("/js/work.js");
  }
}
