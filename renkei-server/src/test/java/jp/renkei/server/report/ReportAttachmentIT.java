package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * Report attachments (issue 14, item 6) and the attacks on them: every way to reach an attachment
 * one may not read answers the same 404 as an id that never existed.
 */
class ReportAttachmentIT extends ServerTest {

  static final String NEVER = "4503599627370497";

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Http signedIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  private static String path(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
  }

  private String file(Http who, String report, String name, String content) {
    HttpResponse<String> r =
        who.upload(
            report,
            report + "/attachments",
            "file",
            name,
            content.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String page = who.get(report).body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                report
                    + "/attachments/(\\d+)\"[^>]*><code>"
                    + java.util.regex.Pattern.quote(name.substring(name.lastIndexOf('/') + 1)))
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return report + "/attachments/" + m.group(1);
  }

  /** The 404 page of a never-existing attachment id, with that id written as X. */
  private static String notFound(HttpResponse<String> r, String id) {
    assertThat(r.statusCode()).isEqualTo(404);
    return r.body().replace(id, "X").replaceAll("value=\"[^\"]{20,}\"", "value=\"T\"");
  }

  private static String idOf(String attachmentPath) {
    return attachmentPath.substring(attachmentPath.lastIndexOf('/') + 1);
  }

  @Test
  void anAttachmentIsListedWithItsHashAndAlwaysDownloadedAsAFile() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("添付"), "");
    f.put("route", "hotline");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    String html = "<html><script>alert(1)</script></html>";
    String a = file(operator, report, "../../etc/evil page.html", html);
    String page = operator.get(report).body();
    // the path is gone from the name; the hash and size are shown
    assertThat(page)
        .contains("<code>evil page.html</code>", html.length() + " バイト")
        .contains(sha256(html))
        .doesNotContain("../../etc");
    HttpResponse<String> d = operator.get(a);
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.body()).isEqualTo(html);
    assertThat(d.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/octet-stream");
    assertThat(d.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains("filename*=UTF-8''evil%20page.html");
    assertThat(d.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // NISC, on the hotline route, reads it too
    assertThat(signedIn("nisc", Role.MEMBER).get(a).body()).isEqualTo(html);
  }

  @Test
  void guessedIdsOtherReportsAndTheHotlineAnswerTheNeverExisting404() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("ホットライン添付"), "");
    f.put("route", "hotline");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    String a = file(operator, report, "log.txt", "secret log");
    String id = idOf(a);

    // the bank's CEPTOAR is not on a hotline route: its reading is the never-existing 404
    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    String never = notFound(ceptoar.get(report + "/attachments/" + NEVER), NEVER);
    assertThat(notFound(ceptoar.get(a), id)).isEqualTo(never);

    // another operator pairs the attachment id with a report it may read
    Http other = signedIn("op-inazuma-power", Role.ANALYST);
    Map<String, String> g = ReportPagesIT.form(Fixtures.unique("自社の報告"), "");
    g.put("route", "hotline");
    String own = path(other.postForm("/reports/new", "/reports", g));
    String otherNever = notFound(other.get(own + "/attachments/" + NEVER), NEVER);
    assertThat(notFound(other.get(own + "/attachments/" + id), id)).isEqualTo(otherNever);
    assertThat(notFound(other.get(a), id)).isEqualTo(otherNever);
    assertThat(other.get(own).body()).doesNotContain("log.txt");

    // writing to a report one may not see is the same 404, whatever the size
    HttpResponse<String> upload =
        other.upload(own, report + "/attachments", "file", "x.txt", new byte[] {1, 2, 3});
    assertThat(upload.statusCode()).isEqualTo(404);
  }

  @Test
  void anOversizedFileIsRefusedSayingWhichAndTheLimit() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("大きい添付"), "");
    f.put("action", "draft");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    HttpResponse<String> r =
        operator.upload(report, report + "/attachments", "file", "huge.bin", big);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"form-error\"", "huge.bin", "10 MB");
    assertThat(operator.get(report).body()).doesNotContain("/attachments/4");
    HttpResponse<String> empty =
        operator.upload(report, report + "/attachments", "file", "empty.txt", new byte[0]);
    assertThat(empty.body()).contains("id=\"form-error\"", "empty.txt");
  }

  @Test
  void aRelayShowsOnlyTheAttachmentsTheSecretariatIncluded() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("匿名化添付"), "");
    f.put("anonymise", "true");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    String kept = file(operator, report, "screen-shot.png", "image bytes");
    String excluded = file(operator, report, "sakura-internal.log", "names of people");

    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    String preview = ceptoar.get(report + "/anonymise").body();
    assertThat(preview)
        .contains("id=\"relay-attachments\"", "screen-shot.png", "sakura-internal.log");
    HttpResponse<String> relayed =
        ceptoar.postForm(
            report + "/anonymise",
            report + "/relay",
            Map.of("version", "1", "tlp", "", "attachments", idOf(kept)));
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(302);
    long originalId = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
    String copy =
        "/reports/"
            + jdbc.sql("select relayed_as_report_id from report_hop where report_id = ?")
                .param(originalId)
                .query(Long.class)
                .single();

    Http ministry = signedIn("fsa", Role.ANALYST);
    String copyPage = ministry.get(copy).body();
    assertThat(copyPage)
        .contains("screen-shot.png", sha256("image bytes"))
        .doesNotContain("sakura-internal.log", sha256("names of people"));
    assertThat(ministry.get(copy + "/attachments/" + idOf(kept)).body()).isEqualTo("image bytes");
    String never = notFound(ministry.get(copy + "/attachments/" + NEVER), NEVER);
    assertThat(notFound(ministry.get(copy + "/attachments/" + idOf(excluded)), idOf(excluded)))
        .isEqualTo(never);
    // and through the original, which the ministry may not read
    assertThat(notFound(ministry.get(excluded), idOf(excluded))).isEqualTo(never);
  }

  @Test
  void aFileNameThatNamesTheReporterIsPointedOutBeforeTheRelay() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("名前の出る添付"), "");
    f.put("anonymise", "true");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    file(operator, report, "capture.pcap", "packets");
    file(operator, report, "さくら架空銀行_障害記録.txt", "log");
    file(operator, report, "Sakura Fictional Bank firewall.log", "log");

    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    String page = ceptoar.get(report + "/anonymise").body();
    // the warning follows each identifying name, and only those
    assertThat(page.split("identifying-name", -1)).hasSize(3);
    assertThat(page)
        .containsPattern("さくら架空銀行_障害記録\\.txt</code>(?:(?!<label)[\\s\\S])*identifying-name")
        .containsPattern(
            "Sakura Fictional Bank firewall\\.log</code>(?:(?!<label)[\\s\\S])*identifying-name")
        .doesNotContainPattern("capture\\.pcap</code>(?:(?!<label)[\\s\\S])*identifying-name");
    String id = report.substring(report.lastIndexOf('/') + 1);
    Http api = new Http(port).bearer(fixtures.token(fixtures.user("c-bank", Role.ANALYST)));
    assertThat(api.get("/api/v1/reports/" + id + "/anonymisation").body())
        .contains(
            "\"identifyingAttachmentNames\":[\"さくら架空銀行_障害記録.txt\",\"Sakura Fictional Bank firewall.log\"]");
  }

  @Test
  void aFileAttachedAfterTheRelayIsMarkedAndTheSecretariatCanAddItToTheCopy() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("転送後の添付"), "");
    f.put("anonymise", "true");
    String report = path(operator.postForm("/reports/new", "/reports", f));
    String first = file(operator, report, "first.png", "first bytes");
    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    // before the relay: the secretariat chooses on the relay page
    assertThat(ceptoar.get(report).body())
        .contains("id=\"in-copy-" + idOf(first) + "\"", "転送時に選びます")
        .doesNotContain("include-later-");
    assertThat(
            ceptoar
                .postForm(
                    report + "/anonymise",
                    report + "/relay",
                    Map.of("version", "1", "tlp", "", "attachments", idOf(first)))
                .statusCode())
        .isEqualTo(302);
    String late = file(operator, report, "late.log", "late bytes");
    long originalId = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
    String copy =
        "/reports/"
            + jdbc.sql("select relayed_as_report_id from report_hop where report_id = ?")
                .param(originalId)
                .query(Long.class)
                .single();
    Http ministry = signedIn("fsa", Role.ANALYST);
    assertThat(ministry.get(copy).body()).contains("first.png").doesNotContain("late.log");

    // the secretariat's page says which file went up, which did not, and why
    String page = ceptoar.get(report).body();
    assertThat(page)
        .contains("含めて転送済み", "含めていません", "id=\"in-copy-help\"")
        .contains("id=\"include-later-" + idOf(late) + "\"")
        .doesNotContain("id=\"include-later-" + idOf(first) + "\"");
    // every version is up: the relay page sends the secretariat back to this page
    assertThat(ceptoar.get(report + "/anonymise").statusCode()).isEqualTo(302);
    // nobody else can add a file to the copy, and a refusal looks like a file that never was
    String action = report + "/attachments/" + idOf(late) + "/relay";
    String never =
        notFound(
            ministry.postForm(copy, report + "/attachments/" + NEVER + "/relay", Map.of()), NEVER);
    assertThat(notFound(ministry.postForm(copy, action, Map.of()), idOf(late))).isEqualTo(never);
    assertThat(notFound(operator.postForm(report, action, Map.of()), idOf(late)))
        .isEqualTo(
            notFound(
                operator.postForm(report, report + "/attachments/" + NEVER + "/relay", Map.of()),
                NEVER));
    assertThat(
            ceptoar
                .postForm(report, report + "/attachments/" + NEVER + "/relay", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(ministry.get(copy).body()).doesNotContain("late.log");

    assertThat(ceptoar.postForm(report, action, Map.of()).statusCode()).isEqualTo(302);
    assertThat(ministry.get(copy).body()).contains("late.log", sha256("late bytes"));
    assertThat(ministry.get(copy + "/attachments/" + idOf(late)).body()).isEqualTo("late bytes");
    assertThat(ceptoar.get(report).body()).doesNotContain("include-later-", "in-copy-help");
    // the English page says the same in English
    ceptoar.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(ceptoar.get(report).body()).contains("Included (relayed)", "In the anonymised copy");
  }

  @Test
  void namesThatHideThemselvesAreShownEscaped() {
    assertThat(ReportAttachments.displayName("invoice\u202Etxt.exe"))
        .isEqualTo("invoice\\u{202E}txt.exe");
    assertThat(ReportAttachments.displayName("a\u200Bb\nc")).isEqualTo("a\\u{200B}b\\u{000A}c");
    assertThat(ReportAttachments.displayName("報告書.pdf")).isEqualTo("報告書.pdf");
    assertThat(ReportAttachments.baseName("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
    assertThat(jp.renkei.engine.text.FileNames.rfc5987("報告 1.pdf"))
        .isEqualTo("%E5%A0%B1%E5%91%8A%201.pdf");
  }

  private static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
