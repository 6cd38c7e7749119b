package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation marked inactive ({@code organisation.active = false}: it left the partnership)
 * has people who may neither see nor act (attack27). The outbox already sent such an organisation
 * nothing, but its people still signed in, kept their sessions and used their API tokens, and so
 * read everything their organisation's audience reached: TLP:AMBER advisories of a partnership they
 * had left, the GREEN community, TAXII collections. They are now treated as disabled: the same
 * sign-in answer as any refusal, sessions end at the next request, tokens answer 401.
 */
class InactiveOrganisationIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  @Test
  void thePeopleOfAnInactiveOrganisationCanNeitherSeeNorAct() {
    String code = Fixtures.unique("gone");
    Organisation org =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "退会試験事業者 " + code,
                "Departed operator " + code,
                "operator",
                "finance",
                null,
                null,
                List.of("c-bank")));
    UserAccount person = fixtures.user(org, Role.ORG_ADMIN);
    Http api = http().bearer(fixtures.token(person));
    Http browser = http();
    assertThat(browser.signIn(person.login(), Fixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/advisories").statusCode()).isEqualTo(200);
    assertThat(api.get("/taxii2/api/collections/").statusCode()).isEqualTo(200);

    active(org, false);
    // the open session is signed out at its next request
    HttpResponse<String> page = browser.get("/reports");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login"));
    // tokens of every scope stop, on the API and TAXII
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(api.get("/api/v1/advisories").statusCode()).isEqualTo(401);
    assertThat(api.get("/taxii2/api/collections/").statusCode()).isEqualTo(401);
    assertThat(api.postJson("/api/v1/tokens", "{\"name\":\"again\"}").statusCode()).isEqualTo(401);
    // sign-in answers as for a wrong password (the form does not say why)
    HttpResponse<String> again = http().signIn(person.login(), Fixtures.PASSWORD);
    assertThat(again.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=bad"));

    // active again: the same person and token work as before (nothing else stopped them)
    active(org, true);
    assertThat(api.get("/api/v1/me").statusCode()).isEqualTo(200);
    Http back = http();
    assertThat(back.signIn(person.login(), Fixtures.PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    assertThat(back.get("/reports").statusCode()).isEqualTo(200);
  }

  private void active(Organisation org, boolean active) {
    jdbc.sql("update organisation set active = ? where id = ?").params(active, org.id()).update();
  }

  /**
   * The way to deactivate: {@code PUT /api/v1/organisations/{id}/active}, a platform admin's with a
   * token of scope admin; nobody else, and not the admin's own organisation (it would lock its own
   * people out, the admin included).
   */
  @Test
  void aPlatformAdminDeactivatesAnOrganisationAndActivatesItAgain() {
    String code = Fixtures.unique("leave");
    Organisation org =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "退会予定事業者 " + code,
                "Leaving operator " + code,
                "operator",
                "finance",
                null,
                null,
                List.of("c-bank")));
    UserAccount person = fixtures.user(org, Role.ORG_ADMIN);
    Http own = http().bearer(fixtures.token(person));
    UserAccount platform = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Http admin = http().bearer(fixtures.token(platform));
    String path = "/api/v1/organisations/" + org.id() + "/active";

    // its own admin may not, nor may another organisation's, nor a token without admin
    assertThat(own.putJson(path, "{\"active\":false}").statusCode()).isEqualTo(403);
    Http other = http().bearer(fixtures.token(fixtures.user("op-sakura-bank", Role.ORG_ADMIN)));
    assertThat(other.putJson(path, "{\"active\":false}").statusCode()).isEqualTo(403);
    Http readOnly =
        http()
            .bearer(
                fixtures.token(platform, java.util.EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    assertThat(readOnly.putJson(path, "{\"active\":false}").statusCode()).isEqualTo(403);
    assertThat(own.get("/api/v1/me").statusCode()).isEqualTo(200);
    // the body must say what to do
    HttpResponse<String> missing = admin.putJson(path, "{}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("active");
    // not the platform admin's own organisation
    HttpResponse<String> self =
        admin.putJson(
            "/api/v1/organisations/" + platform.organisationId() + "/active", "{\"active\":false}");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("active");

    HttpResponse<String> off = admin.putJson(path, "{\"active\":false}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(off.body()).contains("\"active\":false");
    assertThat(own.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'directory.organisation.deactivate'"
                        + " and target_id = ?")
                .param(String.valueOf(org.id()))
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    HttpResponse<String> on = admin.putJson(path, "{\"active\":true}");
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.body()).contains("\"active\":true");
    assertThat(own.get("/api/v1/me").statusCode()).isEqualTo(200);
  }
}
