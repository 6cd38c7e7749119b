package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Redactor;
import org.junit.jupiter.api.Test;

/**
 * What the receiving organisation's own servers write into a lure's headers on its way in: its
 * Exchange tenant's id, its internal host names and addresses, its own authentication results, its
 * mail filter's name, its servers' message ids, and the public address of its own mail exchanger.
 * None of it may go with a shared copy (share34), also when the directory does not list the domain
 * the victims were written to (the recipients' domain is then the organisation's all the same).
 */
class MailShareReceiverHeadersTest {

  private static final Redactor BANK = SakuraBank.REDACTOR;

  private static final String TENANT = "7f3c2a91-5b4d-4e8f-9a10-2c6d8e4f1b37";

  private static final String LURE =
      "Received: from EXCH02.corp.sakura-trust.example (10.20.30.41) by"
          + " EXCH01.corp.sakura-trust.example (10.20.30.40) with Microsoft SMTP Server id"
          + " 15.2.1118.40; Mon, 16 Nov 2026 09:12:06 +0900\r\n"
          + "Received: from mx1.sakura-trust.example (mx1.sakura-trust.example [203.0.113.9]) by"
          + " EXCH02.corp.sakura-trust.example (10.20.30.41); Mon, 16 Nov 2026 09:12:05 +0900\r\n"
          + "Received: from mail.m365-renew.example (unknown [198.51.100.45]) by"
          + " mx1.sakura-trust.example (Postfix) with ESMTP id 4Xk2Lm; Mon, 16 Nov 2026 09:12:03"
          + " +0900\r\n"
          + "Authentication-Results: mx1.sakura-trust.example; spf=fail"
          + " smtp.mailfrom=m365-renew.example; dkim=none; dmarc=fail header.from=microsoft.com\r\n"
          + "X-MS-Exchange-CrossTenant-Id: "
          + TENANT
          + "\r\n"
          + "X-MS-Exchange-CrossTenant-OriginalArrivalTime: 16 Nov 2026 00:12:05.1234 (UTC)\r\n"
          + "X-MS-Exchange-Organization-AuthSource: EXCH02.corp.sakura-trust.example\r\n"
          + "X-MS-Exchange-Organization-Network-Message-Id: 0a1b2c3d-1111-2222-3333-444455556666\r\n"
          + "X-Originating-IP: [10.20.30.77]\r\n"
          + "X-SakuraGuard-Scan: clean (SakuraMailGuard 4.2 on gw01.corp.sakura-trust.example)\r\n"
          + "X-Mailer: Microsoft Outlook 16.0 (SakuraDLP add-in 2.1)\r\n"
          + "Message-ID: <20261116001203.4Xk2Lm@mx1.sakura-trust.example>\r\n"
          + "From: \"Microsoft 365\" <no-reply@microsoft.com>\r\n"
          + "To: ichiro@sakura-trust.example\r\n"
          + "Subject: パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
          + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
          + "<p>パスワードの有効期限が切れます。至急サインインしてください。</p>"
          + "<p><a href=\"https://m365-renew.example/owa/signin\">サインイン</a></p>\r\n";

  @Test
  void nothingTheReceivingServersWroteGoesWithTheShare() {
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(LURE.getBytes(StandardCharsets.UTF_8)));
    MailRedaction.Result shared = MailRedaction.apply(r, BANK);
    String bundle =
        MailStix.bundle(shared.shared(), Tlp.AMBER, Instant.now(), false)
            .toString()
            .toLowerCase(java.util.Locale.ROOT);
    assertThat(MailShareHiddenVictimsTest.around(bundle, "sakura")).isEmpty();
    assertThat(bundle)
        .doesNotContain(TENANT)
        .doesNotContain("10.20.30.")
        .doesNotContain("203.0.113.9")
        .doesNotContain("exch0")
        .doesNotContain("4xk2lm")
        .doesNotContain("0a1b2c3d")
        .doesNotContain("sakuraguard")
        .doesNotContain("sakuradlp");
    // the attacker's side stays: the origin and the kit
    assertThat(bundle)
        .contains("198.51.100.45")
        .contains("[domain-name:value = 'm365-renew.example']");
  }
}
