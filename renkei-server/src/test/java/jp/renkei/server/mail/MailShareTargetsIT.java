package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * share38, as an analyst reads it: a lure whose link goes through Amazon SES's tracker shows where
 * the link leads (the wrapper named, the link as written folded away); its C4TAP share carries the
 * kit's address, not the brand's real pages or the tracker, names the brand as whom the mail
 * claims, and says which hosts it left out; the .msg lure's "login link elsewhere" is said with the
 * address the link really leads to, not the brand's address it shows. Both languages.
 */
class MailShareTargetsIT extends ServerTest {

  static byte[] trackedLure() {
    return ("From: \"PayPal\" <service@paypa1-notice.example>\r\nTo: soumu@example.jp\r\n"
            + "Subject: Your account has been limited\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We noticed unusual activity. Your PayPal account has been limited. Verify your"
            + " account within 24 hours or it will be suspended.</p>"
            + "<p><a href=\"https://n2k0prlj.r.us-east-1.awstrack.me/L0/https:%2F%2Fpaypal-resolve"
            + ".kit.example%2Fsignin/1/0100018b-ec71f343/qZZG=345\">Log in to PayPal</a></p>"
            + "<p><img src=\"https://www.paypalobjects.com/logo.png\"> <a"
            + " href=\"https://www.paypal.com/us/webapps/mpp/ua/privacy-full\">Privacy</a></p>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Http signedIn(UserAccount u, String language) {
    Http h = new Http(port);
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    if (language.equals("en")) {
      h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    }
    return h;
  }

  @Test
  void theReportShowsWhereAWrappedLinkLeadsAndTheShareNamesNoBrandDomain() {
    UserAccount sender = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    for (String language : new String[] {"ja", "en"}) {
      Http h = signedIn(sender, language);
      var page = h.upload("/mail", "/mail", "message", "lure.eml", trackedLure());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      String body = page.body();
      assertThat(body)
          .contains("class=\"wrap link-target\">https://paypal-resolve.kit.example/signin</code>")
          .contains("<details class=\"link-as-written\">");
      assertThat(body)
          .contains(language.equals("ja") ? "リンクの行き先</span>: <code" : "Link leads to</span>: <code")
          .contains(
              language.equals("ja") ? ">[awstrack.me 経由]</span>" : ">[via awstrack.me]</span>")
          .contains(
              language.equals("ja")
                  ? "title=\"awstrack.me がリンクを包み、行き先をリンクの中に書いています。"
                  : "title=\"awstrack.me wraps the link and writes where it leads inside it");
    }

    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", trackedLure());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = C4tapIT.id(draft.body());
    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").body())
        .contains("\"status\":\"shared\"");
    UserAccount reader = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    for (String language : new String[] {"ja", "en"}) {
      String share = signedIn(reader, language).get("/c4tap/" + id).body();
      int table = share.indexOf("id=\"shared-objects\"");
      String objects = share.substring(table, share.indexOf("</table>", table));
      assertThat(objects)
          .contains("<code>https://paypal-resolve.kit.example/signin</code>")
          .contains("<code>PayPal</code>")
          .doesNotContain("<code>https://www.paypal.com")
          .doesNotContain("<code>www.paypal.com</code>")
          .doesNotContain("awstrack.me/L0");
      assertThat(objects)
          .contains(
              language.equals("ja")
                  ? "awstrack.me が包んだリンクから読み取った行き先"
                  : "Where a link wrapped by awstrack.me leads")
          .contains(
              language.equals("ja")
                  ? "メールが名乗る・リンクするブランド (なりすましの対象。指標ではありません)"
                  : "A brand the mail claims or links to (the impersonated party, not an indicator)");
      assertThat(share).contains("id=\"shared-left-out\"").contains("www.paypal.com");
    }
  }

  @Test
  void theOutlookLuresLoginLinkIsSaidWithWhereItReallyLeads() throws Exception {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    byte[] msg;
    try (var in = MailShareTargetsIT.class.getResourceAsStream("outlook-lure.msg")) {
      msg = in.readAllBytes();
    }
    for (String language : new String[] {"ja", "en"}) {
      String page =
          signedIn(u, language).upload("/mail", "/mail", "message", "card.msg", msg).body();
      int at = page.indexOf("data-flag=\"LOGIN_LINK_ELSEWHERE\"");
      assertThat(at).isPositive();
      String sign = page.substring(at, page.indexOf("</li>", at));
      assertThat(sign)
          .contains(
              language.equals("ja")
                  ? "class=\"evidence-said\">→ https://www.smbc-card.com/mem/index.jsp は、別のリンクの表示文字としてメールに書かれたアドレスにすぎません。そのリンクの実際の行き先は http://smbc-card.verify-login.example.net/login で"
                  : "class=\"evidence-said\">→ https://www.smbc-card.com/mem/index.jsp is only the address the mail shows as the text of a link; that link really leads to http://smbc-card.verify-login.example.net/login")
          .doesNotContain(
              language.equals("ja")
                  ? "行き先 www.smbc-card.com は"
                  : "leads to www.smbc-card.com, a domain unrelated");
    }
  }
}
