package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationIdentity;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * attack41: the forged-boundary residue (attack40, docs/security.md) closed through the server. A
 * sender outside greets the receiver's only server, which checks DKIM only, with a name in the
 * receiver's domain and writes a "boundary" Received and Authentication-Results (spf, dkim, dmarc
 * pass) below its hop. The analysis of a person whose organisation entered its address ranges in
 * its directory entry reads the receiver's record of the hop (an address outside the ranges) and
 * believes none of it; the same organisation's real boundary at a hosting provider (an address in
 * the ranges) is read as before. Someone of an organisation without ranges gets the analysis as
 * before (the residue stays there, as on the command line).
 */
class OwnBoundaryRangesIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;
  @Autowired MemberOrganisations members;

  Organisation receiver;
  String domain;

  @BeforeEach
  void anOrganisationWithItsRanges() {
    receiver = fixtures.operator("water");
    domain = "minato-" + receiver.code().toLowerCase(java.util.Locale.ROOT) + ".jp";
    members.forget();
  }

  /** The receiver's only server checks DKIM only; its peer greeted with a name of the domain. */
  byte[] spoof(String peerAddress) {
    String headers =
        forgedBoundaryHeaders(domain, peerAddress)
            + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    String html =
        "<p>Thank you for your order. It will be shipped within two days.</p>"
            + "<p><a href=\"https://www.shop.example.com/orders\">Your orders</a></p>";
    return (headers
            + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8))
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The head of a message to {@code domain} whose only server ({@code inbox.}) checks DKIM only and
   * records its peer, greeted as {@code edge.DOMAIN}, at {@code peerAddress}; below it the peer's
   * forged boundary results (spf, dkim, dmarc pass) for shop.example.com. Ends with {@code
   * MIME-Version}: the caller writes the body's type.
   */
  static String forgedBoundaryHeaders(String domain, String peerAddress) {
    String edge = "edge." + domain;
    return "Received: from "
        + edge
        + " (vps.hosting.example.net ["
        + peerAddress
        + "]) by inbox."
        + domain
        + " with ESMTPS id A1 for <kaiun@"
        + domain
        + ">; Tue, 9 Dec 2025 00:01:13 +0000\r\n"
        + "Authentication-Results: inbox."
        + domain
        + "; dkim=fail (body hash did not verify) header.d=shop.example.com header.b=abc\r\n"
        + "Received: from mta1.shop.example.com (mta1.shop.example.com [198.51.100.7]) by "
        + edge
        + " with ESMTPS id B2 for <kaiun@"
        + domain
        + ">; Tue, 9 Dec 2025 00:01:12 +0000\r\n"
        + "Authentication-Results: "
        + edge
        + "; spf=pass smtp.mailfrom=shop.example.com; dkim=pass header.d=shop.example.com"
        + " header.b=abc; dmarc=pass header.from=shop.example.com\r\n"
        + "From: Shop <orders@shop.example.com>\r\nTo: kaiun@"
        + domain
        + "\r\nSubject: Your order\r\nMIME-Version: 1.0\r\n";
  }

  private String analysed(Http api, byte[] message) {
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", message);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void theOrganisationsRangesTellItsBoundaryFromASendersForgedOne() {
    Http ownApi = new Http(port).bearer(fixtures.token(fixtures.user(receiver, Role.MEMBER)));
    // no ranges yet: as before, the forged passes are believed (the residue, and the command line)
    assertThat(analysed(ownApi, spoof("203.0.113.9")))
        .contains("\"dmarc\":\"pass\"", "\"verdict\":\"CLEAN\"");

    // its own admin enters its boundary's range on its own page
    Http admin = new Http(port);
    admin.signIn(fixtures.user(receiver, Role.ORG_ADMIN).login(), Fixtures.PASSWORD);
    var saved =
        admin.postForm(
            "/admin/own-organisation",
            "/admin/own-organisation/identity",
            Map.of("aliases", "", "domains", domain, "ipRanges", "192.0.2.0/24"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(directory.identity(receiver.id()).ipRanges()).containsExactly("192.0.2.0/24");

    String forged = analysed(ownApi, spoof("203.0.113.9"));
    assertThat(forged)
        .as("a boundary the receiver recorded outside the organisation's ranges is not its own")
        .contains("\"dkim\":\"fail\"")
        .doesNotContain("\"dmarc\":\"pass\"", "\"spf\":\"pass\"", "\"verdict\":\"CLEAN\"");
    assertThat(forged).as("the report names no range").doesNotContain("192.0.2.0");

    String real = analysed(ownApi, spoof("192.0.2.25"));
    assertThat(real)
        .as("its own boundary at a hosting provider, in its ranges, is read as before")
        .contains("\"spf\":\"pass\"", "\"dmarc\":\"pass\"", "\"verdict\":\"CLEAN\"");

    // another organisation's member, whose organisation has no ranges: as before
    Http otherApi =
        new Http(port).bearer(fixtures.token(fixtures.user(fixtures.operator("gas"), Role.MEMBER)));
    assertThat(analysed(otherApi, spoof("203.0.113.9"))).contains("\"verdict\":\"CLEAN\"");
  }

  @Test
  void rangesEnteredByAPlatformAdminServeTheOrganisationsPeopleToo() {
    directory.setIdentity(
        Actor.cli(),
        receiver.id(),
        new OrganisationIdentity(List.of(), List.of(domain), List.of("198.18.0.0/15")));
    Http ownApi = new Http(port).bearer(fixtures.token(fixtures.user(receiver, Role.MEMBER)));
    assertThat(analysed(ownApi, spoof("203.0.113.9"))).doesNotContain("\"verdict\":\"CLEAN\"");
    assertThat(analysed(ownApi, spoof("198.19.4.1"))).contains("\"verdict\":\"CLEAN\"");
  }
}
