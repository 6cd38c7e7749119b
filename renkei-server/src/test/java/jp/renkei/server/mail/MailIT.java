package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.stix.StixValidator;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mail analysis at the hub: the API (JSON and STIX) and the upload page; nothing is stored. */
class MailIT extends ServerTest {

  @Autowired Fixtures fixtures;

  static byte[] message() {
    String name = URLEncoder.encode("報告書.pdf.exe", StandardCharsets.UTF_8);
    return ("Received: from mx.bad.example (unknown [203.0.113.45]) by mx.sakura-bank.example;"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "From: \"年金 事務局\" <jimu@pension-info.example>\r\nTo: soumu@sakura-bank.example\r\n"
            + "Subject: =?UTF-8?B?"
            + Base64.getEncoder().encodeToString("調査票".getBytes(StandardCharsets.UTF_8))
            + "?=\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhxxp://dl[.]pension-info[.]example/a\r\n--b\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=UTF-8''"
            + name
            + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder()
                .encodeToString("MZ\u0090 not really".getBytes(StandardCharsets.ISO_8859_1))
            + "\r\n--b--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** 40 attachments × 100 archives × 3 entries of 1 MiB of zeros: about 12 GiB, in 300 KB. */
  static byte[] nestedArchiveBomb() throws Exception {
    byte[] inner = zip(3, "zeros", ".bin", new byte[1 << 20]);
    String outer = Base64.getMimeEncoder().encodeToString(zip(100, "inner", ".zip", inner));
    StringBuilder m =
        new StringBuilder(
            "From: a@attacker.example\r\nTo: b@victim.example\r\nSubject: bomb\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n");
    for (int i = 0; i < 40; i++) {
      m.append("--B\r\nContent-Type: application/zip\r\nContent-Disposition: attachment;")
          .append(" filename=\"a" + i + ".zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
          .append(outer)
          .append("\r\n");
    }
    return m.append("--B--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] zip(int entries, String prefix, String suffix, byte[] content) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (int i = 0; i < entries; i++) {
        z.putNextEntry(new java.util.zip.ZipEntry(prefix + i + suffix));
        z.write(content);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void aNestedArchiveBombIsAnalysedWithinThePerMessageLimitsAndSaysSo() throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    byte[] bomb = nestedArchiveBomb();
    var r =
        new Http(port)
            .bearer(fixtures.token(u))
            .postBytes("/api/v1/mail/analyze", "message/rfc822", bomb);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode work = JsonMapper.builder().build().readTree(r.body()).path("work");
    assertThat(work.path("unpackedBytes").asLong()).isLessThanOrEqualTo(64L << 20);
    assertThat(work.path("archiveEntries").asInt()).isLessThanOrEqualTo(1000);
    assertThat(work.path("limitsReached").toString()).contains("per message");
    assertThat(r.body()).contains("ARCHIVE_LIMIT");
    // the problems met are said in the caller's language (Japanese by default), with their kind
    JsonNode problems = JsonMapper.builder().build().readTree(r.body()).path("problems");
    assertThat(problems.toString()).contains("\"kind\":\"limit\"", "上限に達しました");

    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    var page = browser.upload("/mail", "/mail", "message", "bomb.eml", bomb);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"limit-reached\"", "解析の上限に達しました", "1 通あたりの")
        .doesNotContain("per message", "limit reached");
  }

  @Test
  void theApiAnswersAReportOrAStixBundle() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", message());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode report = JsonMapper.builder().build().readTree(r.body());
    assertThat(report.path("verdict").asString()).isEqualTo("MALICIOUS");
    assertThat(report.path("subject").asString()).isEqualTo("調査票");
    assertThat(r.body()).contains("DOUBLE_EXTENSION", "拡張子が二重", "http://dl.pension-info.example/a");

    var stix = api.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", message());
    assertThat(stix.headers().firstValue("Content-Type"))
        .hasValue("application/stix+json;version=2.1");
    StixValidator v = new StixValidator();
    for (JsonNode o : JsonMapper.builder().build().readTree(stix.body()).path("objects")) {
      assertThat(v.validate(o)).as(o.toString()).isEmpty();
    }
    assertThat(stix.body()).contains("indicator").doesNotContain("soumu@sakura-bank.example");
    assertThat(api.postBytes("/api/v1/mail/analyze?format=pdf", "message/rfc822", message()).body())
        .contains("\"field\":\"format\"");
    assertThat(
            new Http(port)
                .postBytes("/api/v1/mail/analyze", "message/rfc822", message())
                .statusCode())
        .as("refused without a token (CSRF answers first for a cookie-less POST)")
        .isIn(401, 403);
  }

  @Test
  void theUploadPageShowsTheVerdictAndTheExplanations() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/mail").body()).contains("標的型メールの解析");
    var page = browser.upload("/mail", "/mail", "message", "suspicious.eml", message());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("危険: 攻撃メールの可能性が高い", "二重拡張子", "報告書.pdf.exe", "203.0.113.45")
        // issue 14: no raw codes, no English fragments, missing results said as such
        .contains("認証結果なし", "バイト")
        .doesNotContain(">DOUBLE_EXTENSION<", "null / null", " bytes", "Double extension");
    // walk17: the Reply-To row and the authentication results in words, each sign explained once
    // with every evidence under it, the analyser's own words in the evidence in Japanese
    String lure =
        "Authentication-Results: mx.example.jp; spf=softfail smtp.mailfrom=x.example; dkim=none;"
            + " dmarc=fail\r\nFrom: =?UTF-8?B?"
            + Base64.getEncoder().encodeToString("Amаzon".getBytes(StandardCharsets.UTF_8))
            + "?= <info@notice-shop.example>\r\n"
            + "Reply-To: other@elsewhere.example\r\nTo: u@example.jp\r\nSubject: Verify\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Verify your account.</p>"
            + "<a href=\"http://198.51.100.7/a\">a</a> <a href=\"http://198.51.100.8/b\">b</a>";
    String walked =
        browser
            .upload("/mail", "/mail", "message", "lure.eml", lure.getBytes(StandardCharsets.UTF_8))
            .body();
    assertThat(walked)
        .contains("返信先 (Reply-To)", "失敗 (softfail) / 認証なし (none) / 失敗 (fail)")
        .contains("http://198.51.100.7/a", "http://198.51.100.8/b", "ラテン文字 + キリル文字");
    // the STIX JSON below keeps its English for the receivers of the STIX
    assertThat(walked.substring(0, walked.indexOf("id=\"stix\"")))
        .doesNotContain("Cyrillic", "CYRILLIC");
    assertThat(walked.split("data-flag=\"SUSPICIOUS_LINK\"", -1)).hasSize(2);

    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    var english = browser.upload("/mail", "/mail", "message", "suspicious.eml", message());
    assertThat(english.body())
        .contains(
            "Double extension",
            "An attachment name has two extensions",
            "no authentication results")
        .doesNotContain(">DOUBLE_EXTENSION<", "null / null", "二重拡張子");
  }

  /**
   * ux30's review: the row read "pass / pass / none" while the sign "sender authentication failed"
   * cited Microsoft's compauth=fail. The row now shows the composite result too, in both languages,
   * and still never "null".
   */
  @Test
  void theAuthenticationRowShowsTheCompositeResultTheSignCites() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    byte[] eml =
        ("Authentication-Results: spf=pass (sender IP is 192.0.2.10)"
                + " smtp.mailfrom=mailbox-notice.example; dkim=pass header.d=mailbox-notice.example;"
                + "dmarc=none action=none header.from=mailbox-notice.example;compauth=fail"
                + " reason=001\r\nFrom: \"Service desk\" <desk@mailbox-notice.example>\r\n"
                + "To: u@example.jp\r\nSubject: Notice\r\nContent-Type: text/plain; charset=UTF-8"
                + "\r\n\r\nHello.\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String ja = browser.upload("/mail", "/mail", "message", "ms.eml", eml).body();
    String row = ja.substring(ja.indexOf("id=\"authentication\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row)
        .contains("合格 (pass) / 合格 (pass) (署名ドメイン: mailbox-notice.example) / 認証なし (none)")
        .contains("Microsoft の総合判定 (compauth): 失敗 (fail)")
        .doesNotContain("null");
    assertThat(ja).contains("data-flag=\"AUTHENTICATION_FAILED\"", "compauth=fail");
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = browser.upload("/mail", "/mail", "message", "ms.eml", eml).body();
    assertThat(en)
        .contains("Microsoft composite authentication (compauth): fail")
        .contains("pass / pass, signed by mailbox-notice.example / none");
    // a message with no results at all still says so, with no composite line
    String none = browser.upload("/mail", "/mail", "message", "m.eml", message()).body();
    assertThat(none).contains("no authentication results").doesNotContain("id=\"compauth\"");
  }

  /**
   * ux31's review: the subject row writes a hidden character out as [U+2064], but the evidence of
   * the sign that found it quoted the subject with the character still invisible, so the analyst
   * saw "アカウント" where the sign said something was hidden. Evidence is written out the same way (and
   * a bidi override in it no longer reorders the line).
   */
  @Test
  void theEvidenceWritesHiddenCharactersOutAsTheSubjectRowDoes() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    String hidden = String.join("\u2064", "アカウント制限のお知らせです".split(""));
    String eml =
        "From: =?UTF-8?B?"
            + Base64.getEncoder().encodeToString("メルカリ".getBytes(StandardCharsets.UTF_8))
            + "?= <notice@mercari-notice.example>\r\nTo: u@example.jp\r\nSubject: =?UTF-8?B?"
            + Base64.getEncoder()
                .encodeToString(("【メルカリ】" + hidden).getBytes(StandardCharsets.UTF_8))
            + "?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "メルカリのアカウントは不正利用の可能性があるため、利用を制限しております。\r\n"
            + "https://mercari.login-check.example/?token=1\r\n";
    for (String lang : List.of("ja", "en")) {
      browser.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
      String page =
          browser
              .upload("/mail", "/mail", "message", "m.eml", eml.getBytes(StandardCharsets.UTF_8))
              .body();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("class=\"wrap evidence\">([^<]*)</code>").matcher(page);
      List<String> evidence = new java.util.ArrayList<>();
      while (m.find()) {
        evidence.add(m.group(1));
      }
      assertThat(evidence).as(lang).isNotEmpty().noneMatch(e -> e.contains("\u2064"));
      assertThat(evidence).as(lang).anyMatch(e -> e.contains("[U+2064]"));
    }
  }

  /**
   * A CSV (or any file without header lines) uploaded as mail is refused as "not an e-mail message"
   * on the page and through the API, instead of a verdict on a sender "null".
   */
  @Test
  void aFileThatIsNoMessageIsRefusedAsSuch() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    byte[] csv =
        "\uFEFFkind,value,port\r\nservice,www.example,443\r\n".getBytes(StandardCharsets.UTF_8);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    var page = browser.upload("/mail", "/mail", "message", "inventory.csv", csv);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("id=\"mail-error\"", "メールではありません: ファイルの先頭にヘッダー行")
        .doesNotContain("id=\"mail-report\"", "null", "要注意");
    // a line of prose with a colon is no header either
    var prose =
        browser.upload(
            "/mail",
            "/mail",
            "message",
            "note.txt",
            "お知らせ: 明日は休みです\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(prose.statusCode()).isEqualTo(400);

    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(browser.upload("/mail", "/mail", "message", "inventory.csv", csv).body())
        .contains("This is not an e-mail message");

    Http api = new Http(port).bearer(fixtures.token(u));
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", csv);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"message\"").doesNotContain("Exception");
  }

  /**
   * What a message lacks is said as "(none)" or left out, never as "null" or "[]": no sender
   * address, a relay line naming no host and no address, a link without text.
   */
  @Test
  void whatAMessageLacksIsNotShownAsNull() {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    String url = "https://example.org/" + "a".repeat(300);
    byte[] bare =
        ("Received: with local id 12\r\nSubject: no sender\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p><a href=\""
                + url
                + "\"></a></p>\r\n")
            .getBytes(StandardCharsets.UTF_8);
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    var page = browser.upload("/mail", "/mail", "message", "bare.eml", bare);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String body = page.body();
    // the report up to its STIX bundle (a JSON document of its own)
    int start = body.indexOf("id=\"mail-report\"");
    String report = body.substring(start, body.indexOf("<details><summary", start));
    assertThat(report).contains("(なし)", url).doesNotContain("null", "[]", "()", "&lt;&gt;");
  }
}
