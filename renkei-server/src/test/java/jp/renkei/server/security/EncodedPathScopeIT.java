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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A token's scopes against paths spelt with percent-encoded letters ({@code /api/v1/%75sers} for
 * {@code /api/v1/users}): Spring MVC decodes each segment before it finds the handler, so such a
 * path reaches the same handler as the plain one and must need the same scope. The holder of a
 * leaked read or write token of an organisation administrator is the attacker.
 */
class EncodedPathScopeIT extends ServerTest {

  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

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

  /**
   * Every API and TAXII route, each method, with a token of scope {@code notice} (which opens
   * nothing but the NOTICE observations): the path with the first letter of each literal segment
   * percent-encoded answers exactly as the plain path — the same status, and the same body for a
   * refusal. Path variables are filled with {@code 1}; the scope is judged before any handler.
   */
  @Test
  void everyRouteNeedsTheSameScopeSpeltWithEncodedLetters() throws Exception {
    var bank = fixtures.operator("finance");
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    String token = fixtures.token(admin, EnumSet.of(TokenScope.NOTICE));
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    java.util.List<String> differ = new java.util.ArrayList<>();
    int checked = 0;
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      java.util.Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.startsWith("/taxii2/")) {
          continue;
        }
        String plain = pattern.replaceAll("\\{[^}]*\\}", "1");
        String encoded = encodeFirstLetters(plain);
        for (RequestMethod m : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
          var a = send(client, token, m.name(), plain);
          var b = send(client, token, m.name(), encoded);
          checked++;
          boolean same =
              a.statusCode() == b.statusCode()
                  && (a.statusCode() != 403
                      || a.body().replace(plain, "P").equals(b.body().replace(encoded, "P")));
          if (!same) {
            differ.add(
                m + " " + encoded + ": " + b.statusCode() + " (plain " + a.statusCode() + ")");
          }
        }
      }
    }
    assertThat(checked).as("API and TAXII routes").isGreaterThan(100);
    assertThat(differ).isEmpty();
  }

  private static String encodeFirstLetters(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      out.append('/');
      if (!segment.isEmpty() && Character.isLetter(segment.charAt(0)) && segment.charAt(0) < 128) {
        out.append(String.format("%%%02X", (int) segment.charAt(0))).append(segment.substring(1));
      } else {
        out.append(segment);
      }
    }
    return out.toString();
  }

  private HttpResponse<String> send(
      java.net.http.HttpClient client, String token, String method, String path) throws Exception {
    var b =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .timeout(java.time.Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")) {
      b.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
