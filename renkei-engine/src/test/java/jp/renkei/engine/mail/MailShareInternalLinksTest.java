package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * A shared copy left out the private addresses of the relays ("they map someone's network") but
 * kept the links to them: a lure whose form sits on a hijacked internal server
 * (http://10.20.30.40/owa/), the forwarder's signature pointing at the intranet
 * (http://portal.sakura.local/), a host without a domain (http://fileserver01/share). Each went to
 * every reader as a url, a domain-name and, for a suspicious message, an indicator: the receiving
 * organisation's internal addresses and host names, and an indicator that would match every
 * reader's own intranet (attack32). The attacker's public links stay.
 */
class MailShareInternalLinksTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  static final String LURE =
      "Received: from mail.attacker.example (unknown [203.0.113.45]) by mx1.sakura-bank.co.jp;"
          + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
          + "From: \"IT Helpdesk\" <helpdesk@account-guard.example>\r\n"
          + "To: csirt@sakura-bank.co.jp\r\nSubject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>パスワードの有効期限が切れます。至急ログインしてください。</p>"
          + "<p><a href=\"http://10.20.30.40/owa/auth/logon.aspx\">Outlook Web Access</a></p>"
          + "<p><a href=\"https://account-guard.example/verify\">こちら</a></p>"
          + "<p>社内ポータル: <a href=\"http://portal.sakura.local/it/\">portal</a>"
          + " / <a href=\"http://fileserver01/share/manual.pdf\">manual</a></p>\r\n";

  @Test
  void linksToInternalAddressesAndHostsAreTakenOutOfASharedCopy() {
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(LURE.getBytes(StandardCharsets.UTF_8)));
    // the analyst's own report keeps them all
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .anyMatch(u -> u.contains("10.20.30.40"))
        .anyMatch(u -> u.contains("portal.sakura.local"))
        .anyMatch(u -> u.contains("fileserver01"));
    MailRedaction.Result shared = MailRedaction.apply(r, BANK);
    String bundle = MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false).toString();
    assertThat(bundle)
        .doesNotContain("10.20.30.40")
        .doesNotContain("sakura.local")
        .doesNotContain("fileserver01")
        .contains("account-guard.example/verify");
    assertThat(shared.shared().toString())
        .doesNotContain("10.20.30.40")
        .doesNotContain("sakura.local")
        .doesNotContain("fileserver01");
    assertThat(shared.removed())
        .contains(
            "link to an internal address http://10.20.30.40/owa/auth/logon.aspx",
            "link to an internal address http://portal.sakura.local/it/");
    assertThat(shared.removed())
        .allSatisfy(x -> assertThat(MailRedaction.removed(x).kind()).isNotEqualTo("other"));
  }

  @Test
  void internalHostsAreThoseNoOneOutsideCanReach() {
    assertThat(MailRedaction.internalHost("10.1.2.3")).isTrue();
    assertThat(MailRedaction.internalHost("[fe80::1]")).isTrue();
    assertThat(MailRedaction.internalHost("intranet")).isTrue();
    assertThat(MailRedaction.internalHost("wiki.corp")).isTrue();
    assertThat(MailRedaction.internalHost("nas.home.arpa")).isTrue();
    assertThat(MailRedaction.internalHost("dc01.sakura.internal")).isTrue();
    assertThat(MailRedaction.internalHost("203.0.113.9")).isFalse();
    assertThat(MailRedaction.internalHost("invoice-check.example")).isFalse();
    assertThat(MailRedaction.internalHost("login.sakura-bank.co.jp")).isFalse();
  }
}
