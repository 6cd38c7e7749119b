package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * attack38: what an organisation's admin adds to its identity waits for a platform admin (V413,
 * attack37), but {@code GET /api/v1/organisations/{id}/identity} did not say which values wait, and
 * platform admins were told of them only on the organisations page. A platform admin who read the
 * identity through the API and put it back with one more address range confirmed, unknowingly,
 * every alias and domain the organisation's admin had added — the very values the confirmation
 * exists to check. The identity's answer now lists them under {@code pending}, and a platform
 * admin's work queue lists the organisations whose values wait.
 */
class IdentityPendingIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theIdentitySaysWhatWaitsAndPlatformAdminsAreToldInTheirQueue() {
    Organisation org = fixtures.operator("water");
    String confirmed = "mizu-" + org.code() + ".example";
    directory.setIdentity(
        Actor.cli(), org.id(), new OrganisationIdentity(List.of(), List.of(confirmed), List.of()));
    String added = "mizu-extra-" + org.code() + ".example";
    String alias = "みずのわ給水" + org.code().replaceAll("[^0-9]", "");
    Http orgAdmin =
        new Http(port)
            .bearer(
                fixtures.token(
                    fixtures.user(org, Role.ORG_ADMIN), EnumSet.allOf(TokenScope.class)));
    String path = "/api/v1/organisations/" + org.id() + "/identity";
    var put =
        orgAdmin.putJson(
            path,
            "{\"aliases\":[\""
                + alias
                + "\"],\"domains\":[\""
                + confirmed
                + "\",\""
                + added
                + "\"],\"ipRanges\":[],\"pending\":{\"aliases\":[],\"domains\":[]}}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(strings(read(put.body()).path("pending").path("domains")))
        .as("the org admin's answer says what waits (a pending sent along is ignored)")
        .containsExactly(added);

    Http platformApi =
        new Http(port)
            .bearer(
                fixtures.token(
                    fixtures.user(fixtures.operator("finance"), Role.PLATFORM_ADMIN),
                    EnumSet.allOf(TokenScope.class)));
    JsonNode got = read(platformApi.get(path).body());
    assertThat(strings(got.path("domains"))).containsExactlyInAnyOrder(confirmed, added);
    assertThat(strings(got.path("pending").path("domains"))).containsExactly(added);
    assertThat(strings(got.path("pending").path("aliases"))).containsExactly(alias);
    assertThat(strings(read(orgAdmin.get(path).body()).path("pending").path("aliases")))
        .containsExactly(alias);

    // the platform admins' work queue names the organisation; nobody else's does
    UserAccount platformAdmin = fixtures.user(fixtures.operator("finance"), Role.PLATFORM_ADMIN);
    Http platformWeb = new Http(port);
    platformWeb.signIn(platformAdmin.login(), Fixtures.PASSWORD);
    String link = "href=\"/admin/organisations/" + org.id() + "#identity\"";
    assertThat(platformWeb.get("/worklist").body()).contains("id=\"wl-identities\"", link);
    Http otherAdmin = new Http(port);
    otherAdmin.signIn(fixtures.user(org, Role.ORG_ADMIN).login(), Fixtures.PASSWORD);
    assertThat(otherAdmin.get("/worklist").body()).doesNotContain(link);

    // a platform admin's PUT confirms what it sends: nothing waits, the queue forgets it
    var confirm =
        platformApi.putJson(
            path,
            "{\"aliases\":[\""
                + alias
                + "\"],\"domains\":[\""
                + confirmed
                + "\",\""
                + added
                + "\"],\"ipRanges\":[\"192.0.2.0/24\"]}");
    assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
    JsonNode after = read(confirm.body());
    assertThat(strings(after.path("pending").path("domains"))).isEmpty();
    assertThat(strings(after.path("pending").path("aliases"))).isEmpty();
    assertThat(platformWeb.get("/worklist").body()).doesNotContain(link);

    // a public suffix is nobody's domain: every sender under it would count as the member's
    for (String suffix : List.of("co.jp", "jp")) {
      var refused =
          platformApi.putJson(
              path, "{\"aliases\":[],\"domains\":[\"" + suffix + "\"],\"ipRanges\":[]}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"domains\"", suffix);
    }
  }

  private JsonNode read(String body) {
    return json.readTree(body);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
