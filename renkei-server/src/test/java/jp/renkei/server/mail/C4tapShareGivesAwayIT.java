package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a C4TAP share of a mail analysis gives away (attackshare33), through the real server: a
 * Microsoft 365 lure to two of the bank's people whose kit carries each victim by the local part of
 * the address alone, whose link shows https://portal.office.com and leads to the kit, whose From
 * forges microsoft.com, and which came through the bank's internal mail servers. The readers of the
 * share learn none of the victims and are given no indicator on Microsoft; the analyst's own STIX
 * makes no indicator on Microsoft either; the hub keeps no copy of the internal hops; and another
 * organisation finds the draft by no route.
 */
class C4tapShareGivesAwayIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  static byte[] lure(String marker) {
    return ("Received: from exch02.sakura.local (exch02.sakura.local [10.1.2.3]) by"
            + " hub01.sakura.local; Mon, 16 Nov 2026 09:12:05 +0900\r\n"
            + "Received: from mail.m365-renew.example (unknown [198.51.100.45]) by"
            + " mx1.sakura-bank.example; Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Authentication-Results: mx1.sakura-bank.example; spf=fail"
            + " smtp.mailfrom=microsoft.com; dmarc=fail header.from=microsoft.com\r\n"
            + "From: \"Microsoft 365\" <no-reply@microsoft.com>\r\n"
            + "To: \"田中 一郎\" <tanaka@sakura-bank.example>, k_yamamoto@sakura-bank.example\r\n"
            + "Subject: "
            + marker
            + " k_yamamoto様 パスワードの有効期限 / password expiry\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b1\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "パスワードの有効期限が本日切れます。https://portal.office.com でサインインしてください。\r\n"
            + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>パスワードの有効期限が本日切れます。至急サインインしてください。</p>"
            + "<p><a href=\"https://m365-renew.example/owa/signin?u=tanaka\">"
            + "https://portal.office.com</a></p>"
            + "<p><a href=\"https://m365-renew.example/owa/verify#k_yamamoto\">確認</a></p>"
            + "\r\n--b1--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The ids of the C4TAP hits of a search answer, as text. */
  private static String c4tapHits(String body) {
    StringBuilder out = new StringBuilder();
    for (tools.jackson.databind.JsonNode g : JSON.readTree(body).path("groups")) {
      if ("c4tap".equals(g.path("kind").asString(""))) {
        for (tools.jackson.databind.JsonNode h : g.path("hits")) {
          out.append(h.path("id").asString("")).append(' ');
        }
      }
    }
    return out.toString();
  }

  private static String bundle(String body) {
    return JSON.readTree(body).path("bundle").asString();
  }

  @Test
  void theReadersLearnNoVictimAndAreGivenNoIndicatorOnMicrosoft() {
    String marker = "gx" + Long.toString(System.nanoTime(), 36);
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    Http reader =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));

    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", lure(marker));
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    assertThat(draft.body())
        .contains("recipient in a link https://m365-renew.example/owa/signin?u=tanaka");
    String shared = bundle(draft.body());
    assertThat(shared)
        .contains("m365-renew.example/owa/signin", "[domain-name:value = 'm365-renew.example']")
        .doesNotContain("tanaka")
        .doesNotContain("yamamoto")
        .doesNotContain("sakura.local")
        .doesNotContain("'portal.office.com'")
        .doesNotContain("[email-addr:value = 'no-reply@microsoft.com']");
    assertThat(JSON.readTree(shared).path("objects").toString())
        .doesNotContain("\"value\":\"https://portal.office.com\"")
        .doesNotContain("\"value\":\"portal.office.com\"");

    long id = C4tapIT.id(draft.body());
    // a draft is its maker's alone: another organisation does not find it by id or by search
    assertThat(reader.get("/api/v1/c4tap/" + id).statusCode()).isEqualTo(404);
    assertThat(c4tapHits(bank.get("/api/v1/search?q=" + marker).body())).contains("" + id);
    assertThat(c4tapHits(reader.get("/api/v1/search?q=" + marker).body())).doesNotContain("" + id);

    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode()).isEqualTo(200);
    var read = reader.get("/api/v1/c4tap/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("\"removed\":[]")
        .doesNotContain("tanaka")
        .doesNotContain("yamamoto");
    assertThat(bundle(read.body())).isEqualTo(shared);
    // the shared subject is found by its lure words, never by a victim's local part
    assertThat(c4tapHits(reader.get("/api/v1/search?q=" + marker).body())).contains("" + id);
    assertThat(
            c4tapHits(
                reader
                    .get(
                        "/api/v1/search?q="
                            + URLEncoder.encode("k_yamamoto", StandardCharsets.UTF_8))
                    .body()))
        .doesNotContain("" + id);

    // the hub keeps nothing of the share beyond what goes: the internal hops are in no column
    String row =
        jdbc.sql("select row_to_json(s)::text from c4tap_submission s where id = ?")
            .param(id)
            .query(String.class)
            .single();
    // nor a column for the redacted report (emptied by V407, dropped by V409)
    assertThat(row)
        .doesNotContain("sakura.local")
        .doesNotContain("hub01")
        .doesNotContain("\"report\":");
  }

  @Test
  void theAnalystsOwnStixMakesNoIndicatorOnMicrosoft() {
    Http bank = new Http(port).bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.MEMBER)));
    var own = bank.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", lure("own"));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body())
        .contains("[domain-name:value = 'm365-renew.example']")
        .doesNotContain("'portal.office.com'")
        .doesNotContain("[email-addr:value = 'no-reply@microsoft.com']")
        .doesNotContain("\"value\":\"portal.office.com\"");
  }
}
