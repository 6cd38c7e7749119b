package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class MailAnalyzerTest {

  static final byte[] EXE =
      "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
  final MailAnalyzer analyzer =
      new MailAnalyzer(MailAnalyzer.Limits.DEFAULT, List.of("sakura-bank.co.jp"), List.of());

  static String header(String from, String subject) {
    return "Received: from mx.attacker.example (unknown [203.0.113.45]) by mx.sakura-bank.co.jp"
        + " (Postfix) with ESMTP id 4F; Mon, 17 Nov 2026 09:12:03 +0900 (JST)\r\n"
        + "Authentication-Results: mx.sakura-bank.co.jp; spf=pass smtp.mailfrom=x; dkim=none\r\n"
        + "From: "
        + from
        + "\r\nTo: soumu@sakura-bank.co.jp\r\nSubject: "
        + subject
        + "\r\nDate: Mon, 17 Nov 2026 09:12:00 +0900\r\nMessage-ID: <a1@attacker.example>\r\n"
        + "MIME-Version: 1.0\r\n";
  }

  static String withAttachment(String nameParam, byte[] content) {
    return header(
            "\"年金 事務局\" <jimu@pension-info.example>",
            "=?UTF-8?B?" + b64("【重要】調査票の送付".getBytes(StandardCharsets.UTF_8)) + "?=")
        + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n--XX\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64("ご確認ください。".getBytes(StandardCharsets.UTF_8))
        + "\r\n--XX\r\nContent-Type: application/octet-stream\r\n"
        + "Content-Disposition: attachment; "
        + nameParam
        + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(content)
        + "\r\n--XX--\r\n";
  }

  static String b64(byte[] b) {
    return Base64.getMimeEncoder().encodeToString(b);
  }

  static String rfc2231(String name) {
    return "filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  MailReport analyze(String message) {
    return analyze(message.getBytes(StandardCharsets.UTF_8));
  }

  MailReport analyze(byte[] message) {
    return analyzer.analyze(new ByteArrayInputStream(message));
  }

  static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  @Test
  void doubleExtensionInAJapaneseRfc2231Name() {
    MailReport r = analyze(withAttachment(rfc2231("報告書.pdf.exe"), EXE));
    assertThat(r.subject()).isEqualTo("【重要】調査票の送付");
    assertThat(r.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("報告書.pdf.exe");
              assertThat(a.detectedType()).isEqualTo("pe-executable");
              assertThat(a.sha256()).hasSize(64);
            });
    assertThat(flags(r)).contains(RedFlag.DOUBLE_EXTENSION, RedFlag.EXECUTABLE_ATTACHMENT);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void rightToLeftOverrideHidesTheRealExtension() {
    MailReport r = analyze(withAttachment(rfc2231("請求書\u202Efdp.exe"), EXE));
    assertThat(flags(r)).contains(RedFlag.BIDI_CONTROL, RedFlag.EXECUTABLE_ATTACHMENT);
    assertThat(
            r.findings().stream()
                .filter(f -> f.flag() == RedFlag.BIDI_CONTROL)
                .findFirst()
                .orElseThrow()
                .evidence())
        .contains("<U+202E>")
        .contains("→ .exe");
  }

  @Test
  void spacesPushTheExtensionOutOfSight() {
    MailReport r =
        analyze(withAttachment("filename=\"document.pdf" + " ".repeat(40) + ".scr\"", EXE));
    assertThat(flags(r)).contains(RedFlag.SPACE_PADDING, RedFlag.EXECUTABLE_ATTACHMENT);
  }

  @Test
  void anExecutableNamedAsADocumentIsCaughtByItsContent() {
    MailReport r = analyze(withAttachment("filename=\"minutes.pdf\"", EXE));
    assertThat(flags(r)).containsExactly(RedFlag.TYPE_MISMATCH);
  }

  @Test
  void linkTextShowingAnotherAddressThanItsHref() {
    String html =
        "<html><body><p>詳細は <a href=\"http://nisc-go.example/login.php\">https://www.nisc.go.jp/alert</a>"
            + " を参照。<a href=\"https://www.nisc.go.jp/\">こちら</a></p></body></html>";
    MailReport r =
        analyze(
            header("alert@nisc-go.example", "Alert")
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + html);
    assertThat(flags(r)).containsExactly(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .contains("http://nisc-go.example/login.php");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
  }

  @Test
  void japaneseCharsetsAreDecoded() {
    Charset jis = Charset.forName("ISO-2022-JP");
    String subject = "=?ISO-2022-JP?B?" + b64("会議資料の件".getBytes(jis)) + "?=";
    byte[] body = "明日の会議資料を送ります。hxxps://files[.]example-share[.]jp/d/123".getBytes(jis);
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(
        (header("tanaka@partner.co.jp", subject)
                + "Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    m.writeBytes(body);
    MailReport r = analyze(m.toByteArray());
    assertThat(r.subject()).isEqualTo("会議資料の件");
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .containsExactly("https://files.example-share.jp/d/123");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);

    Charset sjis = Charset.forName("Shift_JIS");
    ByteArrayOutputStream m2 = new ByteArrayOutputStream();
    m2.writeBytes(
        (header("tanaka@partner.co.jp", "x")
                + "Content-Type: text/plain; charset=Shift_JIS\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    m2.writeBytes("請求書 http://pay.example.com/a".getBytes(sjis));
    assertThat(analyze(m2.toByteArray()).links())
        .extracting(MailReport.Link::url)
        .containsExactly("http://pay.example.com/a");
  }

  /**
   * A Received header without a from clause (a local pickup, a bulk sender's filter step) names the
   * server that wrote it: the page showed such a hop as "(none) → (none)" (ux29).
   */
  @Test
  void aReceivedHeaderWithoutFromNamesTheServerThatWroteIt() {
    MailReport r =
        analyze(
            "Received: by filterdrecv-695747775f-4jl87 with SMTP id f-1-63C5857F-3B\r\n"
                + "        2023-01-16 17:12:31.634260144 +0000 UTC m=+5162812.757263624\r\n"
                + "Received: by mail.example-corp.co.jp (Postfix, from userid 1001);"
                + " Tue, 3 Nov 2026 09:12:00 +0900\r\n"
                + header("tanaka@example-corp.co.jp", "x")
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nよろしくお願いします。");
    assertThat(r.received())
        .extracting(MailReport.Hop::from, MailReport.Hop::by)
        .hasSize(3)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(null, "filterdrecv-695747775f-4jl87"),
            org.assertj.core.groups.Tuple.tuple(null, "mail.example-corp.co.jp"));
  }

  @Test
  void aBenignMessageIsCleanWithItsRelaysRead() {
    MailReport r =
        analyze(
            header("\"田中 太郎\" <tanaka@partner.co.jp>", "打ち合わせ")
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nよろしくお願いします。");
    assertThat(r.findings()).isEmpty();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.received())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.from()).isEqualTo("mx.attacker.example");
              assertThat(h.ips()).containsExactly("203.0.113.45");
              assertThat(h.at()).isNotNull();
            });
    assertThat(r.authentication().spf()).isEqualTo("pass");
    assertThat(r.from()).isEqualTo("tanaka@partner.co.jp");
    assertThat(r.recipients()).containsExactly("soumu@sakura-bank.co.jp");
  }

  @Test
  void senderTricks() {
    String m =
        header("\"内閣サイバーセキュリティセンター alert@nisc.go.jp\" <nisc.alert2026@gmail.com>", "至急")
                .replace("spf=pass", "spf=fail")
            + "Reply-To: collect@drop.example\r\nContent-Type: text/plain\r\n\r\nhi";
    MailReport r = analyze(m);
    assertThat(flags(r))
        .contains(
            RedFlag.DISPLAY_NAME_ADDRESS,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.REPLY_TO_OTHER_DOMAIN,
            RedFlag.AUTHENTICATION_FAILED);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void evidenceIsDataAndSymbolsNeverEnglishWordsSoBothLanguagesShowIt() {
    List<String> messages =
        List.of(
            header("\"内閣サイバーセキュリティセンター alert@nisc.go.jp\" <nisc.alert2026@gmail.com>", "x")
                    .replace("spf=pass", "spf=fail")
                + "Reply-To: collect@drop.example\r\nContent-Type: text/plain\r\n\r\nhi",
            header("info@sakura-bannk.co.jp", "x")
                + "Content-Type: text/plain\r\n\r\nhttp://xn--pple-43d.com/ http://198.51.100.1/a",
            withAttachment(rfc2231("請求書\u202Efdp.exe"), EXE),
            withAttachment("filename=\"report.pdf\"", EXE),
            header("Microsoft <ms@gmail.com>", "Your account")
                + "Content-Type: text/html\r\n\r\n<a href=\"http://evil.example/login\">"
                + "https://login.microsoftonline.com/</a>",
            "From: nobody\r\nSubject: x\r\n\r\nx");
    java.util.regex.Pattern words =
        java.util.regex.Pattern.compile(
            "(?i)\\b(?:really|resembles|shows|free|sender|link|is|null|unpacks|the|not|more|than"
                + "|allowed|punycode|member|domain)\\b");
    Set<RedFlag> quoting =
        Set.of(
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.URGENCY,
            RedFlag.PAYMENT_LURE,
            RedFlag.TARGETED_THEME,
            RedFlag.PHISHING_WORDING,
            RedFlag.HTML_FORM);
    Set<RedFlag> seen = new java.util.HashSet<>();
    for (String m : messages) {
      for (MailReport.Finding f : analyze(m).findings()) {
        seen.add(f.flag());
        if (!quoting.contains(f.flag())) {
          assertThat(f.evidence()).as(f.flag().name()).doesNotContainPattern(words);
        }
      }
    }
    assertThat(seen)
        .contains(
            RedFlag.REPLY_TO_OTHER_DOMAIN,
            RedFlag.AUTHENTICATION_FAILED,
            RedFlag.LOOKALIKE_DOMAIN,
            RedFlag.BIDI_CONTROL,
            RedFlag.TYPE_MISMATCH,
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.LINK_TEXT_MISMATCH,
            RedFlag.MALFORMED_SENDER,
            RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void lookAlikeDomainsAndPunycode() {
    MailReport r =
        analyze(
            header("info@sakura-bannk.co.jp", "x")
                + "Content-Type: text/plain\r\n\r\nhttp://xn--pple-43d.com/ と http://sakura-bank.co.jp/ok");
    assertThat(r.findings())
        .extracting(MailReport.Finding::evidence)
        .anyMatch(e -> e.contains("≈ sakura-bank.co.jp"))
        .anyMatch(e -> e.contains("xn--"));
  }

  static byte[] zip(String name, byte[] content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void archivesAreOpenedWithinLimits() throws Exception {
    MailReport r = analyze(withAttachment("filename=\"資料.zip\"", zip("資料.docx.exe", EXE)));
    assertThat(r.attachments().get(0).members())
        .singleElement()
        .satisfies(x -> assertThat(x.detectedType()).isEqualTo("pe-executable"));
    assertThat(flags(r)).contains(RedFlag.DOUBLE_EXTENSION, RedFlag.EXECUTABLE_ATTACHMENT);

    byte[] encrypted = zip("a.txt", "secret".getBytes(StandardCharsets.US_ASCII));
    encrypted[6] |= 1; // the general purpose flag: encrypted
    assertThat(flags(analyze(withAttachment("filename=\"pw.zip\"", encrypted))))
        .contains(RedFlag.ENCRYPTED_ARCHIVE);

    byte[] bomb = zip("zeros.bin", new byte[20_000_000]);
    MailAnalyzer small =
        new MailAnalyzer(
            new MailAnalyzer.Limits(25L << 20, 200, 8, 1000, 500, 1 << 20, 200),
            List.of(),
            List.of());
    MailReport b =
        small.analyze(
            new ByteArrayInputStream(
                withAttachment("filename=\"big.zip\"", bomb).getBytes(StandardCharsets.UTF_8)));
    assertThat(flags(b)).contains(RedFlag.ARCHIVE_LIMIT);
  }

  @Test
  void malformedInputNeverThrowsAndSaysWhatWasWrong() {
    assertThat(analyze(new byte[] {0, 1, 2, (byte) 0xFF}).verdict()).isNotNull();
    MailReport truncated =
        analyze(
            header("a@b.example", "x")
                + "Content-Type: multipart/mixed; boundary=\"Q\"\r\n\r\n--Q\r\nContent-Type: text/plain\r\n\r\nhalf");
    assertThat(truncated.subject()).isEqualTo("x");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      many.append("X-Spam-").append(i).append(": y\r\n");
    }
    MailReport headers = analyze(many + header("a@b.example", "x") + "\r\nbody");
    assertThat(headers.problems()).isNotEmpty();
    StringBuilder deep = new StringBuilder(header("a@b.example", "deep"));
    for (int i = 0; i < 30; i++) {
      deep.append("Content-Type: multipart/mixed; boundary=\"B")
          .append(i)
          .append("\"\r\n\r\n--B")
          .append(i)
          .append("\r\n");
    }
    assertThat(analyze(deep.toString()).problems())
        .anyMatch(p -> p.en().contains("nested deeper") && p.ja().contains("入れ子"));
  }

  @Test
  void theAllowListSuppressesKnownFalsePositives() {
    MailAnalyzer allowing =
        new MailAnalyzer(
            MailAnalyzer.Limits.DEFAULT,
            List.of(),
            List.of("drop.example", "nisc.alert2026@gmail.com"));
    String m =
        header("\"NISC alert@nisc.go.jp\" <nisc.alert2026@gmail.com>", "x")
            + "Reply-To: collect@drop.example\r\nContent-Type: text/plain\r\n\r\nhi";
    assertThat(
            allowing
                .analyze(new ByteArrayInputStream(m.getBytes(StandardCharsets.UTF_8)))
                .findings())
        .isEmpty();
  }

  /**
   * The out-of-sight style is looked for only in HTML with a colon before four digits: every text
   * the pattern matches has one, on random texts of its own words, white space of every kind,
   * digits of other scripts and near misses.
   */
  @Test
  void outOfSightIsLookedForWhereverItCanMatch() {
    String[] names = {"top", "margin-top", "MARGIN-Bottom", "padding-top", "Height", "min-height"};
    String[] spaces = {"", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u3000", "  "};
    String[] numbers = {"1", "123", "1234", "99999", "１２３４", "0000", "12a34"};
    String[] units = {"px", "PX", "vh", "em", "%", "pt", ""};
    String[] other = {"x-top", "-", "a", ";", ":", "<div style=\"", "\">", "http://h:8080/"};
    java.util.Random random = new java.util.Random(1919);
    int matched = 0;
    for (int round = 0; round < 100_000; round++) {
      StringBuilder t = new StringBuilder();
      for (int k = 1 + random.nextInt(6); k > 0; k--) {
        if (random.nextInt(3) == 0) {
          t.append(other[random.nextInt(other.length)]);
          continue;
        }
        t.append(names[random.nextInt(names.length)])
            .append(spaces[random.nextInt(spaces.length)])
            .append(random.nextInt(8) == 0 ? "=" : ":")
            .append(spaces[random.nextInt(spaces.length)])
            .append(numbers[random.nextInt(numbers.length)])
            .append(units[random.nextInt(units.length)]);
      }
      String html = t.toString();
      boolean candidate = MailHtml.colonBeforeFourDigits(html);
      if (MailHtml.OUT_OF_SIGHT.matcher(html).find()) {
        matched++;
        assertThat(candidate).as(html).isTrue();
      }
    }
    assertThat(matched).isGreaterThan(10_000);
    assertThat(MailHtml.colonBeforeFourDigits("<a href=\"http://h:80/\">12:30</a>")).isFalse();
    assertThat(MailHtml.colonBeforeFourDigits("top:\r\n 20000px")).isTrue();
  }
}
