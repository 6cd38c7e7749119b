package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

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
 * attack37: an organisation's admin registers domains in its organisation's identity (its own page
 * {@code /admin/own-organisation}, or {@code PUT /api/v1/organisations/{id}/identity}), and the
 * mail analysis of every member took them as that member's own: mail from any member's domain is no
 * claim of another member (a CEPTOAR relays its members' notices) and no member's domain is a
 * look-alike. So one organisation's admin — hostile, or its account taken over — who registered a
 * lure's domain (a look-alike of another member's, or free mail) silenced MEMBER_IMPERSONATION and
 * LOOKALIKE_DOMAIN for that domain in every other organisation's analyses. A domain an
 * organisation's admin adds now serves its own organisation at once and everyone else's analyses
 * once a platform admin has confirmed it.
 */
class MemberDomainClaimIT extends ServerTest {

  private static final String PAGE = "/admin/own-organisation";

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;
  @Autowired MemberOrganisations members;

  Organisation victim;
  String victimDomain;

  @BeforeEach
  void aMemberWithItsRegisteredDomain() {
    victim = fixtures.operator("finance");
    // not MailMemberImpersonationIT's "own-" + code: two codes a letter apart would make the
    // victims of the two tests look-alikes of one another in the same database
    victimDomain = "victim-bank-" + victim.code() + ".example";
    directory.setIdentity(
        Actor.cli(),
        victim.id(),
        new OrganisationIdentity(List.of(), List.of(victimDomain), List.of()));
    members.forget();
  }

  private Http signedIn(UserAccount u) {
    Http h = new Http(port);
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  private String analysed(Http api, byte[] message) {
    var r = api.postBytes("/api/v1/mail/analyze", "message/rfc822", message);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void aDomainAnOrgAdminRegistersSilencesNobodyElsesImpersonationSigns() {
    Organisation hostile = fixtures.operator("gas");
    Http hostileAdmin = signedIn(fixtures.user(hostile, Role.ORG_ADMIN));
    // the victim's label under another suffix (a look-alike) and a free-mail provider
    String lookAlike = "victim-bank-" + victim.code() + ".jp";
    String lureAtLookAlike = "keiri@" + lookAlike;
    String lureAtFreeMail = "sakura.keiri" + victim.code() + "@gmail.com";
    var saved =
        hostileAdmin.postForm(
            PAGE,
            PAGE + "/identity",
            Map.of("aliases", "", "domains", lookAlike + "\ngmail.com", "ipRanges", ""));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    members.forget();

    UserAccount reader = fixtures.user(fixtures.operator("electricity"), Role.MEMBER);
    Http api = new Http(port).bearer(fixtures.token(reader));
    String fromLookAlike =
        analysed(
            api,
            MailMemberImpersonationIT.lure(
                victim.nameJa() + " 経理部", lureAtLookAlike, "振込先変更のお知らせ"));
    assertThat(fromLookAlike)
        .as("a look-alike of the victim's domain, registered by another organisation's admin")
        .contains("MEMBER_IMPERSONATION", "LOOKALIKE_DOMAIN");
    String fromFreeMail =
        analysed(
            api,
            MailMemberImpersonationIT.lure(victim.nameJa() + " 経理部", lureAtFreeMail, "振込先変更のお知らせ"));
    assertThat(fromFreeMail)
        .as("free mail, registered by another organisation's admin")
        .contains("MEMBER_IMPERSONATION");

    // the same through the API with the org admin's token
    Http hostileApi =
        new Http(port)
            .bearer(
                fixtures.token(
                    fixtures.user(hostile, Role.ORG_ADMIN),
                    java.util.EnumSet.allOf(jp.renkei.server.directory.TokenScope.class)));
    var put =
        hostileApi.putJson(
            "/api/v1/organisations/" + hostile.id() + "/identity",
            "{\"aliases\":[],\"domains\":[\"" + lookAlike + "\"],\"ipRanges\":[]}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    members.forget();
    assertThat(
            analysed(
                api,
                MailMemberImpersonationIT.lure(
                    victim.nameJa() + " 経理部", lureAtLookAlike, "振込先変更のお知らせ")))
        .contains("MEMBER_IMPERSONATION", "LOOKALIKE_DOMAIN");

    // an other name makes claims in every analysis: the hostile admin names its organisation as
    // anyone it likes (a delivery company's notices) and every reader is told they impersonate it
    String hostileDomain = "hostile-" + hostile.code() + ".example";
    directory.setIdentity(
        Actor.cli(),
        hostile.id(),
        new OrganisationIdentity(List.of(), List.of(hostileDomain), List.of()));
    String courier = "ひのもと配送センター" + hostile.code().replaceAll("[^0-9]", "");
    var alias =
        hostileAdmin.postForm(
            PAGE,
            PAGE + "/identity",
            Map.of("aliases", courier, "domains", hostileDomain, "ipRanges", ""));
    assertThat(alias.statusCode()).as(alias.body()).isEqualTo(302);
    members.forget();
    assertThat(
            analysed(
                api, MailMemberImpersonationIT.lure(courier, "info@courier.example", "配達のお知らせ")))
        .as("another organisation's admin decides nobody else's claims")
        .doesNotContain("MEMBER_IMPERSONATION");
    assertThat(
            analysed(
                api,
                MailMemberImpersonationIT.lure(
                    hostile.nameJa() + " 経理部", "info@" + hostileDomain, "ご連絡")))
        .as("the domain a platform admin confirmed stays confirmed when the org admin saves")
        .doesNotContain("MEMBER_IMPERSONATION");
  }

  @Test
  void theOrganisationsOwnAnalysesUseItsDomainAtOnceAndEveryoneElsesOnceConfirmed() {
    Organisation newcomer = fixtures.operator("water");
    String itsDomain = "mizu-" + newcomer.code() + ".example";
    Http admin = signedIn(fixtures.user(newcomer, Role.ORG_ADMIN));
    var saved =
        admin.postForm(
            PAGE, PAGE + "/identity", Map.of("aliases", "", "domains", itsDomain, "ipRanges", ""));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    assertThat(admin.get(PAGE).body())
        .as("the page says the domain waits for a platform admin")
        .contains("id=\"pending-identity\"", itsDomain, "基盤管理者が確認するまで使われません");
    members.forget();

    // the newcomer's own mail, read by its own people: its domain is its own at once
    byte[] ownNotice =
        MailMemberImpersonationIT.lure(newcomer.nameJa() + " 総務部", "info@" + itsDomain, "ご連絡");
    Http own = new Http(port).bearer(fixtures.token(fixtures.user(newcomer, Role.MEMBER)));
    assertThat(analysed(own, ownNotice)).doesNotContain("MEMBER_IMPERSONATION");

    // another organisation's reader: the unconfirmed domain relays no claim of the victim
    Http other =
        new Http(port)
            .bearer(fixtures.token(fixtures.user(fixtures.operator("electricity"), Role.MEMBER)));
    byte[] claimOfVictim =
        MailMemberImpersonationIT.lure(victim.nameJa() + " 経理部", "info@" + itsDomain, "ご連絡");
    assertThat(analysed(other, claimOfVictim)).contains("MEMBER_IMPERSONATION");

    // a platform admin saves the identity on the organisation's page: confirmed for everyone
    Http platform = signedIn(fixtures.user(fixtures.operator("finance"), Role.PLATFORM_ADMIN));
    String orgPage = "/admin/organisations/" + newcomer.id();
    assertThat(platform.get("/admin/organisations").body())
        .as("the platform admins' organisation page lists what waits")
        .contains("id=\"pending-identities\"", "href=\"" + orgPage + "#identity\"");
    assertThat(platform.get(orgPage).body())
        .contains("id=\"pending-identity\"", itsDomain, "確認待ちです");
    var confirmed =
        platform.postForm(
            orgPage,
            orgPage + "/identity",
            Map.of("aliases", "", "domains", itsDomain, "ipRanges", ""));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
    assertThat(platform.get(orgPage).body()).doesNotContain("id=\"pending-identity\"");
    assertThat(platform.get("/admin/organisations").body())
        .doesNotContain("href=\"" + orgPage + "#identity\"");
    members.forget();
    assertThat(analysed(other, claimOfVictim))
        .as("a member's confirmed domain relays other members' notices (a CEPTOAR's)")
        .doesNotContain("MEMBER_IMPERSONATION");

    // the org admin saving again keeps what was confirmed, and a new domain waits
    String second = "mizu2-" + newcomer.code() + ".example";
    admin.postForm(
        PAGE,
        PAGE + "/identity",
        Map.of("aliases", "", "domains", itsDomain + "\n" + second, "ipRanges", ""));
    members.forget();
    assertThat(analysed(other, claimOfVictim)).doesNotContain("MEMBER_IMPERSONATION");
    assertThat(
            analysed(
                other,
                MailMemberImpersonationIT.lure(victim.nameJa() + " 経理部", "info@" + second, "ご連絡")))
        .contains("MEMBER_IMPERSONATION");
    String page = admin.get(PAGE).body();
    String pending = page.substring(page.indexOf("id=\"pending-identity\""));
    pending = pending.substring(0, pending.indexOf("</p>"));
    assertThat(pending).contains(second).doesNotContain(itsDomain);
  }
}
