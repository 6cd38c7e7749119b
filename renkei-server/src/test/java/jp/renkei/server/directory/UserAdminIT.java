package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditFilter;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserAdminIT extends ServerTest {

  @Autowired UserService users;
  @Autowired AuditLog audit;

  @Test
  void orgAdminManagesOnlyOwnOrganisationAndCannotGrantPlatformAdmin() {
    var bankAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var powerUser = fixtures.user("op-inazuma-power", Role.MEMBER);
    var api = http().bearer(fixtures.token(bankAdmin));

    assertThat(api.get("/api/v1/users").body())
        .contains(bankAdmin.login())
        .doesNotContain(powerUser.login());
    assertThat(api.get("/api/v1/users/" + powerUser.id()).statusCode()).isEqualTo(404);
    assertThat(
            api.putJson("/api/v1/users/" + powerUser.id() + "/role", "{\"role\":\"analyst\"}")
                .statusCode())
        .isEqualTo(404);

    String login = Fixtures.unique("new").replace('-', '.') + ".op-sakura-bank";
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/users",
            "{\"login\":\""
                + login
                + "\",\"displayName\":\"新人\",\"organisationCode\":\"op-sakura-bank\",\"role\":\"member\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"initialPassword\":\"");

    HttpResponse<String> elsewhere =
        api.postJson(
            "/api/v1/users",
            "{\"login\":\"x"
                + login
                + "\",\"displayName\":\"x\",\"organisationCode\":\"op-inazuma-power\",\"role\":\"member\"}");
    assertThat(elsewhere.statusCode()).isEqualTo(403);

    HttpResponse<String> escalate =
        api.postJson(
            "/api/v1/users",
            "{\"login\":\"y"
                + login
                + "\",\"displayName\":\"x\",\"organisationCode\":\"op-sakura-bank\",\"role\":\"platform_admin\"}");
    assertThat(escalate.statusCode()).isEqualTo(403);

    var member = users.byLogin(login);
    assertThat(
            api.putJson("/api/v1/users/" + member.id() + "/role", "{\"role\":\"platform_admin\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            api.putJson("/api/v1/users/" + member.id() + "/role", "{\"role\":\"analyst\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(api.putJson("/api/v1/users/" + member.id() + "/role", "{\"role\":\"boss\"}").body())
        .contains("\"field\":\"role\"");

    assertThat(
            audit.search(
                Actor.cli(),
                new AuditFilter("user.role.change", bankAdmin.login(), null, null, null, null, 10)))
        .anySatisfy(e -> assertThat(e.detail()).contains(login, "member->analyst"));
  }

  @Test
  void membersAndAnalystsCannotListPeople() {
    var analyst = fixtures.user("op-sakura-bank", Role.ANALYST);
    assertThat(http().bearer(fixtures.token(analyst)).get("/api/v1/users").statusCode())
        .isEqualTo(403);
  }

  @Test
  void roleChangeAppliesToTheNextRequestOfAnOpenSession() {
    var person = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    users.changeRole(Actor.cli(), person.id(), Role.MEMBER);
    assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
    users.setEnabled(Actor.cli(), person.id(), false);
    assertThat(browser.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void theLastPlatformAdminCannotBeDemotedOrDisabled() {
    var platformAdmins =
        users.list(Actor.cli()).stream()
            .filter(u -> u.role() == Role.PLATFORM_ADMIN && u.enabled())
            .toList();
    if (platformAdmins.size() == 1) {
      long only = platformAdmins.get(0).id();
      assertThatThrownBy(() -> users.changeRole(Actor.cli(), only, Role.MEMBER))
          .isInstanceOf(Conflict.class);
      assertThatThrownBy(() -> users.setEnabled(Actor.cli(), only, false))
          .isInstanceOf(Conflict.class);
    }
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var api = http().bearer(fixtures.token(admin));
    assertThat(
            api.putJson("/api/v1/users/" + admin.id() + "/role", "{\"role\":\"member\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void adminPagesCreateAPersonAndShowTheFirstPasswordOnce() {
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var browser = http();
    browser.signIn(admin.login(), Fixtures.PASSWORD);
    String login = Fixtures.unique("page").replace('-', '.');
    HttpResponse<String> r =
        browser.postForm(
            "/admin/users",
            "/admin/users",
            Map.of(
                "login",
                login,
                "displayName",
                "画面 太郎",
                "email",
                "",
                "organisationCode",
                "op-kaze-power",
                "role",
                "analyst"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"created\"", login);
    assertThat(users.byLogin(login).organisationCode()).isEqualTo("op-kaze-power");

    HttpResponse<String> bad =
        browser.postForm(
            "/admin/users",
            "/admin/users",
            Map.of(
                "login",
                "Bad Login!",
                "displayName",
                "x",
                "organisationCode",
                "op-kaze-power",
                "role",
                "analyst"));
    assertThat(bad.body()).contains("id=\"form-error\"", "login", "Bad Login!".toLowerCase());

    // every error of the form at once, each named by the label the form shows (issue 14)
    HttpResponse<String> many =
        browser.postForm(
            "/admin/users",
            "/admin/users",
            Map.of(
                "login",
                "Bad Login!",
                "displayName",
                "",
                "email",
                "not-an-address",
                "organisationCode",
                "op-kaze-power",
                "role",
                "analyst"));
    assertThat(many.body())
        .contains("入力内容を確認してください (3 件)", "ログインID：", "氏名：", "メール：")
        .doesNotContain("displayName：", "email：");
  }

  static String newPerson(String login, String organisation) {
    return "{\"login\":\""
        + login
        + "\",\"displayName\":\"新人\",\"organisationCode\":\""
        + organisation
        + "\",\"role\":\"member\"}";
  }

  @Test
  void anOrgAdminAddingAPersonLearnsNothingOfAnotherOrganisationsLogins() {
    // logins are unique hub-wide: "taken" for another organisation's login told an org admin that
    // the login exists (a name to guess passwords for), where sign-in carefully tells nothing
    var bankAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var powerUser = fixtures.user("op-inazuma-power", Role.MEMBER);
    var api = http().bearer(fixtures.token(bankAdmin));
    String never = Fixtures.unique("u").replace('-', '.');
    HttpResponse<String> held =
        api.postJson("/api/v1/users", newPerson(powerUser.login(), "op-sakura-bank"));
    HttpResponse<String> free = api.postJson("/api/v1/users", newPerson(never, "op-sakura-bank"));
    assertThat(held.statusCode()).isEqualTo(free.statusCode()).isEqualTo(400);
    assertThat(held.body().replace(powerUser.login(), "LOGIN"))
        .isEqualTo(free.body().replace(never, "LOGIN"))
        .contains(".op-sakura-bank");
    assertThat(users.findByLogin(never)).isEmpty();

    // a login in the organisation's own ending is given, and is then "taken" for its own admin only
    String own = never + ".op-sakura-bank";
    assertThat(api.postJson("/api/v1/users", newPerson(own, "op-sakura-bank")).statusCode())
        .isEqualTo(201);
    assertThat(users.byLogin(own).organisationCode()).isEqualTo("op-sakura-bank");
    HttpResponse<String> again = api.postJson("/api/v1/users", newPerson(own, "op-sakura-bank"));
    assertThat(again.statusCode()).isEqualTo(409);

    // nobody, not even a platform admin, gives that ending to another organisation's person, so
    // an org admin never meets another organisation's login there
    var platform = http().bearer(fixtures.token(fixtures.user("nisc", Role.PLATFORM_ADMIN)));
    HttpResponse<String> planted =
        platform.postJson(
            "/api/v1/users", newPerson(never + "x.op-sakura-bank", "op-inazuma-power"));
    assertThat(planted.statusCode()).isEqualTo(400);
    assertThat(planted.body()).contains("op-sakura-bank");
    assertThat(users.findByLogin(never + "x.op-sakura-bank")).isEmpty();

    // and no organisation is made whose code some login already ends in (one a platform admin
    // gave before the rule): its admin would meet that login
    String code = Fixtures.unique("op-later");
    assertThat(
            platform
                .postJson("/api/v1/users", newPerson("early." + code, "op-inazuma-power"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> org =
        platform.postJson(
            "/api/v1/organisations",
            "{\"code\":\""
                + code
                + "\",\"nameJa\":\"後発 "
                + code
                + "\",\"nameEn\":\"Later "
                + code
                + "\",\"typeCode\":\"operator\",\"sectorCode\":\"port\"}");
    assertThat(org.statusCode()).as(org.body()).isEqualTo(409);
    assertThat(org.body()).contains("\"field\":\"code\"");
  }
}
