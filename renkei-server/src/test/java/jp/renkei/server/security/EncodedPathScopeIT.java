package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A token's scopes against paths spelt with percent-encoded letters ({@code /api/v1/%75sers} for
 * {@code /api/v1/users}): Spring MVC decodes each segment before it finds the handler, so such a
 * path reaches the same handler as the plain one and must need the same scope. The holder of a
 * leaked read or write token of an organisation administrator is the attacker.
 */
class EncodedPathScopeIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  private String passwordHash(long userId) {
    return jdbc.sql("select password_hash from app_user where id = ?")
        .param(userId)
        .query(String.class)
        .single();
  }

  private long people() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single();
  }

  @Test
  void aReadTokenListsNoPeopleThroughAnEncodedPath() {
    var bank = fixtures.operator("finance");
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    Http reader = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.READ)));
    HttpResponse<String> plain = reader.get("/api/v1/users");
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(403);
    for (String path : new String[] {"/api/v1/%75sers", "/api/v1/%55sers", "/api/v1/user%73"}) {
      HttpResponse<String> r = reader.get(path);
      if (path.contains("%55")) {
        // a capital U names no handler: 404 or 403, never the list
        assertThat(r.statusCode()).as(path + ": " + r.body()).isIn(403, 404);
      } else {
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(403);
        assertThat(r.body()).as(path).contains("admin");
      }
      assertThat(r.body()).as(path).doesNotContain(admin.login());
    }
  }

  @Test
  void aWriteTokenResetsNoColleaguesPasswordThroughAnEncodedPath() {
    var bank = fixtures.operator("finance");
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    UserAccount colleague = fixtures.user(bank, Role.ANALYST);
    Http writer = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.WRITE)));
    String before = passwordHash(colleague.id());
    HttpResponse<String> plain =
        writer.postJson("/api/v1/users/" + colleague.id() + "/password-reset", "{}");
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(403);
    HttpResponse<String> encoded =
        writer.postJson("/api/v1/%75sers/" + colleague.id() + "/password-reset", "{}");
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(403);
    assertThat(encoded.body()).contains("admin");
    assertThat(passwordHash(colleague.id())).isEqualTo(before);
  }

  @Test
  void aWriteTokenCreatesNoPersonThroughAnEncodedPath() {
    var bank = fixtures.operator("finance");
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    Http writer = http().bearer(fixtures.token(admin, EnumSet.of(TokenScope.WRITE)));
    long before = people();
    String login = Fixtures.unique("planted").replace('-', '.');
    HttpResponse<String> r =
        writer.postJson(
            "/api/v1/us%65rs",
            "{\"login\":\""
                + login
                + "\",\"displayName\":\"x\",\"organisationCode\":\""
                + bank.code()
                + "\",\"role\":\"org_admin\",\"password\":\"Kx9!vRt2#pLq7zW\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void aTokenChangesNoPasswordThroughAnEncodedPath() {
    var bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    Http token = http().bearer(fixtures.token(analyst));
    String before = passwordHash(analyst.id());
    String body =
        "{\"currentPassword\":\"" + Fixtures.PASSWORD + "\",\"newPassword\":\"Zq8#mWv3!tYp6rN\"}";
    HttpResponse<String> plain = token.putJson("/api/v1/me/password", body);
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(403);
    HttpResponse<String> encoded = token.putJson("/api/v1/me/%70assword", body);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(403);
    assertThat(passwordHash(analyst.id())).isEqualTo(before);
  }

  @Test
  void aReadTokenReadsNoTaxiiThroughAnEncodedPath() {
    var bank = fixtures.operator("finance");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    Http reader = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ)));
    for (String path : new String[] {"/taxii2/", "/%74axii2/", "/taxii2/api/collections/"}) {
      HttpResponse<String> r = reader.get(path, "Accept", "application/taxii+json;version=2.1");
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(403);
      assertThat(r.body()).as(path).contains("taxii");
    }
    HttpResponse<String> collections =
        reader.get("/%74axii2/api/collections/", "Accept", "application/taxii+json;version=2.1");
    assertThat(collections.statusCode()).as(collections.body()).isEqualTo(403);
    assertThat(collections.body()).doesNotContain("\"collections\"");
  }
}
