package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import jp.renkei.engine.text.Names;
import org.junit.jupiter.api.Test;

/**
 * The new analyst's review (ui23): the wording evidence read "password expir" and "ログインし", the
 * starts the phrase lists match, like typos; it now quotes the whole words with a little of their
 * sentence. And a cut of evidence never splits an emoji into a lone surrogate (shown as [U+D83D]).
 */
class MailEvidenceQuoteTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String b64(String s) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  @Test
  void anEnglishPhraseIsQuotedAsWholeWordsInItsSentence() {
    MailReport r =
        analyze(
            "From: IT Desk <desk@mail-notice.example>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Dear user, your password expires today. Verify your account at"
                + " http://mail-notice.example/login to keep your mailbox.\r\n");
    MailReport.Finding f =
        r.findings().stream()
            .filter(x -> x.flag() == RedFlag.CREDENTIAL_REQUEST)
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.findings()));
    assertThat(f.evidence()).contains("password expires").doesNotContain("expir\"", "expir,");
    // no quoted piece ends inside a word
    for (String q : f.evidence().split("\", \"")) {
      String inner = q.replace("\"", "").replace("…", "");
      assertThat(inner).doesNotMatch(".*\\b(?:expir|verif|passw)$");
    }
  }

  @Test
  void aLinksWordsGluedToItsAddressAreQuotedApart() {
    // a newsletter's plain-text part writes a headline and its link with nothing between them
    // (ux29: "…noch dringender mehr Muthttps://rp-online.de/…")
    MailReport r =
        analyze(
            "From: IT Desk <desk@mail-notice.example>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Dear user, your password expires todayhttp://mail-notice.example/login\r\n");
    MailReport.Finding f =
        r.findings().stream()
            .filter(x -> x.flag() == RedFlag.CREDENTIAL_REQUEST)
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.findings()));
    assertThat(f.evidence())
        .contains("password expires today http://mail-notice.")
        .doesNotContain("todayhttp");
    assertThat(MailQuotes.apart("mehr Muthttps://rp-online.de/x"))
        .isEqualTo("mehr Mut https://rp-online.de/x");
    // an address inside another one, or after a quote or a space, stays as it is
    assertThat(MailQuotes.apart("https://a.example/?u=https://b.example/"))
        .isEqualTo("https://a.example/?u=https://b.example/");
    assertThat(MailQuotes.apart("see https://a.example/")).isEqualTo("see https://a.example/");
  }

  @Test
  void aJapanesePhraseKeepsItsKanaEndingAndItsSentence() {
    String body = "お客様のアカウントに異常なログインがありました。下記よりログインしてください。";
    MailReport r =
        analyze(
            "From: "
                + b64("サポート")
                + " <support@account-check.example>\r\nTo: a@example.jp\r\n"
                + "Subject: "
                + b64("重要なお知らせ")
                + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                + "\r\n");
    List<MailReport.Finding> wording =
        r.findings().stream()
            .filter(
                x ->
                    x.flag() == RedFlag.CREDENTIAL_REQUEST
                        || x.flag() == RedFlag.URGENCY
                        || x.flag() == RedFlag.PAYMENT_LURE)
            .toList();
    assertThat(wording).as(r.findings().toString()).isNotEmpty();
    for (MailReport.Finding f : wording) {
      assertThat(f.evidence()).doesNotContain("ログインし\"").doesNotContain("ログインし,");
    }
  }

  @Test
  void theQuoteStaysInItsLineAndMarksWhereItWasCut() {
    String text =
        "subject\nplease note: your password expires today unless renewed soon by you.\nbye";
    assertThat(MailQuotes.inContext(text, "password expir"))
        .isEqualTo("please note: your password expires today unless renewed soon by…");
    assertThat(MailQuotes.inContext("ログインしてください。", "ログインし")).isEqualTo("ログインしてください");
    assertThat(MailQuotes.inContext("abc", "zzz")).isEqualTo("zzz");
    // two phrases of one sentence quote it once
    assertThat(MailQuotes.quoted("24時間以内に確認しない場合、アカウントを停止します。", List.of("24時間以内", "停止します")))
        .isEqualTo("\"24時間以内に確認しない場合、アカウントを停止します\"");
    String emoji = "\uD83D\uDE00".repeat(40) + " your password expires";
    assertThat(MailQuotes.inContext(emoji, "password expir"))
        .doesNotMatch("(?s).*[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF]).*")
        .doesNotMatch("(?s).*(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF].*");
  }

  /**
   * ui25: the quotes came from the lower-cased text the signs read ("your paypal account has been
   * limited", "microsoft 365 アカウント"); the reader sees them as the message wrote them.
   */
  @Test
  void aQuoteKeepsTheLetterCaseOfTheMessage() {
    MailReport r =
        analyze(
            "From: PayPal Service <service@paypal-account-security.example>\r\nTo: a@example.jp\r\n"
                + "Subject: Your PayPal Account Has Been Limited\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>We have noticed Unusual Activity on your PayPal account.</p><p>Please <b>Verify"
                + " Your   Identity</b> within 48 hours or your account will be permanently"
                + " suspended.</p><p><a href=\"http://198.51.100.23/signin\">Log in</a></p>\r\n");
    String creds = evidence(r, RedFlag.CREDENTIAL_REQUEST);
    assertThat(creds)
        .contains("Your PayPal Account Has Been Limited", "Unusual Activity on your PayPal account")
        .contains("Verify Your Identity")
        .doesNotContain("paypal account has been limited");
    assertThat(evidence(r, RedFlag.URGENCY)).contains("Verify Your Identity within 48 hours");
    String body = "24時間以内にこちらからMicrosoft 365 アカウントにサインインして確認してください。";
    MailReport ja =
        analyze(
            "From: "
                + b64("Microsoft 365 管理者")
                + " <admin@mailbox-notice.example>\r\nTo: a@example.jp\r\nSubject: "
                + b64("メールボックスの容量が上限に達しました")
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                + "\r\n");
    assertThat(evidence(ja, RedFlag.CREDENTIAL_REQUEST))
        .contains("Microsoft 365 アカウント")
        .doesNotContain("microsoft 365");
    // a full-width word is quoted folded (as the signs read it), in its own case
    assertThat(MailQuotes.asWritten("…verify your identity…", "Please ＶＥＲＩＦＹ"))
        .isEqualTo("…verify your identity…");
    assertThat(
            MailQuotes.asWritten("…verify your identity…", "x\nPlease Verify\n  Your Identity now"))
        .isEqualTo("…Verify Your Identity…");
  }

  /** The reach of a quote no longer cuts a number glued to a Japanese word ("時間以内" for 24時間以内). */
  @Test
  void aNumberAtTheEdgeOfTheReachIsQuotedWhole() {
    String text = "24時間以内にこちらからアカウントにサインインして本人確認をしてください";
    String q = MailQuotes.inContext(text, "本人確認");
    assertThat(q).startsWith("24時間以内");
    assertThat(MailQuotes.inContext("x".repeat(40) + " " + text, "本人確認")).startsWith("…24時間以内");
  }

  private static String evidence(MailReport r, RedFlag flag) {
    return r.findings().stream()
        .filter(x -> x.flag() == flag)
        .map(MailReport.Finding::evidence)
        .findFirst()
        .orElseThrow(() -> new AssertionError(flag + " not in " + r.findings()));
  }

  @Test
  void aCutNeverSplitsASurrogatePairOrAJoinedEmoji() {
    String text = "a".repeat(59) + "\uD83D\uDE00" + "tail";
    String cut = Names.cut(text, 60);
    assertThat(cut).isEqualTo("a".repeat(59) + "…");
    assertThat(Names.escapeInvisible(cut)).doesNotContain("[U+D83D]");
    String family = "x".repeat(10) + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67" + "y";
    for (int max = 10; max < family.length(); max++) {
      String c = Names.cut(family, max);
      assertThat(c).as("cut at " + max).doesNotContain("\u200D…").doesNotEndWith("\u200D");
      assertThat(Names.escapeInvisible(c)).doesNotContain("[U+D83D]", "[U+DC68]");
    }
    assertThat(Names.cut("short", 60)).isEqualTo("short");
    assertThat(Names.cut("e\u0301".repeat(5), 4)).isEqualTo("e\u0301e\u0301…");
  }

  @Test
  void aLongLinkShownAsEvidenceIsCutWholeCharacters() {
    String href = "http://198.51.100.7/" + "p".repeat(39) + "\uD83D\uDE00" + "rest-of-the-path";
    MailReport r =
        analyze(
            "From: a@sender.example\r\nTo: b@example.jp\r\nSubject: hi\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<a href=\""
                + href
                + "\">open</a>\r\n");
    assertThat(r.findings())
        .allSatisfy(
            f -> assertThat(Names.escapeInvisible(f.evidence())).doesNotContain("[U+D83D]"));
  }

  @Test
  void overlappingQuotesOfOneSentenceAreOneQuote() {
    // ui25's review: the URGENCY line quoted one sentence twice, in two overlapping pieces
    String text =
        "dear customer, your account will be suspended within 24 hours unless you confirm your"
            + " details. thank you.";
    String q = MailQuotes.quoted(text, List.of("will be suspended", "within 24 hours"));
    assertThat(q.split("\", \"")).as(q).hasSize(1);
    assertThat(q).contains("will be suspended within 24 hours");
    // a quote inside another, and one of another sentence, stay as they were
    assertThat(MailQuotes.quoted(text, List.of("will be suspended", "suspended")).split("\", \""))
        .hasSize(1);
    String two =
        MailQuotes.quoted(
            text + " " + "x ".repeat(30) + "act now.", List.of("within 24 hours", "act now"));
    assertThat(two.split("\", \"")).as(two).hasSize(2);

    MailReport r =
        analyze(
            "From: Service <notice@account-guard.example>\r\nTo: a@example.jp\r\nSubject: Notice\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Your account will be suspended within 24 hours unless you confirm your details"
                + " at http://account-guard.example/confirm today.\r\n");
    String urgency = evidence(r, RedFlag.URGENCY);
    assertThat(urgency.split("\", \"")).as(urgency).hasSize(1);
    assertThat(urgency).contains("will be suspended within 24 hours");
  }

  @Test
  void japaneseOverlappingQuotesAreOneQuote() {
    String text = "24時間以内にご確認いただけない場合、アカウントを停止します。";
    String q = MailQuotes.quoted(text, List.of("24時間以内", "アカウントを停止します"));
    assertThat(q).isEqualTo("\"24時間以内にご確認いただけない場合、アカウントを停止します\"");
  }
}
