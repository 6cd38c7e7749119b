package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ux40's walk: an Outlook lure's decoy https://www.smbc-card.com/… — only the text the real link
 * shows, read again as a URL of the HTML's visible text — stood among the report's links as a link
 * of its own, for an analyst to block the real card company by. The report names such URLs ({@link
 * MailReport#shownOnlyUrls}, from a plain-text part or the HTML's text), the page says so beside
 * them.
 */
class MailShownOnlyLinksTest {

  @Test
  void theDecoyAnotherLinkShowsIsNamedAndARealLinkIsNot() {
    String eml =
        "From: カード会社 <info@card-support.example.net>\r\nTo: a@sakura-bank.co.jp\r\n"
            + "Subject: ご利用確認\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=\"a\"\r\n\r\n"
            + "--a\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "下記よりログインしてください。\r\nhttps://www.smbc-card.com/mem/index.jsp\r\n"
            + "お知らせ: https://news.card-support.example.net/info\r\n"
            + "--a\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>下記よりログインしてください。</p><p><a href=\"http://smbc-card.verify-login.example.net/login\">"
            + "https://www.smbc-card.com/mem/index.jsp</a></p>"
            + "<p>お知らせ: <a href=\"https://news.card-support.example.net/info\">"
            + "https://news.card-support.example.net/info</a></p>\r\n"
            + "--a--\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.links())
        .extracting(MailReport.Link::url)
        .contains("https://www.smbc-card.com/mem/index.jsp");
    assertThat(r.shownOnlyUrls()).containsExactly("https://www.smbc-card.com/mem/index.jsp");
  }

  @Test
  void anHtmlOnlyLuresAnchorTextReadAsAUrlIsNamedToo() {
    String eml =
        "From: カード会社 <info@card-support.example.net>\r\nTo: a@sakura-bank.co.jp\r\n"
            + "Subject: ご利用確認\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>下記よりログインしてください。</p><p><a href=\"http://smbc-card.verify-login.example.net/login\">"
            + "https://www.smbc-card.com/mem/index.jsp</a></p>\r\n";
    MailReport r =
        new MailAnalyzer().analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
    assertThat(r.shownOnlyUrls()).containsExactly("https://www.smbc-card.com/mem/index.jsp");
  }
}
