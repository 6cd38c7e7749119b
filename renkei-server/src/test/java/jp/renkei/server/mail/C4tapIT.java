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
 * C4TAP: a received targeted mail is shared with the receiving organisation taken out, only after
 * its sender checked the preview, and read by exactly those whose C4TAP standing reaches its range.
 */
class C4tapIT extends ServerTest {

  @Autowired Fixtures fixtures;

  static byte[] mail() {
    return ("Received: from mail.attacker.example (unknown [203.0.113.45]) by mx.sakura-bank.example;"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Received: from mx.sakura-bank.example ([192.0.2.44]) by mbox.sakura-bank.example;"
            + " Mon, 16 Nov 2026 09:12:04 +0900\r\n"
            + "From: \"年金 事務局\" <jimu@pension-info.example>\r\n"
            + "To: \"総務部\" <soumu@sakura-bank.example>\r\n"
            + "Subject: さくら架空銀行 御中 調査票\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "hxxp://dl[.]pension-info[.]example/form.exe")
        .getBytes(StandardCharsets.UTF_8);
  }

  static long id(String body) {
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void sharedOnlyAfterThePreviewAndOnlyWithinTheRange() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http bank = new Http(port).bearer(fixtures.token(sender));
    var draft = bank.postBytes("/api/v1/c4tap?range=amber", "message/rfc822", mail());
    assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
    long id = id(draft.body());
    assertThat(draft.body())
        .contains(
            "\"status\":\"draft\"",
            "recipient soumu@sakura-bank.example",
            "relay address 192.0.2.44")
        .contains("pension-info.example", "203.0.113.45");
    String bundle = draft.body().substring(draft.body().indexOf("\"bundle\""));
    assertThat(bundle)
        .doesNotContain("さくら架空銀行")
        .doesNotContain("soumu@")
        .doesNotContain("192.0.2.44");

    Http participant =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));
    Http ministry = new Http(port).bearer(fixtures.token(fixtures.user("meti", Role.ANALYST)));
    Http colleague =
        new Http(port).bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.ANALYST)));
    // a draft is nobody else's business, not even a colleague's, and only its creator sends it
    assertThat(participant.get("/api/v1/c4tap/" + id).statusCode()).isEqualTo(404);
    assertThat(participant.get("/api/v1/c4tap").body()).doesNotContain("\"id\":" + id + ",");
    assertThat(colleague.postJson("/api/v1/c4tap/" + id + "/send", "{}").statusCode())
        .isEqualTo(404);

    assertThat(bank.postJson("/api/v1/c4tap/" + id + "/send", "{}").body())
        .contains("\"status\":\"shared\"");
    var read = participant.get("/api/v1/c4tap/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("\"organisationSector\":\"finance\"", "\"removed\":[]")
        .doesNotContain("さくら架空銀行")
        .doesNotContain("sakura-bank.example");
    // AMBER is for participants: a ministry (a council party) reads Green and wider only
    assertThat(ministry.get("/api/v1/c4tap/" + id).statusCode()).isEqualTo(404);
    assertThat(ministry.get("/api/v1/c4tap").body()).doesNotContain("\"id\":" + id + ",");
    assertThat(bank.postBytes("/api/v1/c4tap?range=purple", "message/rfc822", mail()).body())
        .contains("\"field\":\"range\"");
  }

  @Test
  void theUploadPageShowsThePreviewAndSendsOnConfirmation() {
    UserAccount sender = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http browser = new Http(port);
    browser.signIn(sender.login(), Fixtures.PASSWORD);
    // without the share box the page only analyses
    var page = browser.upload("/mail", "/mail", "message", "c4tap.eml", mail());
    assertThat(page.body()).doesNotContain("送信前の確認");
    var preview =
        browser.uploadWith(
            "/mail",
            "/mail",
            "message",
            "c4tap.eml",
            mail(),
            Map.of("share", "yes", "range", "GREEN"));
    // what was taken out, in the reader's words (walk11: the list was English on the Japanese page)
    assertThat(preview.body())
        .contains("送信前の確認", "組織内の中継アドレス</span>: <span class=\"wrap\">192.0.2.44", "C4TAPに送信する")
        .doesNotContain("relay address 192.0.2.44");
    Matcher send = Pattern.compile("/mail/c4tap/(\\d+)/send").matcher(preview.body());
    assertThat(send.find()).isTrue();
    var sent = browser.postForm("/mail", send.group(), Map.of());
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(browser.get("/c4tap").body()).contains("C4TAP Green");
    // a share not found is named in words, not by its table name
    var missing = browser.get("/c4tap/" + (4503599627370496L + 777));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("C4TAP 共有").doesNotContain("c4tap_submission");

    // the shared mail's date reads as every page's times (JST), not as a raw STIX timestamp
    byte[] dated =
        new String(mail(), StandardCharsets.UTF_8)
            .replace("Subject:", "Date: Sun, 12 Feb 2023 10:30:16 +0900\r\nSubject:")
            .getBytes(StandardCharsets.UTF_8);
    var datedPreview =
        browser.uploadWith(
            "/mail",
            "/mail",
            "message",
            "dated.eml",
            dated,
            Map.of("share", "yes", "range", "GREEN"));
    Matcher datedSend = Pattern.compile("/mail/c4tap/(\\d+)/send").matcher(datedPreview.body());
    assertThat(datedSend.find()).isTrue();
    browser.postForm("/mail", datedSend.group(), Map.of());
    String detail = browser.get("/c4tap/" + datedSend.group(1)).body();
    // with its zone on the Japanese page too, as is when it was shared (walk19: no "JST" there)
    assertThat(detail).contains("2023-02-12 10:30:16 JST");
    assertThat(detail)
        .containsPattern(
            "<span class=\"muted\">20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d JST</span>");
    assertThat(detail.substring(0, detail.indexOf("stix-json")))
        .doesNotContain("2023-02-12T01:30:16");
    // the share's red flags named, explained and evidenced in Japanese, the analyser's indicators
    // in words (walk17: the note row was empty, the indicators read "sender …" on this page)
    String lure =
        "From: \"年金 事務局\" <jimu@pension-info.example>\r\nTo: soumu@sakura-bank.example\r\n"
            + "Subject: 調査票\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nご確認ください。\r\n--B\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename=\"chousa.pdf.exe\"\r\n\r\nMZ\r\n--B--\r\n";
    var lurePreview =
        browser.uploadWith(
            "/mail",
            "/mail",
            "message",
            "lure.eml",
            lure.getBytes(StandardCharsets.UTF_8),
            Map.of("share", "yes", "range", "GREEN"));
    Matcher lureSend = Pattern.compile("/mail/c4tap/(\\d+)/send").matcher(lurePreview.body());
    assertThat(lureSend.find()).isTrue();
    browser.postForm("/mail", lureSend.group(), Map.of());
    String shared = browser.get("/c4tap/" + lureSend.group(1)).body();
    String table = shared.substring(0, shared.indexOf("stix-json"));
    assertThat(table)
        .contains(
            "id=\"shared-findings\"",
            "二重拡張子",
            "chousa.pdf.exe",
            "差出人 jimu@pension-info.example",
            "添付ファイル chousa.pdf.exe")
        .doesNotContain(">sender ", ">attachment ", "DOUBLE_EXTENSION<");
    assertThat(shared).contains("id=\"back-to-list\"", "C4TAP の一覧へ戻る");

    // a stored note with a sign this hub does not know, and "codes" that are no sign's: the page
    // names the sign by its code with its words marked as the note's, and leaves the others out
    long share = Long.parseLong(lureSend.group(1));
    String bundle =
        jdbc.sql("select bundle from c4tap_submission where id = ?")
            .param(share)
            .query(String.class)
            .single();
    String extra =
        "{\"flag\":\"FUTURE_SIGN\",\"explanation_ja\":\"将来の兆候の説明\",\"evidence\":\"e\"},"
            + "{\"flag\":\"JPCERT/CC が安全と確認済み\",\"explanation_ja\":\"安全\",\"evidence\":\"e\"},"
            + "{\"flag\":\"SAFE\\u202eKCEHC\",\"explanation_ja\":\"x\",\"evidence\":\"e\"},";
    String changed =
        bundle.replaceFirst(
            "\"x_renkei_findings\"\\s*:\\s*\\[",
            "$0" + java.util.regex.Matcher.quoteReplacement(extra));
    assertThat(changed).isNotEqualTo(bundle);
    jdbc.sql("update c4tap_submission set bundle = ? where id = ?").params(changed, share).update();
    String sentPage = browser.get("/c4tap/" + share).body();
    String findings =
        sentPage.substring(
            sentPage.indexOf("id=\"shared-findings\""), sentPage.indexOf("stix-json"));
    assertThat(findings)
        .contains("FUTURE_SIGN", "将来の兆候の説明", "共有データに添えられていた文言", "二重拡張子")
        .doesNotContain("JPCERT/CC", "KCEHC", "\u202e");
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
}
