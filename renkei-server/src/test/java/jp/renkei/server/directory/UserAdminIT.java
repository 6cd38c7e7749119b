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

    String login = Fixtures.unique("new").replace('-', '.');
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
}
