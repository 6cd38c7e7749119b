package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Japanese written into headers the way no mail program writes it, on purpose so that a filter
 * reading the header by its labels finds no words (recall33): ISO-2022-JP escapes raw in the header
 * or inside encoded words that claim ISO-8859-1, and raw Shift_JIS bytes. They are read as a
 * Japanese mail program reads them, so that the brand and wording signs see them, and a subject
 * hidden under a wrong label is itself a sign (OBFUSCATED_TEXT). Every message is written for this
 * test.
 */
class MailJapaneseHeadersTest {

  private static final Charset JIS = Charset.forName("ISO-2022-JP");
  private static final Charset SJIS = Charset.forName("windows-31j");

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  private static MailReport analyze(byte[]... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : pieces) {
      out.writeBytes(p);
    }
    return new MailAnalyzer().analyze(new ByteArrayInputStream(out.toByteArray()));
  }

  private static byte[] ascii(String s) {
    return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An encoded word that says ISO-8859-1 but holds the ISO-2022-JP bytes of {@code text}. */
  private static String latin1Word(String text) {
    StringBuilder w = new StringBuilder("=?iso-8859-1?q?");
    for (byte b : text.getBytes(JIS)) {
      int c = b & 0xff;
      if (c > ' ' && c < 0x7f && c != '=' && c != '?' && c != '_') {
        w.append((char) c);
      } else {
        w.append(String.format("=%02X", c));
      }
    }
    return w.append("?=").toString();
  }

  private static final String LURE_BODY =
      "\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\nContent-Transfer-Encoding: 7bit\n\n";

  @Test
  void readsASubjectHiddenUnderALatin1LabelAndARawJisSenderName() {
    MailReport r =
        analyze(
            ascii("From: \""),
            "三井住友カード株式会社".getBytes(JIS),
            ascii(
                "\" <info@card-check.example>\n"
                    + "To: taro@example.co.jp\n"
                    + "Subject: "
                    + latin1Word("【重要】三井住友カード ご利用確認のお願い")
                    + "\nDate: Fri, 4 Dec 2026 09:00:00 +0900\nMessage-ID: <a1@card-check.example>\n"
                    + "MIME-Version: 1.0"
                    + LURE_BODY),
            "お客様のカードのご利用を一時停止しました。下記よりご本人確認をお願いします。\r\nhttps://card-check.example/login\r\n"
                .getBytes(JIS));
    assertThat(r.subject()).isEqualTo("【重要】三井住友カード ご利用確認のお願い");
    assertThat(r.fromName()).isEqualTo("三井住友カード株式会社");
    assertThat(r.findings())
        .as(r.findings().toString())
        .anyMatch(
            f ->
                f.flag() == RedFlag.OBFUSCATED_TEXT
                    && f.evidence().equals("Subject in ISO-2022-JP under the label iso-8859-1")
                    && f.evidenceJa().contains("iso-8859-1 と偽って"));
    assertThat(flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.MALFORMED_SENDER);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void readsARawShiftJisSubjectAndSenderName() {
    MailReport r =
        analyze(
            ascii("From: "),
            "楽天カード株式会社".getBytes(SJIS),
            ascii(" <support@rk-member.example>\nTo: hanako@example.co.jp\nSubject: "),
            "【楽天カード】お支払い方法の確認が必要です".getBytes(SJIS),
            ascii(
                "\nDate: Fri, 4 Dec 2026 09:00:00 +0900\nMessage-ID: <a2@rk-member.example>\n"
                    + "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"Shift_JIS\"\n"
                    + "Content-Transfer-Encoding: 8bit\n\n"),
            "お支払い方法を更新してください。\r\nhttps://rk-member.example/pay\r\n".getBytes(SJIS));
    assertThat(r.subject()).isEqualTo("【楽天カード】お支払い方法の確認が必要です");
    assertThat(r.fromName()).isEqualTo("楽天カード株式会社");
    assertThat(flags(r)).as(r.findings().toString()).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void readsRawEscapesInASubject() {
    MailReport r =
        analyze(
            ascii("From: info@card-check.example\nTo: taro@example.co.jp\nSubject: "),
            "ご本人確認のお願い".getBytes(JIS),
            ascii("\nMIME-Version: 1.0" + LURE_BODY + "text\n"));
    assertThat(r.subject()).isEqualTo("ご本人確認のお願い");
    assertThat(r.findings())
        .anyMatch(
            f ->
                f.flag() == RedFlag.OBFUSCATED_TEXT
                    && f.evidence().equals("Subject in raw ISO-2022-JP (no encoded word)"));
  }

  @Test
  void theHiddenSubjectReachesTheStixNoteInBothLanguages() {
    MailReport r =
        analyze(
            ascii(
                "From: info@card-check.example\nTo: taro@example.co.jp\nSubject: "
                    + latin1Word("ご本人確認のお願い")
                    + "\nMIME-Version: 1.0"
                    + LURE_BODY
                    + "text\n"));
    JsonNode note =
        MailStixTest.note(
            MailStix.bundle(r, Tlp.GREEN, Instant.parse("2026-12-04T00:00:00Z"), false));
    assertThat(note.path("content").asString())
        .contains("OBFUSCATED_TEXT")
        .contains("Subject in ISO-2022-JP under the label iso-8859-1");
    assertThat(note.path("content").asString())
        .contains(RedFlag.OBFUSCATED_TEXT.ja())
        .contains(RedFlag.OBFUSCATED_TEXT.en())
        .contains("ISO-2022-JP のまま");
    assertThat(note.path("x_renkei_findings").findValuesAsString("evidence_ja"))
        .contains("件名の ISO-2022-JP が iso-8859-1 と偽って書かれています");
  }

  @Test
  void aBanksOwnNoticeWithEncodedWordsStaysClean() {
    byte[] subject = "【さくら銀行】お取引明細のご案内".getBytes(JIS);
    MailReport r =
        analyze(
            ascii(
                "From: =?ISO-2022-JP?B?"
                    + java.util.Base64.getEncoder().encodeToString("さくら銀行".getBytes(JIS))
                    + "?= <notice@sakura-bank.example>\n"
                    + "To: taro@example.co.jp\n"
                    + "Subject: =?ISO-2022-JP?B?"
                    + java.util.Base64.getEncoder().encodeToString(subject)
                    + "?=\n"
                    + "Authentication-Results: mx.example.co.jp; spf=pass"
                    + " smtp.mailfrom=sakura-bank.example; dkim=pass header.d=sakura-bank.example;"
                    + " dmarc=pass header.from=sakura-bank.example\n"
                    + "DKIM-Signature: v=1; a=rsa-sha256; d=sakura-bank.example; s=s1;"
                    + " h=from:to:subject; bh=x; b=y\n"
                    + "Date: Fri, 4 Dec 2026 09:00:00 +0900\n"
                    + "Message-ID: <n1@sakura-bank.example>\nMIME-Version: 1.0"
                    + LURE_BODY),
            "11月分のお取引明細を作成しました。明細は当行アプリの「明細」画面からご覧いただけます。\r\n".getBytes(JIS));
    assertThat(r.subject()).isEqualTo("【さくら銀行】お取引明細のご案内");
    assertThat(flags(r)).as(r.findings().toString()).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void leavesLatin1AndProperHeadersAsRead() {
    byte[] latin1 =
        "Subject: Re: caf\u00e9 cr\u00e8me \u00e0 midi".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(MailHeaders.japanese("Re: caf\uFFFD cr\uFFFDme \uFFFD midi", latin1)).isNull();
    assertThat(MailHeaders.japanese("Re: café crème", null)).isNull();
    assertThat(MailHeaders.japanese("お知らせ", "Subject: お知らせ".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    // an escape that is no ISO-2022-JP (a terminal colour code pasted into a subject) stays
    assertThat(MailHeaders.jisEscapes("build \u001B[31mfailed\u001B[0m")).isNull();
  }

  @Test
  void aJisSubjectInABounceIsReadButNotCounted() {
    MailReport r =
        analyze(
            ascii(
                "From: MAILER-DAEMON@mx.example.co.jp\nTo: taro@example.co.jp\nSubject: "
                    + latin1Word("配送できませんでした")
                    + "\nMIME-Version: 1.0\nContent-Type: text/plain\n\n"
                    + "This is the mail system. Your message could not be delivered.\n"));
    assertThat(r.subject()).isEqualTo("配送できませんでした");
  }
}
