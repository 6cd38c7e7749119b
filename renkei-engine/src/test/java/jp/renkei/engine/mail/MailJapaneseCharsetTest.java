package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The charsets and encodings Japanese lures really arrive in, beyond the well-formed ones of {@link
 * JapaneseMail} (issue 19, mailja19): a UTF-8 subject cut in the middle of a character across two
 * encoded words, a body with no charset declared, charset names written the way mailers write them
 * (shift-jis, x-sjis, cp932, GBK from mailers abroad), Japanese written as HTML character
 * references, ISO-2022-JP with half-width katakana. Every one must read the same words as the
 * well-formed message. Each message is written for this test.
 */
class MailJapaneseCharsetTest {

  static final String SUBJECT = "【三井住友カード】ご利用確認のお願い";
  static final String BODY =
      "お客様のカードで不正利用の可能性があるお取引を検知しました。\r\n"
          + "24時間以内に下記よりご本人様の確認をお願いいたします。\r\n"
          + "https://smcc-kakunin.cn/vpass/login\r\n";

  static byte[] message(String subjectHeader, String contentType, String cte, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("From: =?UTF-8?B?"
                + b64("三井住友カード".getBytes(StandardCharsets.UTF_8))
                + "?= <info@smcc-kakunin.cn>\r\nTo: soumu@example-corp.co.jp\r\nSubject: "
                + subjectHeader
                + "\r\nDate: Tue, 01 Dec 2026 09:12:44 +0900\r\nMessage-ID: <c1@smcc-kakunin.cn>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: "
                + contentType
                + "\r\nContent-Transfer-Encoding: "
                + cte
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static String word(String charset, String s) {
    return "=?" + charset + "?B?" + b64(s.getBytes(Charset.forName(charset))) + "?=";
  }

  static MailReport analyze(byte[] raw) {
    return new MailAnalyzer().analyze(new ByteArrayInputStream(raw));
  }

  static void readsTheLure(MailReport r) {
    String d = MailJapaneseLureTest.describe(r);
    assertThat(MailSignsTest.flags(r))
        .as(d)
        .contains(RedFlag.BRAND_IMPERSONATION, RedFlag.CREDENTIAL_REQUEST, RedFlag.URGENCY);
    assertThat(r.verdict()).as(d).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void theWellFormedMessageIsTheBaseline() {
    readsTheLure(
        analyze(
            message(
                word("UTF-8", SUBJECT),
                "text/plain; charset=UTF-8",
                "base64",
                Base64.getMimeEncoder().encode(BODY.getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void aUtf8SubjectCutInsideACharacterAcrossTwoEncodedWordsIsReadWhole() {
    byte[] s = SUBJECT.getBytes(StandardCharsets.UTF_8);
    int cut = 10; // inside the fourth character (三井住 are three bytes each)
    String header =
        "=?UTF-8?B?"
            + b64(java.util.Arrays.copyOfRange(s, 0, cut))
            + "?=\r\n =?UTF-8?B?"
            + b64(java.util.Arrays.copyOfRange(s, cut, s.length))
            + "?=";
    MailReport r =
        analyze(
            message(
                header,
                "text/plain; charset=UTF-8",
                "8bit",
                BODY.getBytes(StandardCharsets.UTF_8)));
    readsTheLure(r);
    assertThat(r.subject()).isEqualTo(SUBJECT);
  }

  @Test
  void aUtf8BodyWithNoCharsetDeclaredIsReadAsUtf8() {
    readsTheLure(
        analyze(
            message(
                word("UTF-8", SUBJECT),
                "text/plain",
                "8bit",
                BODY.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aShiftJisBodyWithNoCharsetDeclaredIsRead() {
    readsTheLure(
        analyze(
            message(
                word("UTF-8", SUBJECT),
                "text/plain",
                "8bit",
                BODY.getBytes(Charset.forName("Shift_JIS")))));
  }

  @Test
  void charsetNamesAsMailersWriteThemAreRead() {
    for (String name : new String[] {"shift-jis", "x-sjis", "cp932", "windows-31j", "SJIS"}) {
      readsTheLure(
          analyze(
              message(
                  word("UTF-8", SUBJECT),
                  "text/plain; charset=\"" + name + "\"",
                  "base64",
                  Base64.getMimeEncoder().encode(BODY.getBytes(Charset.forName("Shift_JIS"))))));
    }
    readsTheLure(
        analyze(
            message(
                word("GBK", SUBJECT),
                "text/plain; charset=GBK",
                "base64",
                Base64.getMimeEncoder().encode(BODY.getBytes(Charset.forName("GBK"))))));
  }

  @Test
  void japaneseWrittenAsHtmlCharacterReferencesIsRead() {
    StringBuilder refs = new StringBuilder("<html><body><p>");
    BODY.codePoints()
        .forEach(c -> refs.append(c < 128 ? String.valueOf((char) c) : "&#" + c + ";"));
    refs.append("</p></body></html>");
    readsTheLure(
        analyze(
            message(
                word("UTF-8", SUBJECT),
                "text/html; charset=us-ascii",
                "7bit",
                refs.toString().getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void isoTwentyTwentyTwoJpWithHalfWidthKatakanaIsRead() {
    // ESC ( I switches to JIS X 0201 katakana: ｶｰﾄﾞ as Windows mailers (CP50221) write it
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(BODY.getBytes(Charset.forName("ISO-2022-JP")));
    b.writeBytes(new byte[] {0x1b, '(', 'I', 0x36, 0x30, 0x44, 0x5e, 0x1b, '(', 'B', '\r', '\n'});
    MailReport r =
        analyze(
            message(
                word("ISO-2022-JP", SUBJECT),
                "text/plain; charset=ISO-2022-JP",
                "7bit",
                b.toByteArray()));
    readsTheLure(r);
  }

  @Test
  void anUndeclaredCharsetIsGuessedOnlyFromWhatTheBytesShow() {
    assertThat(MailCharsets.guess(BODY.getBytes(Charset.forName("ISO-2022-JP")))).isEqualTo(BODY);
    assertThat(MailCharsets.guess(BODY.getBytes(Charset.forName("EUC-JP")))).isEqualTo(BODY);
    assertThat(MailCharsets.guess(BODY.getBytes(Charset.forName("Shift_JIS")))).isEqualTo(BODY);
    assertThat(MailCharsets.guess(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY);
    // ASCII, and Western 8-bit text that Shift_JIS might decode as half-width katakana, are left
    // to the default reading
    assertThat(MailCharsets.guess("plain ascii".getBytes(StandardCharsets.US_ASCII))).isNull();
    String western = "Grüße aus Köln, 20° im Büro, ½ Preis – £5 « très bien » ×3 ß Ö Ü ";
    assertThat(MailCharsets.guess(western.repeat(20).getBytes(StandardCharsets.ISO_8859_1)))
        .isNull();
    assertThat(
            MailCharsets.guess("°±²³µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉ".getBytes(StandardCharsets.ISO_8859_1)))
        .isNull();
  }

  @Test
  void anIsoTwentyTwentyTwoJpBodyWithNoCharsetDeclaredIsRead() {
    readsTheLure(
        analyze(
            message(
                word("ISO-2022-JP", SUBJECT),
                "text/plain",
                "7bit",
                BODY.getBytes(Charset.forName("ISO-2022-JP")))));
  }
}
