package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verdict policy's one exception (MailVerdictPolicy, issue 19, hamout28): a message carrying
 * strong evidence of being what it says may carry one weak or medium sign as an observation and
 * stay CLEAN. The adversary comes first: a phisher with a fresh domain of their own, a valid DKIM
 * key, a DMARC record and List-Unsubscribe-Post, who wants one more sign to pass, or a strong one.
 */
class MailProvenSenderTest {

  static final String PROVEN =
      "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=mail.shop-example.com;"
          + " dkim=pass header.d=shop-example.com; dmarc=pass header.from=shop-example.com\r\n";

  static final String SALE =
      "<p>Our winter sale is on: 20% off every lamp in the shop until the end of the month.</p>"
          + "<p><a href=\"https://www.shop-example.com/lamps\">Shop lamps</a></p>"
          + "<p><a href=\"https://www.shop-example.com/unsubscribe\">Unsubscribe</a></p>";

  /** A shop's own bulk mail with one-click unsubscribe, answering at a help-desk domain. */
  static TestMail shop(String results, boolean oneClick, String html) {
    TestMail m =
        TestMail.withLines(results)
            .header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe?u=1>");
    if (oneClick) {
      m.header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return m.from("Shop Example <news@shop-example.com>")
        .replyTo("care@helpdesk-example.net")
        .to("taro@example.jp")
        .subject("Winter sale: lamps")
        .base64("text/html", html);
  }

  // ---- the adversary's shapes: they stay flagged ----

  @Test
  void withoutOneClickUnsubscribeTheReplyToStillFlags() {
    MailReport r = shop(PROVEN, false, SALE).analyze();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
    assertThat(r.observationNote()).isNull();
  }

  @Test
  void anSpfAndDkimPassWithoutADmarcPassIsNoProof() {
    MailReport r =
        shop(
                "Authentication-Results: mx.example.jp; spf=pass"
                    + " smtp.mailfrom=mail.shop-example.com; dkim=pass header.d=shop-example.com;"
                    + " dmarc=none\r\n",
                true,
                SALE)
            .analyze();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
  }

  @Test
  void aDmarcPassForAnotherDomainIsNoProof() {
    MailReport r =
        shop(
                "Authentication-Results: mx.example.jp; dkim=pass header.d=bulk-example.net;"
                    + " dmarc=pass header.from=bulk-example.net\r\n",
                true,
                SALE)
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aLinkToAnotherDomainEndsTheProof() {
    // the fresh domain sends, the landing page is elsewhere
    MailReport r =
        shop(
                PROVEN,
                true,
                SALE + "<p><a href=\"https://lamps-outlet-example.top/sale\">Outlet</a></p>")
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.observationNote()).isNull();
  }

  @Test
  void aReplyToBesideAPaymentLureStillFlags() {
    // the fraud that needs a diverted answer brings its own sign: two signs, no relief
    MailReport r =
        shop(
                PROVEN,
                true,
                "<p>Your invoice is overdue. Please pay the outstanding balance today and reply"
                    + " with the transfer receipt.</p>"
                    + "<p><a href=\"https://www.shop-example.com/account\">Account</a></p>")
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.observationNote()).isNull();
  }

  @Test
  void aPasswordAskedForIsNeverAnObservation() {
    MailReport r =
        shop(
                PROVEN,
                true,
                "<p>Confirm your password and card number to keep your account.</p>"
                    + "<p><a href=\"https://www.shop-example.com/confirm\">Confirm</a></p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aBrandClaimedFromAFreshDomainStaysFlagged() {
    MailReport r =
        TestMail.withLines(PROVEN)
            .header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe?u=1>")
            .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .from("PayPal <service@shop-example.com>")
            .to("taro@example.jp")
            .subject("PayPal: your account is limited")
            .base64(
                "text/html",
                "<p>PayPal: we noticed unusual activity. Review your account.</p>"
                    + "<p><a href=\"https://www.shop-example.com/review\">Review</a></p>")
            .analyze();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.observationNote()).isNull();
  }

  @Test
  void aLinkShownAsAnotherAddressStaysFlagged() {
    MailReport r =
        shop(
                PROVEN,
                true,
                "<p>Sign in to see your order.</p><p><a"
                    + " href=\"https://www.shop-example.com/account/orders\">https://www.amazon.co.jp/orders</a></p>")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.LINK_TEXT_MISMATCH);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void freeMailIsNoProof() {
    MailReport r =
        TestMail.withLines(
                "Authentication-Results: mx.example.jp; dkim=pass header.d=gmail.com;"
                    + " dmarc=pass header.from=gmail.com\r\n")
            .header("List-Unsubscribe", "<mailto:shop.example@gmail.com>")
            .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
            .from("Shop Example <shop.example@gmail.com>")
            .replyTo("care@helpdesk-example.net")
            .to("taro@example.jp")
            .subject("Winter sale: lamps")
            .base64("text/html", SALE.replace("www.shop-example.com", "shop.example.com"))
            .analyze();
    assertThat(r.observationNote()).isNull();
  }

  @Test
  void anAttachmentThatIsNoPictureEndsTheProof() {
    MailReport r =
        JapaneseMail.utf8()
            .auth("shop-example.com", "pass")
            .header("List-Unsubscribe: <https://www.shop-example.com/unsubscribe?u=1>")
            .header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
            .header("Reply-To: care@helpdesk-example.net")
            .from("Shop Example", "news@shop-example.com")
            .subject("Winter sale: lamps")
            .html(SALE)
            .attach("catalogue.zip", "application/zip", zip())
            .analyze();
    assertThat(r.observationNote()).isNull();
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  static byte[] zip() {
    try {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
        z.putNextEntry(new java.util.zip.ZipEntry("catalogue.txt"));
        z.write("lamps".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        z.closeEntry();
      }
      return b.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void strongSignsAreNeverDemoted() {
    for (RedFlag f :
        EnumSet.of(
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.LOGIN_LINK_ELSEWHERE,
            RedFlag.LOOKALIKE_DOMAIN,
            RedFlag.BRAND_IMPERSONATION,
            RedFlag.MEMBER_IMPERSONATION,
            RedFlag.EXECUTABLE_ATTACHMENT,
            RedFlag.HTML_FORM,
            RedFlag.HTML_ATTACHMENT,
            RedFlag.QR_CODE_LINK,
            RedFlag.LINK_TEXT_MISMATCH,
            RedFlag.SUSPICIOUS_LINK,
            RedFlag.DISGUISED_LINK_HOST,
            RedFlag.CALLBACK_LURE,
            RedFlag.FRAUD_OFFER,
            RedFlag.ARCHIVE_LIMIT)) {
      assertThat(MailVerdictPolicy.strength(f))
          .as(f.name())
          .isEqualTo(MailVerdictPolicy.Strength.STRONG);
      assertThat(MailVerdictPolicy.observation(Set.of(f))).as(f.name()).isNull();
    }
  }

  @Test
  void oneWeakOrMediumSignAtMost() {
    assertThat(
            MailVerdictPolicy.observation(
                Set.of(RedFlag.REPLY_TO_OTHER_DOMAIN, RedFlag.TARGETED_THEME)))
        .isEqualTo(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(
            MailVerdictPolicy.observation(Set.of(RedFlag.REPLY_TO_OTHER_DOMAIN, RedFlag.URGENCY)))
        .isNull();
    assertThat(MailVerdictPolicy.observation(Set.of(RedFlag.URGENCY, RedFlag.PAYMENT_LURE)))
        .isNull();
  }

  // ---- what real senders do: kept as an observation ----

  @Test
  void aProvenShopAnsweringAtItsHelpDeskIsCleanWithTheSignShown() {
    MailReport r = shop(PROVEN, true, SALE).analyze();
    assertThat(TestMail.flags(r)).containsExactly(RedFlag.REPLY_TO_OTHER_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.score()).isEqualTo(20);
    assertThat(r.observationNote()).isNotNull();
    assertThat(r.observationNote().en())
        .contains("REPLY_TO_OTHER_DOMAIN", "shop-example.com", "RFC 8058");
    assertThat(r.observationNote().ja()).contains("REPLY_TO_OTHER_DOMAIN", "DMARC");
    assertThat(r.readingProblems()).isEmpty();
  }

  @Test
  void aFoldedOneClickHeaderCounts() {
    MailReport r =
        TestMail.withLines(PROVEN + "List-Unsubscribe-Post: List-Unsubscribe=\r\n One-Click\r\n")
            .header("List-Unsubscribe", "<https://www.shop-example.com/unsubscribe?u=1>")
            .from("Shop Example <news@shop-example.com>")
            .replyTo("care@helpdesk-example.net")
            .to("taro@example.jp")
            .subject("Winter sale: lamps")
            .base64("text/html", SALE)
            .analyze();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  // ---- an AWS-owned domain is no look-alike of another AWS-owned domain ----

  @Test
  void anSnsNoticeQuotingAnSesAddressIsNoLookalike() {
    MailReport r =
        TestMail.withLines(
                "Authentication-Results: mx.example.jp; spf=pass"
                    + " smtp.mailfrom=sns.amazonaws.com; dkim=pass header.d=sns.amazonaws.com\r\n")
            .from("AWS Notifications <no-reply@sns.amazonaws.com>")
            .to("ops@example.jp")
            .subject("AWS Notification Message")
            .base64(
                "text/plain",
                "{\"notificationType\":\"Bounce\",\"mail\":{\"source\":\"info@amazonses.com\"}}")
            .analyze();
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.LOOKALIKE_DOMAIN);
  }

  @Test
  void aStrangersDomainTwoLettersFromAnAwsDomainIsStillALookalike() {
    MailReport r =
        TestMail.withLines("")
            .from("AWS Notifications <no-reply@amazonsas.com>")
            .to("ops@example.jp")
            .subject("AWS Notification Message")
            .base64("text/plain", "Your account: billing@amazonaws.com")
            .analyze();
    assertThat(TestMail.flags(r)).contains(RedFlag.LOOKALIKE_DOMAIN);
  }
}
