package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reward lures (REWARD_LURE) and dating lures (FRAUD_OFFER) on hand-written messages in several
 * languages, and modern legitimate mail (a Japanese bank's notice, a password reset the reader
 * asked for, a newsletter's prize draw with tracking links, a Microsoft 365 invitation) that these
 * signs leave alone (issue 19, mail12).
 */
class MailRewardAndDatingLureTest {

  MailReport analyze(String headers, String contentType, String body) {
    return TestMail.analyzeBase64(headers, contentType, body);
  }

  static List<RedFlag> flags(MailReport r) {
    return TestMail.flags(r);
  }

  static String subject(String s) {
    return TestMail.encodedWord(s);
  }

  static String evidence(MailReport r, RedFlag f) {
    return r.findings().stream()
        .filter(x -> x.flag() == f)
        .map(MailReport.Finding::evidence)
        .findFirst()
        .orElse("");
  }

  @Test
  void aRewardInTheSubjectOfUnlistedMailLinkingElsewhereCountsWithAnotherSign() {
    MailReport r =
        analyze(
            "From: Customer Rewards <rewards@promo-center-mail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: At 10:42 you received a reward! Confirm before it expires\r\n",
            "text/html",
            "<p>Dear customer, a loyalty reward is waiting for you. Answer three questions and"
                + " choose your item; only the shipping is charged.</p>"
                + "<p><a href=\"https://claim-box-24.shop/r?c=91\">Claim it here</a></p>"
                + "<p><a href=\"https://leave-list.net/u?c=91\">Unsubscribe</a></p>");
    assertThat(flags(r)).contains(RedFlag.REWARD_LURE, RedFlag.UNLISTED_BULK);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    assertThat(evidence(r, RedFlag.REWARD_LURE))
        .contains("\"you received a reward\"")
        .contains("neither a List-Unsubscribe nor a List-Id header")
        .contains("its links go to claim-box-24.shop")
        .contains("not to the sender's domain promo-center-mail.com")
        .doesNotContain("≠", "—");
    // alone it is weak: the same subject with nothing else wrong is no verdict
    MailReport alone =
        analyze(
            "From: Customer Rewards <rewards@promo-center-mail.com>\r\nTo: a@example.jp\r\n"
                + "Subject: You received a reward\r\n",
            "text/plain",
            "See https://promo-center-mail.com/account for the details.");
    assertThat(flags(alone)).contains(RedFlag.REWARD_LURE);
    assertThat(evidence(alone, RedFlag.REWARD_LURE)).doesNotContain("≠");
    assertThat(alone.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void rewardSubjectsAreReadInJapaneseAndTheEuropeanLanguagesOfTheLures() {
    for (String s :
        List.of(
            "【当選のお知らせ】Amazonギフトカード5,000円分",
            "アンケートに答えてギフト券をプレゼント",
            "Win een Bol.com cadeaukaart van €250!",
            "Ganhe um cartão-presente de R$ 500",
            "Gewinnen Sie einen Gutschein über 100 €",
            "Gagnez une carte cadeau Carrefour",
            "Tu tarjeta regalo te espera",
            "Claim your prize now",
            "$300 gift card – yours to keep")) {
      MailReport r =
          analyze(
              "From: Info <info@campaign-mailer.example.com>\r\nTo: a@example.jp\r\n"
                  + "Subject: "
                  + subject(s)
                  + "\r\n",
              "text/plain",
              "Hier / here / こちら: https://reward-page.example.net/p?id=5");
      assertThat(flags(r)).as(s).contains(RedFlag.REWARD_LURE);
    }
  }

  @Test
  void aRewardSubjectIsNoSignInListMailWithoutLinksOrWhenSomeoneElseWon() {
    // a shop's newsletter with List-Unsubscribe (what bulk senders must add) and tracked links
    MailReport newsletter =
        analyze(
            "From: Garden Shop <news@garden-shop.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Tell us what you think and win a $50 gift card\r\n"
                + "List-Unsubscribe: <https://garden-shop.example.com/u?id=7>,"
                + " <mailto:unsub@garden-shop.example.com>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
            "text/html",
            "<p>Our yearly customer survey takes five minutes. Ten answers are drawn for a gift"
                + " card.</p><p><a href=\"https://click.garden-shop.example.com/t/abc\">Take the"
                + " survey</a> · <a href=\"https://u123.ct.sendgrid.net/ls/click?x=1\">Spring"
                + " catalogue</a></p><p><a href=\"https://garden-shop.example.com/u?id=7\">"
                + "Unsubscribe</a></p>");
    assertThat(flags(newsletter)).doesNotContain(RedFlag.REWARD_LURE);
    assertThat(newsletter.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    // no link: nowhere to claim it
    MailReport noLink =
        analyze(
            "From: Sato <sato@example-corp.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("忘年会のビンゴでギフト券をプレゼントします")
                + "\r\n",
            "text/plain",
            "皆様\n\n忘年会のビンゴ大会の景品を用意しました。当日お楽しみに。\n\n佐藤");
    assertThat(flags(noLink)).doesNotContain(RedFlag.REWARD_LURE);
    // news: a prize someone else won
    MailReport news =
        analyze(
            "From: Science Digest <editor@science-digest.example.org>\r\nTo: a@example.jp\r\n"
                + "Subject: Geneticists and a tiny worm win Nobel prize\r\n",
            "text/plain",
            "Read the story: https://www.science-news.example.net/2026/nobel");
    assertThat(flags(news)).doesNotContain(RedFlag.REWARD_LURE);
  }

  @Test
  void datingAndSexLuresAreFraudOffersInSeveralLanguages() {
    for (String[] m :
        List.of(
            new String[] {"I am 24 years old, looking for a lover.", "Write me back, dear."},
            new String[] {"Would you like to get to know her?", "She is online now."},
            new String[] {"Ontmoet haar vanavond", "Klik en chat direct."},
            new String[] {"Treffen Sie Frauen in Ihrer Nähe", "Jetzt kostenlos anmelden."},
            new String[] {"Mulheres solteiras perto de você", "Cadastre-se hoje."},
            new String[] {"Femmes célibataires près de chez vous", "Inscription gratuite."},
            new String[] {"女性会員からメッセージが届いています", "今すぐ確認してください。"},
            new String[] {"Hello", "4 local women are waiting for you in your area."})) {
      MailReport r =
          analyze(
              "From: Anna <anna@meet-tonight.example.net>\r\nTo: a@example.jp\r\n"
                  + "Subject: "
                  + subject(m[0])
                  + "\r\n",
              "text/plain",
              m[1] + "\nhttps://meet-tonight.example.net/p/anna");
      assertThat(flags(r)).as(m[0]).contains(RedFlag.FRAUD_OFFER);
      assertThat(r.verdict()).as(m[0]).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void writingAboutDatingOrWarningOfItIsNoDatingLure() {
    MailReport warning =
        analyze(
            "From: 県警本部 <info@police.example.lg.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("出会い系サイトやマッチングアプリを使った詐欺に注意してください")
                + "\r\n",
            "text/plain",
            "出会い系サイトで知り合った相手から投資を勧められる被害が増えています。" + "相手に会ったことがないまま送金しないでください。");
    assertThat(flags(warning)).doesNotContain(RedFlag.FRAUD_OFFER);
    MailReport article =
        analyze(
            "From: Security Weekly <editor@security-weekly.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Romance scams: how online dating profiles are faked\r\n",
            "text/plain",
            "Fraudsters copy photos into dating profiles and write to people they meet online."
                + " Our guide explains the signs.");
    assertThat(flags(article)).doesNotContain(RedFlag.FRAUD_OFFER);
  }

  /** Modern legitimate mail: HTML, DKIM, Authentication-Results, emoji, UTF-8 are no signs. */
  @Test
  void modernLegitimateMailStaysClean() {
    String auth =
        "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=%1$s;"
            + " dkim=pass header.d=%1$s; dmarc=pass header.from=%1$s\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=%1$s; s=s1; h=from:to:subject; bh=x; b=y\r\n";
    // a Japanese bank's notice of a transfer the customer made
    MailReport bank =
        analyze(
            String.format(auth, "sakura-bank.example.co.jp")
                + "From: "
                + subject("さくら銀行")
                + " <info@sakura-bank.example.co.jp>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + subject("【さくら銀行】お振込受付のお知らせ")
                + "\r\n",
            "text/html",
            "<p>いつもさくら銀行をご利用いただきありがとうございます。</p>"
                + "<p>以下のお振込を受け付けました。<br>受付日時: 2026年12月1日 10:15<br>"
                + "お振込金額: 12,000円</p><p>お取引の詳細はアプリまたは"
                + "<a href=\"https://www.sakura-bank.example.co.jp/login\">インターネットバンキング</a>"
                + "でご確認ください。</p><p>※本メールは送信専用です。</p>");
    // a password reset the user asked for, from a SaaS that authenticates as itself
    MailReport reset =
        analyze(
            String.format(auth, "taskboard.example.com")
                + "From: Taskboard <no-reply@taskboard.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: Reset your Taskboard password 🔑\r\n",
            "text/html",
            "<p>Hi Aiko,</p><p>Someone (hopefully you) asked to reset the password of your"
                + " Taskboard account.</p><p><a"
                + " href=\"https://app.taskboard.example.com/reset?t=Zx81kQ\">Choose a new"
                + " password</a></p><p>If you did not ask for this, ignore this mail; your"
                + " password stays as it is.</p>");
    // a newsletter with tracking links and a prize draw, sent the way bulk senders must
    MailReport newsletter =
        analyze(
            String.format(auth, "travel-news.example.com")
                + "From: Travel News <news@travel-news.example.com>\r\nTo: a@example.jp\r\n"
                + "Subject: ✈️ Winter deals — and win a ¥10,000 gift card\r\n"
                + "List-Unsubscribe: <https://travel-news.example.com/u/Qx1>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
                + "List-Id: <weekly.travel-news.example.com>\r\n",
            "text/html",
            "<p>Hokkaido from ¥29,800. <a href=\"https://click.travel-news.example.com/t/1\">See"
                + " the deals</a></p><p>Answer our survey and win a gift card: <a"
                + " href=\"https://ablink.travel-news.example.com/ls/click?upn=2\">survey</a></p>"
                + "<p><a href=\"https://travel-news.example.com/u/Qx1\">Unsubscribe</a></p>");
    // a Microsoft 365 invitation from a colleague, Teams link on microsoft.com
    MailReport invite =
        analyze(
            String.format(auth, "example-corp.co.jp")
                + "X-MS-Exchange-Organization-AuthAs: Internal\r\n"
                + "X-MS-Has-Attach: \r\nX-MS-TNEF-Correlator: \r\n"
                + "From: "
                + subject("田中 一郎")
                + " <tanaka@example-corp.co.jp>\r\nTo: a@example-corp.co.jp\r\n"
                + "Subject: "
                + subject("四半期レビュー 📊")
                + "\r\n",
            "text/html",
            "<p>四半期レビューを行います。ご都合が悪い場合はお知らせください。</p>"
                + "<p>Microsoft Teams ミーティング<br><a"
                + " href=\"https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc\">"
                + "会議に参加するにはここをクリックしてください</a></p>");
    for (MailReport r : List.of(bank, reset, newsletter, invite)) {
      assertThat(flags(r))
          .as(r.subject())
          .doesNotContain(RedFlag.REWARD_LURE, RedFlag.FRAUD_OFFER, RedFlag.CALLBACK_LURE);
      assertThat(r.verdict())
          .as(r.subject() + " " + r.findings())
          .isEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  /** The reward phrases are tried only where one can start, and find what a full scan finds. */
  @Test
  void rewardPhrasesTriedAtTheirStartsFindWhatAFullScanFinds() {
    assertThat(MailRegexStarts.starts(MailFraudWords.REWARDS.pattern())).isNotNull();
    for (String s :
        List.of(
            "at 10:42 you received an reward! claim now",
            "win een albert heijn-cadeaukaart van €250",
            "ganhe um cartão-presente · você ganhou",
            "cashback from 75% - activated | amazon prime",
            "【当選のお知らせ】ギフト券をプレゼント",
            "quarterly review",
            "you have received your order")) {
      assertThat(MailSigns.found(MailFraudWords.REWARDS, s))
          .as(s)
          .isEqualTo(MailSigns.foundScanningAll(MailFraudWords.REWARDS, s));
    }
    assertThat(MailSigns.found(MailFraudWords.REWARDS, "you have received your order")).isEmpty();
  }

  /** What a C4TAP share carries: the new findings reach the redacted bundle's note. */
  @Test
  void rewardAndDatingLuresReachTheSharedBundleWithoutTheOrganisation() {
    MailReport r =
        analyze(
            "From: Rewards <rewards@promo-center-mail.com>\r\nTo: soumu@sakura-bank.co.jp\r\n"
                + "Subject: You received a reward - local women are waiting for you\r\n",
            "text/plain",
            "Claim it: https://claim-box-24.shop/r?to=soumu@sakura-bank.co.jp\n"
                + "Intranet copy: https://portal.sakura-bank.co.jp/x\nTo unsubscribe reply STOP.");
    assertThat(flags(r)).contains(RedFlag.REWARD_LURE, RedFlag.FRAUD_OFFER);
    assertThat(evidence(r, RedFlag.REWARD_LURE)).contains("sakura-bank.co.jp");
    MailStixTest.explainsWithoutTheBank(r, List.of(RedFlag.REWARD_LURE, RedFlag.FRAUD_OFFER));
  }
}
