package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * What a Japanese reader of a mail analysis sees is Japanese where the analyser adds words of its
 * own to the evidence (the scripts of a mixed word, invisible characters inside words, a
 * machine-made host, hidden words) and in the problems (numbers grouped, no Java exception names),
 * found on the new user's walk of the mail page; the English stays for programs, STIX and English
 * readers.
 */
class MailEvidenceLanguageTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static MailReport.Finding finding(MailReport r, RedFlag flag, String enPart) {
    return r.findings().stream()
        .filter(f -> f.flag() == flag && f.evidence().contains(enPart))
        .findFirst()
        .orElseThrow(() -> new AssertionError(flag + " " + enPart + " in " + r.findings()));
  }

  @Test
  void theScriptsOfAMixedWordAreNamedInTheReadersLanguage() {
    MailReport r =
        analyze(
            "From: \"Amаzon\" <info@shop-notice.example>\r\nTo: a@example.jp\r\n"
                + "Subject: =?UTF-8?B?"
                + Base64.getEncoder()
                    .encodeToString("Аmazon アカウント".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nご確認ください。\r\n");
    MailReport.Finding f = finding(r, RedFlag.OBFUSCATED_TEXT, "Cyrillic");
    assertThat(f.evidence()).contains("Cyrillic + Latin").doesNotContain("CYRILLIC");
    assertThat(f.evidence(false)).contains("キリル文字 + ラテン文字").doesNotContain("Cyrillic");
    assertThat(f.evidence(true)).isEqualTo(f.evidence());
  }

  @Test
  void invisibleCharactersInsideWordsAndAMachineMadeHostAreSaidInJapanese() {
    String zw = "\u200B";
    StringBuilder body = new StringBuilder("Your acc");
    for (int i = 0; i < 12; i++) {
      body.append(zw).append("ount");
    }
    MailReport r =
        analyze(
            "From: Care <care@j.u.t.o.s.example.shop>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body
                + " needs to be verified.\r\n");
    MailReport.Finding broken = finding(r, RedFlag.OBFUSCATED_TEXT, "inside words");
    assertThat(broken.evidence(false)).startsWith("単語の文字の間に: ").doesNotContain("inside");
    MailReport.Finding host = finding(r, RedFlag.SENDER_GENERATED, "one-letter labels");
    assertThat(host.evidence()).endsWith("(5 one-letter labels)");
    assertThat(host.evidence(false)).endsWith("(1 文字のラベル 5 個)");
  }

  @Test
  void aSignFoundTwiceIsOneGroupWithBothEvidences() {
    MailReport r =
        analyze(
            "From: IT <it@helpdesk.example>\r\nTo: a@example.jp\r\nSubject: Verify\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Verify your account.</p>"
                + "<a href=\"http://198.51.100.7/a\">a</a> <a href=\"http://198.51.100.8/b\">b</a>");
    assertThat(r.findings().stream().filter(f -> f.flag() == RedFlag.SUSPICIOUS_LINK)).hasSize(2);
    assertThat(r.findingsByFlag().keySet()).doesNotHaveDuplicates();
    assertThat(r.findingsByFlag().get(RedFlag.SUSPICIOUS_LINK))
        .extracting(MailReport.Finding::evidence)
        .containsExactly(
            "http://198.51.100.7/a (IP address)", "http://198.51.100.8/b (IP address)");
    assertThat(r.findingsByFlag().values().stream().mapToInt(List::size).sum())
        .isEqualTo(r.findings().size());
  }

  /**
   * ui25: a Japanese lure's look-alike link was listed twice, "url ≈ vpass.ne.jp (三井住友)" and "url ≈
   * vpass.ne.jp": one link imitating one name is one line, the one naming the brand.
   */
  @Test
  void aLookalikeLinkIsListedOnceWithTheBrandsName() throws Exception {
    MailReport r;
    try (var in =
        getClass().getResourceAsStream("/jp/renkei/engine/mail/ja23/lure/03-vpass-spoofed.eml")) {
      r = new MailAnalyzer().analyze(in);
    }
    List<String> lookalike =
        r.findings().stream()
            .filter(f -> f.flag() == RedFlag.LOOKALIKE_DOMAIN)
            .map(MailReport.Finding::evidence)
            .toList();
    assertThat(lookalike)
        .containsExactly("https://vpass.ne.jp.smbc-check.top/login/ ≈ vpass.ne.jp (三井住友)");
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  /** ui25: the sign lists every kind of suspicious link; its evidence says which one this is. */
  @Test
  void aSuspiciousLinksEvidenceNamesItsKindInBothLanguages() {
    MailReport r =
        analyze(
            "From: IT <it@helpdesk.example>\r\nTo: a@example.jp\r\nSubject: Verify\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Verify your account.</p>"
                + "<a href=\"http://198.51.100.7/a\">a</a> <a href=\"https://bit.ly/3xYzAbC\">b</a>");
    assertThat(r.findingsByFlag().get(RedFlag.SUSPICIOUS_LINK))
        .extracting(f -> f.evidence(true), f -> f.evidence(false))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "http://198.51.100.7/a (IP address)", "http://198.51.100.7/a (IP アドレス)"),
            org.assertj.core.groups.Tuple.tuple(
                "https://bit.ly/3xYzAbC (URL shortener)", "https://bit.ly/3xYzAbC (短縮 URL)"));
  }

  @Test
  void problemsWithImagesGroupTheirNumbersAndNameNoExceptionClass() throws Exception {
    byte[] broken = Arrays.copyOf(MailImagesTest.qrPng("https://example.com/x", 200), 200);
    MailReport r =
        analyze(
            withImages(
                Map.of("broken.png", broken, "bomb.jpg", ImageBombTest.scanBomb(4000, 199))));
    List<String> ja = r.problems().stream().map(p -> p.text(false)).toList();
    List<String> en = r.problems().stream().map(p -> p.text(true)).toList();
    assertThat(ja)
        .anyMatch(p -> p.startsWith("broken.png") && p.contains("画像として読めません"))
        .anyMatch(p -> p.startsWith("bomb.jpg") && p.contains("320,000,000"))
        .noneMatch(p -> p.contains("Exception") || p.contains("320000000"));
    assertThat(en).noneMatch(p -> p.contains("Exception") || p.contains("320000000"));
  }

  @Test
  void aJapaneseEvidenceIsRedactedLikeTheEnglishOne() {
    MailReport r =
        analyze(
            "From: Care <care@j.u.t.o.s.sakura-bank.co.jp>\r\nTo: yamada@sakura-bank.co.jp\r\n"
                + "Subject: Notice\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nRead it.\r\n");
    assertThat(finding(r, RedFlag.SENDER_GENERATED, "sakura-bank").evidence(false))
        .contains("sakura-bank.co.jp");
    Redactor identity =
        new Redactor(
            new Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.co.jp"),
                List.of("yamada@sakura-bank.co.jp"),
                List.of(),
                List.of()),
            Map.of());
    MailReport shared = MailRedaction.apply(r, identity).shared();
    assertThat(shared.findings())
        .filteredOn(f -> f.flag() == RedFlag.SENDER_GENERATED)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.evidence()).doesNotContain("sakura-bank");
              assertThat(f.evidence(false)).doesNotContain("sakura-bank").contains("1 文字のラベル");
            });
  }

  private static String withImages(Map<String, byte[]> images) {
    StringBuilder m =
        new StringBuilder(
            "From: IT <it@helpdesk.example>\r\nTo: a@example.jp\r\nSubject: Scan\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nScan the code.\r\n");
    images.forEach(
        (name, data) ->
            m.append("--B\r\nContent-Type: image/")
                .append(name.endsWith(".png") ? "png" : "jpeg")
                .append("\r\nContent-Transfer-Encoding: base64\r\n")
                .append("Content-Disposition: attachment; filename=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(data))
                .append("\r\n"));
    return m.append("--B--\r\n").toString();
  }

  /**
   * Numbers are grouped as {@code String.format(Locale.ROOT, "%,d", n)} groups them (speed26 writes
   * the digits itself: the formatter was built again for each of 20,000 links).
   */
  @Test
  void numbersAreGroupedAsTheFormatterGroupsThem() {
    java.util.Random random = new java.util.Random(26);
    List<Long> numbers = new java.util.ArrayList<>(List.of(0L, 7L, -7L, 999L, 1_000L, -1_000L));
    numbers.addAll(List.of(99_999L, 100_000L, 1_234_567L, Long.MAX_VALUE, Long.MIN_VALUE));
    for (int i = 0; i < 2_000; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      numbers.add(n);
    }
    for (long n : numbers) {
      assertThat(MailReport.grouped(n))
          .as("%d", n)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
    }
    assertThat(MailReport.grouped(8_388_608)).isEqualTo("8,388,608");
  }
}
