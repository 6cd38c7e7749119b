package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a C4TAP share still gave away after share34 (share35), through the real share endpoint: a
 * victim Bcc'd by address only whom the kit greets by her kanji name and whose name it glues to an
 * honorific or writes in hex in its links, and the public address of the victims' own mail server
 * under a From forged at their own domain. The analyst's own STIX of the same lure keeps them (the
 * positive control: the lure does carry what the share must leave out).
 */
class C4tapShareSecondPassIT extends ServerTest {

  @Autowired Fixtures fixtures;

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  static byte[] greetedLure(String marker) {
    return ("Received: from mail.m365-renew.example (unknown [198.51.100.45]) by"
            + " mx1.sakura-trust.example; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Delivered-To: h.sato@sakura-trust.example\r\n"
            + "From: \"Microsoft 365\" <no-reply@m365-renew.example>\r\n"
            + "To: undisclosed-recipients:;\r\n"
            + "Subject: "
            + marker
            + " =?UTF-8?B?"
            + java.util.Base64.getEncoder()
                .encodeToString("佐藤様 パスワードの有効期限".getBytes(StandardCharsets.UTF_8))
            + "?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>佐藤 花子様</p>"
            + "<p>佐藤様のパスワードの有効期限が切れます。至急ログインしてパスワードを入力してください。</p>"
            + "<p><a href=\"https://evil-login.example/satosan/verify\">ログイン</a>"
            + " <a href=\"https://evil-login.example/t?h=682e7361746f\">確認</a></p>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] forgedOwnLure(String marker) {
    return ("Received: from mx1.sakura-trust.example (mx1.sakura-trust.example [198.51.100.20]) by"
            + " mbx01.sakura-trust.example; Mon, 16 Nov 2026 09:12:05 +0900\r\n"
            + "Received: from relay.attacker.example (relay.attacker.example [203.0.113.66]) by"
            + " mx1.sakura-trust.example (Postfix) with ESMTP id 7Qw2Lm; Mon, 16 Nov 2026 09:12:03"
            + " +0900\r\n"
            + "Received: from kit-host.attacker.example ([192.0.2.77]) by relay.attacker.example"
            + " with ESMTPSA; Mon, 16 Nov 2026 09:12:01 +0900\r\n"
            + "From: \"President\" <ceo@sakura-trust.example>\r\n"
            + "To: ichiro@sakura-trust.example\r\n"
            + "Subject: "
            + marker
            + " urgent wire transfer\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Please wire the payment below today and keep this confidential. Reply when done.\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Http bank() {
    return new Http(port).bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.MEMBER)));
  }

  private static String shared(Http bank, byte[] lure) {
    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", lure);
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    return JSON.readTree(draft.body()).path("bundle").asString();
  }

  @Test
  void aBccdVictimGreetedByNameAndGluedIntoLinksIsNotShared() {
    Http bank = bank();
    String marker = "sp" + Long.toString(System.nanoTime(), 36);
    var own =
        bank.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", greetedLure(marker));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body()).contains("佐藤").contains("satosan").contains("682e7361746f");
    String shared = shared(bank, greetedLure(marker));
    assertThat(shared)
        .doesNotContain("佐藤")
        .doesNotContain("花子")
        .doesNotContain("sato")
        .doesNotContain("682e7361746f")
        .contains(marker)
        .contains("[domain-name:value = 'evil-login.example']");
  }

  @Test
  void aFromForgedAtTheVictimsDomainLeavesTheirServersOut() {
    Http bank = bank();
    String marker = "fo" + Long.toString(System.nanoTime(), 36);
    var own =
        bank.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", forgedOwnLure(marker));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body()).contains("198.51.100.20").contains("sakura-trust.example");
    String shared = shared(bank, forgedOwnLure(marker));
    assertThat(shared)
        .doesNotContain("198.51.100.20")
        .doesNotContain("sakura-trust")
        .contains("203.0.113.66")
        .contains(marker);
  }
}
