package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A receiver with two servers of its own: the boundary server takes the message in from outside and
 * records its checks, the inner server records its own after the boundary has handled the message.
 * The boundary's results are the ones that saw the message as it came; a header in the receiver's
 * name written by anyone else still counts for nothing.
 */
class MailBoundaryResultsTest {

  static final String INNER_HOP =
      "Received: from edge.example.jp (edge.example.jp [192.0.2.10]) by inbox.example.jp"
          + " with ESMTPS id A1 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:13 +0000\r\n";

  static final String INNER_RESULTS =
      "Authentication-Results: inbox.example.jp; dkim=fail reason=\"signature verification"
          + " failed\" header.d=shop.example.com header.b=abc\r\n";

  static final String BOUNDARY_HOP =
      "Received: from mta1.mailer.example.net (mta1.mailer.example.net [198.51.100.7]) by"
          + " edge.example.jp with ESMTPS id B2 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:12"
          + " +0000\r\n";

  static final String BOUNDARY_RESULTS =
      "Authentication-Results: edge.example.jp; dkim=pass header.d=shop.example.com"
          + " header.b=abc\r\n";

  static final String NOTICE =
      "<p>Thank you for your order. It will be shipped within two days.</p>"
          + "<p><a href=\"https://www.shop.example.com/orders\">Your orders</a></p>";

  MailReport notice(String headers) {
    return TestMail.analyzeBase64(
        headers
            + "From: Shop <orders@shop.example.com>\r\nTo: taro@example.jp\r\n"
            + "Subject: Your order\r\n",
        "text/html",
        NOTICE);
  }

  @Test
  void theBoundaryServersPassIsBelievedOverTheInnerServersFail() {
    MailReport r = notice(INNER_HOP + INNER_RESULTS + BOUNDARY_HOP + BOUNDARY_RESULTS);
    assertThat(r.authentication().dkim()).isEqualTo("pass");
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.AUTHENTICATION_FAILED, RedFlag.NOT_ALIGNED);
  }

  @Test
  void theInnerServersFailStandsWithoutAReceivedHeaderNamingTheBoundary() {
    // the same lower header, but no Received header of the receiver says the message came from
    // edge.example.jp: the sender may have written it
    MailReport r = notice(INNER_RESULTS + BOUNDARY_HOP + BOUNDARY_RESULTS);
    assertThat(r.authentication().dkim()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void aHeaderInTheBoundarysNameBelowTheOutsideHopsCountsForNothing() {
    // the boundary's own Received header above, then a header in its name written further down,
    // below a hop of the sender's own servers
    MailReport r =
        notice(
            INNER_HOP
                + INNER_RESULTS
                + BOUNDARY_HOP
                + "Received: from [10.0.0.5] by mta1.mailer.example.net; Tue, 9 Dec 2025 00:01:11"
                + " +0000\r\n"
                + BOUNDARY_RESULTS);
    assertThat(r.authentication().dkim()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED);
  }

  @Test
  void anotherReceiversResultsBelowAreNotTheBoundarys() {
    // a forwarding mailbox's results (another domain) below the receiver's own
    MailReport r =
        notice(
            INNER_HOP
                + INNER_RESULTS
                + BOUNDARY_HOP
                + "Authentication-Results: mx.forwarder.example.org; dkim=pass"
                + " header.d=shop.example.com\r\n");
    assertThat(r.authentication().dkim()).isEqualTo("fail");
  }

  @Test
  void theAuthservIdIsTheHostBeforeTheFirstSemicolon() {
    assertThat(MailEnvelope.authservId(" edge.example.jp; dkim=pass")).isEqualTo("edge.example.jp");
    assertThat(MailEnvelope.authservId("Edge.Example.JP 1; spf=none")).isEqualTo("edge.example.jp");
    assertThat(MailEnvelope.authservId(" ; dkim=pass")).isNull();
    assertThat(MailEnvelope.authservId("")).isNull();
  }
}
