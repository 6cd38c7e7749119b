package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Japanese web form's automatic reply whose echo holds a link to a host that names no one's site
 * (lists43, widening ja42's shortened links): the contact-form campaigns move from shorteners to
 * app-link services (page.link, clck.ru), anonymous pages (telegra.ph) and hosting anyone can use
 * as each gets blocked, with words no list holds. A customer's own company page, typed into the
 * same form, stays clean.
 */
class MailFormHiddenSiteLinksTest {

  private static MailReport formReply(String message) {
    return JapaneseMail.utf8()
        .from("株式会社はやし工務店", "info@hayashi-koumuten.jp")
        .header("X-Mailer: PHPMailer 6.5.0 (https://github.com/PHPMailer/PHPMailer)")
        .subject("【はやし工務店】お問い合わせを受け付けました")
        .text(
            "お問い合わせいただきありがとうございます。\n以下の内容で受け付けました。"
                + "担当者より3営業日以内にご連絡いたします。\n\n"
                + "お名前：山田 太郎\nメールアドレス：yamada@example-sekkei.co.jp\nご相談内容："
                + message
                + "\n\n-- \nこのメールは はやし工務店 (https://hayashi-koumuten.jp) の"
                + "お問い合わせフォームから自動送信されています\n")
        .analyze();
  }

  private static List<MailReport.Finding> relayed(MailReport r) {
    return r.findingsByFlag().getOrDefault(RedFlag.RELAYED_LURE, List.of());
  }

  @Test
  void aLinkToAHostThatNamesNoOnesSiteTypedIntoTheFormIsARelayedLure() {
    for (String link :
        List.of(
            "https://sweetmeet77.page.link/a9Xc",
            "https://clck.ru/3Bq7Zx",
            "https://telegra.ph/Your-bonus-11-20",
            "https://anna-photos-4411.web.app/",
            "http://203.0.113.45/p/ann")) {
      MailReport r = formReply("Hi, I saw your photos yesterday, look at mine here " + link);
      assertThat(relayed(r))
          .as(link + r.findings())
          .singleElement()
          .satisfies(f -> assertThat(f.evidence()).contains("names no one's site"));
      assertThat(r.verdict()).as(link).isNotEqualTo(MailReport.Verdict.CLEAN);
    }
  }

  @Test
  void aCustomersOwnCompanyPageTypedIntoTheSameFormIsNoLure() {
    MailReport r =
        formReply("新築の見積もりをお願いします。弊社の設計事例です https://www.example-sekkei.co.jp/works/2024/");
    assertThat(relayed(r)).as(r.findings().toString()).isEmpty();
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }
}
