package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A newsletter's sums in millions are the news it reports, not money offered to the reader
 * (hamout37, {@link MailNewsFigures}); the same sum in a letter to one reader, and a newsletter's
 * other lure words, still count.
 */
class MailNewsFiguresTest {

  static final String AUTH =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=news.party-example.org;"
          + " dkim=pass header.d=party-example.org\r\n";

  static String headers(boolean bulk) {
    return AUTH
        + "From: The Chair <info@party-example.org>\r\n"
        + "To: reader@example.jp\r\n"
        + "Subject: Message from the Chair\r\n"
        + (bulk
            ? "List-Unsubscribe: <https://party-example.org/unsubscribe?u=1>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
            : "");
  }

  static final String NEWS =
      "This session we passed rent stabilization, secured $100 million for public safety and"
          + " invested $50 million in schools. Thank you for standing with us.";

  @Test
  void aNewslettersSumsInMillionsAreItsNews() {
    MailReport r = TestMail.analyzeBase64(headers(true), "text/plain", NEWS);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameSumInALetterToOneReaderStillCounts() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(false),
            "text/plain",
            "I am the chair of the fund. A sum of $10.5 million is waiting for you, reply with"
                + " your details.");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aNewslettersOtherLureWordsStillCount() {
    MailReport r =
        TestMail.analyzeBase64(
            headers(true),
            "text/plain",
            NEWS + " Your $2 million is ready: send a wire transfer fee to release it.");
    assertThat(TestMail.flags(r)).contains(RedFlag.PAYMENT_LURE);
  }
}
