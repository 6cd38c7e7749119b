package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nazario28's signs of the older bulk lures: a made-up sub-domain label the sender shares with its
 * links on another domain (SENDER_GENERATED), a dating match nobody asked for and credit "instantly
 * approved" (FRAUD_OFFER); each beside the legitimate mail that looks most like it. The messages
 * are written for this test; domains and people are invented.
 */
class MailCampaignSignsTest {

  private static MailReport mail(String headers, String contentType, String body) {
    return TestMail.analyze(
        TestMail.crlf(
            headers
                + "Date: Mon, 2 May 2005 08:34:31 -0700\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: "
                + contentType
                + "\n\n"
                + body));
  }

  @Test
  void aMadeUpLabelOnTheSendersHostAndItsLinksUnderAnotherDomain() {
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "qwkrtzefa.bulkmailer-one.com",
                List.of("qwkrtzefa.linkhost-two.com", "cdn.images-three.com")))
        .isEqualTo("qwkrtzefa.linkhost-two.com");
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "jmxvlkq.sender-one.co.uk", List.of("jmxvlkq.links-two.co.uk")))
        .isEqualTo("jmxvlkq.links-two.co.uk");
  }

  @Test
  void wordsNamesAndOneDomainAreNotMadeUpLabels() {
    // a company's own sub-domains are words, on its own domain or its provider's
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "news.shop-example.com", List.of("news.shop-links.com")))
        .isNull();
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "email.shop-example.com", List.of("email.esp-tracker.com")))
        .isNull();
    // a town's name on its provider's host: a name, no run of consonants
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "pedreiras.sp.gov.br", List.of("pedreiras.provider-example.com.br")))
        .isNull();
    // the same made-up label under the sender's own domain is one owner's naming
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "qwkrtzefa.bulkmailer-one.com", List.of("qwkrtzefa.bulkmailer-one.com")))
        .isNull();
    // a registered domain with no sub-domain has no label of its own to share
    assertThat(
            MailBulkLures.labelAcrossDomains("qwkrtzefa.com", List.of("qwkrtzefa.other-one.com")))
        .isNull();
    // labels with digits are serials (SENDER_GENERATED reads them elsewhere), not read here
    assertThat(
            MailBulkLures.labelAcrossDomains(
                "mx2045.sender-one.com", List.of("mx2045.links-two.com")))
        .isNull();
  }

  @Test
  void aPictureOfferFromAMadeUpLabelIsSuspicious() {
    MailReport r =
        mail(
            "From: Purchasing Club <pqirloabeao@xkzvtqwme.sender-example.com>\n"
                + "To: <reader@example.org>\n"
                + "Subject: $100K Platinum card offer to all Members\n",
            "text/html; charset=ISO-8859-1",
            "<html><body><p><a href=\"http://xkzvtqwme.links-example.com/vkf.html\">"
                + "<img src=\"http://img.pictures-example.com/a/offer.gif\" width=\"550\""
                + " height=\"400\"></a></p></body></html>\n");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.SENDER_GENERATED);
              assertThat(f.evidence())
                  .isEqualTo(
                      "From: pqirloabeao@xkzvtqwme.sender-example.com + link"
                          + " xkzvtqwme.links-example.com (one made-up label on two domains)");
              assertThat(f.evidenceJa()).contains("同じ作られたラベルが 2 つのドメインに");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aNewsletterFromItsOwnSubDomainLinkingToItsProviderIsNotMadeUp() {
    MailReport r =
        mail(
            "From: Example Shop <offers@news.shop-example.com>\n"
                + "To: <reader@example.org>\n"
                + "Subject: This week's offers\n"
                + "List-Unsubscribe: <https://news.esp-example.com/u/1>\n",
            "text/html; charset=utf-8",
            "<html><body><p>This week at Example Shop: garden chairs.</p>"
                + "<p><a href=\"https://news.esp-example.com/c/123\">See the offers</a></p>"
                + "</body></html>\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SENDER_GENERATED);
  }

  @Test
  void aDatingMatchAnnouncedToAStrangerIsAFraudOffer() {
    MailReport r =
        mail(
            "From: \"Meeting Corp.\" <lara@webmail-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: Please Verify\n",
            "text/plain; charset=ISO-8859-1",
            "Your Profile has been Matched:\n\nDISTANCE:   18 Miles\n"
                + "MEET HER:   http://dates-example.com/m/2142313.php\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.FRAUD_OFFER);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aJobBoardMatchingTheReadersProfileIsNotADatingLure() {
    MailReport r =
        mail(
            "From: Jobs Example <alerts@jobs-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: 5 new jobs for you\n",
            "text/plain; charset=utf-8",
            "Your profile has been matched to 5 new positions in Osaka.\n"
                + "See them: https://jobs-example.com/matches\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  @Test
  void creditInstantlyApprovedForAStrangerIsAFraudOffer() {
    assertThat(
            MailFraudWords.CREDIT_APPROVAL
                .matcher("with no employment required you're instantly approved")
                .find())
        .isTrue();
    MailReport r =
        mail(
            "From: \"Need Credit\" <offers@daily-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: Get the power of a card today\n",
            "text/plain; charset=iso-8859-1",
            "Need a card but worried about your past? Follow the link below.\n"
                + "With no employment required you're instantly approved.\n\n"
                + "http://c.savings-example.com/WIN_4007C?email=reader_at_example.org\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.FRAUD_OFFER);
  }

  @Test
  void anApprovalTheReaderAskedForIsNotInstant() {
    assertThat(
            MailFraudWords.CREDIT_APPROVAL
                .matcher("your application was reviewed and you are approved to attend the course")
                .find())
        .isFalse();
    assertThat(
            MailFraudWords.CREDIT_APPROVAL
                .matcher("approval is instant once your documents are verified")
                .find())
        .isFalse();
  }

  @Test
  void whiteSpaceInsideTheMessageIdIsATemplatesTrace() {
    assertThat(MailBulkLures.spacedMessageId("<987287964025.7eb1e4725810@webmail-example.com >"))
        .isEqualTo("<987287964025.7eb1e4725810@webmail-example.com >");
    assertThat(MailBulkLures.spacedMessageId("< [an10].[an6]@power-example.com.br>"))
        .isEqualTo("< [an10].[an6]@power-example.com.br>");
    // a mail program's Message-ID, and white space outside the brackets, are not read
    assertThat(MailBulkLures.spacedMessageId("<CAF1x2y3z@mail.gmail.com>")).isNull();
    assertThat(MailBulkLures.spacedMessageId("  <20050113.1234@example.com>  ")).isNull();
    assertThat(MailBulkLures.spacedMessageId("no brackets here")).isNull();
    // an X.400 gateway quotes its local part, spaces and all (RFC 5322 obs-id-left)
    assertThat(
            MailBulkLures.spacedMessageId(
                "<\"020828081752Z.WT24519.  6*/PN=Jo.Hill/OU=Tech/O=Example MAA/C=GB/\"@MHS>"))
        .isNull();
    assertThat(MailBulkLures.spacedMessageId(null)).isNull();
    MailReport r =
        mail(
            "From: \"Meeting Corp.\" <lara@webmail-example.com>\n"
                + "To: reader@example.org\n"
                + "Subject: Please Verify\n"
                + "Message-ID: <987287964025.7eb1e4725810@webmail-example.com >\n",
            "text/plain; charset=ISO-8859-1",
            "Your Profile has been Matched:\n\nhttp://dates-example.com/m/2142313.php\n");
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.FORGED_MESSAGE_ID);
              assertThat(f.evidence())
                  .isEqualTo(
                      "Message-ID: <987287964025.7eb1e4725810@webmail-example.com >"
                          + " (white space inside < >)");
            });
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aMailProgramsMessageIdIsNotForged() {
    MailReport r =
        mail(
            "From: Taro Yamada <taro@example.co.jp>\n"
                + "To: reader@example.org\n"
                + "Subject: Meeting on Friday\n"
                + "Message-ID: <20050113.A1B2C3@mail.example.co.jp>\n",
            "text/plain; charset=utf-8",
            "See you on Friday at ten.\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
  }
}
