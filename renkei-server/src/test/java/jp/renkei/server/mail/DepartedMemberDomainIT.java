package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationIdentity;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * attack38: a deactivated organisation is no member any more (its people may not sign in, the
 * outbox sends it nothing), but its confirmed domains still counted as a member's in every mail
 * analysis: mail from any member's domain is no claim of another member (a CEPTOAR relays its
 * members' notices). A departed member's domain — lapsed and registered again by someone else, or
 * its mail server still run by a former employee — then carried a lure naming any other member,
 * CLEAN where the same lure from an unknown domain was MEMBER_IMPERSONATION. A deactivated
 * organisation now counts for nobody's analysis, neither as trusted domains nor as names claimed.
 */
class DepartedMemberDomainIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;
  @Autowired MemberOrganisations members;

  @Test
  void aDeactivatedOrganisationsDomainCarriesNoClaimOfAnotherMember() {
    Organisation victim = fixtures.operator("finance");
    directory.setIdentity(
        Actor.cli(),
        victim.id(),
        new OrganisationIdentity(
            List.of(), List.of("victim-" + victim.code() + ".example"), List.of()));
    Organisation departed = fixtures.operator("gas");
    String departedDomain = "departed-" + departed.code() + ".example";
    // an other name no other organisation's name begins (the fixtures' names are "テスト事業者 <code>",
    // and one code may begin another: op-x-1 of op-x-16)
    String departedName = "去りゆく" + departed.code() + "銀行";
    directory.setIdentity(
        Actor.cli(),
        departed.id(),
        new OrganisationIdentity(List.of(departedName), List.of(departedDomain), List.of()));
    members.forget();

    Http reader =
        new Http(port)
            .bearer(fixtures.token(fixtures.user(fixtures.operator("electricity"), Role.MEMBER)));
    byte[] lure =
        MailMemberImpersonationIT.lure(
            victim.nameJa() + " 経理部", "keiri@" + departedDomain, "振込先変更のお知らせ");
    assertThat(analysed(reader, lure))
        .as("while the organisation is a member, its domain relays other members' notices")
        .doesNotContain("MEMBER_IMPERSONATION");
    byte[] claimOfDeparted =
        MailMemberImpersonationIT.lure(
            departedName + " 経理部", "keiri@lure-" + departed.code() + ".example", "ご連絡");
    assertThat(analysed(reader, claimOfDeparted))
        .as("and its name, written from elsewhere, claims a member")
        .contains("MEMBER_IMPERSONATION");

    directory.setActive(Actor.cli(), departed.id(), false);
    members.forget();
    assertThat(analysed(reader, lure))
        .as("a departed member's domain is nobody's to vouch for")
        .contains("MEMBER_IMPERSONATION");
    assertThat(analysed(reader, claimOfDeparted))
        .as("nor is it a member another domain can impersonate: it is any company now")
        .doesNotContain("MEMBER_IMPERSONATION");

    directory.setActive(Actor.cli(), departed.id(), true);
    members.forget();
    assertThat(analysed(reader, lure))
        .as("made active again, it is a member as before")
        .doesNotContain("MEMBER_IMPERSONATION");
  }

  private String analysed(Http api, byte[] message) {
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", message);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }
}
