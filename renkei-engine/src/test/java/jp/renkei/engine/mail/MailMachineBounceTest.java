package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Bounces told by structure rather than an MTA's wording (machine38): a rejection notice from a
 * bounce's sender that answers (In-Reply-To) the very message it returns whole is a real bounce in
 * any language, and its greeting by the sender's address is no sign; a Microsoft 365 tenant's own
 * postmaster sending a real bounce from the tenant's default domain is no sender on hosting. The
 * same dress without that structure, or with a lure's ask, keeps its signs.
 */
class MailMachineBounceTest {

  static final String RETURNED_ID = "20261103091200.1234@example-corp.co.jp";

  /** A rejection notice as Google Groups writes it, answering {@code inReplyTo}. */
  static String groupsNotice(String inReplyTo, String own) {
    return """
        Return-Path: <>
        Received: from mail-sor-f69.google.com (mail-sor-f69.google.com [209.85.220.69])
        \tby mx.example-corp.co.jp with ESMTPS id 88C1; Tue, 3 Nov 2026 09:12:06 +0900
        Auto-Submitted: auto-replied
        Message-ID: <5e5e05fb.1c69fb81.b485b.258f.GMR@mx.google.com>
        Date: Tue, 3 Nov 2026 09:12:05 +0900
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: t.yamada@example-corp.co.jp
        Subject: Delivery Status Notification (Failure)
        References: <%1$s>
        In-Reply-To: <%1$s>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="UTF-8"

        Hola, t.yamada@example-corp.co.jp:

        %2$s

        Gracias,

        Google Groups

        ----- Original message -----

        %3$s"""
        .formatted(inReplyTo, own, MailBounceTest.RETURNED);
  }

  static final String GROUPS_WORDS =
      "Queremos informarte de que el grupo con el que has intentado ponerte en contacto (team)"
          + " quizás no exista o bien no tienes los permisos necesarios para publicar mensajes en"
          + " el grupo.";

  @Test
  void aRejectionNoticeAnsweringTheMessageItReturnsIsABounce() {
    MailReport r = MailBounceTest.analyze(groupsNotice(RETURNED_ID, GROUPS_WORDS));
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("bounce"));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.RECIPIENT_AS_NAME);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameNoticeAnsweringAnotherMessageIsNoBounceAndKeepsTheGreetingSign() {
    MailReport r =
        MailBounceTest.analyze(groupsNotice("another.1@example-corp.co.jp", GROUPS_WORDS));
    assertThat(r.problems()).noneSatisfy(p -> assertThat(p.kind()).isEqualTo("bounce"));
    assertThat(TestMail.flags(r)).contains(RedFlag.RECIPIENT_AS_NAME);
  }

  @Test
  void aLureInTheSameDressKeepsItsAsk() {
    MailReport r =
        MailBounceTest.analyze(
            groupsNotice(
                RETURNED_ID,
                "Your mailbox has 7 held messages. Verify your account and enter your password at"
                    + " https://mail-release.example-phish.top/login to release them today."));
    assertThat(TestMail.flags(r)).contains(RedFlag.CREDENTIAL_REQUEST);
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  static final String NDR_WORDS =
      """
      Delivery has failed to these recipients or groups:

      h.suzuki@examp1e-partner.co.jp
      The email address you entered couldn't be found.

      Diagnostic information for administrators:

      Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
      """;

  static final String STATUS_UNKNOWN =
      """
      Reporting-MTA: dns; TY0PR01MB1234.jpnprd01.prod.outlook.com

      Final-Recipient: rfc822; h.suzuki@examp1e-partner.co.jp
      Action: failed
      Status: 5.1.1
      Diagnostic-Code: smtp; 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found
      """;

  @Test
  void aTenantsOwnPostmasterReportIsNoSenderOnHosting() {
    MailReport r =
        MailBounceTest.analyze(
            MailBounceTest.report(
                "postmaster@examplecorp.onmicrosoft.com",
                "Undeliverable: Meeting on Thursday",
                NDR_WORDS,
                STATUS_UNKNOWN,
                MailBounceTest.RETURNED));
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo("bounce"));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.SENDER_ON_HOSTING);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPersonsMailboxOnTheTenantDomainIsStillOnHosting() {
    MailReport r =
        MailBounceTest.analyze(
            MailBounceTest.report(
                "it-helpdesk@examplecorp.onmicrosoft.com",
                "Undeliverable: Meeting on Thursday",
                NDR_WORDS,
                STATUS_UNKNOWN,
                MailBounceTest.RETURNED));
    assertThat(TestMail.flags(r)).contains(RedFlag.SENDER_ON_HOSTING);
  }

  @Test
  void aTenantPostmasterWithoutABouncesStructureIsStillOnHosting() {
    MailReport r =
        TestMail.analyze(
            TestMail.crlf(
                """
                From: postmaster@examplecorp.onmicrosoft.com
                To: t.yamada@example-corp.co.jp
                Subject: Undeliverable: 3 messages held
                MIME-Version: 1.0
                Content-Type: text/plain; charset=us-ascii

                Delivery has failed to these recipients or groups. Release your held messages at
                https://examplecorp-release.example-phish.top/ before they are deleted.
                """));
    assertThat(r.problems()).noneSatisfy(p -> assertThat(p.kind()).isEqualTo("bounce"));
    assertThat(TestMail.flags(r)).contains(RedFlag.SENDER_ON_HOSTING);
  }

  static String daemonReport(String from, String text) {
    return """
        Return-Path: <MAILER-DAEMON@mx.example-corp.co.jp>
        Received: from mx.example-corp.co.jp ([192.0.2.10])
        \tby mail.example-corp.co.jp with ESMTP id 77A1; Tue, 3 Nov 2026 09:12:05 +0900
        From: %s
        To: t.yamada@example-corp.co.jp
        Subject: Mail Delivery Failure
        Date: Tue, 3 Nov 2026 09:12:05 +0900
        MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii

        %s
        """
        .formatted(from, text);
  }

  static final String REPORT_TEXT =
      """
      Delivery failed: h.suzuki@examp1e-partner.co.jp
      Remote host said: 554 5.4.14 Hop count exceeded - possible mail loop
      """;

  @Test
  void deliverySoftwaresReportWithoutTheReturnedMessageNamesItsFailureNoLure() {
    MailReport r =
        MailBounceTest.analyze(
            daemonReport(
                "Mail Delivery System <MAILER-DAEMON@mx.example-corp.co.jp>", REPORT_TEXT));
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theSameWordsFromACourierOrWithoutADiagnosticStayALure() {
    MailReport courier =
        MailBounceTest.analyze(
            daemonReport("Parcel Service <notice@parcel-example.top>", REPORT_TEXT));
    assertThat(TestMail.flags(courier)).contains(RedFlag.PAYMENT_LURE);
    MailReport noDiagnostic =
        MailBounceTest.analyze(
            daemonReport(
                "Mail Delivery System <MAILER-DAEMON@mx.example-corp.co.jp>",
                "Delivery failed: your parcel is waiting. Pay the customs fee to release it."));
    assertThat(TestMail.flags(noDiagnostic)).contains(RedFlag.PAYMENT_LURE);
  }
}
