package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailRelayedPostsTest.DELIVERY_FEE;
import static jp.renkei.engine.mail.MailRelayedPostsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a phisher tries against the reading of a post a list only relayed (lists41, issue 19): a
 * thread's headers or a reply's subject written onto a post that quotes nothing, a lure padded past
 * the word limit, a brand's or a government's own address forged in From. Each lure caught is set
 * beside the legitimate post it imitates, which keeps the list's relief.
 */
class MailRelayedEvasionTest {

  static final String THREAD =
      "In-Reply-To: <20220214.1@univ-example.edu>\r\n"
          + "References: <20220213.7@univ-example.edu> <20220214.1@univ-example.edu>\r\n";

  @Test
  void aLureThatForgesAThreadsHeadersAndQuotesNothingIsStillReadAsItsAuthors() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: Your package cannot be delivered",
            "DHL Express <internet@lensmedia-example.co.za>",
            "text/html",
            DELIVERY_FEE);
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  @Test
  void aMembersAnswerThatQuotesTheThreadKeepsTheRelief() {
    MailReport r =
        post(
            THREAD,
            "[dev] Re: shipping the boards to the lab",
            "Rob K <rob@univ-example.edu>",
            "text/plain",
            "On Mon, 14 Feb 2022, Ann wrote:\n> did DHL deliver the boards yet? We have to pay"
                + " the customs fee before Friday.\n\nNot yet. DHL Express says the parcel is still"
                + " awaiting the fee; tracking is <a href=\"https://track-example.com/x\">here</a>."
                + " I will pay it today.\n\nRob");
    assertThat(TestMail.flags(r))
        .doesNotContain(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE, RedFlag.URGENCY);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aPatchInASeriesQuotesNothingAndKeepsTheRelief() {
    MailReport r =
        post(
            THREAD,
            "[dev] [PATCH v2 3/7] replay: pay out the buffer before the deadline",
            "Rob K <rob@univ-example.edu>",
            "text/plain",
            "The replay block must pay out its buffer before the deadline expires, or samples are"
                + " lost.\n\nSigned-off-by: Rob K <rob@univ-example.edu>\n---\n"
                + "diff --git a/replay.c b/replay.c\n");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.PAYMENT_LURE, RedFlag.URGENCY);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  static String padded(String html, int words) {
    StringBuilder pad = new StringBuilder("<p style=\"color:#fefefe\">");
    for (int i = 0; i < words / 10; i++) {
      pad.append("the weather on the coast was mild and the harbour was quiet today ");
    }
    return html.replace("</body>", pad + "</p></body>");
  }

  @Test
  void aLurePaddedPastTheWordLimitIsStillReadAsItsAuthors() {
    MailReport r =
        post(
            "",
            "[dev] Your package cannot be delivered",
            "DHL Express <internet@lensmedia-example.co.za>",
            "text/html",
            padded(DELIVERY_FEE, 1_200));
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION, RedFlag.PAYMENT_LURE);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.MALICIOUS);
  }

  /** The list host's record of the poster's envelope, as SourceForge's Exim writes it. */
  static final String EXIM_HOPS =
      "Return-Path: <dev-bounces@lists.radio-example.org>\r\n"
          + "Received: from mm.radio-example.org (mm.radio-example.org [192.0.2.10])\r\n"
          + "\tby mx.reader-example.net (Postfix) with ESMTPS id 1A2B3C\r\n"
          + "\tfor <me@reader-example.net>; Tue, 15 Feb 2022 03:26:30 +0100\r\n"
          + "Received: from [172.30.20.202] (helo=mx.radio-example.org)\r\n"
          + "\tby mm.radio-example.org with esmtps (Exim 4.90_1)\r\n"
          + "\t(envelope-from <%s>)\r\n"
          + "\tid 1ka6mZ-0006um-0j\r\n"
          + "\tfor dev@lists.radio-example.org; Mon, 14 Feb 2022 21:25:33 -0500\r\n"
          + "Received: from %s ([203.0.113.9])\r\n"
          + "\tby mx.radio-example.org with esmtp (Exim 4.92.2)\r\n"
          + "\tfor dev@lists.radio-example.org; Mon, 14 Feb 2022 21:25:30 -0500\r\n";

  static MailReport eximPost(String envelope, String host, String from, String subject, String t) {
    return TestMail.analyzeBase64(
        String.format(EXIM_HOPS, envelope, host)
            + "From: "
            + from
            + "\r\nTo: dev@lists.radio-example.org\r\nSubject: "
            + subject
            + "\r\n"
            + MailListRelayTest.MAILMAN_LIST,
        "text/html",
        t);
  }

  static final String FINE =
      "<html><body><p>Multa no pagada. Su vehiculo sera bloqueado si no paga la multa.</p>"
          + "<p><a href=\"https://multas-example.cloudapp.net/pago\">Consultar la multa</a></p>"
          + "</body></html>";

  @Test
  void aGovernmentsOwnAddressForgedThroughAListIsASign() {
    MailReport r =
        eximPost(
            "www-data@vps1234.rented-example.ru",
            "vps1234.rented-example.ru",
            "Ministerio del Interior <notificacion@interior.gob.es>",
            "Multa no pagada - bloque de vehiculos - [ id 235140070 ]",
            FINE);
    assertThat(TestMail.flags(r)).contains(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.findings())
        .anySatisfy(
            f ->
                assertThat(f.evidence())
                    .isEqualTo(
                        "a government = interior.gob.es, envelope rented-example.ru (the mailing"
                            + " list's record of who posted it)"));
    assertThat(r.verdict()).isNotEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aBanksOwnAddressForgedThroughAListIsASign() {
    MailReport r =
        eximPost(
            "www-data@vps1234.rented-example.ru",
            "vps1234.rented-example.ru",
            "Banco Santander <noreply@santander.es>",
            "Aviso de seguridad",
            "<html><body><p>Estimado cliente, tiene un mensaje nuevo de su banca.</p></body></html>");
    assertThat(r.findings())
        .anySatisfy(
            f ->
                assertThat(f.evidence())
                    .startsWith("Santander = santander.es, envelope rented-example.ru"));
  }

  @Test
  void aGovernmentMembersOwnPostKeepsTheRelief() {
    MailReport r =
        eximPost(
            "rk@ornl-example.gov",
            "mail.ornl-example.gov",
            "Rob K <rk@ornl-example.gov>",
            "replay block drops samples on the 4.1 image",
            "<html><body><p>" + MailListRelayTest.QUESTION + "</p></body></html>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
    assertThat(r.verdict()).isEqualTo(MailReport.Verdict.CLEAN);
  }

  @Test
  void aFreeMailPostSentThroughAnotherServiceClaimsNoProvider() {
    MailReport r =
        eximPost(
            "bounces+123@em.sendgrid-example.net",
            "o1.em.sendgrid-example.net",
            "Ann <ann.k@gmail.com>",
            "meeting notes",
            "<html><body><p>" + MailListRelayTest.QUESTION + "</p></body></html>");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.BRAND_IMPERSONATION);
  }
}
