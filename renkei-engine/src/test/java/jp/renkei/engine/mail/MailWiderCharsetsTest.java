package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailJapaneseCharsetTest.b64;
import static jp.renkei.engine.mail.MailJapaneseCharsetTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Japanese under a narrower charset label than its writer used (ja28, found in the real lures of
 * the phish-ja set): Shift_JIS and ISO-2022-JP with the NEC and IBM extensions (①, ㈱), Japanese
 * written on a Chinese system and labelled GB2312 with the long-vowel mark ー outside it. The words
 * are read as the reader's mail program shows them; text the declared charset reads whole is read
 * exactly as before (the wave dash stays 〜, not the full-width tilde).
 */
class MailWiderCharsetsTest {

  private static String text(byte[] raw) {
    return new MailAnalyzer().analysis(new ByteArrayInputStream(raw)).text();
  }

  private static byte[] body(String contentType, byte[] bytes) {
    return message(
        "=?UTF-8?B?" + b64("ご案内".getBytes(StandardCharsets.UTF_8)) + "?=",
        contentType,
        "base64",
        Base64.getMimeEncoder().encode(bytes));
  }

  @Test
  void shiftJisWithTheNecExtensionsIsReadAsWindows31j() {
    String t =
        text(
            body(
                "text/plain; charset=Shift_JIS",
                // 0x8160, which Shift_JIS reads as the wave dash 〜 and Windows-31J as ～
                "①下記よりログイン ②カード情報を入力 ㈱受付 9:00\uFF5E17:00"
                    .getBytes(Charset.forName("windows-31j"))));
    assertThat(t).contains("①下記よりログイン ②カード情報を入力 ㈱受付").contains("9:00\u301C17:00");
    assertThat(t).doesNotContain("\uFFFD");
  }

  @Test
  void iso2022jpWithRowThirteenIsReadAsItsWindowsForm() {
    String t =
        text(
            message(
                "=?UTF-8?B?" + b64("ご案内".getBytes(StandardCharsets.UTF_8)) + "?=",
                "text/plain; charset=ISO-2022-JP",
                "7bit",
                "①ご本人様確認\uFF5Eのお願い".getBytes(Charset.forName("x-windows-iso2022jp"))));
    // the analysed text is folded (NFKC where it has full-width forms): ① may be read as 1
    assertThat(t).containsPattern("[①1]ご本人様確認\u301Cのお願い").doesNotContain("\uFFFD");
  }

  @Test
  void japaneseLabelledGb2312IsReadAsGbkInTheSubjectAndTheBody() {
    Charset gbk = Charset.forName("GBK");
    byte[] raw =
        message(
            "=?gb2312?B?" + b64("カードご利用内容の確認のお願い".getBytes(gbk)) + "?=",
            "text/plain; charset=gb2312",
            "base64",
            Base64.getMimeEncoder()
                .encode("ＥＴＣサービスのご利用ありがとうございます。\nカードの利用確認をお願いします。\n".getBytes(gbk)));
    MailAnalyzer.Analysis a = new MailAnalyzer().analysis(new ByteArrayInputStream(raw));
    // the analysed text is folded and lower-cased: ＥＴＣ is read as etc
    assertThat(a.text()).contains("カードご利用内容の確認のお願い").contains("etcサービス");
    assertThat(a.text()).doesNotContain("\uFFFD");
  }

  @Test
  void textTheDeclaredCharsetReadsWholeIsReadAsBefore() {
    // a plain Shift_JIS letter: the wave dash, the minus sign and the em dash keep the forms the
    // declared charset gives them
    String letter = "会議は 10:00〜11:00 です。温度は −5℃。以上—総務部";
    assertThat(
            text(
                body(
                    "text/plain; charset=Shift_JIS",
                    letter.getBytes(Charset.forName("Shift_JIS")))))
        .contains(letter);
    assertThat(MailWiderCharsets.rereadWords("=?shift_jis?B?gqA=?=", "あ")).isNull();
  }

  private static MailReport report(String fromHeader, String subjectHeader) {
    byte[] raw =
        ("From: "
                + fromHeader
                + "\r\nTo: soumu@example-corp.co.jp\r\nSubject: "
                + subjectHeader
                + "\r\nDate: Tue, 01 Dec 2026 09:12:44 +0900\r\nMessage-ID: <c2@example.cn>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nご確認ください。\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    return new MailAnalyzer().analyze(new ByteArrayInputStream(raw));
  }

  private static String latin1(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  @Test
  void theFromNameUnderANarrowerLabelIsReadWiderLikeTheSubject() {
    MailReport r =
        report(
            "=?shift_jis?B?"
                + b64("①三井住友カード㈱".getBytes(Charset.forName("windows-31j")))
                + "?= <info@smcc-kakunin.cn>",
            "=?UTF-8?B?" + b64("ご案内".getBytes(StandardCharsets.UTF_8)) + "?=");
    assertThat(r.fromName()).isEqualTo("①三井住友カード㈱");
  }

  @Test
  void rawIso2022jpInTheFromNameAndInASubjectReEncodedAsLatin1IsReadAsJapanese() {
    Charset jis = Charset.forName("ISO-2022-JP");
    // a From name written in raw ISO-2022-JP between quotes, and a subject that a list re-encoded
    // as ISO-8859-1, escape bytes and all (both seen in the phish-ja set)
    String subject =
        "=?iso-8859-1?q?"
            + latin1("特別キャンペーン".getBytes(jis))
                .replace("\u001B", "=1B")
                .replace("$", "=24")
                .replace("(", "=28")
                .replace("?", "=3F")
                .replace(" ", "_")
            + "?=";
    MailReport r =
        report("\"" + latin1("ユーシーカード株式会社".getBytes(jis)) + "\" <x@euhomvc.example>", subject);
    assertThat(r.fromName()).isEqualTo("ユーシーカード株式会社");
    assertThat(r.subject()).isEqualTo("特別キャンペーン");
  }

  @Test
  void asciiThatOnlyLooksLikeJisIsLeftAsWritten() {
    // the letters of "$B…(B" without the escape byte are ordinary text ("$B2 (B-grade)")
    assertThat(MailWiderCharsets.rawJis("Price $B2 (B-grade)")).isNull();
    assertThat(MailWiderCharsets.rawJis("Café crème")).isNull();
    MailReport r = report("\"Sales Team\" <sales@example.com>", "Price $B2 (B-grade) offer");
    assertThat(r.fromName()).isEqualTo("Sales Team");
    assertThat(r.subject()).isEqualTo("Price $B2 (B-grade) offer");
  }
}
