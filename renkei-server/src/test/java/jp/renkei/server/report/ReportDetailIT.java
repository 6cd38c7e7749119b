package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The report page as issue 14 (item 6) wants it: 原因の類型 labelled, drafts deleted, the 続報 form
 * prefilled from the last version, the changes between versions and the route as a timeline (an
 * anonymised reporter stays anonymised upstream).
 */
class ReportDetailIT extends ServerTest {

  Http signedIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  private static String path(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
  }

  @Test
  void causesShowTheirLabelsToEveryReader() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("原因"), "");
    f.put("route", "hotline");
    String path = path(operator.postForm("/reports/new", "/reports", f));
    assertThat(operator.get(path).body()).contains("<li>不審メール等の受信</li>");
    assertThat(signedIn("nisc", Role.MEMBER).get(path).body()).contains("<li>不審メール等の受信</li>");
  }

  @Test
  void aDraftIsDeletedByItsOrganisationOnlyAndASentReportStays() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    Map<String, String> draft = ReportPagesIT.form(Fixtures.unique("消す下書き"), "");
    draft.put("action", "draft");
    String path = path(operator.postForm("/reports/new", "/reports", draft));
    assertThat(operator.get(path).body()).contains("id=\"delete-draft\"");

    // another organisation: the never-existing 404, and the draft survives
    Http other = signedIn("op-sakura-bank", Role.ANALYST);
    assertThat(other.postForm("/reports", path + "/delete", Map.of()).statusCode()).isEqualTo(404);
    // a member of the same organisation may not delete
    Http member = signedIn("op-inazuma-power", Role.MEMBER);
    assertThat(member.postForm("/reports", path + "/delete", Map.of()).statusCode()).isEqualTo(403);
    assertThat(operator.get(path).statusCode()).isEqualTo(200);

    assertThat(operator.postForm(path, path + "/delete", Map.of()).statusCode()).isEqualTo(302);
    assertThat(operator.get(path).statusCode()).isEqualTo(404);

    Map<String, String> sent = ReportPagesIT.form(Fixtures.unique("送った報告"), "");
    String sentPath = path(operator.postForm("/reports/new", "/reports", sent));
    assertThat(operator.get(sentPath).body()).doesNotContain("id=\"delete-draft\"");
    // refused as a conflict (the UI renders it as a 400 page saying why)
    assertThat(operator.postForm(sentPath, sentPath + "/delete", Map.of()).statusCode())
        .isIn(400, 409);
    assertThat(operator.get(sentPath).statusCode()).isEqualTo(200);
  }

  /**
   * A new analyst who sent a first report landed on its page with no word that it had gone (ux35);
   * the page now says, once, whether it was sent or kept as a draft.
   */
  @Test
  void thePageSaysOnceWhetherTheReportWasSentOrKeptAsADraft() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    Map<String, String> draft = ReportPagesIT.form(Fixtures.unique("下書きの件"), "");
    draft.put("action", "draft");
    String draftPath = path(operator.postForm("/reports/new", "/reports", draft));
    assertThat(operator.get(draftPath).body())
        .contains("id=\"report-done\"", "下書きとして保存しました。まだ誰にも送られていません。")
        .doesNotContain("送信しました。");
    assertThat(operator.get(draftPath).body()).as("said once").doesNotContain("id=\"report-done\"");

    assertThat(operator.postForm(draftPath, draftPath + "/submit", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(operator.get(draftPath).body()).contains("id=\"report-done\"", "送信しました。");

    operator.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String sentPath =
        path(
            operator.postForm(
                "/reports/new", "/reports", ReportPagesIT.form(Fixtures.unique("sent"), "")));
    assertThat(operator.get(sentPath).body())
        .contains("id=\"report-done\"", "Sent. The route below shows")
        .doesNotContain("Saved as a draft");
  }

  @Test
  void theFollowupFormIsPrefilledAndThePageShowsWhatChangedAndTheTimeline() {
    Http operator = signedIn("op-inazuma-power", Role.ANALYST);
    String title = Fixtures.unique("続報の件");
    Map<String, String> f = ReportPagesIT.form(title, "198.51.100.23");
    f.put("responseStatus", "調査中\n影響範囲を確認中");
    String path = path(operator.postForm("/reports/new", "/reports", f));

    String form = operator.get(path + "/versions/new").body();
    assertThat(form)
        .contains("value=\"" + title + "\"", "ipv4-addr 198.51.100.23", "影響範囲を確認中")
        .containsPattern("id=\"cause-suspicious_mail\" value=\"suspicious_mail\" checked");

    Map<String, String> next = ReportPagesIT.form(title, "198.51.100.23\n203.0.113.5");
    next.put("severity", "level4");
    next.put("responseStatus", "調査中\n影響範囲を特定済み\n復旧作業中");
    next.put("kind", "followup");
    next.put("occurredAt", "2026-11-21T08:15");
    assertThat(operator.postForm(path, path + "/versions", next).statusCode()).isEqualTo(302);

    String page = operator.get(path).body();
    String changes = page.substring(page.indexOf("id=\"changes-2\""));
    assertThat(changes)
        .contains("#1 から #2 への変更点", "深刻度", "レベル4")
        .contains("- 影響範囲を確認中", "+ 影響範囲を特定済み", "+ 復旧作業中")
        // an added observable in words, one a line (they ran together as "ipv4-addr 203.0.113.5")
        .containsPattern(
            "<ins><span [^>]*title=\"ipv4-addr\">IPv4 アドレス</span> <code>203.0.113.5</code></ins><br>")
        .doesNotContain("data-field=\"report.field.title\"")
        // a changed time is written as every time on the page, with its zone
        .contains("<del>2026-11-21 09:00 JST</del>", "<ins>2026-11-21 08:15 JST</ins>");
    String timeline = page.substring(page.indexOf("id=\"timeline\""));
    assertThat(timeline).contains("第一報を送信", "到着", "続報");

    // the CEPTOAR on the route sees the same timeline of what reached it
    Http ceptoar = signedIn("c-power", Role.ANALYST);
    ceptoar.postForm(path, path + "/read", Map.of());
    assertThat(ceptoar.get(path).body()).contains("受信確認", "id=\"changes-2\"");
  }
}
