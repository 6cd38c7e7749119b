package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation admin sets its own organisation's duty address, webhook and identity on {@code
 * /admin/own-organisation} (ux35's review: the only page for it was the platform admin's, 403 to
 * them), under the same rules as the API: its own organisation only, the webhook through the
 * outbound guard, every change audited; analysts and members are refused, and no form field can
 * point the page at another organisation.
 */
class OwnOrganisationPagesIT extends ServerTest {

  private static final String PAGE = "/admin/own-organisation";

  @Autowired JdbcClient jdbc;
  @Autowired DirectoryService directory;
  @Autowired OrganisationRepository organisations;

  private Http signedIn(UserAccount u) {
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    return h;
  }

  private long audits(String action, long organisationId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, String.valueOf(organisationId))
        .query(Long.class)
        .single();
  }

  @Test
  void anOrgAdminSetsItsOwnDutyAddressWebhookAndIdentity() {
    Organisation bank = fixtures.operator("finance");
    Http admin = signedIn(fixtures.user(bank, Role.ORG_ADMIN));
    String page = admin.get(PAGE).body();
    assertThat(page).contains("id=\"delivery\"", "id=\"identity\"", bank.nameJa());
    assertThat(page)
        .as("renaming and deactivating stay the platform admin's")
        .doesNotContain("id=\"names\"", "id=\"status\"");
    assertThat(admin.get("/").body()).contains("id=\"nav-own-organisation\"");
    assertThat(admin.get("/directory/" + bank.id()).body())
        .contains("id=\"edit-own-organisation\"");

    HttpResponse<String> refused =
        admin.postForm(
            PAGE,
            PAGE + "/delivery",
            Map.of("dutyEmail", "duty@bank.example", "webhookUrl", "https://10.1.2.3/hook"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"error-summary\"", "Webhook の URL：", "https://10.1.2.3/hook")
        .doesNotContain("Exception");
    // what to give instead, not the hub's setting an org admin cannot change (ux37)
    assertThat(refused.body())
        .contains("インターネットから届く受信側のアドレスを指定してください")
        .doesNotContain("renkei.outbound");
    assertThat(directory.organisation(bank.id()).dutyEmail()).isNull();

    HttpResponse<String> saved =
        admin.postForm(
            PAGE,
            PAGE + "/delivery",
            Map.of("dutyEmail", "duty@bank.example", "webhookUrl", "https://hooks.example/renkei"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(PAGE);
    assertThat(directory.organisation(bank.id()).dutyEmail()).isEqualTo("duty@bank.example");
    assertThat(organisations.webhookUrl(bank.id())).contains("https://hooks.example/renkei");
    assertThat(audits("directory.delivery.set", bank.id())).isEqualTo(1);
    assertThat(admin.get(PAGE).body()).contains("duty@bank.example");

    assertThat(
            admin
                .postForm(
                    PAGE,
                    PAGE + "/identity",
                    Map.of("aliases", "さくら", "domains", "sakura-own.example", "ipRanges", ""))
                .statusCode())
        .isEqualTo(302);
    assertThat(directory.identity(bank.id()).domains()).containsExactly("sakura-own.example");
    assertThat(audits("directory.identity.set", bank.id())).isEqualTo(1);
  }

  @Test
  void analystsMembersAndOtherOrganisationsAdminsAreRefused() {
    Organisation bank = fixtures.operator("finance");
    Organisation other = fixtures.operator("finance");
    for (Role role : new Role[] {Role.ANALYST, Role.MEMBER}) {
      Http h = signedIn(fixtures.user(bank, role));
      assertThat(h.get(PAGE).statusCode()).as(role.code()).isEqualTo(403);
      assertThat(
              h.postForm("/", PAGE + "/delivery", Map.of("dutyEmail", "x@evil.example"))
                  .statusCode())
          .as(role.code())
          .isEqualTo(403);
      assertThat(
              h.postForm("/", PAGE + "/identity", Map.of("domains", "evil.example")).statusCode())
          .as(role.code())
          .isEqualTo(403);
      assertThat(h.get("/").body()).doesNotContain("id=\"nav-own-organisation\"");
    }
    assertThat(directory.organisation(bank.id()).dutyEmail()).isNull();
    assertThat(directory.identity(bank.id()).domains()).isEmpty();

    // an org admin reaches its own organisation only: an id in the form is not read, and the
    // platform admin's page of another organisation stays refused
    Http otherAdmin = signedIn(fixtures.user(other, Role.ORG_ADMIN));
    assertThat(
            otherAdmin
                .postForm(
                    PAGE,
                    PAGE + "/delivery",
                    Map.of("dutyEmail", "other@bank.example", "id", String.valueOf(bank.id())))
                .statusCode())
        .isEqualTo(302);
    assertThat(directory.organisation(bank.id()).dutyEmail()).isNull();
    assertThat(directory.organisation(other.id()).dutyEmail()).isEqualTo("other@bank.example");
    assertThat(
            otherAdmin
                .postForm(
                    "/",
                    "/admin/organisations/" + bank.id() + "/delivery",
                    Map.of("dutyEmail", "x@evil.example"))
                .statusCode())
        .isEqualTo(403);
    assertThat(otherAdmin.get("/directory/" + bank.id()).body())
        .doesNotContain("id=\"edit-own-organisation\"");
    assertThat(directory.organisation(bank.id()).dutyEmail()).isNull();
  }

  @Test
  void aPlatformAdminIsSentToTheFullPageOfItsOwnOrganisation() {
    Organisation nisc = directory.organisation("nisc");
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    HttpResponse<String> r = admin.get(PAGE);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/organisations/" + nisc.id());
  }
}
