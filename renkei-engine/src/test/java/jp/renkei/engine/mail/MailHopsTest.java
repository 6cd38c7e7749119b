package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receiver's own Received hops and the hop that handed the message in ({@link MailHops}), on
 * the chains real receivers write: the reader's LMTP delivery to the mailbox, Google's and
 * Microsoft 365's internal hops, a content filter on the same machine, a list's outbound relay, and
 * headers a sender wrote below the receiver's boundary.
 */
class MailHopsTest {

  static List<MailReport.Hop> hops(String... received) {
    MailState st = new MailState(MailAnalyzer.Limits.DEFAULT);
    for (String r : received) {
      MailEnvelope.received(r, st);
    }
    return st.hops;
  }

  static final List<MailReport.Hop> LMTP =
      hops(
          "from mail.lfdr.de by lfdr with LMTP id 9ZfKAbx7MWnv for <me@lfdr.de>;"
              + " Sat, 6 Dec 2025 01:02:04 +0100",
          "from sin.source.kernel.org (sin.source.kernel.org [145.40.73.55]) by mail.lfdr.de"
              + " (Postfix) with ESMTPS id 4F2A1C0 for <me@lfdr.de>; Sat, 6 Dec 2025 01:02:03 +0100",
          "from smtp.subspace.kernel.org (smtp.subspace.kernel.org [100.75.92.58]) by"
              + " sin.source.kernel.org (Postfix) with ESMTP id 1B2C3D; Sat, 6 Dec 2025 00:02:02"
              + " +0000");

  static final List<MailReport.Hop> GOOGLE =
      hops(
          "by 2002:a05:6a10:8c0f:b0:5a1:2f3e:9a1c with SMTP id r15csp1234567pxb; Tue, 2 Dec 2025"
              + " 01:02:04 -0800 (PST)",
          "from mail.shop-example.co.jp (mail.shop-example.co.jp. [203.0.113.25]) by"
              + " mx.google.com with ESMTPS id d9443c01a7336-29a1234567si12345 for"
              + " <taro@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);"
              + " Tue, 02 Dec 2025 01:02:03 -0800 (PST)",
          "from [192.0.2.7] (unknown [192.0.2.7]) by mail.shop-example.co.jp (Postfix) with"
              + " ESMTPSA id 5E6F7A8 for <taro@gmail.com>; Tue,  2 Dec 2025 18:02:02 +0900 (JST)");

  static final List<MailReport.Hop> GOOGLE_OLD =
      hops(
          "by 10.143.160.8 with SMTP id m8cs12345wfo; Sun, 12 Apr 2009 09:01:03 -0700 (PDT)",
          "by 10.223.161.211 with SMTP id r19mr1234567fax.12.1239552062945; Sun, 12 Apr 2009"
              + " 09:01:02 -0700 (PDT)",
          "from liszt.debian.org (liszt.debian.org [82.195.75.100]) by mx.google.com with ESMTP"
              + " id 11si1234567fxm.10.2009.04.12.09.01.01; Sun, 12 Apr 2009 09:01:02 -0700 (PDT)",
          "from localhost (localhost [127.0.0.1]) by liszt.debian.org (Postfix) with QMQP id"
              + " 3C4D5E; Sun, 12 Apr 2009 16:01:00 +0000 (UTC)");

  static final List<MailReport.Hop> MICROSOFT_365 =
      hops(
          "from TYWPR01MB8591.jpnprd01.prod.outlook.com (2603:1096:400:160::8) by"
              + " OS3PR01MB6424.jpnprd01.prod.outlook.com with HTTPS; Wed, 4 Dec 2024 01:02:03"
              + " +0000",
          "from TYCP286CA0123.JPNP286.PROD.OUTLOOK.COM (2603:1096:400:2b6::15) by"
              + " TYWPR01MB8591.jpnprd01.prod.outlook.com (2603:1096:400:160::8) with Microsoft"
              + " SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id"
              + " 15.20.8207.18; Wed, 4 Dec 2024 01:02:02 +0000",
          "from OS1PEPF00001234.jpnprd01.prod.outlook.com (2603:1096:400:2b6:cafe::a1) by"
              + " TYCP286CA0123.outlook.office365.com (2603:1096:400:2b6::15) with Microsoft SMTP"
              + " Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.18 via"
              + " Frontend Transport; Wed, 4 Dec 2024 01:02:02 +0000",
          "from mail.shop-example.co.jp (203.0.113.25) by"
              + " OS1PEPF00001234.mail.protection.outlook.com (10.167.240.24) with Microsoft SMTP"
              + " Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8230.7 via"
              + " Frontend Transport; Wed, 4 Dec 2024 01:02:01 +0000");

  /** A list host's own relay handing on what its list server sent (MailListOutboundRelayTest). */
  static final List<MailReport.Hop> LIST_RELAY =
      hops(
          "from out2.listhost-example.com (out2.listhost-example.com [192.0.2.11]) by"
              + " mail.reader-example.net (Postfix) with ESMTPS id 1A2B3C for"
              + " <me@reader-example.net>; Fri,  8 Aug 2025 20:59:00 +0200",
          "from smtp.listhost-example.com (relay.listhost-example.com [192.0.2.10]) by"
              + " out2.listhost-example.com (Postfix) with ESMTPS id 782045821C5 for"
              + " <me@reader-example.net>; Fri,  8 Aug 2025 18:58:58 +0000",
          "from localhost.localdomain (localhost.localdomain [127.0.0.1]) by"
              + " smtp.listhost-example.com (Postfix) with ESMTP id B4C21276030; Fri,  8 Aug 2025"
              + " 18:58:54 +0000",
          "from out-24.smtp.code-example.com (out-24.smtp.code-example.com [198.51.100.207]) by"
              + " smtp.listhost-example.com (Postfix) with ESMTPS id C491B1361 for"
              + " <dev@lists.radio-example.org>; Fri,  8 Aug 2025 18:58:54 +0000");

  @Test
  void theReadersLmtpDeliveryToTheMailboxIsInternal() {
    assertThat(MailHops.receiverOf(LMTP)).isEqualTo("lfdr.de");
    assertThat(MailHops.handedIn(LMTP, "lfdr.de")).isEqualTo(1);
    assertThat(LMTP.get(1).from()).isEqualTo("sin.source.kernel.org");
  }

  @Test
  void googlesInternalHopsUnderAddressesAreInternal() {
    assertThat(MailHops.receiverOf(GOOGLE)).isEqualTo("google.com");
    assertThat(MailHops.handedIn(GOOGLE, "google.com")).isEqualTo(1);
    assertThat(MailHops.receiverOf(GOOGLE_OLD)).isEqualTo("google.com");
    assertThat(MailHops.handedIn(GOOGLE_OLD, "google.com")).isEqualTo(2);
  }

  @Test
  void microsoftsHostsUnderTwoNamesAreInternalUpToTheBoundary() {
    // the same front-end server is TYCP286CA0123.JPNP286.PROD.OUTLOOK.COM to the hop above and
    // TYCP286CA0123.outlook.office365.com in its own header: the sender side decides
    assertThat(MailHops.receiverOf(MICROSOFT_365)).isEqualTo("outlook.com");
    assertThat(MailHops.handedIn(MICROSOFT_365, "outlook.com")).isEqualTo(3);
    assertThat(MICROSOFT_365.get(3).from()).isEqualTo("mail.shop-example.co.jp");
  }

  @Test
  void aContentFilterOnTheSameMachineIsInternal() {
    List<MailReport.Hop> h =
        hops(
            "from localhost (localhost [127.0.0.1]) by mail.example.jp (Postfix) with ESMTP id"
                + " 9A8B7C for <taro@example.jp>; Tue, 9 Dec 2025 09:00:02 +0900",
            "from mta1.mailer.example.net (mta1.mailer.example.net [198.51.100.7]) by"
                + " mail.example.jp (Postfix) with ESMTPS id 6D5E4F for <taro@example.jp>; Tue, 9"
                + " Dec 2025 09:00:01 +0900");
    assertThat(MailHops.handedIn(h, "example.jp")).isEqualTo(1);
  }

  @Test
  void theListsOwnRelayHandsTheMessageToTheReader() {
    assertThat(MailHops.receiverOf(LIST_RELAY)).isEqualTo("reader-example.net");
    assertThat(MailHops.handedIn(LIST_RELAY, "reader-example.net")).isZero();
    // the list host's check, as its own relay handed it on, is upstream; the reader's is not
    assertThat(MailEnvelope.writtenByLastSender("smtp.listhost-example.com; dkim=fail", LIST_RELAY))
        .isTrue();
    assertThat(MailEnvelope.writtenByLastSender("mx.reader-example.net; dkim=fail", LIST_RELAY))
        .isFalse();
  }

  @Test
  void resultsOfTheReadersOwnDomainAreNeverUpstream() {
    // below the LMTP delivery, the reader's own second server wrote the results
    List<MailReport.Hop> h =
        hops(
            "from mail.lfdr.de by lfdr with LMTP id 9Z; Sat, 6 Dec 2025 01:02:05 +0100",
            "from smtp.lfdr.de (smtp.lfdr.de [192.0.2.30]) by mail.lfdr.de (Postfix) with ESMTPS"
                + " id 1A; Sat, 6 Dec 2025 01:02:04 +0100",
            "from sin.source.kernel.org (sin.source.kernel.org [145.40.73.55]) by smtp.lfdr.de"
                + " (Postfix) with ESMTPS id 2B; Sat, 6 Dec 2025 01:02:03 +0100");
    assertThat(MailHops.handedIn(h, "lfdr.de")).isEqualTo(2);
    assertThat(MailEnvelope.writtenByLastSender("smtp.lfdr.de; dkim=fail", h)).isFalse();
    assertThat(MailEnvelope.writtenByLastSender("sin.source.kernel.org; dkim=fail", h)).isTrue();
  }

  @Test
  void aReceivedHeaderTheSenderWroteBelowTheBoundaryIsNeverRead() {
    // the sender wrote a hop in the receiver's name under the boundary's own header
    List<MailReport.Hop> h =
        hops(
            "from edge.example.jp (edge.example.jp [192.0.2.10]) by inbox.example.jp with ESMTPS"
                + " id A1 for <taro@example.jp>; Tue, 9 Dec 2025 00:01:13 +0000",
            "from mta1.mailer.example.net (mta1.mailer.example.net [198.51.100.7]) by"
                + " edge.example.jp with ESMTPS id B2; Tue, 9 Dec 2025 00:01:12 +0000",
            "from lists.example.jp (lists.example.jp [192.0.2.99]) by edge.example.jp with"
                + " ESMTPS id C3; Tue, 9 Dec 2025 00:01:11 +0000");
    assertThat(MailHops.handedIn(h, "example.jp")).isEqualTo(1);
  }

  @Test
  void aPeerTheBoundaryCouldNotNameStopsTheWalk() {
    // "from unknown" and a HELO of "localhost" from an outside address are the handing hop, not
    // skipped: the forged hop below them names a list that never handled the message
    for (String peer :
        List.of("unknown ([198.51.100.7])", "localhost (mta1.mailer.example.net [198.51.100.7])")) {
      List<MailReport.Hop> h =
          hops(
              "from "
                  + peer
                  + " by mx.example.jp (Postfix) with ESMTP id 1A for <taro@example.jp>; Tue, 9"
                  + " Dec 2025 00:01:12 +0000",
              "from mail.lists-example.org (mail.lists-example.org [192.0.2.50]) by"
                  + " mx.example.jp with ESMTPS id 2B; Tue, 9 Dec 2025 00:01:11 +0000");
      assertThat(MailHops.handedIn(h, "example.jp")).isZero();
    }
  }

  @Test
  void aHopWithoutSenderUnderAnotherDomainIsNotTheReceivers() {
    List<MailReport.Hop> h =
        hops(
            "by filterdrecv-7bc6d5f8b9-x2x4k with SMTP id filterdrecv-7bc6d5f8b9-x2x4k-1-5F;"
                + " Tue, 9 Dec 2025 00:01:13 +0000",
            "by mail.sender-example.com with SMTP id 3C; Tue, 9 Dec 2025 00:01:12 +0000");
    assertThat(MailHops.handedIn(h, "example.jp")).isEqualTo(1);
  }

  @Test
  void noReceiverNoHandingHop() {
    assertThat(MailHops.handedIn(LMTP, null)).isEqualTo(-1);
    assertThat(MailHops.receiverOf(List.of())).isNull();
    assertThat(MailHops.handedIn(GOOGLE_OLD.subList(0, 2), "google.com")).isEqualTo(-1);
  }

  /**
   * attack39: what the receiving host recorded of the connection, against the name it was given.
   */
  @Test
  void aHeloInTheReceiversDomainCountsOnlyWhereTheReceiversOwnRecordAgrees() {
    List<MailReport.Hop> h =
        hops(
            "from edge.example.jp (host5.evil-example.net [203.0.113.9]) by inbox.example.jp with"
                + " ESMTPS id A1; Tue, 9 Dec 2025 00:01:13 +0000",
            "from edge.example.jp (unknown [203.0.113.9]) by inbox.example.jp with ESMTPS id A2;"
                + " Tue, 9 Dec 2025 00:01:13 +0000",
            "from edge.example.jp (mail.evil-example.net [203.0.113.9]) (may be forged) by"
                + " inbox.example.jp with ESMTP id A3; Tue, 9 Dec 2025 00:01:13 +0000",
            "from edge.example.jp (edge.example.jp. [192.0.2.25]) by inbox.example.jp with ESMTPS"
                + " id A4; Tue, 9 Dec 2025 00:01:13 +0000",
            "from relay.example.jp (unknown [10.1.2.3]) by inbox.example.jp with ESMTP id A5;"
                + " Tue, 9 Dec 2025 00:01:13 +0000",
            "from relay.example.jp (ip-10-1-2-4.ec2.internal [10.1.2.4]) by inbox.example.jp with"
                + " ESMTP id A6; Tue, 9 Dec 2025 00:01:13 +0000",
            "from mx.example.jp ([203.0.113.7] helo=edge.example.jp) by inbox.example.jp with esmtp"
                + " id A7; Tue, 9 Dec 2025 00:01:13 +0000");
    assertThat(h)
        .extracting(MailReport.Hop::peer)
        .containsExactly(
            "host5.evil-example.net",
            "unknown",
            MailHops.FORGED,
            "edge.example.jp",
            "unknown",
            "ip-10-1-2-4.ec2.internal",
            null);
    assertThat(h)
        .extracting(x -> MailHops.contradicted(x, "example.jp"))
        .containsExactly(true, true, true, false, false, false, false);
    assertThat(MailHops.vouched(h, 1, "example.jp")).isFalse();
    assertThat(MailHops.vouched(h.subList(3, 7), 4, "example.jp")).isTrue();
  }
}
