package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication-Results as real receivers write them, read by the RFC 8601 grammar: comments that
 * nest and hold ';', quoted strings, folded lines, several results and several headers.
 */
class MailAuthResultsTest {

  @Test
  void openDkimsCommentWithASemicolonEndsNoResult() {
    AuthResults ar =
        AuthResults.parse(
            "mail.example.jp; dkim=pass (2048-bit key; unprotected) header.d=e.geico.com"
                + " header.i=@e.geico.com header.a=rsa-sha256 header.s=s1 header.b=Ab/Cd+e=");
    assertThat(ar.authservId()).isEqualTo("mail.example.jp");
    assertThat(ar.results()).hasSize(1);
    AuthResults.Result dkim = ar.results().get(0);
    assertThat(dkim.method()).isEqualTo("dkim");
    assertThat(dkim.result()).isEqualTo("pass");
    assertThat(dkim.domain("header.d")).isEqualTo("e.geico.com");
    assertThat(dkim.properties()).containsEntry("header.b", "Ab/Cd+e");
    assertThat(
            MailEnvelope.dkimPassDomains(
                "mail.example.jp; dkim=pass (2048-bit key; unprotected) header.d=e.geico.com"))
        .isEqualTo(List.of("e.geico.com"));
  }

  @Test
  void microsoftWritesNoAuthservIdAndFourResults() {
    AuthResults ar =
        AuthResults.parse(
            "spf=pass (sender IP is 40.107.74.58)\r\n smtp.mailfrom=contoso.com; dkim=pass"
                + " (signature was verified)\r\n header.d=contoso.com;dmarc=pass action=none\r\n"
                + " header.from=contoso.com;compauth=pass reason=100");
    assertThat(ar.authservId()).isNull();
    assertThat(ar.results())
        .extracting(AuthResults.Result::method)
        .containsExactly("spf", "dkim", "dmarc", "compauth");
    assertThat(ar.of("spf").get(0).domain("smtp.mailfrom")).isEqualTo("contoso.com");
    assertThat(ar.of("dmarc").get(0).domain("header.from")).isEqualTo("contoso.com");
    assertThat(ar.first("compauth")).isEqualTo("pass");
  }

  @Test
  void googlesFoldedHeaderWithAnAddressInSmtpMailfrom() {
    AuthResults ar =
        AuthResults.parse(
            "mx.google.com;\r\n       dkim=pass header.i=@example.org header.s=20230601"
                + " header.b=\"kX2/3q+z\";\r\n       spf=pass (google.com: domain of"
                + " alice@example.org designates 209.85.220.41 as permitted sender)"
                + " smtp.mailfrom=alice@example.org;\r\n       dmarc=pass (p=NONE sp=NONE"
                + " dis=NONE) header.from=example.org");
    assertThat(ar.authservId()).isEqualTo("mx.google.com");
    assertThat(ar.first("dkim")).isEqualTo("pass");
    assertThat(ar.of("dkim").get(0).domain("header.i")).isEqualTo("example.org");
    assertThat(ar.of("dkim").get(0).properties()).containsEntry("header.b", "kX2/3q+z");
    assertThat(ar.of("spf").get(0).domain("smtp.mailfrom")).isEqualTo("example.org");
    assertThat(ar.first("dmarc")).isEqualTo("pass");
  }

  @Test
  void commentsNestAndQuotedStringsHoldSeparators() {
    AuthResults ar =
        AuthResults.parse(
            "mx.example.jp (a (nested; comment) with \\) an escaped paren) 1;"
                + " dkim=fail reason=\"bad signature; (really) = yes\" header.d=mailer.example;"
                + " dkim=pass (outer (inner; x) still) header.d=Shop.Example.com.;"
                + " spf=softfail smtp.mailfrom=\"john doe\"@bounce.mailer.example");
    assertThat(ar.authservId()).isEqualTo("mx.example.jp");
    assertThat(ar.results())
        .extracting(AuthResults.Result::method, AuthResults.Result::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dkim", "fail"),
            org.assertj.core.groups.Tuple.tuple("dkim", "pass"),
            org.assertj.core.groups.Tuple.tuple("spf", "softfail"));
    assertThat(ar.results().get(0).properties()).doesNotContainKey("reason");
    assertThat(ar.results().get(0).domain("header.d")).isEqualTo("mailer.example");
    assertThat(ar.results().get(1).domain("header.d")).isEqualTo("shop.example.com");
    assertThat(ar.of("spf").get(0).domain("smtp.mailfrom")).isEqualTo("bounce.mailer.example");
    assertThat(
            MailEnvelope.dkimPassDomains(
                "mx.example.jp; dkim=fail header.d=a.example; dkim=pass (x; y) header.d=b.example"))
        .isEqualTo(List.of("b.example"));
  }

  @Test
  void badInputIsReadAsFarAsItGoes() {
    assertThat(AuthResults.parse("").results()).isEmpty();
    assertThat(AuthResults.parse(null).authservId()).isNull();
    // an unclosed comment or quoted string runs to the end; nothing throws
    assertThat(
            AuthResults.parse("mx.example.jp; dkim=pass (unclosed; header.d=a.example").results())
        .extracting(AuthResults.Result::properties)
        .containsExactly(Map.of());
    assertThat(
            AuthResults.parse("mx.example.jp; dkim=pass header.d=\"a.example; spf=pass").results())
        .hasSize(1);
    assertThat(AuthResults.parse("mx; = = ; dkim= ; =pass; ;;").results()).isEmpty();
    // a long run of separators and comment openers is read in one pass
    String hostile = "mx;" + "(((dkim=pass;".repeat(50_000) + "))) dkim=pass header.d=x.example";
    assertThat(AuthResults.parse(hostile).results()).isEmpty();
    assertThat(AuthResults.parse("mx;" + "dkim=pass ".repeat(50_000)).results()).hasSize(1);
  }

  static final String FROM_SHOP =
      "From: Shop <orders@shop.example.com>\r\nTo: taro@example.jp\r\nSubject: Your order\r\n";

  static final String NOTICE =
      "<p>Thank you for your order. It will be shipped within two days.</p>"
          + "<p><a href=\"https://www.shop.example.com/orders\">Your orders</a></p>";

  @Test
  void anOpenDkimPassForAnotherDomainIsNotAligned() {
    // the comment's ';' used to cut the result before its header.d: no domain had passed, and the
    // From domain's lack of one went unnoticed
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass (2048-bit key; unprotected)"
                + " header.d=bulk-mailer.example header.s=s1\r\n"
                + FROM_SHOP,
            "text/html",
            NOTICE);
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
  }

  @Test
  void anOpenDkimPassForTheFromDomainIsAligned() {
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass (2048-bit key; unprotected)"
                + " header.d=shop.example.com header.s=s1;\r\n\tspf=pass (mx.example.jp: domain"
                + " of bounce@mailer.example designates 192.0.2.1 as permitted sender)"
                + " smtp.mailfrom=bounce@mailer.example\r\n"
                + FROM_SHOP,
            "text/html",
            NOTICE);
    assertThat(r.authentication().dkim()).isEqualTo("pass");
    assertThat(TestMail.flags(r)).doesNotContain(RedFlag.NOT_ALIGNED);
  }

  @Test
  void aForgedHeaderBelowTheReceiversCountsForNothing() {
    // the sender wrote a DMARC pass for the shop; the receiver's own header, on top, found only
    // the mailer's signature
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass (1024-bit key; secure)"
                + " header.d=bulk-mailer.example; dmarc=fail (p=reject) header.from=shop.example.com\r\n"
                + "Received: from out.bulk-mailer.example (out.bulk-mailer.example [198.51.100.9])"
                + " by mx.example.jp; Tue, 9 Dec 2025 00:01:12 +0000\r\n"
                + "Authentication-Results: mx.example.jp; dkim=pass header.d=shop.example.com;"
                + " dmarc=pass header.from=shop.example.com\r\n"
                + FROM_SHOP,
            "text/html",
            NOTICE);
    assertThat(r.authentication().dmarc()).isEqualTo("fail");
    assertThat(TestMail.flags(r)).contains(RedFlag.AUTHENTICATION_FAILED, RedFlag.NOT_ALIGNED);
  }

  @Test
  void aDmarcPassForAnotherFromIsNotThisFromsPass() {
    // a second From written for the receiver's DMARC check, another shown: the pass is not this
    // one's
    MailReport r =
        TestMail.analyzeBase64(
            "Authentication-Results: mx.example.jp; dkim=pass header.d=mailer.example;"
                + " spf=pass smtp.mailfrom=mailer.example; dmarc=pass header.from=mailer.example\r\n"
                + FROM_SHOP,
            "text/html",
            NOTICE);
    assertThat(TestMail.flags(r)).contains(RedFlag.NOT_ALIGNED);
  }
}
