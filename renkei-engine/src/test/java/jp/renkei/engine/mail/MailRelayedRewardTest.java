package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A reward a list only relayed (lists42, issue 19): a free-mail post that offers a gift card behind
 * a link whose words hide where it leads is read as its author's mail — the list's headers and bulk
 * delivery are not its author's — while a member's post about a survey's gift cards with its
 * address written out, and the same subject in a reply that quotes, keep the list's relief.
 * Hand-written after the shape of the gift-card posts lists receive; every name is the test's own.
 */
class MailRelayedRewardTest {

  static final String GIFT_CARD =
      "<html><body><p>Here's</p><p>how you get to enter for the</p>"
          + "<p>Step:1 - Click this Link: <a href=\"http://giftcard-offer.example.org/amazon.html\">"
          + "Amazon</a></p><p>Step:2 - Choose measure for your gift card value as $25,$50 yet"
          + " $100;</p><p>Step:3 - proof you are human</p><p>Step:4 - Check your account</p>"
          + "</body></html>";

  @Test
  void aGiftCardPostFromFreeMailTheListRelayedIsReadAsItsAuthors() {
    MailReport r =
        MailRelayedPostsTest.post(
            "",
            "Get Free amazon gift card is here",
            "\"GiftCardoffer\" <gift.offer.example@gmail.com>",
            "text/html",
            GIFT_CARD);
    assertThat(TestMail.flags(r)).contains(RedFlag.REWARD_LURE, RedFlag.FREEMAIL_LURE);
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.flag()).isEqualTo(RedFlag.REWARD_LURE);
              assertThat(f.evidence()).contains("a post a mailing list only relayed");
            });
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMembersSurveyWithGiftCardsAndItsAddressWrittenOutStaysClean() {
    MailReport r =
        MailRelayedPostsTest.post(
            "",
            "[dev] Survey on radio toolchains: win a $25 gift card",
            "Rob K <rob.k.example@gmail.com>",
            "text/plain",
            "Hi all, our lab is surveying how people build their radio toolchains. It takes ten"
                + " minutes; ten respondents get a $25 gift card.\n\n"
                + "https://survey.univ-example.edu/radio-toolchains\n\nThanks, Rob");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REWARD_LURE, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameSubjectInAReplyThatQuotesKeepsTheListsRelief() {
    MailReport r =
        MailRelayedPostsTest.post(
            "In-Reply-To: <20220214.1@univ-example.edu>\r\n",
            "[dev] Re: Get Free amazon gift card is here",
            "Rob K <rob.k.example@gmail.com>",
            "text/html",
            "<html><body><p>Spam again; can the moderators block "
                + "<a href=\"http://giftcard-offer.example.org/amazon.html\">this</a>?</p>"
                + "<blockquote>Step:2 - Choose measure for your gift card value</blockquote>"
                + "</body></html>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.REWARD_LURE, RedFlag.PAYMENT_LURE);
  }
}
