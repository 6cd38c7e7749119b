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
 * The attachments API (issue 14, item 6) and the attacks on it: every attachment the caller may not
 * read, by whatever id or pairing, answers the 404 body of an id that never existed; every refused
 * upload is a 4xx problem naming the field.
 */
class ReportAttachmentApiIT extends ServerTest {

  static final String NEVER = "4503599627370497";

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Http signedIn(String org, Role role) {
    var u = fixtures.user(org, role);
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  private Http api(String org, Role role) {
    return http().bearer(fixtures.token(fixtures.user(org, role)));
  }

  /** A report filed through the form; its number. */
  private static String report(Http who, String title, String key, String value) {
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique(title), "");
    f.put(key, value);
    HttpResponse<String> r = who.postForm("/reports/new", "/reports", f);
    String at = r.headers().firstValue("Location").orElseThrow();
    return at.substring(at.lastIndexOf('/') + 1);
  }

  private static HttpResponse<String> upload(Http who, String report, String name, byte[] bytes) {
    String at = "/api/v1/reports/" + report + "/attachments";
    return who.upload(at, at, "file", name, bytes);
  }

  private static String idIn(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** A 404 body with the ids in it written as X. */
  private static String notFound(HttpResponse<String> r, String... ids) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    String b = r.body();
    for (String id : ids) {
      b = b.replace(id, "X");
    }
    return b;
  }

  private static void refused(HttpResponse<String> r, int status, String field, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
    assertThat(r.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception");
  }

  @Test
  void anUploadIsListedAndDownloadedWithItsBytesAndHash() throws Exception {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    String report = report(operator, "API添付", "route", "hotline");
    Http token = api("op-sakura-bank", Role.ANALYST);
    String content = "2026-11-21 09:00 不審な通信 203.0.113.7\n";
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);
    HttpResponse<String> created = upload(token, report, "検知 ログ.txt", bytes);
    String id = idIn(created);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v1/reports/" + report + "/attachments/" + id);
    assertThat(created.body())
        .contains(
            "\"fileName\":\"検知 ログ.txt\"",
            "\"mediaType\":\"text/plain\"",
            "\"size\":" + bytes.length,
            "\"sha256\":\"" + sha + "\"",
            "\"uploadedAt\":",
            "\"uploadedBy\":\"");

    HttpResponse<String> list = token.get("/api/v1/reports/" + report + "/attachments");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"id\":" + id, sha);

    // NISC, on the hotline route, downloads it: the same bytes and the stored hash
    Http nisc = api("nisc", Role.MEMBER);
    HttpResponse<String> d = nisc.get("/api/v1/reports/" + report + "/attachments/" + id);
    assertThat(d.statusCode()).isEqualTo(200);
    assertThat(d.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    assertThat(sha256(d.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(sha);
    assertThat(d.headers().firstValue("Repr-Digest").orElseThrow())
        .isEqualTo(
            "sha-256=:"
                + java.util.Base64.getEncoder()
                    .encodeToString(java.util.HexFormat.of().parseHex(sha))
                + ":");
    assertThat(d.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/octet-stream");
    assertThat(d.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo(
            "attachment; filename=\"attachment-"
                + id
                + "\"; filename*=UTF-8''%E6%A4%9C%E7%9F%A5%20%E3%83%AD%E3%82%B0.txt");
    assertThat(d.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // the read is audited as on the page
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'report.attachment.read'"
                        + " and detail = ?")
                .param("attachment " + id)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  @Test
  void hiddenAttachmentsAnswerTheNeverExisting404() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    String report = report(operator, "API匿名化添付", "anonymise", "true");
    Http token = api("op-sakura-bank", Role.ANALYST);
    String kept =
        idIn(upload(token, report, "screen.png", "image".getBytes(StandardCharsets.UTF_8)));
    String hidden =
        idIn(upload(token, report, "sakura-staff.log", "names".getBytes(StandardCharsets.UTF_8)));

    Http ceptoar = signedIn("c-bank", Role.ANALYST);
    String page = "/reports/" + report;
    HttpResponse<String> relayed =
        ceptoar.postForm(
            page + "/anonymise",
            page + "/relay",
            Map.of("version", "1", "tlp", "", "attachments", kept));
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(302);
    String copy =
        String.valueOf(
            jdbc.sql("select relayed_as_report_id from report_hop where report_id = ?")
                .param(Long.parseLong(report))
                .query(Long.class)
                .single());

    // a ministry reading the anonymised copy sees only the included attachment, by anonymous name
    Http ministry = api("fsa", Role.ANALYST);
    HttpResponse<String> list = ministry.get("/api/v1/reports/" + copy + "/attachments");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("screen.png", sha256("image".getBytes(StandardCharsets.UTF_8)))
        .doesNotContain(
            "sakura-staff.log", sha256("names".getBytes(StandardCharsets.UTF_8)), "さくら");
    assertThat(ministry.get("/api/v1/reports/" + copy + "/attachments/" + kept).body())
        .isEqualTo("image");

    String never =
        notFound(ministry.get("/api/v1/reports/" + copy + "/attachments/" + NEVER), NEVER, copy);
    // the excluded attachment through the copy, and through the original it may not read
    assertThat(
            notFound(
                ministry.get("/api/v1/reports/" + copy + "/attachments/" + hidden), hidden, copy))
        .isEqualTo(never);
    assertThat(
            notFound(
                ministry.get("/api/v1/reports/" + report + "/attachments/" + hidden),
                hidden,
                report))
        .isEqualTo(never);
    assertThat(
            notFound(
                ministry.get("/api/v1/reports/" + report + "/attachments/" + kept), kept, report))
        .isEqualTo(never);

    // another organisation's token: list, download and upload are the never-existing report's 404
    Http other = api("op-inazuma-power", Role.ANALYST);
    String neverList = notFound(other.get("/api/v1/reports/" + NEVER + "/attachments"), NEVER);
    assertThat(notFound(other.get("/api/v1/reports/" + report + "/attachments"), report))
        .isEqualTo(neverList);
    String otherNever =
        notFound(other.get("/api/v1/reports/" + report + "/attachments/" + NEVER), NEVER, report);
    assertThat(
            notFound(other.get("/api/v1/reports/" + report + "/attachments/" + kept), kept, report))
        .isEqualTo(otherNever);
    assertThat(notFound(upload(other, report, "x.txt", new byte[] {1, 2, 3}), report))
        .isEqualTo(notFound(upload(other, NEVER, "x.txt", new byte[] {1, 2, 3}), NEVER));

    // an attachment id paired with a report one may read is the same 404 as a never-existing id
    Http otherSession = signedIn("op-inazuma-power", Role.ANALYST);
    String own = report(otherSession, "自社のAPI報告", "route", "hotline");
    String ownNever =
        notFound(other.get("/api/v1/reports/" + own + "/attachments/" + NEVER), NEVER, own);
    assertThat(
            notFound(other.get("/api/v1/reports/" + own + "/attachments/" + hidden), hidden, own))
        .isEqualTo(ownNever);
    assertThat(other.get("/api/v1/reports/" + own + "/attachments").body()).isEqualTo("[]");
  }

  @Test
  void badUploadsAreRefusedNamingTheField() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    String report = report(operator, "API不正な添付", "route", "hotline");
    Http token = api("op-sakura-bank", Role.ANALYST);

    refused(
        upload(token, report, "huge.bin", new byte[10 * 1024 * 1024 + 1]),
        400,
        "file",
        "work.validation.attachment.tooLarge");
    refused(
        upload(token, report, "empty.txt", new byte[0]),
        400,
        "file",
        "work.validation.attachment.empty");
    // a NUL in the part's header is refused by the container's multipart parser already
    refused(upload(token, report, "a\u0000b.txt", new byte[] {1}), 400, null, "error.badMultipart");
    assertThat(ReportAttachments.hiddenCharacter("a\u0000b.txt")).isEqualTo(1);
    HttpResponse<String> rlo = upload(token, report, "invoice\u202Etxt.exe", new byte[] {1});
    refused(rlo, 400, "file", "hub.attachment.nameHidden");
    assertThat(rlo.body()).contains("invoice\\\\u{202E}txt.exe").doesNotContain("\u202E");
    refused(
        upload(token, report, "..", new byte[] {1}),
        400,
        "file",
        "work.validation.attachment.name");
    // a path is never kept: only its last segment is stored
    assertThat(upload(token, report, "../../etc/passwd", new byte[] {1}).body())
        .contains("\"fileName\":\"passwd\"")
        .doesNotContain("etc");
    // no part named file (the file sent under another name)
    String at = "/api/v1/reports/" + report + "/attachments";
    refused(
        token.upload(at, at, "upload", "x.txt", new byte[] {1}),
        400,
        "file",
        "work.validation.attachment.empty");

    // NISC may read the report but not attach to it; a read-only token may not write at all
    refused(
        upload(api("nisc", Role.ANALYST), report, "note.txt", new byte[] {1}),
        403,
        null,
        "error.report.notOriginator");
    HttpResponse<String> readOnly =
        upload(
            http()
                .bearer(
                    fixtures.token(
                        fixtures.user("op-sakura-bank", Role.ANALYST),
                        java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.READ))),
            report,
            "note.txt",
            new byte[] {1});
    assertThat(readOnly.statusCode()).isEqualTo(403);
    // nothing refused was stored
    assertThat(token.get(at).body())
        .contains("passwd")
        .doesNotContain("huge.bin", "note.txt", "empty.txt");
  }

  /**
   * The REST relay includes attachments as the page's relay form does (issue 14 / hub6): only those
   * the secretariat names, only to the copy's audience; an id that is not the original's is a 400
   * naming it and nothing is relayed.
   */
  @Test
  void theRestRelayIncludesOnlyTheAttachmentsNamedAndRefusesForeignIds() {
    Http operator = signedIn("op-sakura-bank", Role.ANALYST);
    String report = report(operator, "API経由の匿名化添付", "anonymise", "true");
    String elsewhere = report(operator, "別の報告", "route", "hotline");
    Http token = api("op-sakura-bank", Role.ANALYST);
    String kept =
        idIn(upload(token, report, "graph.svg", "<svg/>".getBytes(StandardCharsets.UTF_8)));
    String hidden =
        idIn(upload(token, report, "staff-list.csv", "names".getBytes(StandardCharsets.UTF_8)));
    String foreign =
        idIn(upload(token, elsewhere, "other.txt", "other".getBytes(StandardCharsets.UTF_8)));
    String relay = "/api/v1/reports/" + report + "/relay";
    Http ceptoar = api("c-bank", Role.ANALYST);

    // another report's attachment, a never-existing one, a null: 400 naming it, nothing relayed
    for (String bad : new String[] {foreign, NEVER, "null"}) {
      HttpResponse<String> r =
          ceptoar.postJson(relay, "{\"version\":1,\"attachments\":[" + kept + "," + bad + "]}");
      refused(r, 400, "attachments", "work.validation.attachment.notOfReport");
      assertThat(r.body()).contains(bad);
    }
    HttpResponse<String> garbled = ceptoar.postJson(relay, "{\"attachments\":[\"abc\"]}");
    assertThat(garbled.statusCode()).as(garbled.body()).isEqualTo(400);
    assertThat(garbled.body()).doesNotContain("Exception", "at jp.");
    assertThat(
            jdbc.sql(
                    "select count(*) from report_hop where report_id = ?"
                        + " and relayed_as_report_id is not null")
                .param(Long.parseLong(report))
                .query(Long.class)
                .single())
        .isZero();
    // nobody but the CEPTOAR on the route relays, with or without attachments
    HttpResponse<String> stranger =
        api("c-power", Role.ANALYST)
            .postJson(relay, "{\"version\":1,\"attachments\":[" + kept + "]}");
    assertThat(stranger.statusCode()).isIn(403, 404);

    HttpResponse<String> ok =
        ceptoar.postJson(relay, "{\"version\":1,\"attachments\":[" + kept + "," + kept + "]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"relayedAs\":(\\d+)").matcher(ok.body());
    assertThat(m.find()).isTrue();
    String copy = m.group(1);

    // the ministry reads the copy: the included file, never the other, by API or page
    Http ministry = api("fsa", Role.ANALYST);
    assertThat(ministry.get("/api/v1/reports/" + copy + "/attachments").body())
        .contains("graph.svg")
        .doesNotContain("staff-list.csv", "other.txt", "さくら");
    assertThat(ministry.get("/api/v1/reports/" + copy + "/attachments/" + kept).body())
        .isEqualTo("<svg/>");
    String never =
        notFound(ministry.get("/api/v1/reports/" + copy + "/attachments/" + NEVER), NEVER, copy);
    for (String id : new String[] {hidden, foreign}) {
      assertThat(notFound(ministry.get("/api/v1/reports/" + copy + "/attachments/" + id), id, copy))
          .isEqualTo(never);
    }
    Http ministryPage = signedIn("fsa", Role.ANALYST);
    assertThat(ministryPage.get("/reports/" + copy).body())
        .contains("graph.svg")
        .doesNotContain("staff-list.csv");
    assertThat(ministryPage.get("/reports/" + copy + "/attachments/" + hidden).statusCode())
        .isEqualTo(404);
    assertThat(ministryPage.get("/reports/" + copy + "/attachments/" + kept).statusCode())
        .isEqualTo(200);
  }

  private static String sha256(byte[] b) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
