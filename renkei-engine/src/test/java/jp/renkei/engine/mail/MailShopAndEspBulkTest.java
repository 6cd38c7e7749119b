package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A small shop's sales mail linking its own catalogue on a commerce platform, and bulk mail relayed
 * by a sending platform that adds no List-Unsubscribe, read as legitimate; the same dress around a
 * login page, a credential request or an unauthenticated sender still counted (issue 19, fpout22a).
 */
class MailShopAndEspBulkTest {

  static final String DMARC_PASS =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mail.gear-example.com;"
          + " dkim=pass header.d=gear-example.com; dmarc=pass header.from=gear-example.com\r\n";

  static final String GEAR =
      DMARC_PASS
          + "From: Gear Shop <news@gear-example.com>\r\nTo: reader@example.jp\r\n"
          + "Subject: New mugs and tees\r\n";

  static String sale(String shop) {
    return "<p>New this week in our shop:</p>"
        + "<p><a href=\"https://"
        + shop
        + "/products/vault-mug\">Vault mug</a> $24.99</p>"
        + "<p><a href=\"https://"
        + shop
        + "/collections/tees\">All tees</a> from $19.99</p>"
        + "<p><a href=\"https://"
        + shop
        + "/\">Visit the store</a></p>";
  }

  @Test
  void aShopsSalesMailLinkingItsCatalogueOnACommercePlatformIsNoSuspiciousLink() {
    MailReport r = TestMail.analyzeBase64(GEAR, "text/html", sale("gearstore.myshopify.com"));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPageOnTheSamePlatformWithoutAnyCatalogueLinkIsStillSuspicious() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR,
            "text/html",
            "<p>Your parcel is waiting.</p><p><a href=\"https://parcel-desk.myshopify.com/pages/"
                + "track\">Track it</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aLoginPageBesideACatalogueOnThePlatformIsStillSuspicious() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR,
            "text/html",
            sale("gearstore.myshopify.com")
                + "<p><a href=\"https://gearstore.myshopify.com/pages/login\">Sign in to keep"
                + " your rewards</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
  }

  @Test
  void aCatalogueInAMailAskingForThePasswordIsStillSuspicious() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR,
            "text/html",
            "<p>Your account will be suspended. Confirm your password to keep it.</p>"
                + sale("gearstore.myshopify.com"));
    assertThat(TestMail.flags(r)).contains(RedFlag.SUSPICIOUS_LINK);
  }

  static final String PRE_HEADER_AND_UNSUBSCRIBE =
      "<span style=\"display:none\">Ten percent off gardening gloves this week</span>"
          + "<p>Spring is here: gloves, seeds and pots for your garden, with free delivery.</p>"
          + "<p><a href=\"https://u7.ct.sender-platform-example.net/unsubscribe?u=7\">Unsubscribe</a></p>";

  @Test
  void authenticatedBulkMailRelayedByASendingPlatformNeedsNoListUnsubscribe() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR + "X-SG-EID: u001.abc\r\nFeedback-ID: 42:campaign:sendgrid\r\n",
            "text/html",
            PRE_HEADER_AND_UNSUBSCRIBE);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.HIDDEN_UNLISTED, RedFlag.UNLISTED_BULK);
  }

  @Test
  void theSameDressWithoutAPlatformTraceIsStillUnlistedBulk() {
    MailReport r = TestMail.analyzeBase64(GEAR, "text/html", PRE_HEADER_AND_UNSUBSCRIBE);
    assertThat(TestMail.flags(r)).contains(RedFlag.HIDDEN_UNLISTED);
  }

  @Test
  void aPlatformTraceFromAnUnauthenticatedSenderVouchesForNothing() {
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; spf=none smtp.mailfrom=gear-example.com;"
                + " dkim=none\r\n"
                + "From: Gear Shop <news@gear-example.com>\r\nTo: reader@example.jp\r\n"
                + "Subject: New mugs and tees\r\nX-SG-EID: u001.abc\r\n",
            "text/html",
            PRE_HEADER_AND_UNSUBSCRIBE);
    assertThat(TestMail.flags(r)).contains(RedFlag.HIDDEN_UNLISTED);
  }

  @Test
  void aPlatformRelayedCredentialRequestKeepsItsUnlistedBulkSign() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR + "X-Mailgun-Sid: abc\r\n",
            "text/html",
            "<span style=\"display:none\">Action required</span>"
                + "<p>Your mailbox storage limit is reached: verify your account today.</p>"
                + "<p><a href=\"https://u7.ct.sender-platform-example.net/unsubscribe?u=7\">Unsubscribe</a></p>");
    assertThat(TestMail.flags(r)).contains(RedFlag.HIDDEN_UNLISTED);
  }

  static String withSubject(String subject) {
    return DMARC_PASS
        + "From: Gear Shop <news@gear-example.com>\r\nTo: reader@example.jp\r\nSubject: "
        + TestMail.encodedWord(subject)
        + "\r\n";
  }

  @Test
  void aZeroWidthCharacterAfterASubjectOrJoiningAnEmojiHidesNothing() {
    for (String subject :
        new String[] {
          "Go on, put your gear to work.\u200B",
          "Winter sale starts now \u200C\u200C ",
          "Family pack \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 is back"
        }) {
      MailReport r =
          TestMail.analyzeBase64(withSubject(subject), "text/plain", "New gear this week.");
      assertThat(TestMail.flags(r)).as(subject).doesNotContain(RedFlag.OBFUSCATED_TEXT);
    }
  }

  @Test
  void aZeroWidthCharacterInsideOrBetweenASubjectsWordsIsStillObfuscation() {
    for (String subject :
        new String[] {"Your acc\u200Bount is on hold", "Your \u200Baccount is on hold"}) {
      MailReport r = TestMail.analyzeBase64(withSubject(subject), "text/plain", "See the details.");
      assertThat(TestMail.flags(r)).as(subject).contains(RedFlag.OBFUSCATED_TEXT);
    }
  }

  /** A footer whose date, address and phone number carry U+FEFF, as mail builders write them. */
  static final String GUARDED_FOOTER =
      "<p>Order by Dec\uFEFFember 23, 20\uFEFF25 for delivery by Dec\uFEFFember 24, 20\uFEFF25."
          + " Offer ends Dec\uFEFFember 25, 20\uFEFF25.</p><p>G\uFEFFear Shop, 2\uFEFF50\uFEFF0 S"
          + " P\uFEFFac\uFEFFific H\uFEFFwy, Med\uFEFFford, O\uFEFFR 97\uFEFF501,"
          + " 1-\uFEFF800-\uFEFF555-\uFEFF0100, Gear\uFEFFexample.com</p>";

  @Test
  void invisibleCharactersThatAlsoBreakNumbersGuardAFooterAgainstAutoLinking() {
    MailReport r = TestMail.analyzeBase64(GEAR, "text/html", GUARDED_FOOTER);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.OBFUSCATED_TEXT);
  }

  @Test
  void invisibleCharactersInsideWordsAloneAreStillObfuscation() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR, "text/html", GUARDED_FOOTER.replaceAll("([0-9]-?)\uFEFF([0-9])", "$1$2"));
    assertThat(TestMail.flags(r)).contains(RedFlag.OBFUSCATED_TEXT);
  }

  static String giftCardLink(String shown) {
    return "<p>Give the gift of gear: <a href=\"https://e.mktg.gear-example.com/c2/2012:69448:ot:1/"
        + "0505fdf6\">"
        + shown
        + "</a></p>";
  }

  @Test
  void aBrandsPageOnAPartnersPlatformUnderItsOwnNameLinkedThroughItsOwnTrackerMatches() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR, "text/html", giftCardLink("https://gear-example.giftcards-example.com/"));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void anotherNameOnThePartnersPlatformIsStillAMismatch() {
    MailReport r =
        TestMail.analyzeBase64(
            GEAR, "text/html", giftCardLink("https://paypal.giftcards-example.com/"));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }

  @Test
  void theSendersNameOnAPartnerIsStillAMismatchWhenTheSenderDidNotAuthenticate() {
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; spf=none smtp.mailfrom=gear-example.com;"
                + " dkim=none\r\n"
                + "From: Gear Shop <news@gear-example.com>\r\nTo: reader@example.jp\r\n"
                + "Subject: Gifts\r\n",
            "text/html",
            giftCardLink("https://gear-example.giftcards-example.com/"));
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
  }
}
