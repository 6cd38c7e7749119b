package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The mail-analysis page as the new analyst's review (ui23) read it: a limit said once and exactly
 * (the last 64 K characters of a long text were read, and the page said "the rest was not unpacked
 * or read" three times), the bounce note without its heading again and with only this message's
 * traits, and each sign's short "what" with the whole rule folded away.
 */
class MailPageTextsIT extends ServerTest {

  private Http signedIn(String language) {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Http h = new Http(port);
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    if (language.equals("en")) {
      h.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    }
    return h;
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /** A long text: its head and tail are read, the wording between them is not. */
  static byte[] longText() {
    StringBuilder body = new StringBuilder("Quarterly notes.\r\n");
    String line = "The committee reviewed the budget figures and agreed on the plan.\r\n";
    while (body.length() < 200_000) {
      body.append(line);
    }
    return ("From: notes@example-corp.co.jp\r\nTo: a@example.jp\r\nSubject: Notes\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aTextLimitIsSaidOnceAndSaysTheTailWasRead() {
    for (String language : new String[] {"ja", "en"}) {
      Http h = signedIn(language);
      String whole = h.upload("/mail", "/mail", "message", "long.eml", longText()).body();
      // the page a person reads; the STIX JSON folded below it is for programs
      String page = whole.substring(0, whole.indexOf("id=\"stix\""));
      assertThat(page).contains("data-flag=\"BEYOND_LIMITS\"");
      if (language.equals("ja")) {
        assertThat(page).contains("その最初と最後は読みました").doesNotContain("残りは展開も読み込みもしていません");
        assertThat(count(page, "最後の 65,536 文字")).as(page).isEqualTo(1);
      } else {
        assertThat(page)
            .contains("both were read")
            .doesNotContain("the rest was not unpacked or read");
        assertThat(count(page, "last 65,536 characters: both")).isEqualTo(1);
      }
      // the limit is the flag's evidence: no second note and no "not fully examined" entry
      assertThat(page).doesNotContain("id=\"limit-reached\"", "id=\"problems\"");
    }
  }

  static byte[] bounce() {
    String returned =
        "From: Taro Yamada <t.yamada@example-corp.co.jp>\r\nTo: h.suzuki@partner.example\r\n"
            + "Subject: Meeting\r\nDate: Tue, 3 Nov 2026 09:12:00 +0900\r\n"
            + "Message-ID: <1@example-corp.co.jp>\r\n\r\nShall we move the meeting? Taro\r\n";
    return ("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)\r\n"
            + "To: t.yamada@example-corp.co.jp\r\nSubject: Undelivered Mail Returned to Sender\r\n"
            + "Date: Tue, 3 Nov 2026 09:12:05 +0900\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n"
            + "--R\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "This is the mail system at host mx.example-corp.co.jp.\r\n\r\n"
            + "<h.suzuki@partner.example>: host mx.partner.example said:\r\n"
            + "    552 5.2.2 Mailbox full, quota exceeded (in reply to RCPT TO command)\r\n"
            + "--R\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.example-corp.co.jp\r\n\r\n"
            + "Final-Recipient: rfc822; h.suzuki@partner.example\r\nAction: failed\r\n"
            + "Status: 5.2.2\r\n"
            + "--R\r\nContent-Type: message/rfc822\r\n\r\n"
            + returned
            + "--R--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theBounceNoteNamesThisMessagesTraitsOnceWithoutItsHeadingAgain() {
    Http ja = signedIn("ja");
    String page = ja.upload("/mail", "/mail", "message", "bounce.eml", bounce()).body();
    assertThat(page).contains("id=\"bounce-note\"");
    assertThat(count(page, "配送エラー通知 (バウンス)")).as("the heading alone").isEqualTo(1);
    String note = page.substring(page.indexOf("id=\"bounce-note\""));
    note = note.substring(0, note.indexOf("</p>"));
    assertThat(note)
        .contains("RFC 3464 の配送状態パート", "空の差出人", "返送された元のメッセージ")
        .doesNotContain("として読みました");

    // a bounce without a delivery-status part does not claim one
    byte[] plain =
        new String(bounce(), StandardCharsets.UTF_8)
            .replace("Content-Type: message/delivery-status", "Content-Type: text/plain")
            .replace("report-type=delivery-status", "report-type=other")
            .getBytes(StandardCharsets.UTF_8);
    String other = ja.upload("/mail", "/mail", "message", "bounce2.eml", plain).body();
    if (other.contains("id=\"bounce-note\"")) {
      String n = other.substring(other.indexOf("id=\"bounce-note\""));
      assertThat(n.substring(0, n.indexOf("</p>"))).doesNotContain("RFC 3464");
    }
  }

  @Test
  void aSignShowsWhatItIsAndFoldsTheWholeRuleAway() {
    Http en = signedIn("en");
    byte[] lure =
        ("From: IT Desk <desk@mail-notice.example>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Reply-To: desk@other-domain.example\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Dear user, your password expires today. Verify your account within 24 hours at"
                + " http://198.51.100.7/login\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String page = en.upload("/mail", "/mail", "message", "lure.eml", lure).body();
    assertThat(page).contains("data-flag=\"CREDENTIAL_REQUEST\"");
    String li = page.substring(page.indexOf("data-flag=\"CREDENTIAL_REQUEST\""));
    li = li.substring(0, li.indexOf("</li>"));
    var flag = jp.renkei.engine.mail.RedFlag.CREDENTIAL_REQUEST;
    String summary = org.springframework.web.util.HtmlUtils.htmlEscape(flag.summary(true));
    // the short "what" first, then what was found, then the whole rule inside <details>
    assertThat(li).contains(summary, "<details class=\"rule\">", "password expires");
    assertThat(li.indexOf(summary)).isLessThan(li.indexOf("<details"));
    assertThat(li.substring(0, li.indexOf("<details")))
        .doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(flag.en()));
    assertThat(Map.of("summary", flag.summary(true)).get("summary").length())
        .isLessThan(flag.en().length());
  }

  /** A lure with a disguised link to an IP address, a deadline and a request to verify. */
  static byte[] payPalLure() {
    return ("From: PayPal Service <service@paypal-account-security.example>\r\n"
            + "To: a@example.jp\r\nSubject: Your PayPal Account Has Been Limited\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>We have noticed Unusual Activity on your PayPal account.</p><p>Please Verify Your"
            + " Identity within 48 hours or your account will be permanently suspended.</p>"
            + "<p><a href=\"http://198.51.100.23/paypal/login.php\">https://www.paypal.com/signin</a>"
            + "</p>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * ui25's review as a new analyst: the verdict was bold text like any other, the same for a clean
   * and a dangerous mail, with nothing on what to do; sharing to C4TAP had to be chosen before the
   * verdict was known and its preview stood above the verdict; an upload's error was plain text;
   * quotes were lower-cased; a From that is no address was shown in doubled brackets.
   */
  @Test
  void theVerdictSaysWhatToDoAndTheNextStepsFollowTheReport() {
    for (String language : new String[] {"ja", "en"}) {
      Http h = signedIn(language);
      String page = h.upload("/mail", "/mail", "message", "paypal.eml", payPalLure()).body();
      assertThat(page)
          .contains(
              "class=\"verdict-box verdict-MALICIOUS\" role=\"status\"", "id=\"verdict-advice\"")
          // the share is prepared from the held upload, in a form on this page (ui26)
          .contains(
              "id=\"next-steps\"",
              "href=\"#share-held\"",
              "id=\"share-held\"",
              "id=\"stix-download\"")
          .contains("href=\"data:application/json;charset=utf-8,%7B")
          .doesNotContain("??", "id=\"next-send\"");
      // the quotes as the message wrote them
      assertThat(page)
          .contains("Verify Your Identity within 48 hours")
          .doesNotContain("verify your identity");
      if (language.equals("ja")) {
        assertThat(page).contains("リンクを開かず", "次の対応", "C4TAP 共有の準備へ", "STIX をダウンロード");
      } else {
        assertThat(page)
            .contains("Do not open its links", "What to do next", "Prepare a C4TAP share")
            .contains("Download STIX");
      }
      // the shared preview comes after the verdict it is about, and the next step says to send
      String shared =
          h.uploadWith(
                  "/mail",
                  "/mail",
                  "message",
                  "paypal.eml",
                  payPalLure(),
                  Map.of("share", "yes", "range", "AMBER"))
              .body();
      assertThat(shared)
          .contains("id=\"c4tap-preview\"", "id=\"next-send\"")
          .doesNotContain("id=\"next-share\"");
      assertThat(shared.indexOf("id=\"verdict\""))
          .isLessThan(shared.indexOf("id=\"c4tap-preview\""));
      // a clean message says a clean verdict is no proof, and offers no share step
      byte[] plain =
          ("From: Taro <taro@example-corp.co.jp>\r\nTo: a@example.jp\r\nSubject: Lunch\r\n"
                  + "Content-Type: text/plain; charset=UTF-8\r\n\r\nLunch at noon?\r\n")
              .getBytes(StandardCharsets.UTF_8);
      String clean = h.upload("/mail", "/mail", "message", "lunch.eml", plain).body();
      assertThat(clean)
          .contains("verdict-box verdict-CLEAN", "id=\"next-stix\"")
          .doesNotContain("id=\"next-share\"");
      // a bad upload's error is an alert a screen reader announces
      String error =
          h.upload(
                  "/mail",
                  "/mail",
                  "message",
                  "list.csv",
                  "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8))
              .body();
      assertThat(error)
          .contains("class=\"alert error\" id=\"mail-error\" role=\"alert\"", "list.csv");
    }
  }

  @Test
  void aFromThatIsNoAddressIsShownAsWrittenWithoutDoubledBrackets() {
    Http h = signedIn("en");
    byte[] broken =
        ("From: =?utf-8?b?"
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "IT Desk <desk@mail-notice.example>".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nHello\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String page = h.upload("/mail", "/mail", "message", "broken-from.eml", broken).body();
    String from = page.substring(page.indexOf("id=\"from\""));
    from = from.substring(0, from.indexOf("</td>"));
    assertThat(from).contains("desk@mail-notice.example").doesNotContain("&gt;&gt;", "&lt;&lt;");
  }

  /** An everyday office notice with one weak sign (an urgent word): clean, with its 10 points. */
  static byte[] noticeWithOneWeakSign() {
    return ("From: Office News <news@example-corp.co.jp>\r\nTo: a@example.jp\r\n"
            + "Subject: Office notes\r\nDate: Tue, 3 Nov 2026 09:12:00 +0900\r\n"
            + "Message-ID: <n1@example-corp.co.jp>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Hello all,\r\nthe canteen menu for next week is below. Urgent: the car park closes"
            + " at 15:00 today.\r\nRegards, Office\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * ux29's review: a newsletter judged clean listed a sign under "score 10 / 100" and the reader
   * could not tell why it was still clean, nor what score makes a mail suspicious. The page says
   * the scale, each sign's points, and for a clean mail with signs how far under the line it is.
   */
  @Test
  void theScoreSaysItsScaleEachSignItsPointsAndACleanMailWhyItIsClean() {
    for (String language : new String[] {"ja", "en"}) {
      Http h = signedIn(language);
      String clean =
          h.upload("/mail", "/mail", "message", "notice.eml", noticeWithOneWeakSign()).body();
      assertThat(clean).contains("data-flag=\"URGENCY\"");
      String lure = h.upload("/mail", "/mail", "message", "lure.eml", payPalLure()).body();
      assertThat(lure).contains("class=\"verdict\"").doesNotContain("id=\"verdict-under\"");
      String flag = clean.substring(clean.indexOf("data-flag=\"URGENCY\""));
      flag = flag.substring(0, flag.indexOf("</li>"));
      if (language.equals("ja")) {
        assertThat(clean)
            .contains("スコア 10 / 100", "20 点以上で「要注意」、40 点以上で「危険」")
            .contains("下の兆候は合わせて 10 点で、「要注意」とする 20 点に届きません");
        assertThat(flag).contains("(10 点)");
        assertThat(lure).contains("20 点以上で「要注意」");
      } else {
        assertThat(clean)
            .contains("score 10 / 100", "20 or more: suspicious, 40 or more: dangerous")
            .contains("The signs below weigh 10 points together, under the 20 at which");
        assertThat(flag).contains("(10 points)");
        assertThat(lure).contains("the sum of the signs&#39; points");
      }
    }
    // a clean mail without any sign needs no such line
    Http ja = signedIn("ja");
    String plain =
        ja.upload(
                "/mail",
                "/mail",
                "message",
                "plain.eml",
                new String(noticeWithOneWeakSign(), StandardCharsets.UTF_8)
                    .replace("Urgent: the car park", "The car park")
                    .getBytes(StandardCharsets.UTF_8))
            .body();
    assertThat(plain).contains("スコア 0 / 100").doesNotContain("id=\"verdict-under\"");
  }

  /** ux29: three relays in a row, and no word of which comes first. */
  @Test
  void theRelaysSayWhichComesFirst() {
    byte[] relayed =
        ("Received: from b.example.net (b.example.net [198.51.100.2]) by mx.example.jp;"
                + " Tue, 3 Nov 2026 09:12:03 +0900\r\n"
                + "Received: from a.example.org (a.example.org [203.0.113.1]) by b.example.net;"
                + " Tue, 3 Nov 2026 09:12:02 +0900\r\n"
                + new String(noticeWithOneWeakSign(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8);
    String ja = signedIn("ja").upload("/mail", "/mail", "message", "r.eml", relayed).body();
    assertThat(ja).contains("id=\"relay-order\"", "新しいもの) から順に", "送った側 → 受け取った側");
    assertThat(ja.indexOf("b.example.net → mx.example.jp"))
        .isLessThan(ja.indexOf("a.example.org → b.example.net"));
    String en = signedIn("en").upload("/mail", "/mail", "message", "r.eml", relayed).body();
    assertThat(en).contains("Relays are listed newest first");
    // one relay needs no order
    String one =
        signedIn("en")
            .upload(
                "/mail",
                "/mail",
                "message",
                "one.eml",
                ("Received: from a.example.org (a.example.org [203.0.113.1]) by mx.example.jp;"
                        + " Tue, 3 Nov 2026 09:12:02 +0900\r\n"
                        + new String(noticeWithOneWeakSign(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8))
            .body();
    assertThat(one).doesNotContain("id=\"relay-order\"");
  }

  /** A lure whose link puts a rail operator's real domain at the start of another domain. */
  static byte[] lookalikeLure() {
    return ("From: \"えきねっと\" <info@qzxvb.cn>\r\nTo: taro@example.jp\r\n"
            + "Subject: =?UTF-8?B?44CQ44GI44GN44Gt44Gj44Go44CR44Ki44Kr44Km44Oz44OI56K66KqN?=\r\n"
            + "Date: Tue, 3 Nov 2026 09:12:00 +0900\r\nMessage-ID: <a1@qzxvb.cn>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n"
            + "えきねっと会員様\r\n\r\nアカウントの確認が必要です。以下からログインしてください。\r\n"
            + "https://www.eki-net.jp.qzxvb.cn/login\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * ux35's review: the look-alike sign read "… ≈ eki-net.jp", which a new analyst did not
   * understand. The page now says under the evidence, in the reader's language, which real domain
   * the link imitates, how, and where it really leads; the evidence itself is unchanged.
   */
  @Test
  void aLookalikeSaysWhichRealDomainItImitatesAndHow() {
    for (String language : new String[] {"ja", "en"}) {
      String page =
          signedIn(language)
              .upload("/mail", "/mail", "message", "lure.eml", lookalikeLure())
              .body();
      String said =
          page.substring(
              page.indexOf("data-flag=\"LOOKALIKE_DOMAIN\""),
              page.indexOf("</li>", page.indexOf("data-flag=\"LOOKALIKE_DOMAIN\"")));
      assertThat(said).contains("https://www.eki-net.jp.qzxvb.cn/login ≈ eki-net.jp (えきねっと)");
      if (language.equals("ja")) {
        assertThat(said)
            .contains(
                "class=\"evidence-said\">→ リンク先のドメイン www.eki-net.jp.qzxvb.cn は本物のドメイン"
                    + " eki-net.jp (えきねっと) で始まっていますが、実際には別のドメイン qzxvb.cn のものです");
      } else {
        assertThat(said)
            .contains(
                "class=\"evidence-said\">→ The link&#39;s host www.eki-net.jp.qzxvb.cn starts with the"
                    + " real domain eki-net.jp (えきねっと), but belongs to another domain, qzxvb.cn");
      }
    }
  }
}
