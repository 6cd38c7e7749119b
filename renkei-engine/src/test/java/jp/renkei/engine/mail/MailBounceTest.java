package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Delivery status notifications (bounces, bounce22): real ones, in the forms several MTAs write,
 * are read as bounces (their diagnostic is no lure, their null or daemon sender no malformed one, a
 * provider's own MAILER-DAEMON no impersonator); a returned lure keeps its signs; and mail that
 * only looks like a bounce (no report structure, a form, a link to log in) keeps its own.
 */
class MailBounceTest {

  static MailReport analyze(String raw) {
    return TestMail.analyze(TestMail.crlf(raw));
  }

  /** The message the bounces below return: an ordinary note from the reader. */
  static final String RETURNED =
      """
      Return-Path: <t.yamada@example-corp.co.jp>
      Received: from pc12.example-corp.co.jp ([192.0.2.44])
      \tby mx.example-corp.co.jp with ESMTP id 8F2A1; Tue, 3 Nov 2026 09:12:01 +0900
      From: Taro Yamada <t.yamada@example-corp.co.jp>
      To: h.suzuki@examp1e-partner.co.jp
      Subject: Meeting on Thursday
      Date: Tue, 3 Nov 2026 09:12:00 +0900
      Message-ID: <20261103091200.1234@example-corp.co.jp>

      Suzuki-san, shall we move Thursday's meeting to 15:00? Taro
      """;

  static String report(String from, String subject, String human, String status, String returned) {
    return """
        Return-Path: <>
        Received: from mx.example-corp.co.jp ([192.0.2.10])
        \tby mail.example-corp.co.jp with ESMTP id 77A1; Tue, 3 Nov 2026 09:12:05 +0900
        Authentication-Results: mail.example-corp.co.jp; spf=none smtp.helo=mx.example-corp.co.jp
        From: %s
        To: t.yamada@example-corp.co.jp
        Subject: %s
        Date: Tue, 3 Nov 2026 09:12:05 +0900
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="RPT"

        --RPT
        Content-Type: text/plain; charset=us-ascii

        %s
        --RPT
        Content-Type: message/delivery-status

        %s
        --RPT
        Content-Type: message/rfc822

        %s
        --RPT--
        """
        .formatted(from, subject, human, status, returned);
  }

  static final String STATUS_FULL =
      """
      Reporting-MTA: dns; mx.example-corp.co.jp

      Final-Recipient: rfc822; h.suzuki@examp1e-partner.co.jp
      Action: failed
      Status: 5.2.2
      Diagnostic-Code: smtp; 552 5.2.2 Mailbox full, quota exceeded
      """;

  @Test
  void aPostfixReportOfAFullMailboxIsClean() {
    MailReport r =
        analyze(
            report(
                "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                """
                This is the mail system at host mx.example-corp.co.jp.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <h.suzuki@examp1e-partner.co.jp>: host mx.examp1e-partner.co.jp said:
                    552 5.2.2 Mailbox full, quota exceeded (in reply to RCPT TO command)
                """,
                STATUS_FULL,
                RETURNED));
    assertThat(TestMail.flags(r))
        .doesNotContain(
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.PAYMENT_LURE,
            RedFlag.UNAUTHENTICATED,
            RedFlag.LOOKALIKE_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.problems())
        .anySatisfy(
            p -> {
              // the page's heading says "read as a bounce": the note lists the traits this
              // message has (ui23), not the heading again nor every trait a bounce can have
              assertThat(p.kind()).isEqualTo("bounce");
              assertThat(p.ja()).contains("RFC 3464 の配送状態パート").doesNotContain("として読みました");
              assertThat(p.en())
                  .contains("an RFC 3464 delivery-status part")
                  .doesNotContain("read as a delivery status notification");
            });
  }

  @Test
  void anExchangeReportFromTheProvidersOwnPostmasterIsNoImpersonation() {
    MailReport r =
        analyze(
            report(
                "Microsoft Outlook <postmaster@outlook.com>",
                "Undeliverable: Meeting on Thursday",
                """
                Delivery has failed to these recipients or groups:

                h.suzuki@examp1e-partner.co.jp
                The recipient's mailbox is full and can't accept messages now.

                Diagnostic information for administrators:
                Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'
                """,
                STATUS_FULL,
                RETURNED));
    assertThat(TestMail.flags(r))
        .doesNotContain(
            RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
            RedFlag.FREEMAIL_LURE,
            RedFlag.CREDENTIAL_REQUEST,
            RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aQmailFailureNoticeWithTheCopyInlineIsClean() {
    MailReport r =
        analyze(
            """
            Return-Path: <>
            From: MAILER-DAEMON@mail.example-isp.ne.jp
            To: t.yamada@example-corp.co.jp
            Subject: failure notice
            Date: Tue, 3 Nov 2026 09:12:05 +0900

            Hi. This is the qmail-send program at mail.example-isp.ne.jp.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <h.suzuki@examp1e-partner.co.jp>:
            Sorry, no mailbox here by that name. (#5.1.1)

            --- Below this line is a copy of the message.

            """
                + RETURNED);
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.MALFORMED_SENDER, RedFlag.LOOKALIKE_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anEximReportFromANullSenderWithoutAnAddressIsClean() {
    MailReport r =
        analyze(
            """
            Return-Path: <>
            From: MAILER-DAEMON <>
            To: t.yamada@example-corp.co.jp
            Subject: Mail delivery failed: returning message to sender
            Date: Tue, 3 Nov 2026 09:12:05 +0900

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              h.suzuki@examp1e-partner.co.jp
                SMTP error from remote mail server after RCPT TO:<h.suzuki@examp1e-partner.co.jp>:
                550 5.1.1 User unknown; account has been disabled

            ------ This is a copy of the message, including all the headers. ------

            """
                + RETURNED);
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.MALFORMED_SENDER, RedFlag.PAYMENT_LURE, RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aReturnedLureIsStillJudgedWithItsLinkAndWords() {
    String lure =
        """
        From: PayPal Service <service@paypal-support-center.example>
        To: someone@example.org
        Subject: Your account has been limited
        Date: Tue, 3 Nov 2026 08:00:00 +0900
        Message-ID: <lure.1@paypal-support-center.example>
        Content-Type: text/plain

        Dear PayPal member, your account has been suspended. Verify your account within 24 hours
        at http://paypal.com.account-verify.example.xyz/signin or it will be closed.
        """;
    MailReport r =
        analyze(
            report(
                "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                """
                This is the mail system at host mx.example-corp.co.jp.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <someone@example.org>: host mx.example.org said: 550 5.1.1 User unknown
                """,
                """
                Reporting-MTA: dns; mx.example-corp.co.jp

                Final-Recipient: rfc822; someone@example.org
                Action: failed
                Status: 5.1.1
                """,
                lure));
    assertThat(TestMail.flags(r))
        .contains(RedFlag.CREDENTIAL_REQUEST)
        .contains(RedFlag.LOOKALIKE_DOMAIN);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aPlainTextFakeBounceWithALinkToReleaseHeldMessagesKeepsItsSigns() {
    MailReport r =
        analyze(
            """
            From: Mail Delivery System <mailer-daemon@mail-notify-center.example.top>
            Reply-To: support@mailbox-help.example.xyz
            To: t.yamada@example-corp.co.jp
            Subject: Mail delivery failed: 7 incoming messages held
            Date: Tue, 3 Nov 2026 09:12:05 +0900
            Content-Type: text/plain

            Delivery failed: 7 incoming messages are held on the server because your mailbox
            quota exceeded. Click here to release your held messages and upgrade your storage:
            http://mail-release.example.top/login?user=t.yamada@example-corp.co.jp
            Messages not released within 24 hours will be deleted.
            """);
    assertThat(TestMail.flags(r))
        .contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.REPLY_TO_OTHER_DOMAIN, RedFlag.URGENCY);
    assertThat(r.problems()).noneMatch(p -> p.kind().equals("bounce"));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aReportDressedFakeWithAFormIsNoBounce() {
    String form =
        """
        Content-Type: text/html

        <p>Your mailbox is full. Undelivered messages will be deleted.</p>
        <form action="https://quota-restore.example.xyz/post"><input name="password"></form>
        """;
    MailReport r =
        analyze(
            report(
                "postmaster@example-corp.co.jp",
                "Undeliverable: mailbox quota",
                "Delivery has failed to these recipients: 552 5.2.2 mailbox full",
                STATUS_FULL,
                "From: a@b.example\nSubject: x\nMessage-ID: <x@b.example>\n" + form));
    assertThat(TestMail.flags(r)).contains(RedFlag.HTML_FORM, RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.problems()).noneMatch(p -> p.kind().equals("bounce"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aQuotaWarningDressedAsABounceFromAStrangerKeepsItsWords() {
    MailReport r =
        analyze(
            """
            Return-Path: <>
            From: MAILER-DAEMON <>
            To: t.yamada@example-corp.co.jp
            Subject: Undelivered mail - re-send by logging in
            Date: Tue, 3 Nov 2026 09:12:05 +0900
            Content-Type: text/plain

            Your mailbox is almost full and 12 messages were not delivered.
            Log in to restore your undelivered messages and keep your same password:
            https://webmail-restore.example.top/owa/
            """);
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.problems()).noneMatch(p -> p.kind().equals("bounce"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aReportThatLinksAwayKeepsTheWordsOfItsReturnedMessage() {
    // the lure's words put in the "returned message", its link in the report
    MailReport r =
        analyze(
            report(
                "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                """
                This is the mail system at host mx.example-corp.co.jp.
                Your message could not be delivered: 550 5.1.1 user unknown.
                View the message online: https://mail-view.example.top/m/8812
                """,
                STATUS_FULL,
                """
                From: IT Help Desk <helpdesk@example-corp.co.jp>
                Subject: Password expiry
                Message-ID: <p.1@example-corp.co.jp>

                Your password will expire today. Verify your account to keep your same password.
                """));
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  /** An Office 365 report quoting a remote server whose reply links its help page short. */
  static final String REPLY_WITH_SHORT_LINK =
      """
      Delivery has failed to these recipients or groups:

      h.suzuki@examp1e-partner.co.jp
      Your message was rejected by the recipient email server.

      Diagnostic information for administrators:
      Remote Server returned '550 5.1.0 192.0.2.10 is not allowed to send from <example-corp.co.jp> per its SPF Record. IB508 <http://x.co/srbounce>'
      """;

  static final String STATUS_SHORT_LINK =
      """
      Reporting-MTA: dns; mx.example-corp.co.jp

      Final-Recipient: rfc822; h.suzuki@examp1e-partner.co.jp
      Action: failed
      Status: 5.1.0
      Diagnostic-Code: smtp; 550 5.1.0 not allowed per its SPF Record. IB508 <http://x.co/srbounce>
      """;

  @Test
  void aShortLinkInTheRemoteServersReplyIsNoSignOfTheBounce() {
    // bounce27: the remote server's help link, quoted by the bounce, was judged as if the
    // bounce's sender had sent it (SUSPICIOUS_LINK, URL shortener)
    MailReport r =
        analyze(
            report(
                "postmaster@example-corp.co.jp",
                "Undeliverable: Meeting on Thursday",
                REPLY_WITH_SHORT_LINK,
                STATUS_SHORT_LINK,
                RETURNED));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
    assertThat(r.links()).anySatisfy(l -> assertThat(l.url()).isEqualTo("http://x.co/srbounce"));
  }

  @Test
  void aForgedBounceAskingForThePasswordStaysFlaggedWhateverItsStructure() {
    // a phisher's "delivery failed / mailbox full" notice dressed in a real bounce's structure,
    // its short link written into the SMTP reply as well: the ask to log in and the link to do it
    // stay signs
    MailReport r =
        analyze(
            report(
                "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                """
                This is the mail system at host mx.example-corp.co.jp.
                Your mailbox is full: 552 5.2.2 quota exceeded http://bit.ly/mbx-login
                Verify your account with your email password to release your messages:
                http://bit.ly/mbx-login
                """,
                """
                Reporting-MTA: dns; mx.example-corp.co.jp

                Final-Recipient: rfc822; t.yamada@example-corp.co.jp
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp; 552 5.2.2 quota exceeded http://bit.ly/mbx-login
                """,
                RETURNED));
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST, RedFlag.SUSPICIOUS_LINK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aBounceReturningANewsletterIsNoUnlistedBulk() {
    // bounce27: the returned newsletter's unsubscribe line was weighed against the bounce's own
    // header, which has no List-Unsubscribe (UNLISTED_BULK); the newsletter had its own
    String newsletter =
        """
        Received: from out.mail.example-shop.co.jp ([192.0.2.80])
        	by mx.examp1e-partner.co.jp with ESMTP id 8F2A2; Tue, 3 Nov 2026 09:12:03 +0900
        From: Example Shop <news@mail.example-shop.co.jp>
        To: h.suzuki@examp1e-partner.co.jp
        Subject: Winter sale
        Date: Tue, 3 Nov 2026 09:12:00 +0900
        Message-ID: <n.20261103@mail.example-shop.co.jp>
        List-Unsubscribe: <https://mail.example-shop.co.jp/u/8812>
        Content-Type: text/plain

        Our winter sale starts today: https://www.example-shop.co.jp/sale
        To unsubscribe from this newsletter: https://mail.example-shop.co.jp/u/8812
        """;
    MailReport r =
        analyze(
            report(
                "MAILER-DAEMON@mx.example-corp.co.jp (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                """
                This is the mail system at host mx.example-corp.co.jp.
                Your message could not be delivered: 550 5.1.1 user unknown.
                """,
                STATUS_FULL,
                newsletter));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.UNLISTED_BULK);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anIspNoticeWithTheOriginalFollowingIsReadAsABounce() {
    // bounce27: a Japanese ISP's plain-text form ("Unable to deliver message to the following
    // address(es)", "--- Original message follows.") was not read as a bounce, and its subject
    // "Delivery failure" counted as a parcel lure
    MailReport r =
        analyze(
            """
            From: <MAILER-DAEMON@mail.example-isp.ne.jp>
            To: t.yamada@example-corp.co.jp
            Subject: Delivery failure
            Date: Tue, 3 Nov 2026 09:12:05 +0900

            Message from mail.example-isp.ne.jp.
            Unable to deliver message to the following address(es).

            <h.suzuki@examp1e-partner.co.jp>:
            Sorry, your message to h.suzuki@examp1e-partner.co.jp cannot be delivered.  This account is over quota.

            --- Original message follows.

            """
                + RETURNED);
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.problems()).anyMatch(p -> p.kind().equals("bounce"));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  /** A report that attaches the returned message's header as a text file. */
  static String headerFileReport(String from, String human) {
    return """
        Return-Path: <>
        From: %s
        To: t.yamada@example-corp.co.jp
        Subject: There was an error sending your mail
        Date: Tue, 3 Nov 2026 09:12:05 +0900
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="MIX"

        --MIX
        Content-Type: text/plain; charset=us-ascii

        %s
        --MIX
        Content-Type: text/plain; name="mailheaders.txt"
        Content-Disposition: attachment; filename="mailheaders.txt"

        Received: from pc12.example-corp.co.jp ([192.0.2.44])
        	by mx.example-corp.co.jp with ESMTP id 8F2A1; Tue, 3 Nov 2026 09:12:01 +0900
        From: Taro Yamada <t.yamada@example-corp.co.jp>
        To: h.suzuki@examp1e-partner.co.jp
        Subject: Meeting on Thursday
        Message-ID: <20261103091200.1234@example-corp.co.jp>

        --MIX--
        """
        .formatted(from, human);
  }

  @Test
  void aReportAttachingTheOriginalsHeaderAsAFileIsReadAsABounce() {
    // bounce27: the header attached as a .txt file was not taken for the returned message, so
    // the bare "mailer-daemon" sender counted as malformed
    MailReport r =
        analyze(
            headerFileReport(
                "mailer-daemon",
                """
                We had trouble delivering your message. Full details follow:

                SMTP Server <mx.examp1e-partner.co.jp> rejected recipient <h.suzuki@examp1e-partner.co.jp>
                (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]
                """));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.MALFORMED_SENDER);
    assertThat(r.problems()).anyMatch(p -> p.kind().equals("bounce"));
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aMailboxFullLureWithAnAttachedHeaderKeepsItsAsk() {
    MailReport r =
        analyze(
            headerFileReport(
                "mailer-daemon",
                """
                Delivery failed: 550 5.2.2 your mailbox is full and 9 messages are held.
                Verify your account with your email password to release them:
                https://mail-release.example.top/owa/
                """));
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theRecognitionReadsStructureNotWords() {
    assertThat(
            MailBounce.deliveryStatus(
                "Final-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.1.1\n"))
        .isTrue();
    assertThat(MailBounce.deliveryStatus("Your delivery status: failed")).isFalse();
    assertThat(MailBounce.daemonMailbox("mailer-daemon@googlemail.com")).isTrue();
    assertThat(MailBounce.daemonMailbox("postmaster")).isTrue();
    assertThat(MailBounce.daemonMailbox("support@mailer-daemon.example")).isFalse();
    assertThat(MailBounce.inlineCopy("sorry.\n\nreceived: from x\nfrom: a@b\nsubject: y\n\nbody"))
        .isEqualTo(8);
    assertThat(MailBounce.inlineCopy("dear user,\nnote: this is not a header block\n"))
        .isEqualTo(-1);
    assertThat(MailBounce.headerFile("Received: from x\nFrom: a@b\nSubject: y\n")).isTrue();
    assertThat(MailBounce.headerFile("Minutes of the meeting\nFrom: a@b\nSubject: y\n")).isFalse();
    assertThat(MailBounce.replyLines("see below\ndiagnostic-code: smtp; 550 no\n"))
        .containsExactly("diagnostic-code: smtp; 550 no");
  }
}
