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
 * What a C4TAP share still gave away after attackshare33 (share34), through the real share
 * endpoint: a victim the lure Bcc'd (only the receiving servers' Delivered-To and Received "for"
 * name her), half of a victim's name where the analyser's quote cut it, and — the other way round —
 * a kit on Google's page service, which the share now gives as the page's URL indicator and never
 * as an indicator on Google.
 */
class C4tapShareHiddenVictimsIT extends ServerTest {

  @Autowired Fixtures fixtures;

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static final String FILLER = "お客様のメールアカウントのセキュリティ設定が本日変更されましたので確認が必要です";

  static byte[] lure(String marker, int pad) {
    return ("Received: from mx1.sakura-trust.example by mbox01.sakura-trust.example"
            + " for <h.sato@sakura-trust.example>; Mon, 16 Nov 2026 09:12:05 +0900\r\n"
            + "Received: from mail.m365-renew.example (unknown [198.51.100.45]) by"
            + " mx1.sakura-trust.example; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Delivered-To: h.sato@sakura-trust.example\r\n"
            + "From: \"Microsoft 365\" <no-reply@m365-renew.example>\r\n"
            + "To: \"田中 一郎\" <ichiro@sakura-trust.example>\r\n"
            + "Subject: "
            + marker
            + " h.sato様 パスワードの有効期限\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>田中一郎様"
            + FILLER.substring(0, pad)
            + "至急ログインしてください。パスワードを入力してください。</p>"
            + "<p><a href=\"https://sites.google.com/view/m365-renew-kit/home?u=h.sato\">h.sato の"
            + "ログイン</a></p>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static boolean namesAny(String text) {
    return text.chars().anyMatch(c -> "田中一郎".indexOf(c) >= 0);
  }

  /** Every evidence text of a bundle's note, both languages. */
  private static String evidence(String bundle) {
    StringBuilder out = new StringBuilder();
    for (tools.jackson.databind.JsonNode o : JSON.readTree(bundle).path("objects")) {
      for (tools.jackson.databind.JsonNode f : o.path("x_renkei_findings")) {
        out.append(f.path("evidence").asString("")).append('\n');
        out.append(f.path("evidence_ja").asString("")).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void theShareNamesNoHiddenVictimAndGivesTheKitsPageNotGoogle() {
    Http bank = new Http(port).bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.MEMBER)));
    int cut = 0;
    for (int pad = 16; pad <= 32; pad++) {
      String marker = "hv" + Long.toString(System.nanoTime(), 36);
      // the analyst's own STIX keeps the evidence as the analyser cut it: the positive control
      var own =
          bank.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", lure(marker, pad));
      assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
      String ownEvidence = evidence(own.body());
      if (namesAny(ownEvidence) && !ownEvidence.contains("田中一郎")) {
        cut++;
      }
      var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", lure(marker, pad));
      assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
      String shared = JSON.readTree(draft.body()).path("bundle").asString();
      assertThat(shared).as("pad " + pad).doesNotContain("sato");
      assertThat(namesAny(evidence(shared))).as("pad " + pad + ": " + evidence(shared)).isFalse();
      assertThat(shared)
          .contains("[url:value = 'https://sites.google.com/view/m365-renew-kit/home']")
          .doesNotContain("[domain-name:value = 'sites.google.com']")
          .contains("[email-addr:value = 'no-reply@m365-renew.example']");
    }
    assertThat(cut).as("some quote cut the name in the analyst's own copy").isPositive();
  }
}
