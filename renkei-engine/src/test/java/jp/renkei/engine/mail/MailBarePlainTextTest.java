package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A plain-text alternative that holds only links while the HTML speaks (HIDDEN_TEXT, recall23): the
 * spam kit's way to keep its wording from text readers and filters. The messages are written for
 * this test, on example domains.
 */
class MailBarePlainTextTest {

  private static final String HTML =
      "<html><body><p>You were told black coffee burns fat. It does not. This one strange morning"
          + " drink melts stubborn belly fat while you sleep, and doctors are furious that it"
          + " costs less than a latte. Thousands of readers have already tried it and lost"
          + " weight in their first week without any diet or exercise at all.</p>"
          + "<p><a href=\"http://drink.example.net/Xk2LmP9q\">Watch the video now</a></p>"
          + "</body></html>";

  private static MailReport analyze(String from, String plain) {
    String eml =
        "From: "
            + from
            + "\r\nTo: reader@example.org\r\nSubject: The morning drink doctors hate\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n"
            + plain
            + "\r\n--b\r\nContent-Type: text/html; charset=US-ASCII\r\n\r\n"
            + HTML
            + "\r\n--b--\r\n";
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aPlainTextOfBareLinksBesideASpeakingHtmlIsHiddenText() {
    MailReport r =
        analyze(
            "\"Morning Drink\" <morning_drink@drink.example.net>",
            "http://drink.example.net/Xk2LmP9q\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"
                + "http://[Unsubscribe]]\r\n");
    assertThat(r.findings())
        .filteredOn(f -> f.flag() == RedFlag.HIDDEN_TEXT)
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).startsWith("text/plain: 2 link(s), 0 words;"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aNewslettersPlainTextWithWordsIsNoSign() {
    MailReport r =
        analyze(
            "\"Example Cafe\" <news@example-cafe.com>",
            "View this message in your browser: https://example-cafe.com/n/42\r\n\r\n"
                + "Our new morning blend is here.\r\n");
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .doesNotContain(RedFlag.HIDDEN_TEXT);
  }

  @Test
  void anEmptyPlainTextIsNoSign() {
    MailReport r = analyze("\"Example Cafe\" <news@example-cafe.com>", "\r\n");
    assertThat(r.findings())
        .extracting(MailReport.Finding::flag)
        .doesNotContain(RedFlag.HIDDEN_TEXT);
  }

  @Test
  void bareLinksCountsOnlyATextOfLinks() {
    assertThat(MailLinks.bareLinks("http://a.example/x\n\n - \nwww.b.example/y\n")).isEqualTo(2);
    assertThat(MailLinks.bareLinks("Read it at http://a.example/x")).isZero();
    assertThat(MailLinks.bareLinks("\n\n")).isZero();
  }
}
