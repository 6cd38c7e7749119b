package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ui25's review: an analyst with the verdict in front of them had to upload the message again, with
 * the share box ticked, to share it. The page now holds the upload for its analyst for a short
 * while and prepares the share from it: the same redaction and draft as the upload path, and nobody
 * else can use the key.
 */
class MailShareHeldIT extends ServerTest {

  @Autowired Fixtures fixtures;

  private static final Pattern HELD = Pattern.compile("/mail/held/([A-Za-z0-9_-]+)/share");

  private Http signedIn(UserAccount u, String language) {
    Http h = new Http(port);
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    if (language.equals("en")) {
      h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    }
    return h;
  }

  @Test
  void theVerdictsPageSharesWithoutASecondUploadAndOnlyForItsAnalyst() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    Http browser = signedIn(analyst, "ja");
    String page = browser.upload("/mail", "/mail", "message", "c4tap.eml", C4tapIT.mail()).body();
    // the form is there whatever the verdict (this message's is CLEAN: no "next step" points at it)
    assertThat(page).contains("id=\"share-held\"").doesNotContain("送信前の確認");
    Matcher held = HELD.matcher(page);
    assertThat(held.find()).as(page).isTrue();
    String action = held.group();

    // another person, of the same organisation or not, cannot use the key: 404, nothing drafted
    for (UserAccount other :
        new UserAccount[] {
          fixtures.user("op-sakura-bank", Role.ANALYST),
          fixtures.user(fixtures.operator("finance"), Role.ANALYST)
        }) {
      Http someone = signedIn(other, "ja");
      // other classes of the run share this message too: what the list shows must not change
      String before = someone.get("/c4tap").body();
      var refused = someone.postForm("/mail", action, Map.of("range", "GREEN"));
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("送信前の確認", "pension-info", "調査票");
      assertThat(someone.get("/c4tap").body().split("調査票", -1))
          .hasSameSizeAs(before.split("調査票", -1));
    }
    // a key that never was reads the same
    var unknown = browser.postForm("/mail", "/mail/held/AAAAAAAAAAAAAAAAAAAAAAAA/share", Map.of());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("もう保持されていません");

    // the analyst prepares the share from the page: the same preview as the upload path
    var preview = browser.postForm("/mail", action, Map.of("range", "GREEN"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("送信前の確認", "組織内の中継アドレス</span>: <span class=\"wrap\">192.0.2.44", "C4TAPに送信する")
        .contains("c4tap.eml");
    Matcher send = Pattern.compile("/mail/c4tap/(\\d+)/send").matcher(preview.body());
    assertThat(send.find()).isTrue();
    assertThat(browser.postForm("/mail", send.group(), Map.of()).statusCode()).isEqualTo(302);
    String shared = browser.get("/c4tap/" + send.group(1)).body();
    assertThat(shared).contains("C4TAP Green").doesNotContain("soumu@sakura-bank.example");
  }

  @Test
  void theEnglishPageSaysHowLongTheMessageIsHeld() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    String page =
        signedIn(analyst, "en")
            .upload("/mail", "/mail", "message", "c4tap.eml", C4tapIT.mail())
            .body();
    assertThat(page)
        .contains(
            "Prepare the redacted share",
            jp.renkei.server.config.MailHeldProperties.DEFAULT.keep().toMinutes() + " minutes")
        .contains("never written to disk");
  }

  @Test
  void linksCarriedByTheTextAndTheHtmlPartAreListedOnce() {
    String eml =
        "From: Service <notice@account-guard.example>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Confirm at https://account-guard.example/confirm today.\r\n"
            + "--B\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Confirm <a href=\"https://account-guard.example/confirm\">here</a> today.</p>\r\n"
            + "--B--\r\n";
    UserAccount analyst = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    String page =
        signedIn(analyst, "en")
            .upload("/mail", "/mail", "message", "two.eml", eml.getBytes(StandardCharsets.UTF_8))
            .body();
    String shown = page.substring(0, page.indexOf("id=\"stix\""));
    assertThat(shown.split(Pattern.quote(">https://account-guard.example/confirm</code>"), -1))
        .hasSize(2);
    assertThat(shown).contains("(here)");
  }

  @Test
  void aMalformedFromIsShownAsWritten() {
    String eml =
        "From: \"PayPal\" service@paypal.com>\r\nTo: a@example.jp\r\nSubject: Account\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease confirm your account.\r\n";
    UserAccount analyst = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    for (String language : new String[] {"ja", "en"}) {
      String page =
          signedIn(analyst, language)
              .upload("/mail", "/mail", "message", "f.eml", eml.getBytes(StandardCharsets.UTF_8))
              .body();
      String from = page.substring(page.indexOf("id=\"from\""));
      from = from.substring(0, from.indexOf("</td>"));
      assertThat(from)
          .contains("&quot;PayPal&quot; service@paypal.com&gt;")
          .doesNotContain("paypal service@paypal.com");
      assertThat(from).contains(language.equals("ja") ? "書かれたとおり" : "as the message wrote it");
    }
  }

  @Test
  void aRoleWordInTheSendersNameIsNotTakenForTheReceiver() {
    // a person recorded with a role word in their name ("連携 管理者", as the demo's admin is)
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    fixtures.user("op-sakura-bank", Role.ORG_ADMIN, "さくら 管理者");
    String eml =
        "From: =?UTF-8?B?TWljcm9zb2Z0IDM2NSDnrqHnkIbogIU=?= <no-reply@m365-notice.example>\r\n"
            + "To: soumu@sakura-bank.example\r\nSubject: Mailbox quota\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Your mailbox is full. Sign in at https://m365-notice.example/login now.\r\n";
    String preview =
        signedIn(analyst, "ja")
            .uploadWith(
                "/mail",
                "/mail",
                "message",
                "m365.eml",
                eml.getBytes(StandardCharsets.UTF_8),
                Map.of("share", "yes", "range", "AMBER"))
            .body();
    String removed = preview.substring(preview.indexOf("id=\"removed\""));
    removed = removed.substring(0, removed.indexOf("</ul>"));
    assertThat(removed).contains("soumu@sakura-bank.example").doesNotContain("管理者");
  }

  /**
   * ux30's review: a lure delivered by a mailing list that rewrote From to its own address listed
   * that address as a recipient and as 「自組織のアドレスを騙る差出人」. The preview now says it is the list's
   * address (taken out all the same), in both languages.
   */
  @Test
  void theListsOwnAddressIsNamedAsTheListInThePreview() {
    UserAccount analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    String eml =
        "From: \"Amazon.co.jp via Members\" <members@lists.tokyo-users.example>\r\n"
            + "Reply-To: \"Amazon.co.jp\" <amazon-notice@lure-mail.example>\r\n"
            + "To: Members <members@lists.tokyo-users.example>\r\nSender: \"Members\" <members-bounces@lists.tokyo-users.example>\r\n"
            + "List-Id: Development <members.lists.tokyo-users.example>\r\n"
            + "List-Post: <mailto:members@lists.tokyo-users.example>\r\n"
            + "X-BeenThere: members@lists.tokyo-users.example\r\nSubject: Account suspended\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is suspended.</p>"
            + "<a href=\"https://amazon-verify.lure-mail.example/signin\">Sign in</a>";
    for (String language : new String[] {"ja", "en"}) {
      String preview =
          signedIn(analyst, language)
              .uploadWith(
                  "/mail",
                  "/mail",
                  "message",
                  "list.eml",
                  eml.getBytes(StandardCharsets.UTF_8),
                  Map.of("share", "yes", "range", "AMBER"))
              .body();
      String removed = preview.substring(preview.indexOf("id=\"removed\""));
      removed = removed.substring(0, removed.indexOf("</ul>"));
      if (language.equals("ja")) {
        assertThat(removed)
            .contains("配信に使われたメーリングリストのアドレス", "メーリングリストが書き換えた差出人")
            .doesNotContain("自組織のアドレスを騙る差出人", "<span>受信者</span>");
      } else {
        assertThat(removed)
            .contains("Address of the mailing list that delivered it", "Sender rewritten by the")
            .doesNotContain("forging", "<span>Recipient</span>");
      }
      assertThat(removed).contains("members@lists.tokyo-users.example");
    }
  }
}
