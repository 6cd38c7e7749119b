package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * attack39: an organisation's admin giving an alias the database refuses. The service counted an
 * alias's length in UTF-16 units and the database's check ({@code length(value) between 2 and 253})
 * in characters, so an alias of one character outside the BMP (an emoji, 𠮷) passed the service and
 * broke the check: a 500 with an incident id, and the logged exception carried the row ("Failing
 * row contains (…)"). And an alias — a name that counts as the member's in every mail analysis once
 * confirmed, listed for a platform admin to confirm — took the invisible and reordering characters
 * names refuse (a right-to-left override turns what the platform admin reads round). Both are now
 * 400 naming {@code aliases}, nothing stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityAliasInputIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;

  /**
   * The organisation's identity written with {@code aliasJson} as its aliases, no domain or range.
   */
  static HttpResponse<String> put(Http as, Organisation org, String aliasJson) {
    return as.putJson(
        "/api/v1/organisations/" + org.id() + "/identity",
        "{\"aliases\":[" + aliasJson + "],\"domains\":[],\"ipRanges\":[]}");
  }

  @Test
  void anAliasTheDatabaseWouldRefuseIsABadRequestNamingIt(CapturedOutput output) {
    Organisation org = fixtures.operator("water");
    Http admin =
        new Http(port)
            .bearer(
                fixtures.token(
                    fixtures.user(org, Role.ORG_ADMIN), EnumSet.allOf(TokenScope.class)));

    // one character, two UTF-16 units (U+20BB7)
    HttpResponse<String> one = put(admin, org, "\"\\uD842\\uDFB7\"");
    // red on main: 500 "error.internal", the row in the log
    assertThat(one.statusCode()).as(one.body()).isEqualTo(400);
    assertThat(one.body()).contains("aliases");
    assertThat(output.getAll()).doesNotContain("Failing row contains");

    // a right-to-left override inside an alias
    HttpResponse<String> rlo = put(admin, org, "\"Sakura\\u202Eknab\"");
    assertThat(rlo.statusCode()).as(rlo.body()).isEqualTo(400);
    assertThat(rlo.body()).contains("aliases").contains("202E");

    assertThat(directory.identity(org.id()).aliases()).isEmpty();

    // a name of two characters outside the BMP, and an ordinary one, are taken
    HttpResponse<String> ok = put(admin, org, "\"\\uD842\\uDFB7\\uD842\\uDFB7\", \"さくら水道\"");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(directory.identity(org.id()).aliases()).hasSize(2);
  }
}
