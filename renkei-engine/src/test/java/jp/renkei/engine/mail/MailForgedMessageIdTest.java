package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * FORGED_MESSAGE_ID (nazario25): the bulk mailers of the 2004-2007 bank and auction lures forged
 * the brand's address in From and filled the Message-ID with a big free-mail provider's bare name
 * (hotmail.com, aol.com, yahoo.com, msn.com) to look like ordinary mail; a provider writes its bare
 * name only on mail from its own addresses. The messages are written for this test; the banks are
 * invented (examplebank.com, smallfirm.com), the addresses of people are made up.
 */
class MailForgedMessageIdTest {

  private static MailReport mail(String headers, String body) {
    return TestMail.analyze(
        TestMail.crlf(
            headers
                + "To: customer@example.org\n"
                + "Date: Mon, 11 Apr 2005 03:22:21 -0700\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=us-ascii\n"
                + "\n"
                + body));
  }

  private static final String NOTICE =
      "Dear customer,\n\nThe statement of your account for March is ready. Thank you for banking"
          + " with us.\n";

  @Test
  void aBanksAddressWithAHotmailMessageIdIsForged() {
    MailReport r =
        mail(
            "Return-Path: <service@examplebank.com>\n"
                + "From: \"Examplebank Security\" <service@examplebank.com>\n"
                + "Subject: Account review\n"
                + "Message-ID: <KGXUXPQLJAVNXPDFOPFRDFQHP@hotmail.com>\n",
            NOTICE);
    assertThat(TestMail.flags(r)).contains(RedFlag.FORGED_MESSAGE_ID);
    MailReport.Finding f =
        r.findings().stream()
            .filter(x -> x.flag() == RedFlag.FORGED_MESSAGE_ID)
            .findFirst()
            .orElseThrow();
    assertThat(f.evidence()).contains("hotmail.com").contains("service@examplebank.com");
    assertThat(f.evidenceJa()).contains("差出人").contains("hotmail.com");
    // alone it is suspicious, not more: a forged sender with nothing asked
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.SUSPICIOUS);
  }

  @Test
  void withTheOldBillingLureItIsMalicious() {
    MailReport r =
        mail(
            "From: PayPal <service@paypal.com>\n"
                + "Subject: Account Review Required\n"
                + "Message-ID: <0a1b2c3d4e5f$6a7b8c9d@yahoo.com>\n",
            "Dear PayPal member,\n\nWe were unable to verify your account information. Please"
                + " log in and update your billing information within 48 hours or your account"
                + " will be suspended:\nhttp://203.0.113.9/paypal/login.php\n");
    assertThat(TestMail.flags(r)).contains(RedFlag.FORGED_MESSAGE_ID);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aProvidersOwnUserIsNoForgery() {
    // webmail of the provider: the Message-ID names the provider the address is at
    MailReport own =
        mail(
            "From: Jo Walker <jo.walker1962@hotmail.com>\n"
                + "Subject: photos\n"
                + "Message-ID: <ABC123DEF456@hotmail.com>\n",
            "Here are the photos from Saturday.\n");
    assertThat(TestMail.flags(own)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
    // one free-mail provider's program writing for another provider's address: no organisation
    // is forged, a person uses two accounts
    MailReport two =
        mail(
            "From: Jo Walker <jo.walker1962@gmail.com>\n"
                + "Subject: photos\n"
                + "Message-ID: <ABC123DEF456@yahoo.com>\n",
            "Here are the photos from Saturday.\n");
    assertThat(TestMail.flags(two)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
  }

  @Test
  void aProviderSendingForItsUsersOwnDomainWritesItsOwnHost() {
    // Gmail's "send mail as": the Message-ID is on mail.gmail.com, not the bare gmail.com
    MailReport r =
        mail(
            "Return-Path: <jo.smallfirm@gmail.com>\n"
                + "From: Jo Walker <jo@smallfirm.com>\n"
                + "Subject: Quote for the roof\n"
                + "Message-ID: <CAK7xq1mZp0v=Yt3qY@mail.gmail.com>\n",
            "Please find the quote below.\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void theProviderAsEnvelopeSenderSentItForItsUser() {
    MailReport r =
        mail(
            "Return-Path: <jo.walker1962@yahoo.com>\n"
                + "From: Jo Walker <jo@walker-family.net>\n"
                + "Subject: Dinner on Sunday\n"
                + "Message-ID: <1113211341.4711.42@yahoo.com>\n",
            "Shall we meet at six?\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void anAuthenticatedFromDomainIsNotForgedWhateverWroteTheMessageId() {
    // a custom domain hosted by the provider, its own DKIM key and SPF passing
    MailReport r =
        mail(
            "Authentication-Results: mx.example.org; dkim=pass header.d=smallfirm.com;"
                + " spf=pass smtp.mailfrom=smallfirm.com; dmarc=pass header.from=smallfirm.com\n"
                + "Return-Path: <jo@smallfirm.com>\n"
                + "From: Jo Walker <jo@smallfirm.com>\n"
                + "Subject: Quote for the roof\n"
                + "Message-ID: <5E1F2A3B-77C1-4D2E-9A0B-1C2D3E4F5A6B@icloud.com>\n",
            "Please find the quote below.\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aListThatRewritesFromKeepsThePostersMessageId() {
    MailReport r =
        mail(
            "Return-Path: <dev-bounces@lists.example.org>\n"
                + "From: Jo Walker via dev <dev@lists.example.org>\n"
                + "Reply-To: Jo Walker <jo.walker1962@gmail.com>\n"
                + "Subject: Re: [dev] build fails on arm64\n"
                + "Message-ID: <CAK7xq1mZp0v@gmail.com>\n"
                + "List-Id: Developers <dev.lists.example.org>\n"
                + "List-Post: <mailto:dev@lists.example.org>\n",
            "The patch below fixes it for me.\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.FORGED_MESSAGE_ID);
  }

  @Test
  void onlyTheBareProviderNameCounts() {
    Set<String> providers = Set.of("hotmail.com", "aol.com", "gmail.com");
    assertThat(
            MailRandomNames.messageIdProvider(
                "<X@aol.com >", "bankofthewest.com", "bankofthewest.com", providers))
        .isEqualTo("aol.com");
    assertThat(
            MailRandomNames.messageIdProvider(
                "<X@mail.gmail.com>", "smallfirm.com", "smallfirm.com", providers))
        .isNull();
    assertThat(
            MailRandomNames.messageIdProvider(
                "<X@HOTMAIL.COM>", "mail.examplebank.com", "examplebank.com", providers))
        .isEqualTo("hotmail.com");
    assertThat(MailRandomNames.messageIdProvider("<no-at-sign>", "a.com", "a.com", providers))
        .isNull();
    assertThat(MailRandomNames.messageIdProvider(null, "a.com", "a.com", providers)).isNull();
    assertThat(MailRandomNames.messageIdProvider("<X@gmail.com>", "aol.com", "aol.com", providers))
        .isNull();
  }

  @Test
  void theSignReachesTheStixNoteInBothLanguages() {
    MailReport r =
        mail(
            "From: \"Examplebank Security\" <service@examplebank.com>\n"
                + "Subject: Account review\n"
                + "Message-ID: <KGXUXPQLJAVNXPDFOPFRDFQHP@hotmail.com>\n",
            NOTICE);
    JsonNode note =
        MailStixTest.note(
            MailStix.bundle(r, Tlp.GREEN, Instant.parse("2026-12-03T00:00:00Z"), false));
    assertThat(note.path("content").asString())
        .contains("FORGED_MESSAGE_ID")
        .contains(RedFlag.FORGED_MESSAGE_ID.ja())
        .contains(RedFlag.FORGED_MESSAGE_ID.en());
    assertThat(note.path("x_renkei_findings").toString()).contains("FORGED_MESSAGE_ID");
  }
}
