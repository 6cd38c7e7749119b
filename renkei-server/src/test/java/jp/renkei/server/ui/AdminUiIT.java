package jp.renkei.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin pages for organisations and warning lists: a platform admin edits, every change is
 * audited, errors are listed in Japanese without internal field names, and nobody else reaches
 * them.
 */
class AdminUiIT extends ServerTest {

  @Autowired JdbcClient jdbc;
  @Autowired DirectoryService directory;

  private Http signedIn(String login) {
    Http h = http();
    h.signIn(login, Fixtures.PASSWORD);
    return h;
  }

  private long audits(String action, String targetId) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, targetId)
        .query(Long.class)
        .single();
  }

  @Test
  void aPlatformAdminEditsDeliveryIdentityAndNameAndEachChangeIsAudited() {
    Organisation bank = fixtures.operator("finance");
    String page = "/admin/organisations/" + bank.id();
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN).login());
    assertThat(admin.get(page).body())
        .contains("id=\"delivery\"", "id=\"identity\"", "id=\"names\"");

    // the webhook goes through the outbound guard: a private address is refused, in Japanese
    HttpResponse<String> refused =
        admin.postForm(
            page,
            page + "/delivery",
            Map.of("dutyEmail", "duty@bank.example", "webhookUrl", "https://10.1.2.3/hook"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"error-summary\"", "Webhook の URL：")
        .doesNotContain("webhookUrl:", "Exception");
    HttpResponse<String> saved =
        admin.postForm(page, page + "/delivery", Map.of("dutyEmail", "duty@bank.example"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(directory.organisation(bank.id()).dutyEmail()).isEqualTo("duty@bank.example");
    assertThat(audits("directory.delivery.set", String.valueOf(bank.id()))).isEqualTo(1);

    assertThat(
            admin
                .postForm(
                    page,
                    page + "/identity",
                    Map.of(
                        "aliases", "さくら\nSAKURA", "domains", "sakura-bank.example", "ipRanges", ""))
                .statusCode())
        .isEqualTo(302);
    assertThat(directory.identity(bank.id()).domains()).containsExactly("sakura-bank.example");
    assertThat(audits("directory.identity.set", String.valueOf(bank.id()))).isEqualTo(1);

    String newName = "改称 " + Fixtures.unique("銀行");
    assertThat(
            admin
                .postForm(
                    page,
                    page + "/rename",
                    Map.of(
                        "nameJa", newName, "nameEn", "Renamed bank", "effective", "", "note", "合併"))
                .statusCode())
        .isEqualTo(302);
    assertThat(directory.organisation(bank.id()).nameJa()).isEqualTo(newName);
    assertThat(admin.get(page).body()).contains(bank.nameJa(), newName);
    assertThat(audits("directory.organisation.rename", String.valueOf(bank.id()))).isEqualTo(1);
  }

  /**
   * A new admin comes to an organisation's page to set where its advisories go, and met first a
   * long explanation of deactivating it (ux35): an active organisation's page now opens on its
   * contact e-mail and webhook and ends with the deactivation; an inactive one's says so first.
   */
  @Test
  void anActiveOrganisationsPageOpensOnItsDeliveryAndAnInactiveOnesOnItsState() {
    Organisation org = fixtures.operator("water");
    String page = "/admin/organisations/" + org.id();
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN).login());
    String active = admin.get(page).body();
    assertThat(active.indexOf("id=\"delivery\""))
        .as("the delivery settings come before the deactivation")
        .isPositive()
        .isLessThan(active.indexOf("id=\"status\""));
    assertThat(active.split("id=\"status\"", -1)).as("the state once").hasSize(2);

    assertThat(
            admin
                .postForm(page, page + "/active", Map.of("active", "false", "confirm", "true"))
                .statusCode())
        .isEqualTo(302);
    String inactive = admin.get(page).body();
    assertThat(inactive.indexOf("id=\"status\""))
        .as("an inactive organisation's page says so first")
        .isPositive()
        .isLessThan(inactive.indexOf("id=\"delivery\""));
    assertThat(inactive.split("id=\"status\"", -1)).hasSize(2);
  }

  @Test
  void nobodyButAPlatformAdminReachesTheAdminPages() {
    Organisation bank = fixtures.operator("finance");
    String page = "/admin/organisations/" + bank.id();
    for (Role role : new Role[] {Role.ORG_ADMIN, Role.ANALYST, Role.MEMBER}) {
      Http h = signedIn(fixtures.user(bank, role).login());
      assertThat(h.get(page).statusCode()).as(role + " " + page).isEqualTo(403);
      assertThat(h.get("/admin/warning-lists").statusCode()).as(role.toString()).isEqualTo(403);
      assertThat(
              h.postForm("/", page + "/rename", Map.of("nameJa", "乗っ取り", "nameEn", "x"))
                  .statusCode())
          .as(role + " rename")
          .isEqualTo(403);
      assertThat(
              h.postForm(
                      "/",
                      "/admin/warning-lists/common-domains/entries",
                      Map.of("kind", "domain-name", "value", "evil-" + role.code() + ".example"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              h.postForm(
                      "/",
                      "/admin/warning-lists/reserved-ranges/remove",
                      Map.of("kind", "cidr", "value", "10.0.0.0/8"))
                  .statusCode())
          .isEqualTo(403);
    }
    assertThat(directory.organisation(bank.id()).nameJa()).isEqualTo(bank.nameJa());
    assertThat(
            jdbc.sql("select count(*) from warning_list_entry where value like 'evil-%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from warning_list_entry where value = '10.0.0.0/8'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void warningListsAreReviewedWithNotesAndRefusePublicSuffixes() {
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN).login());
    String page = "/admin/warning-lists";
    String before = admin.get(page).body();
    assertThat(before).contains("id=\"list-common-domains\"", "google.com");
    assertThat(before).as("go.jp silenced every government domain").doesNotContain(">go.jp<");

    HttpResponse<String> suffix =
        admin.postForm(
            page,
            page + "/common-domains/entries",
            Map.of("kind", "domain-name", "value", "go.jp", "note", "x"));
    assertThat(suffix.body()).contains("id=\"error-summary\"", "go.jp", "値：");

    String value = Fixtures.unique("cdn") + ".example";
    assertThat(
            admin
                .postForm(
                    page,
                    page + "/common-domains/entries",
                    Map.of("kind", "domain-name", "value", value, "note", "社内CDN、誤検知が多い"))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get(page).body()).contains(value, "社内CDN、誤検知が多い");
    assertThat(
            admin
                .postForm(
                    page,
                    page + "/common-domains/review",
                    Map.of("kind", "domain-name", "value", value, "note", "2026年度見直し済"))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get(page).body()).contains("2026年度見直し済");
    assertThat(
            admin
                .postForm(
                    page,
                    page + "/common-domains/remove",
                    Map.of("kind", "domain-name", "value", value))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get(page).body()).doesNotContain("<code>" + value + "</code>");
    for (String action :
        new String[] {"warninglist.add", "warninglist.review", "warninglist.remove"}) {
      assertThat(
              jdbc.sql("select count(*) from audit_event where action = ? and detail like ?")
                  .params(action, "%" + value + "%")
                  .query(Long.class)
                  .single())
          .as(action)
          .isEqualTo(1);
    }
  }

  @Autowired jp.renkei.server.intel.IntelService intel;

  @Test
  void aPlatformAdminAddsStopsAndResumesAFeedThroughTheOutboundGuard() {
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN).login());
    String collection =
        intel.allCollections().stream()
            .filter(c -> c.kind() == jp.renkei.server.intel.StixCollection.Kind.HUB)
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    String name = "feed-" + Fixtures.unique("f");
    Map<String, String> form = new java.util.HashMap<>();
    form.put("name", name);
    form.put("apiRoot", "https://10.1.2.3/taxii2/api/");
    form.put("remoteCollection", "91a7b528-80eb-42ed-a74d-c6fbd5a26116");
    form.put("authKind", "none");
    form.put("localCollection", collection);
    form.put("pollIntervalSeconds", "600");
    HttpResponse<String> refused = admin.postForm("/admin/feeds", "/admin/feeds", form);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"form-error\"", "TAXII API ルートの URL：")
        .doesNotContain("apiRoot:");
    form.put("apiRoot", "http://127.0.0.1:9/taxii2/api/");
    assertThat(admin.postForm("/admin/feeds", "/admin/feeds", form).statusCode()).isEqualTo(302);
    long id =
        jdbc.sql("select id from taxii_feed where name = ?").param(name).query(Long.class).single();
    assertThat(admin.get("/admin/feeds").body()).contains(name, "id=\"toggle-" + id + "\"");
    assertThat(
            admin
                .postForm(
                    "/admin/feeds", "/admin/feeds/" + id + "/enabled", Map.of("enabled", "false"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select enabled from taxii_feed where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(audits("feed.create", String.valueOf(id))).isEqualTo(1);
    assertThat(audits("feed.disable", String.valueOf(id))).isEqualTo(1);

    Http orgAdmin = signedIn(fixtures.user("op-sakura-bank", Role.ORG_ADMIN).login());
    assertThat(orgAdmin.get("/admin/feeds").statusCode()).isEqualTo(403);
    assertThat(
            orgAdmin
                .postForm("/", "/admin/feeds/" + id + "/enabled", Map.of("enabled", "true"))
                .statusCode())
        .isEqualTo(403);
    form.put("name", name + "-x");
    assertThat(orgAdmin.postForm("/", "/admin/feeds", form).statusCode()).isEqualTo(403);
  }
}
