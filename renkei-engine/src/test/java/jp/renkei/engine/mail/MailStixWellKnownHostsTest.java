package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A lure shows a real host as a link's text and sends the click elsewhere; its plain-text
 * alternative writes the shown URL out. The shown host (portal.office.com) became a url, a
 * domain-name and, on a suspicious verdict, a malicious indicator — in the analyst's own STIX and
 * in the C4TAP share — and so did a forged From at the brand's domain and the brand's real links in
 * the copied footer: every receiver would have blocked Microsoft (attackshare33, lead 2). Only the
 * real target of a link becomes an indicator, never a known brand's own host or address.
 */
class MailStixWellKnownHostsTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static final String LURE =
      "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx1.sakura-bank.co.jp;"
          + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
          + "Authentication-Results: mx1.sakura-bank.co.jp; spf=fail smtp.mailfrom=microsoft.com;"
          + " dmarc=fail header.from=microsoft.com\r\n"
          + "From: \"Microsoft 365\" <no-reply@microsoft.com>\r\n"
          + "To: csirt@sakura-bank.co.jp\r\n"
          + "Subject: パスワードの有効期限 / Your password expires today\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: multipart/alternative; boundary=b1\r\n\r\n"
          + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
          + "パスワードの有効期限が本日切れます。https://portal.office.com でサインインしてください。\r\n"
          + "Privacy https://privacy.microsoft.com/ja-jp/privacystatement\r\n"
          + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>パスワードの有効期限が本日切れます。至急サインインしてください。</p>"
          + "<p><a href=\"https://m365-renew.example/owa/signin\">https://portal.office.com</a></p>"
          + "<p><a href=\"https://privacy.microsoft.com/ja-jp/privacystatement\">Privacy</a></p>"
          + "\r\n--b1--\r\n";

  private static MailReport analysed(String message) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> values(JsonNode bundle, String type) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : bundle.path("objects")) {
      if (type.equals(o.path("type").asString(""))) {
        out.add(o.path(type.equals("indicator") ? "pattern" : "value").asString(""));
      }
    }
    return out;
  }

  @Test
  void theShownHostIsNoObjectAndNoIndicatorOnlyTheRealTargetIs() {
    MailReport r = analysed(LURE);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    for (JsonNode bundle :
        List.<JsonNode>of(
            MailStix.bundle(r, Tlp.AMBER, Instant.now(), true),
            MailStix.bundle(
                MailRedaction.apply(r, BANK).shared(), Tlp.AMBER, Instant.now(), false))) {
      assertThat(values(bundle, "url")).noneMatch(u -> u.contains("portal.office.com"));
      assertThat(values(bundle, "domain-name")).doesNotContain("portal.office.com");
      assertThat(values(bundle, "indicator"))
          .contains("[domain-name:value = 'm365-renew.example']")
          .noneMatch(p -> p.contains("office.com"))
          .noneMatch(p -> p.contains("microsoft.com"));
      // the claim is still told, as the evidence of the mismatch
      assertThat(bundle.toString()).contains("https://portal.office.com → ");
      // share38: the brand's real page is no object a partner could block; the note names its
      // host and the brand is an identity; the forged sender stays as what the message held
      assertThat(values(bundle, "url")).noneMatch(u -> u.contains("microsoft.com"));
      assertThat(values(bundle, "domain-name")).noneMatch(d -> d.contains("microsoft.com"));
      assertThat(values(bundle, "url")).contains("https://m365-renew.example/owa/signin");
      assertThat(bundle.toString())
          .contains("\"name\":\"Microsoft\"")
          .contains("privacy.microsoft.com");
      assertThat(values(bundle, "email-addr")).contains("no-reply@microsoft.com");
    }
  }

  @Test
  void aFreeMailSenderIsTheAttackersOwnAndKeepsItsIndicator() {
    MailReport r =
        analysed(
            LURE.replace("no-reply@microsoft.com", "ms365.helpdesk.jp@gmail.com")
                .replace("=microsoft.com", "=gmail.com"));
    assertThat(values(MailStix.bundle(r, Tlp.AMBER, Instant.now(), false), "indicator"))
        .contains("[email-addr:value = 'ms365.helpdesk.jp@gmail.com']");
  }

  @Test
  void brandHostsAreKnownByTheAnalysersBrandList() {
    assertThat(MailStix.wellKnown("portal.office.com")).isTrue();
    assertThat(MailStix.wellKnown("login.microsoftonline.com")).isTrue();
    assertThat(MailStix.wellKnown("sites.google.com")).isTrue();
    assertThat(MailStix.wellKnown("microsoft-login.example")).isFalse();
    assertThat(MailStix.wellKnown("office365.top")).isFalse();
    assertThat(MailStix.wellKnownSender("no-reply@microsoft.com")).isTrue();
    assertThat(MailStix.wellKnownSender("someone@outlook.com")).isFalse();
  }

  /**
   * A lure forging a From at a domain that is no known brand (a regional bank's own address) and
   * failing its DMARC: the address is the bank's, so it is no indicator (ux35: receivers would have
   * blocked the bank's real mail); the same lure from the attacker's own domain keeps it.
   */
  @Test
  void aFromForgedAgainstItsDomainsDmarcIsNoIndicator() {
    String forged =
        LURE.replace("microsoft.com", "kaede-shinkin.example.jp")
            .replace("\"Microsoft 365\"", "\"かえで信用金庫\"");
    String own = forged.replace(" dmarc=fail header.from=kaede-shinkin.example.jp", "");
    for (String[] c : new String[][] {{forged, "no"}, {own, "yes"}}) {
      MailReport r = analysed(c[0]);
      assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
      for (JsonNode bundle :
          List.<JsonNode>of(
              MailStix.bundle(r, Tlp.AMBER, Instant.now(), true),
              MailStix.bundle(
                  MailRedaction.apply(r, BANK).shared(), Tlp.AMBER, Instant.now(), false))) {
        assertThat(values(bundle, "email-addr")).contains("no-reply@kaede-shinkin.example.jp");
        if (c[1].equals("no")) {
          assertThat(values(bundle, "indicator")).noneMatch(p -> p.contains("email-addr"));
        } else {
          assertThat(values(bundle, "indicator"))
              .contains("[email-addr:value = 'no-reply@kaede-shinkin.example.jp']");
        }
        assertThat(values(bundle, "indicator"))
            .contains("[domain-name:value = 'm365-renew.example']");
      }
    }
  }
}
