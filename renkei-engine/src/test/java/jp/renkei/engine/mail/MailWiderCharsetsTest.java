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
}
