package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lure words where they ask nothing: an offer's terms, a confidentiality notice and a newsletter's
 * footer (fine print), an office closed for the holidays, urgent care, a gift of $50 or more to a
 * charity, a card's welcome bonus in points, a shop's refund policy. The same words asking the
 * reader to act keep their signs.
 */
class MailFinePrintWordingTest {

  MailReport mail(String text) {
    return TestMail.analyzeBase64(
        "From: Travel Club <club@travel-club-example.com>\r\nTo: taro@example.jp\r\n"
            + "Subject: Explore Europe sooner\r\n",
        "text/plain",
        text);
  }

  @Test
  void anOffersTermsAreNoPaymentLure() {
    MailReport terms =
        mail(
            "Apply for the card and fly to Europe.\n"
                + "Purchases do not include balance transfers, cash advances, wire transfers or"
                + " similar cash-like transactions, lottery tickets or casino chips.\n"
                + "Refunds from previously purchased fares not permitted.\n");
    assertThat(TestMail.flags(terms)).doesNotContain(RedFlag.PAYMENT_LURE);
    MailReport lure =
        mail(
            "You have won the lottery. Send the wire transfer fee today to receive your"
                + " prize.\n");
    assertThat(TestMail.flags(lure)).contains(RedFlag.PAYMENT_LURE);
  }

  @Test
  void aConfidentialityNoticeAndAListFooterAskNothing() {
    MailReport notice =
        mail(
            "See you at the meeting on Friday.\n"
                + "If you are not the intended recipient, please delete this email and inform the"
                + " sender as soon as possible.\n"
                + "To update your email address, change your name or to stop receiving emails from"
                + " us, please click here.\n");
    assertThat(TestMail.flags(notice)).doesNotContain(RedFlag.URGENCY, RedFlag.CREDENTIAL_REQUEST);
    MailReport asks = mail("Please reply as soon as possible with your new bank account.\n");
    assertThat(TestMail.flags(asks)).contains(RedFlag.URGENCY);
  }

  @Test
  void aFinePrintPhraseDoesNotHideALureAroundIt() {
    // the sentence ends at its stop: the lure in the next sentence keeps its words
    MailReport r =
        mail(
            "Restrictions may apply. Your account will be suspended within 24 hours unless you"
                + " verify it.\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.URGENCY);
  }

  @Test
  void anOfficeClosedAndUrgentCareAreNoUrgency() {
    MailReport r =
        mail(
            "Our offices will be closed in observance of the holidays. If you are experiencing"
                + " urgent or life threatening symptoms, call 911. Urgent care is open.\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.URGENCY);
    assertThat(TestMail.flags(mail("Your account will be closed tomorrow.\n")))
        .contains(RedFlag.URGENCY);
    assertThat(TestMail.flags(mail("This is urgent: call me now.\n"))).contains(RedFlag.URGENCY);
  }

  @Test
  void aGiftToACharityAndACardsPointsBonusAreNoFraudOffer() {
    MailReport gift =
        mail("With a donation of $50 or more, we'll send you a bee plush as a thank you.\n");
    assertThat(TestMail.flags(gift)).doesNotContain(RedFlag.FRAUD_OFFER);
    MailReport advanceFee =
        mail("I have decided to make a donation of $5,500,000 to you and your family.\n");
    assertThat(TestMail.flags(advanceFee)).contains(RedFlag.FRAUD_OFFER);
    MailReport card =
        mail(
            "Earn your 75,000 Avios welcome bonus. Benefits that go farther than the welcome"
                + " bonus.\n");
    assertThat(TestMail.flags(card)).doesNotContain(RedFlag.FRAUD_OFFER);
    MailReport casino = mail("Claim your casino welcome bonus and play tonight.\n");
    assertThat(TestMail.flags(casino)).contains(RedFlag.FRAUD_OFFER);
  }

  @Test
  void aRefundPolicyIsNoRefundLure() {
    assertThat(TestMail.flags(mail("Read our refund policy before you order.\n")))
        .doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(TestMail.flags(mail("Your refund is waiting: confirm it here.\n")))
        .contains(RedFlag.PAYMENT_LURE);
  }
}
