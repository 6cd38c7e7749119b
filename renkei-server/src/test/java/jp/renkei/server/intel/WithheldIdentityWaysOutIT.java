package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import jp.renkei.engine.stix.AttributionWithheld;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * attack31: the ways out of a withheld identity (identity30) that {@link WithheldIdentityIT} does
 * not walk. An indicator's sightings are asked by any STIX id, and answered for an id whose copies
 * the reader sees: a withheld identity's id got a summary where a missing one got 404, telling the
 * reader the identity exists and is withheld. References to it nested in a property extension, a
 * custom property holding objects, were served whole, and so was the identity's translation (a
 * {@code language-content} object: its name in other languages). Tried and held: a relationship
 * whose {@code source_ref} is the identity, and a report's {@code object_refs}, lose the reference.
 */
class WithheldIdentityWaysOutIT extends ServerTest {

  static final String TAXII = "application/taxii+json;version=2.1";

  @Autowired MisnamedIdentities misnamed;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void aWithheldIdentityIsAsMissingToTheSightingsLookupAndItsNestedReferencesAreWithheld() {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    Organisation other = fixtures.operator("gas");
    String identity =
        StoredRows.identity(jdbc, gas(), storer, imitated.nameEn() + " CSIRT", "organization");
    // another organisation's note, its property extension naming the identity as its analyst
    String note =
        StoredRows.object(
            jdbc,
            gas(),
            other,
            "note",
            ",\"content\":\"seen\",\"object_refs\":[\"indicator--"
                + UUID.randomUUID()
                + "\"],\"extensions\":{\"extension-definition--"
                + UUID.randomUUID()
                + "\":{\"extension_type\":\"property-extension\",\"x_analyst_ref\":\""
                + identity
                + "\"}},\"x_provenance\":[{\"source_ref\":\""
                + identity
                + "\"}]",
            false);
    String relationship =
        StoredRows.object(
            jdbc,
            gas(),
            other,
            "relationship",
            ",\"relationship_type\":\"impersonates\",\"source_ref\":\""
                + identity
                + "\",\"target_ref\":\"identity--"
                + UUID.randomUUID()
                + "\"",
            false);
    String report =
        StoredRows.object(
            jdbc,
            gas(),
            other,
            "report",
            ",\"name\":\"r\",\"published\":\"2025-06-01T00:00:00Z\",\"object_refs\":[\""
                + identity
                + "\"]",
            false);
    // the storer's translation of the identity, its name in Japanese (stored as before attack31:
    // ingest now judges such a name as the identity's own, IdentityNameIT)
    String translatedName = imitated.nameJa() + " CSIRT";
    String translation =
        StoredRows.object(
            jdbc,
            gas(),
            storer,
            "language-content",
            ",\"object_ref\":\""
                + identity
                + "\",\"contents\":{\"ja\":{\"name\":\""
                + translatedName
                + "\"}}",
            false);
    UserAccount reader = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    Http readerApi = http().bearer(fixtures.token(reader));
    Http readerWeb = signedIn(reader);
    Http ownApi = http().bearer(fixtures.token(fixtures.user(storer, Role.ANALYST)));

    // before: the lookup answers for the identity (what the withholding must take away)
    assertThat(sightings(readerApi, identity).statusCode()).isEqualTo(200);

    assertThat(misnamed.withhold(Actor.cli(), identity)).isTrue();
    try {
      withheld(
          identity,
          readerApi,
          readerWeb,
          ownApi,
          List.of(note, relationship, report, translation),
          translatedName);
    } finally {
      // released, so that other tests reading the shared collection meet no withheld identity
      misnamed.release(Actor.cli(), identity);
    }
  }

  private void withheld(
      String identity,
      Http readerApi,
      Http readerWeb,
      Http ownApi,
      List<String> naming,
      String translatedName) {
    String note = naming.get(0);
    String missing = "identity--" + UUID.randomUUID();

    HttpResponse<String> hidden = sightings(readerApi, identity);
    HttpResponse<String> never = sightings(readerApi, missing);
    assertThat(hidden.statusCode()).isEqualTo(never.statusCode()).isEqualTo(404);
    assertThat(hidden.body().replace(identity, "ID"))
        .isEqualTo(never.body().replace(missing, "ID"));
    assertThat(readerWeb.get("/intel/sightings?indicator=" + identity).body())
        .contains("id=\"sighting-not-found\"");
    assertThat(readerWeb.get("/intel/sightings?indicator=" + missing).body())
        .contains("id=\"sighting-not-found\"");
    assertThat(sightings(ownApi, identity).statusCode())
        .as("the storer reads its identity as stored")
        .isEqualTo(200);

    // served: no reference to it, however deep; the rest of each object is kept
    // by id: the shared collection holds other tests' objects, more than a page
    String objects =
        taxii(readerApi, "objects/?match[id]=" + identity + "," + String.join(",", naming)).body();
    assertThat(objects)
        .contains(naming.toArray(String[]::new))
        .doesNotContain(identity, translatedName);
    assertThat(objects).contains("property-extension", "impersonates");
    assertThat(taxii(readerApi, "objects/" + note + "/").body())
        .contains("\"" + AttributionWithheld.PROPERTY + "\":true")
        .doesNotContain(identity);
    assertThat(readerWeb.get("/intel/objects/" + note).body()).doesNotContain(identity);
    assertThat(taxii(ownApi, "objects/" + note + "/").body())
        .as("the storer reads the others' objects as stored")
        .contains(identity)
        .doesNotContain(AttributionWithheld.PROPERTY);
  }

  private HttpResponse<String> sightings(Http api, String id) {
    return api.get("/api/v1/indicators/" + id + "/sightings");
  }

  private HttpResponse<String> taxii(Http api, String path) {
    return api.get("/taxii2/api/collections/" + gas() + "/" + path, "Accept", TAXII);
  }

  private Http signedIn(UserAccount u) {
    Http browser = http();
    assertThat(browser.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  private UUID gas() {
    return StoredRows.sectorCollection(intel, "gas");
  }
}
