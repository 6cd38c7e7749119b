package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * The relays a shared copy carries (attack31b). A C4TAP share is read by other organisations; the
 * addresses of its Received headers go as {@code ipv4-addr}/{@code ipv6-addr} objects. Those of the
 * servers that had the message once the sharing organisation's own mail servers, or a mailing list,
 * took it are theirs, not the attacker's: the organisation's server addresses name it (their host
 * names were already taken out, their addresses were not unless the directory lists its ranges),
 * and a list's servers tell which lists it reads. The origin on record and the sender's side stay.
 */
class MailShareRelaysTest {

  /** An organisation whose directory entry names its domain but no address ranges. */
  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static String shared(String eml, List<String> removed) {
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    MailRedaction.Result s = MailRedaction.apply(r, BANK);
    removed.addAll(s.removed());
    return MailStix.bundle(s.shared(), Tlp.AMBER, Instant.now(), false).toString();
  }

  private static final String LURE =
      "From: \"IT\" <it@sakura-bank-login.example>\r\nTo: taro@sakura-bank.co.jp\r\n"
          + "Subject: password\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>Your password expires. Sign in now or your account will be suspended.</p>"
          + "<a href=\"http://sakura-bank-login.example/reset\">Sign in</a>";

  @Test
  void theOrganisationsOwnMailServersAddressesAreTakenOutWithTheirNames() {
    String eml =
        "Received: from exch01.sakura-bank.co.jp ([198.51.100.26]) by exch02.sakura-bank.co.jp;"
            + " Mon, 16 Nov 2026 09:12:05 +0900\r\n"
            + "Received: from mx1.sakura-bank.co.jp (mx1.sakura-bank.co.jp [198.51.100.25]) by"
            + " mbox.sakura-bank.co.jp; Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "Received: from mail.attacker.example (unknown [203.0.113.45]) by"
            + " mx1.sakura-bank.co.jp (Postfix); Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + LURE;
    List<String> removed = new java.util.ArrayList<>();
    String bundle = shared(eml, removed);
    assertThat(bundle)
        .doesNotContain("198.51.100.25")
        .doesNotContain("198.51.100.26")
        .contains("\"value\":\"203.0.113.45\"")
        .contains("sakura-bank-login.example");
    assertThat(removed).contains("relay address 198.51.100.25", "relay address 198.51.100.26");
  }

  /**
   * The organisation's IPv6 ranges (session 41): a relay at an outsourced mail host, named in no
   * domain of the organisation, is its own by its address alone, and goes; the attacker's IPv6
   * server stays.
   */
  @Test
  void theOrganisationsIpv6RelaysGoByItsRanges() {
    Redactor withRanges =
        new Redactor(
            new jp.renkei.engine.redact.Identity(
                List.of("さくら架空銀行"),
                List.of("sakura-bank.co.jp"),
                List.of(),
                List.of(),
                List.of("2001:db8:5a::/48")),
            java.util.Map.of());
    String eml =
        "Received: from filter.mailhost.example (filter.mailhost.example [2001:db8:5a::25]) by"
            + " mbox.mailhost.example; Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "Received: from mail.attacker.example (unknown [IPv6:2001:db8:bad::45]) by"
            + " filter.mailhost.example (Postfix); Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + LURE;
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    MailRedaction.Result s = MailRedaction.apply(r, withRanges);
    String bundle = MailStix.bundle(s.shared(), Tlp.AMBER, Instant.now(), false).toString();
    assertThat(bundle).doesNotContain("2001:db8:5a").contains("\"value\":\"2001:db8:bad::45\"");
    assertThat(s.removed()).contains("relay address 2001:db8:5a::25");
    // without the ranges the organisation's relay went out as any sender's
    String before =
        MailStix.bundle(MailRedaction.apply(r, BANK).shared(), Tlp.AMBER, Instant.now(), false)
            .toString();
    assertThat(before).contains("2001:db8:5a::25");
  }

  /**
   * A colleague forwarded the lure to the analyst as an attachment: the only relay on record is the
   * organisation's own, and it is the "origin" of the forward. It goes all the same.
   */
  @Test
  void theOrganisationsServerIsTakenOutEvenAsTheOriginOfAForward() {
    String eml =
        "Received: from exch01.sakura-bank.co.jp ([198.51.100.30]) by exch02.sakura-bank.co.jp;"
            + " Mon, 16 Nov 2026 10:12:05 +0900\r\n"
            + "From: \"CSIRT\" <csirt@sakura-bank.co.jp>\r\nTo: soc@sakura-bank.co.jp\r\n"
            + "Subject: Fwd: password\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"F\"\r\n\r\n--F\r\n"
            + "Content-Type: message/rfc822\r\n\r\n"
            + "Received: from mail.attacker.example (unknown [203.0.113.45]) by"
            + " mx1.sakura-bank.co.jp; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + LURE
            + "\r\n--F--\r\n";
    List<String> removed = new java.util.ArrayList<>();
    String bundle = shared(eml, removed);
    assertThat(bundle).doesNotContain("198.51.100.30").contains("sakura-bank-login.example");
    assertThat(removed).contains("relay address 198.51.100.30");
  }

  @Test
  void aMailingListsServersAreTakenOutAndThePostersServerStays() {
    String eml =
        "Received: from mm.radio-example.org (mm.radio-example.org [192.0.2.10]) by"
            + " mx1.sakura-bank.co.jp (Postfix); Tue, 15 Feb 2022 03:26:30 +0100\r\n"
            + "Received: from lists.radio-example.org (out.radio-example.org [192.0.2.11]) by"
            + " mm.radio-example.org (Postfix); Mon, 14 Feb 2022 21:26:29 -0500\r\n"
            + "Received: from mail.lure-host.example (mail.lure-host.example [198.51.100.7]) by"
            + " lists.radio-example.org (Postfix); Mon, 14 Feb 2022 21:25:33 -0500\r\n"
            + "From: \"Amazon via dev\" <dev@lists.radio-example.org>\r\n"
            + "Reply-To: amazon@lure-host.example\r\nTo: dev@lists.radio-example.org\r\n"
            + "Subject: [dev] account suspended\r\n"
            + "List-Id: Radio development <dev.lists.radio-example.org>\r\n"
            + "List-Post: <mailto:dev@lists.radio-example.org>\r\nPrecedence: list\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is suspended. Sign in"
            + " to restore it.</p><a href=\"https://amazon-verify.lure-host.example/signin\">Sign"
            + " in</a>";
    List<String> removed = new java.util.ArrayList<>();
    String bundle = shared(eml, removed);
    assertThat(bundle)
        .doesNotContain("192.0.2.10")
        .doesNotContain("192.0.2.11")
        .contains("\"value\":\"198.51.100.7\"")
        .contains("amazon-verify.lure-host.example");
    assertThat(removed)
        .contains(
            "relay address of the mailing list 192.0.2.10",
            "relay address of the mailing list 192.0.2.11");
    assertThat(removed.stream().map(x -> MailRedaction.removed(x).kind())).contains("listRelay");
  }

  /**
   * A list whose servers are not named in its own domain (Google Groups delivers from
   * mail-*.google.com for lists at googlegroups.com): the server that handed the message to the
   * organisation is the list's all the same.
   */
  @Test
  void theServerThatDeliveredAListsMessageIsTheListsWhateverItsName() {
    String eml =
        "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41]) by"
            + " mx1.sakura-bank.co.jp; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
            + "Received: from mail.lure-host.example (mail.lure-host.example [198.51.100.7]) by"
            + " gmr-mx.google.com; Mon, 14 Feb 2022 21:25:33 -0500\r\n"
            + "From: \"Amazon\" <amazon@lure-host.example>\r\nTo: members@googlegroups.com\r\n"
            + "Subject: account suspended\r\nList-Post: <mailto:members@googlegroups.com>\r\n"
            + "Mailing-list: list members@googlegroups.com; contact members+owners@googlegroups.com\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>Your account is suspended. Sign in"
            + " to restore it.</p><a href=\"https://amazon-verify.lure-host.example/signin\">Sign"
            + " in</a>";
    List<String> removed = new java.util.ArrayList<>();
    String bundle = shared(eml, removed);
    assertThat(bundle).doesNotContain("209.85.220.41").contains("\"value\":\"198.51.100.7\"");
    assertThat(removed).contains("relay address of the mailing list 209.85.220.41");
  }

  /**
   * The sender's side stays: a mail service's outbound relay between the origin and the
   * organisation, and a message the organisation's server took directly from the attacker.
   */
  @Test
  void theSendersRelaysAndTheOriginStay() {
    String eml =
        "Received: from mail-out.sender-esp.example (mail-out.sender-esp.example [203.0.113.60])"
            + " by mx1.sakura-bank.co.jp; Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "Received: from [198.51.100.99] (unknown [198.51.100.99]) by"
            + " smtp.sender-esp.example; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + LURE;
    List<String> removed = new java.util.ArrayList<>();
    String bundle = shared(eml, removed);
    assertThat(bundle)
        .contains("\"value\":\"203.0.113.60\"")
        .contains("\"value\":\"198.51.100.99\"");
    assertThat(removed).noneMatch(x -> x.startsWith("relay address"));
  }
}
