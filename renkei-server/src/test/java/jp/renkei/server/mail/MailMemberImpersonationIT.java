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
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lure posing as one of the hub's member organisations, uploaded through the real endpoints: the
 * report, the page (ja and en) and the STIX name the member it claims, and never what only the
 * member's admins may read (its registered domains and other names).
 */
class MailMemberImpersonationIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;
  @Autowired MemberOrganisations members;

  Organisation target;
  String ownDomain;
  String secretAlias;

  @BeforeEach
  void aMemberWithItsDomainAndAnotherName() {
    target = fixtures.operator("finance");
    ownDomain = "own-" + target.code() + ".example";
    secretAlias = "つばめ別名" + target.code().replaceAll("[^0-9]", "");
    directory.setIdentity(
        Actor.cli(),
        target.id(),
        new OrganisationIdentity(List.of(secretAlias), List.of(ownDomain), List.of()));
    // the analyser's reading of the directory is a minute old at most; this test has just written
    members.forget();
  }

  static String word(String s) {
    return "=?UTF-8?B?"
        + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  static byte[] lure(String displayName, String from, String subject) {
    return ("Received: from mx.attacker.example (unknown [203.0.113.45]) by mx.victim.example;"
            + " Mon, 16 Nov 2026 09:12:03 +0900\r\n"
            + "Authentication-Results: mx.victim.example; spf=pass smtp.mailfrom="
            + from.substring(from.indexOf('@') + 1)
            + "; dkim=none\r\nFrom: \""
            + word(displayName)
            + "\" <"
            + from
            + ">\r\nTo: keiri@victim.example\r\nSubject: "
            + word(subject)
            + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder()
                .encodeToString(
                    "お振込先の変更をお知らせします。下記よりご確認ください。\r\nhttps://example.net/kakunin\r\n"
                        .getBytes(StandardCharsets.UTF_8))
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLureClaimingAMemberFromALookAlikeDomainIsToldInBothLanguagesAndInStix() {
    UserAccount u = fixtures.user(fixtures.operator("electricity"), Role.MEMBER);
    // the member's own label under another suffix: a look-alike of its domain
    String lureDomain = "own-" + target.code() + ".jp";
    byte[] lure = lure(target.nameJa() + " 経理部", "keiri@" + lureDomain, "振込先変更のお知らせ");
    Http api = new Http(port).bearer(fixtures.token(u));
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", lure);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body())
        .contains("MEMBER_IMPERSONATION", "会員組織「" + target.nameJa() + "」を名乗る (差出人名)")
        .contains("LOOKALIKE_DOMAIN", "会員組織「" + target.nameJa() + "」のドメイン")
        .contains("MALICIOUS")
        .doesNotContain(ownDomain);

    var stix = api.postBytes("/api/v1/mail/analyze?format=stix", "message/rfc822", lure);
    assertThat(stix.body())
        .contains("MEMBER_IMPERSONATION", "claims member organisation " + target.nameEn())
        .doesNotContain(ownDomain);

    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    String ja = browser.upload("/mail", "/mail", "message", "lure.eml", lure).body();
    assertThat(ja)
        .contains("会員組織のなりすまし", "会員組織「" + target.nameJa() + "」を名乗る")
        .doesNotContain(">MEMBER_IMPERSONATION<", ownDomain);
    browser.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    String en = browser.upload("/mail", "/mail", "message", "lure.eml", lure).body();
    assertThat(en)
        .contains(
            "Member-organisation impersonation", "claims member organisation " + target.nameEn())
        .doesNotContain(ownDomain);
  }

  /**
   * A token that may only submit (scope {@code write}) may not read the directory (its API answers
   * such a token 403): the analysis it uploads names no member, in JSON, STIX or a C4TAP draft's
   * preview, and still judges the lure by what it is without the name.
   */
  @Test
  void aTokenThatMayOnlySubmitIsNamedNoMember() {
    UserAccount u = fixtures.user(fixtures.operator("electricity"), Role.MEMBER);
    Http writeOnly =
        new Http(port)
            .bearer(
                fixtures.token(
                    u, java.util.EnumSet.of(jp.renkei.server.directory.TokenScope.WRITE)));
    assertThat(writeOnly.get("/api/v1/organisations").statusCode())
        .as("the directory is not this token's to read")
        .isEqualTo(403);
    String lureDomain = "own-" + target.code() + ".jp";
    byte[] lure = lure(target.nameJa() + " 経理部", "keiri@" + lureDomain, "振込先変更のお知らせ");
    for (String path :
        List.of("/api/v1/mail/analyze", "/api/v1/mail/analyze?format=stix", "/api/v1/c4tap")) {
      var r = writeOnly.postBytes(path, "message/rfc822", lure);
      assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 201);
      assertThat(r.body())
          .as(path)
          // the Japanese name is in the lure's own From; the analysis's words are what count
          .doesNotContain("MEMBER_IMPERSONATION", "会員組織「", target.nameEn(), ownDomain);
    }
    // the same upload with a token that may read names the member: the difference is the scope
    Http reads = new Http(port).bearer(fixtures.token(u));
    assertThat(reads.postBytes("/api/v1/mail/analyze", "message/rfc822", lure).body())
        .contains("MEMBER_IMPERSONATION", target.nameJa());
  }

  /**
   * The uploader may read the member's name in the directory but not its identity: a lure written
   * with the member's other name, or from a domain next to its own, is told by the member's name,
   * and neither the other name's link to it nor its registered domain comes out of any rendering.
   */
  @Test
  void theAnalysisNeverTellsTheUploaderWhatOnlyTheMembersAdminsRead() {
    UserAccount u = fixtures.user(fixtures.operator("gas"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    assertThat(api.get("/api/v1/organisations/" + target.id() + "/identity").statusCode())
        .as("the identity is not the uploader's to read")
        .isEqualTo(403);
    // one letter away from the registered domain: the evidence says whose, not which domain
    String near = ownDomain.replace("own-", "owm-");
    byte[] byAlias = lure(secretAlias, "info@" + near, "ご確認");
    for (String format : List.of("", "?format=stix")) {
      var r = api.postBytes("/api/v1/mail/analyze" + format, "message/rfc822", byAlias);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body())
          .contains("MEMBER_IMPERSONATION", "LOOKALIKE_DOMAIN")
          .doesNotContain(ownDomain);
      // the alias is in the message itself (its From); the evidence never links it to the member
      // by repeating it
      assertThat(evidenceOf(r.body(), "MEMBER_IMPERSONATION")).doesNotContain(secretAlias);
    }
    Http browser = new Http(port);
    browser.signIn(u.login(), Fixtures.PASSWORD);
    assertThat(browser.upload("/mail", "/mail", "message", "lure.eml", byAlias).body())
        .doesNotContain(ownDomain);
  }

  @Test
  void theMembersOwnMailAndANameThatIsNoMembersAreNotClaims() {
    UserAccount u = fixtures.user(fixtures.operator("gas"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(u));
    var own =
        api.postBytes(
            "/api/v1/mail/analyze",
            "message/rfc822",
            lure(target.nameJa(), "info@" + ownDomain, "ご確認"));
    assertThat(own.body()).doesNotContain("MEMBER_IMPERSONATION", "LOOKALIKE_DOMAIN");
    var stranger =
        api.postBytes(
            "/api/v1/mail/analyze",
            "message/rfc822",
            lure("どこにもない架空商事 " + target.code(), "info@nowhere-trading.example", "ご確認"));
    assertThat(stranger.body()).doesNotContain("MEMBER_IMPERSONATION");
  }

  /** The findings' evidence of one flag in a report's JSON. */
  static String evidenceOf(String json, String flag) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while ((at = json.indexOf("\"" + flag + "\"", at)) >= 0) {
      int end = json.indexOf('}', at);
      out.append(json, at, end < 0 ? json.length() : end).append('\n');
      at = end < 0 ? json.length() : end;
    }
    return out.toString();
  }
}
