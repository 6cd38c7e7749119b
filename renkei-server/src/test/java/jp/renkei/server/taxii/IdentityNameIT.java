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

  /**
   * A name made of another organisation's with only department, team or legal-form words around it
   * reads as that organisation's (attack28): "Bank A SOC", "CSIRT of Bank A", "A銀行 情報セキュリティ部",
   * "株式会社A銀行" — refused for an organisation, a group, a system or no class. What reads as something
   * else is not: a body of its own ("… ISAC"), a person (class individual), the writer's own
   * departments, a name with another word in it.
   */
  @Test
  void anIdentityNamedAsAUnitOfAnotherOrganisationIsRefused() {
    Organisation gasA = fixtures.operator("gas");
    Organisation gasB = fixtures.operator("gas");
    String tokenB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    String gas = gasCollection();
    String en = gasA.nameEn();
    String ja = gasA.nameJa();

    java.util.Map<String, String> refusedNames = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> allowedNames = new java.util.LinkedHashMap<>();
    List<String> objects = new ArrayList<>();
    String[][] refusedShapes = {
      {en + " SOC", "organization"},
      {"CSIRT of " + en, "organization"},
      {en + "'s Information Security Dept.", null},
      {ja + " 情報セキュリティ部", "organization"},
      {"株式会社" + ja.replace(" ", ""), "organization"},
      {en + " incident response team", "group"},
      {ja + "の監視システム", "system"},
    };
    String[][] allowedShapes = {
      {en + " ISAC", "organization"},
      {en + " CSIRT", "individual"},
      {ja + " 利用者協会", "organization"},
      {gasB.nameEn() + " SOC", "organization"},
      {gasB.nameJa() + " 情報セキュリティ部", "organization"},
      {en + "x SOC", "organization"},
    };
    for (String[] shape : refusedShapes) {
      String id = "identity--" + UUID.randomUUID();
      refusedNames.put(id, shape[0]);
      objects.add(identityOf(id, shape[0], shape[1]));
    }
    for (String[] shape : allowedShapes) {
      String id = "identity--" + UUID.randomUUID();
      allowedNames.put(id, shape[0]);
      objects.add(identityOf(id, shape[0], shape[1]));
    }

    JsonNode status = taxii().post(tokenB, gas, objects.toArray(String[]::new));

    List<String> refused = new ArrayList<>();
    for (JsonNode f : status.path("failures")) {
      String id = f.path("id").asString();
      refused.add(id);
      assertThat(f.path("message").asString())
          .as(refusedNames.get(id))
          .contains("name reads as a unit of another organisation")
          .doesNotContain(gasA.code());
    }
    assertThat(refused)
        .as("refused: " + status)
        .containsExactlyInAnyOrderElementsOf(refusedNames.keySet());
    assertThat(status.path("success_count").asInt()).isEqualTo(allowedNames.size());

    // A itself may name its own departments so
    String tokenA = fixtures.token(fixtures.user(gasA, Role.ANALYST));
    JsonNode byA =
        taxii().post(tokenA, gas, identityOf("identity--" + UUID.randomUUID(), en + " SOC", null));
    assertThat(byA.path("failure_count").asInt()).as(byA.toString()).isZero();
  }

  /** An identity of {@code identityClass} (none when null). */
  /**
   * attack31: a {@code language-content} object gives an identity's name in other languages, and a
   * tool showing it shows the identity by that name. B's own identity translated as A's Japanese
   * name was stored, and read as A's by every reader in Japanese; it is judged as the name is. A
   * translation as B's own name is kept.
   */
  @Test
  void aTranslationOfAnIdentitysNameIsJudgedAsTheNameIs() {
    Organisation gasA = fixtures.operator("gas");
    Organisation gasB = fixtures.operator("gas");
    String tokenB = fixtures.token(fixtures.user(gasB, Role.ANALYST));
    String own = "identity--" + UUID.randomUUID();
    String forged = "language-content--" + UUID.randomUUID();
    String fine = "language-content--" + UUID.randomUUID();

    JsonNode status =
        taxii()
            .post(
                tokenB,
                gasCollection(),
                identity(own, gasB.nameEn()),
                translation(forged, own, gasA.nameJa().replace(" ", "")),
                translation(fine, own, gasB.nameJa()));

    assertThat(status.path("success_count").asInt()).as(status.toString()).isEqualTo(2);
    assertThat(status.path("failure_count").asInt()).as(status.toString()).isEqualTo(1);
    JsonNode f = status.path("failures").get(0);
    assertThat(f.path("id").asString()).isEqualTo(forged);
    assertThat(f.path("message").asString())
        .contains("contents.ja.name: name is that of another organisation")
        .doesNotContain(gasA.code());
  }

  private static String translation(String id, String identity, String nameJa) {
    return """
        {"type":"language-content","spec_version":"2.1","id":"%s",
         "created":"2026-02-01T00:00:00.000Z","modified":"2026-02-01T00:00:00.000Z",
         "object_ref":"%s","contents":{"ja":{"name":"%s"}}}
        """
        .formatted(id, identity, nameJa);
  }

  private static String identityOf(String id, String name, String identityClass) {
    String o = SightingAttributionIT.identity(id, name);
    return identityClass == null
        ? o.replace(",\"identity_class\":\"organization\"", "")
        : o.replace(
            "\"identity_class\":\"organization\"", "\"identity_class\":\"" + identityClass + "\"");
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
