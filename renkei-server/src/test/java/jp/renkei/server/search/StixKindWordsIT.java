package jp.renkei.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicator browser names the kind of each object in the reader's language (IPv4 アドレス / IPv4
 * address), not by its STIX type, which stays in the tooltip and, on the detail page, in a small
 * code beside the words; the type filter's choices read the same.
 */
class StixKindWordsIT extends ServerTest {

  @Autowired IntelService intel;

  @Test
  void theIndicatorBrowserNamesKindsInWordsInBothLanguages() {
    UserAccount owner = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    String ip = "indicator--" + UUID.randomUUID();
    String addr = "ipv4-addr--" + UUID.randomUUID();
    fixtures.ingest(
        owner,
        intel.collectionOfOrganisation(owner.organisationId()).orElseThrow(),
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + ip
            + "\",\"created\":\"2026-11-20T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
            + "\"name\":\"C2 サーバー\",\"pattern\":\"[ipv4-addr:value = '203.0.113.77']\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-11-20T00:00:00Z\"}",
        "{\"type\":\"ipv4-addr\",\"spec_version\":\"2.1\",\"id\":\""
            + addr
            + "\",\"value\":\"203.0.113.78\"}");
    Http ja = http();
    ja.signIn(owner.login(), Fixtures.PASSWORD);
    String list = ja.get("/intel/objects").body();
    assertThat(list)
        .contains("title=\"indicator\">インディケータ (検知パターン)</span>")
        .contains("title=\"ipv4-addr\">IPv4 アドレス</span>")
        .contains("<option value=\"domain-name\">ドメイン名</option>")
        .doesNotContain("<td>ipv4-addr</td>", "<td>indicator</td>");
    String detail = ja.get("/intel/objects/" + addr).body();
    assertThat(detail)
        .contains("<span>IPv4 アドレス</span> <small><code class=\"stix-type\">ipv4-addr</code>");

    Http en = http();
    en.signIn(owner.login(), Fixtures.PASSWORD);
    en.postForm("/", "/settings/language", Map.of("lang", "en", "back", "/"));
    assertThat(en.get("/intel/objects").body())
        .contains("title=\"ipv4-addr\">IPv4 address</span>")
        .contains("<option value=\"domain-name\">Domain name</option>")
        .doesNotContain("IPv4 アドレス");
    assertThat(en.get("/intel/objects/" + ip).body())
        .contains(
            "<span>Indicator (detection pattern)</span> <small><code class=\"stix-type\">indicator</code>");
    // one mapping: the filter keeps the raw type as its value and still finds the object
    assertThat(en.get("/intel/objects?type=ipv4-addr").body()).contains(addr).doesNotContain(ip);
  }
}
