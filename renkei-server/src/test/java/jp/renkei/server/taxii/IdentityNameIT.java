package jp.renkei.server.taxii;

import static jp.renkei.server.taxii.SightingAttributionIT.identity;
import static jp.renkei.server.taxii.TaxiiIT.GREEN;
import static jp.renkei.server.taxii.TaxiiIT.indicator;
import static jp.renkei.server.taxii.TaxiiIT.newId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.directory.Role;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An identity is read by its name (attack27b): operator B could post its own identity named as
 * operator A is in the directory and author indicators {@code created_by_ref} it, and peers and
 * every STIX reader would take them for A's, though no id of A's is named. Such an identity is
 * refused, naming {@code name} and its id; its own organisation's name and a name no organisation
 * has stay B's to use. Names are compared as the directory compares them (NFKC, case, spaces,
 * separators, look-alike letters), and the directory shows every name to every member.
 */
class IdentityNameIT extends ServerTest {

  @Autowired IntelService intel;
  @Autowired OrganisationNames names;

  @Test
  void anIdentityNamedAsAnotherOrganisationIsRefused() {
    Organisation gasA = fixtures.operator("gas");
    Organisation gasB = fixtures.operator("gas");
    String tokenB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    String tokenA = fixtures.token(fixtures.user(gasA, Role.ANALYST));
    String gas = gasCollection();

    // A's English name in full-width capitals with doubled spaces; its Japanese name unspaced;
    // its English name with a Cyrillic 'е' and 'о'
    String englishVariant =
        toFullWidth(gasA.nameEn().toUpperCase(java.util.Locale.ROOT)).replace("　", "　 ");
    String japaneseVariant = gasA.nameJa().replace(" ", "");
    String lookAlike = gasA.nameEn().replace('e', 'е').replace('o', 'о');
    List<String> forged = new ArrayList<>();
    List<String> objects = new ArrayList<>();
    for (String name : List.of(englishVariant, japaneseVariant, lookAlike)) {
      String id = "identity--" + UUID.randomUUID();
      forged.add(id);
      objects.add(identity(id, name));
    }
    String own = "identity--" + UUID.randomUUID();
    String unknown = "identity--" + UUID.randomUUID();
    objects.add(identity(own, gasB.nameJa()));
    objects.add(identity(unknown, "Gas operator B SOC " + UUID.randomUUID()));
    String ind = newId();
    objects.add(indicator(ind, "2026-02-01T00:00:00.000Z", GREEN, "c2.example"));

    JsonNode status = taxii().post(tokenB, gas, objects.toArray(String[]::new));

    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(3);
    assertThat(status.path("success_count").asInt()).as(status.toString()).isEqualTo(3);
    List<String> refused = new ArrayList<>();
    for (JsonNode f : status.path("failures")) {
      refused.add(f.path("id").asString());
      assertThat(f.path("message").asString()).contains("name is that of another organisation");
      // nothing of A beyond what the directory shows: not even its code or id
      assertThat(f.path("message").asString()).doesNotContain(gasA.code());
    }
    assertThat(refused).containsExactlyInAnyOrderElementsOf(forged);
    for (String id : forged) {
      assertThat(taxii().get(tokenA, gas + "/objects/" + id + "/").statusCode()).isEqualTo(404);
    }
    assertThat(taxii().get(tokenA, gas + "/objects/" + own + "/").statusCode()).isEqualTo(200);
    assertThat(taxii().get(tokenA, gas + "/objects/" + unknown + "/").statusCode()).isEqualTo(200);

    // A itself may carry its own name
    String byA = "identity--" + UUID.randomUUID();
    assertThat(
            taxii().post(tokenA, gas, identity(byA, gasA.nameEn())).path("failure_count").asInt())
        .isZero();
  }

  @Test
  void anotherOrganisationsFormerNameIsItsNameToo() {
    Organisation gasA = fixtures.operator("gas");
    Organisation gasB = fixtures.operator("gas");
    String tokenB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    String oldJa = gasA.nameJa();
    names.rename(
        Actor.cli(),
        gasA.id(),
        "改称事業者 " + gasA.code(),
        "Renamed operator " + gasA.code(),
        Instant.now(),
        null);

    String id = "identity--" + UUID.randomUUID();
    JsonNode status = taxii().post(tokenB, gasCollection(), identity(id, oldJa));

    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
    assertThat(status.path("failures").get(0).path("id").asString()).isEqualTo(id);
  }

  private String gasCollection() {
    return intel.allCollections().stream()
        .filter(c -> c.kind() != StixCollection.Kind.HUB && "gas".equals(c.sectorCode()))
        .findFirst()
        .orElseThrow()
        .id()
        .toString();
  }

  TaxiiClient taxii() {
    return new TaxiiClient(port);
  }

  private static String toFullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c == ' ' ? '　' : c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : c);
    }
    return out.toString();
  }
}
