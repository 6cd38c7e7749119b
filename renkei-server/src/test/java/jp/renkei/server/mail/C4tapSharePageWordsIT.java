package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * ux37's review: the uploader's report says a look-alike's "≈" and an impersonation's "≠" in words
 * (EvidenceWords), but the C4TAP share's page, which the other participants read, showed the bare
 * evidence. The share's page now says the same sentences, in its reader's language.
 */
class C4tapSharePageWordsIT extends ServerTest {

  private static String finding(String page, String flag) {
    int at = page.indexOf("data-flag=\"" + flag + "\"");
    assertThat(at).as(flag + " on the share's page").isPositive();
    return page.substring(at, page.indexOf("</li>", at));
  }

  @Test
  void theSharesPageSaysTheEvidenceInWordsAsTheReportDoes() {
    UserAccount sender = fixtures.user(fixtures.operator("finance"), Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft =
        bank.postBytes(
            "/api/v1/c4tap?range=amber", "message/rfc822", MailPageTextsIT.lookalikeLure());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = C4tapIT.id(draft.body());
    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").body())
        .contains("\"status\":\"shared\"");

    UserAccount reader = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    for (String language : new String[] {"ja", "en"}) {
      Http h = new Http(port);
      assertThat(h.signIn(reader.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
      if (language.equals("en")) {
        h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
      }
      var share = h.get("/c4tap/" + id);
      assertThat(share.statusCode()).isEqualTo(200);
      String page = share.body();
      String lookalike = finding(page, "LOOKALIKE_DOMAIN");
      String claimed = finding(page, "BRAND_IMPERSONATION");
      // the evidence is still shown as it came
      assertThat(lookalike).contains("https://www.eki-net.jp.qzxvb.cn/login ≈ eki-net.jp");
      assertThat(claimed).contains(" ≠ qzxvb.cn");
      if (language.equals("ja")) {
        assertThat(lookalike)
            .contains(
                "class=\"evidence-said\">→ リンク先のドメイン www.eki-net.jp.qzxvb.cn は本物のドメイン"
                    + " eki-net.jp (えきねっと) で始まっていますが、実際には別のドメイン qzxvb.cn のものです");
        assertThat(claimed)
            .contains("class=\"evidence-said\">→ このメールは「えきねっと」を名乗っていますが、送信元のドメイン qzxvb.cn は");
      } else {
        assertThat(lookalike)
            .contains(
                "class=\"evidence-said\">→ The link&#39;s host www.eki-net.jp.qzxvb.cn starts with the"
                    + " real domain eki-net.jp (えきねっと), but belongs to another domain, qzxvb.cn");
        assertThat(claimed)
            .contains(
                "class=\"evidence-said\">→ The mail presents itself as えきねっと, but the domain it"
                    + " was sent from, qzxvb.cn");
      }
    }
  }
}
