package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A brand's own address written into From and handed over by a machine no brand sends from
 * (BRAND_SENDER_HOST, naz37): no reverse DNS name, or the name of a home or dynamic line. The
 * brand's real mail from its named servers, an authenticated sender, a free-mail writer on a home
 * line and list mail keep their verdict. Every message here is written for this test; the addresses
 * are documentation addresses or made up.
 */
class MailBrandSenderHostTest {

  private static MailReport analyze(String eml) {
    return new MailAnalyzer()
        .analyze(new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<RedFlag> flags(MailReport r) {
    return r.findings().stream().map(MailReport.Finding::flag).toList();
  }

  /** A plain letter: no link, no wording of credentials or payment. */
  private static String letter(String received, String from, String extraHeaders) {
    return received
        + "From: "
        + from
        + "\r\n"
        + "To: taro@example.jp\r\n"
        + "Subject: Notice about your profile\r\n"
        + "Date: Mon, 28 Feb 2005 15:49:07 +0000\r\n"
        + "Message-ID: <20050228155915.173E2@mail2.example.jp>\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=us-ascii\r\n"
        + "\r\n"
        + "Dear member,\r\n\r\nWe have reviewed your profile and made a note of it.\r\n"
        + "Please read the notice we will send you next week.\r\n\r\nCustomer Service\r\n";
  }

  private static final String INTERNAL =
      "Received: from mail2.example.jp (mail2.example.jp [192.168.64.8])\r\n"
          + "\tby mail1.example.jp (Postfix) with ESMTP id 649FF85A8DA\r\n"
          + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:48:57 -0500 (EST)\r\n";

  @Test
  void aBrandAddressFromAHostWithoutReverseNameIsFlagged() {
    MailReport lure =
        analyze(
            letter(
                INTERNAL
                    + "Received: from 203.0.113.118 (unknown [203.0.113.118])\r\n"
                    + "\tby mail2.example.jp (Postfix) with SMTP id 173E218369F\r\n"
                    + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                "\"PayPal\" <service@paypal.com>",
                ""));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.BRAND_SENDER_HOST);
    assertThat(lure.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
    MailReport.Finding f =
        lure.findings().stream()
            .filter(x -> x.flag() == RedFlag.BRAND_SENDER_HOST)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence(true)).contains("service@paypal.com", "203.0.113.118", "no reverse");
    assertThat(f.evidence(false)).contains("逆引きの名前なし");
  }

  @Test
  void aBrandAddressFromAHomeLineIsFlagged() {
    for (String name :
        List.of(
            "c-198-51-100-131.hsd1.il.example.net",
            "dsl81-215-55022.adsl.example.net.tr",
            "cpc3-midd2-3-0-cust79.midd.cable.example.com",
            "YahooBB219206005021.bbtec.example")) {
      MailReport lure =
          analyze(
              letter(
                  "Received: from wamu.com ("
                      + name
                      + " [198.51.100.131])\r\n"
                      + "\tby mail1.example.jp (Postfix) with SMTP id 2680085A\r\n"
                      + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                  "Washington Mutual <support@wamu.com>",
                  ""));
      assertThat(flags(lure)).as(name + " " + lure.findings()).contains(RedFlag.BRAND_SENDER_HOST);
    }
  }

  @Test
  void aGovernmentOrABankNamedInTheSenderNameCountsAsWell() {
    for (String from :
        List.of(
            "\"National Credit Union Administration\" <service@ncua.gov>",
            "\"Union Planters Bank\" <upib@unionplanters.example>",
            "\"Accounts PayPal\" <r0ger6@isp-q.example>")) {
      MailReport lure =
          analyze(
              letter(
                  "Received: from mail.com (unknown [203.0.113.67])\r\n"
                      + "\tby mail1.example.jp (Postfix) with SMTP id 1B3B985ADA0\r\n"
                      + "\tfor <taro@example.jp>; Tue, 5 Apr 2005 10:59:15 -0500 (EST)\r\n",
                  from,
                  ""));
      assertThat(flags(lure)).as(from + " " + lure.findings()).contains(RedFlag.BRAND_SENDER_HOST);
    }
    // a company that is neither, on a line without a reverse name: not this sign's to judge
    MailReport plain =
        analyze(
            letter(
                "Received: from mail.com (unknown [203.0.113.67])\r\n"
                    + "\tby mail1.example.jp (Postfix) with SMTP id 1B3B985ADA0\r\n"
                    + "\tfor <taro@example.jp>; Tue, 5 Apr 2005 10:59:15 -0500 (EST)\r\n",
                "\"Hanako Sato\" <hanako@small-shop.example>",
                ""));
    assertThat(flags(plain)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
  }

  @Test
  void aBrandAddressWrittenInAHomeMailProgramIsFlagged() {
    String named =
        "Received: from smtp803.mail.example.com (smtp803.mail.example.com [198.51.100.182])\r\n"
            + "\tby mail1.example.jp with SMTP id XAA01847\r\n"
            + "\tfor <taro@example.jp>; Thu, 14 Apr 2005 23:37:37 -0400\r\n";
    MailReport lure =
        analyze(
            letter(
                named,
                "\"Amazon.com\" <payments@amazon.com>",
                "X-Mailer: Microsoft Outlook Express 6.00.2800.1106\r\n"));
    assertThat(flags(lure)).as(lure.findings().toString()).contains(RedFlag.BRAND_SENDER_HOST);
    // the same from the brand's mailing system: nothing to say
    MailReport real = analyze(letter(named, "\"Amazon.com\" <payments@amazon.com>", ""));
    assertThat(flags(real)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
    // a person writing from free mail in Outlook Express is no brand
    MailReport person =
        analyze(
            letter(
                named,
                "Hanako <hanako@gmail.com>",
                "X-Mailer: Microsoft Outlook Express 6.00.2800.1106\r\n"));
    assertThat(flags(person)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
  }

  @Test
  void theBrandsOwnNamedServerIsNotFlagged() {
    MailReport real =
        analyze(
            letter(
                "Received: from smf-camp10.smf.ebay.com (smfcamppool10.emailebay.com"
                    + " [66.135.215.239])\r\n"
                    + "\tby mail1.example.jp (Postfix) with ESMTP id 1B3B985ADA0\r\n"
                    + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                "\"eBay\" <eBay@reply3.ebay.com>",
                ""));
    assertThat(flags(real)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
    assertThat(real.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAuthenticatedSenderIsNotFlagged() {
    MailReport real =
        analyze(
            letter(
                "Received: from 203.0.113.118 (unknown [203.0.113.118])\r\n"
                    + "\tby mx.example.jp (Postfix) with ESMTP id 173E218369F\r\n"
                    + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                "\"PayPal\" <service@paypal.com>",
                "Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=paypal.com;"
                    + " dkim=pass header.d=paypal.com; dmarc=pass header.from=paypal.com\r\n"));
    assertThat(flags(real)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
  }

  @Test
  void aFreeMailWriterOnAHomeLineAndListMailAreNotFlagged() {
    MailReport person =
        analyze(
            letter(
                "Received: from laptop (c-198-51-100-131.hsd1.il.example.net"
                    + " [198.51.100.131])\r\n"
                    + "\tby mail1.example.jp (Postfix) with ESMTP id 2680085A\r\n"
                    + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                "Hanako <hanako@gmail.com>",
                ""));
    assertThat(flags(person)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
    MailReport list =
        analyze(
            letter(
                "Received: from 203.0.113.118 (unknown [203.0.113.118])\r\n"
                    + "\tby mail1.example.jp (Postfix) with SMTP id 173E218369F\r\n"
                    + "\tfor <taro@example.jp>; Mon, 28 Feb 2005 10:59:15 -0500 (EST)\r\n",
                "Engineer <someone@microsoft.com>",
                "List-Id: <users.lists.example.org>\r\n"));
    assertThat(flags(list)).doesNotContain(RedFlag.BRAND_SENDER_HOST);
  }

  @Test
  void readsTheFirstHostOutsideTheReceiver() {
    assertThat(
            MailBrandSenderHost.entryHost(
                List.of(
                    "by mx.example.jp with LMTP id 1",
                    "from mail2.example.jp (mail2.example.jp [10.23.1.4]) by mail1.example.jp",
                    "from x (unknown [203.0.113.9]) by mail2.example.jp",
                    "from y (host.example.org [198.51.100.7]) by x")))
        .containsExactly("", "203.0.113.9");
    assertThat(
            MailBrandSenderHost.entryHost(
                List.of("from [203.0.113.9] (helo=x) by mx.example.jp with esmtp (Exim 4.96)")))
        .containsExactly("", "203.0.113.9");
    assertThat(
            MailBrandSenderHost.entryHost(
                List.of("from mta1.example.com (mta1.example.com [198.51.100.7]) by mx")))
        .containsExactly("mta1.example.com", "198.51.100.7");
    assertThat(MailBrandSenderHost.accessLine("mta1.example.com", "198.51.100.7")).isFalse();
    assertThat(MailBrandSenderHost.accessLine("smfcamppool10.emailebay.com", "66.135.215.239"))
        .isFalse();
    assertThat(MailBrandSenderHost.accessLine("pool-198-51-100-7.example.net", "198.51.100.7"))
        .isTrue();
    // the connecting address spelled in hexadecimal, or in twelve zero-padded digits
    assertThat(MailBrandSenderHost.accessLine("c9113f06.rjo.example.com.br", "201.17.63.6"))
        .isTrue();
    assertThat(MailBrandSenderHost.accessLine("200164213025.user.example.br", "200.164.213.25"))
        .isTrue();
    assertThat(MailBrandSenderHost.accessLine("c9113f06.rjo.example.com.br", "198.51.100.7"))
        .isFalse();
  }
}
