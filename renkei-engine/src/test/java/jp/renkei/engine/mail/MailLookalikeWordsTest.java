package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A word of the text written with Cyrillic or Greek look-alike letters among its Latin ones
 * (OBFUSCATED_TEXT, naz38): "Gоod", "accоunt" with a Cyrillic о. Russian prose with a Latin word, a
 * physicist's "μs", UTF-8 read as windows-1251 ("BГјnde") and a word the subject already showed are
 * not counted again. Every message here is written for this test; the addresses are documentation
 * addresses or made up.
 */
class MailLookalikeWordsTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  private static String letter(String subject, String text) {
    return "From: Research Desk <research@example.org>\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: "
        + subject
        + "\r\n"
        + "Date: Mon, 02 Jun 2025 09:00:00 +0000\r\n"
        + "Message-ID: <a1b2c3@example.org>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + text;
  }

  @Test
  void aLatinWordWithCyrillicLookalikesInTheTextIsFlagged() {
    // the 2024 lure's shape: an ordinary-looking study invitation whose key words are typed with
    // Cyrillic о, п, г so that no filter reads them (the Cyrillic letters are escaped here)
    MailReport lure =
        analyze(
            letter(
                "Music study download",
                "G\u043Eod news! Your reward is waiting in your acc\u043Eunt.\r\n"
                    + "Open it and order the withdrawal of funds.\r\n"));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.OBFUSCATED_TEXT);
    MailReport.Finding f =
        lure.findings().stream()
            .filter(x -> x.flag() == RedFlag.OBFUSCATED_TEXT)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence(true)).contains("G\u043Eod", "Cyrillic");
    assertThat(f.evidence(false)).contains("G\u043Eod", "キリル文字");
  }

  @Test
  void greekLookalikesInsideAnEnglishWordAreFlagged() {
    assertThat(MailLookalikeWords.disguised("Votre paiement \u0391viati\u03BFn expire"))
        .isEqualTo("\u0391viati\u03BFn");
  }

  @Test
  void russianProseUnitsAndMisreadCharsetsStayClean() {
    // Russian with a Latin product name beside it, a Russian word with one Latin letter typed in
    // (a typing slip: its other letters look like no Latin one), microseconds, a German word in
    // UTF-8 read as windows-1251
    String text =
        "\u041F\u0440\u0438\u0432\u0435\u0442! \u041E\u0431\u043D\u043E\u0432\u0438\u0442\u0435"
            + " Firefox \u0434\u043Be \u0440\u0430\u0431\u043E\u0442\u044B.\r\n"
            + "The pulse lasts 12 \u03BCs, the gain is 3 k\u03A9.\r\n"
            + "Anfrage an Jugend-B\u0413\u0458nde.\r\n";
    assertThat(MailLookalikeWords.disguised(text)).isNull();
    MailReport clean = analyze(letter("Measurements", text));
    assertThat(flags(clean))
        .as(clean.findings().toString())
        .doesNotContain(RedFlag.OBFUSCATED_TEXT);
  }

  @Test
  void shortWordsAndPlainTextAreNotRead() {
    assertThat(MailLookalikeWords.disguised("plain ASCII text only")).isNull();
    // one Latin letter beside a look-alike: a symbol or an abbreviation, not a disguised word
    assertThat(MailLookalikeWords.disguised("the \u03C1a ratio")).isNull();
    assertThat(MailLookalikeWords.disguised(null)).isNull();
  }

  @Test
  void theSubjectsWordIsNotCountedTwice() {
    MailReport r =
        analyze(letter("C\u043Eurt notice", "C\u043Eurt documents were added to your case.\r\n"));
    assertThat(r.findings().stream().filter(x -> x.flag() == RedFlag.OBFUSCATED_TEXT).count())
        .as(r.findings().toString())
        .isEqualTo(1);
  }
}
