package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import jp.renkei.engine.stix.AttributionWithheld;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Withholding an identity stored under another organisation's name (identity30, V398): a platform
 * admin's decision, after which a reader of another organisation reads neither the identity nor the
 * references to it, on every way out (TAXII objects, object by id, versions, manifest; the object
 * browser, an object's page and its bundle download; search, as a page and as the API), while the
 * storing organisation still reads both; audited, and reversed by a release.
 */
class WithheldIdentityIT extends ServerTest {

  static final String TAXII = "application/taxii+json;version=2.1";

  @Autowired MisnamedIdentities misnamed;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void aWithheldIdentityIsReadOnlyByItsStorerOnEveryWayOutUntilReleased() {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    Organisation other = fixtures.operator("gas");
    // named as a team of another organisation (flagged: "unit"); its code is a word search finds
    String word = imitated.code();
    String name = imitated.nameEn() + " CSIRT";
    String identity = StoredRows.identity(jdbc, gas(), storer, name, "organization");
    String indicator =
        StoredRows.object(
            jdbc,
            gas(),
            storer,
            "indicator",
            ",\"name\":\"probe "
                + word
                + "\",\"pattern\":\"[ipv4-addr:value = '198.51.100.9']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2025-06-01T00:00:00Z\",\"created_by_ref\":\""
                + identity
                + "\"",
            false);
    // another organisation's sighting of it there: its where_sighted_refs names the identity too
    String sighting =
        StoredRows.object(
            jdbc,
            gas(),
            other,
            "sighting",
            ",\"sighting_of_ref\":\""
                + indicator
                + "\",\"where_sighted_refs\":[\""
                + identity
                + "\"]",
            false);
    // the three objects by id: the collection holds other tests' objects, more than a page
    String these = "objects/?match[id]=" + identity + "," + indicator + "," + sighting;
    UserAccount reader = fixtures.user(fixtures.operator("gas"), Role.ANALYST);
    UserAccount own = fixtures.user(storer, Role.ANALYST);
    Http readerApi = http().bearer(fixtures.token(reader));
    Http ownApi = http().bearer(fixtures.token(own));
    Http readerWeb = signedIn(reader);
    Http admin = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN));

    // before: the reader reads the identity (the test reads what the withholding must take away)
    assertThat(taxii(readerApi, these).body()).contains(identity, name);
    assertThat(search(readerApi, word)).contains(identity);

    admin.postForm(
        "/admin/misnamed-identities",
        "/admin/misnamed-identities/withhold",
        Map.of("identity", identity));
    assertThat(admin.get("/admin/misnamed-identities").body()).contains("差し止め中");
    assertThat(audited("intel.misnamed.withheld", identity)).isEqualTo(1);

    // the reader: not the identity, not its name, not a reference to it, anywhere
    String objects = taxii(readerApi, these).body();
    assertThat(objects).contains(indicator, sighting).doesNotContain(identity, name);
    assertThat(objects).contains("\"" + AttributionWithheld.PROPERTY + "\":true");
    String missing = "identity--" + UUID.randomUUID();
    HttpResponse<String> byId = taxii(readerApi, "objects/" + identity + "/");
    HttpResponse<String> never = taxii(readerApi, "objects/" + missing + "/");
    assertThat(byId.statusCode()).isEqualTo(never.statusCode()).isEqualTo(404);
    assertThat(byId.body().replace(identity, "ID")).isEqualTo(never.body().replace(missing, "ID"));
    assertThat(taxii(readerApi, "objects/" + identity + "/versions/").body())
        .isEqualTo(
            taxii(readerApi, "objects/" + missing + "/versions/").body().replace(missing, identity))
        .doesNotContain("\"versions\"");
    assertThat(taxii(readerApi, "manifest/").body()).doesNotContain(identity);
    assertThat(taxii(readerApi, "objects/?match[type]=identity").body()).doesNotContain(identity);
    assertThat(search(readerApi, word)).doesNotContain(identity, name).contains(indicator);
    assertThat(readerWeb.get("/search?q=" + enc(word)).body()).doesNotContain(identity, name);
    assertThat(readerWeb.get("/intel/objects?value=" + enc(word)).body())
        .doesNotContain(identity, name);
    assertThat(readerWeb.get("/intel/objects?collection=" + gas()).body())
        .doesNotContain(identity, name);
    assertThat(readerWeb.get("/intel/objects/" + identity).statusCode()).isEqualTo(404);
    assertThat(readerWeb.get("/intel/objects/" + indicator).body()).doesNotContain(identity);
    assertThat(
            readerWeb
                .get("/intel/objects/" + identity + "/bundle?collection=" + gas())
                .statusCode())
        .isEqualTo(404);
    assertThat(readerWeb.get("/intel/objects/" + sighting + "/bundle?collection=" + gas()).body())
        .contains(sighting, AttributionWithheld.PROPERTY)
        .doesNotContain(identity);

    // the storer: everything as it stored it
    String owns = taxii(ownApi, these).body();
    assertThat(owns).contains(identity, name, "\"created_by_ref\":\"" + identity + "\"");
    assertThat(owns).doesNotContain(AttributionWithheld.PROPERTY);
    assertThat(taxii(ownApi, "objects/" + identity + "/").statusCode()).isEqualTo(200);

    // released: the reader reads it all again, as stored
    admin.postForm(
        "/admin/misnamed-identities",
        "/admin/misnamed-identities/release",
        Map.of("identity", identity));
    assertThat(audited("intel.misnamed.released", identity)).isEqualTo(1);
    String again = taxii(readerApi, these).body();
    assertThat(again).contains(identity, name, "\"created_by_ref\":\"" + identity + "\"");
    assertThat(again).doesNotContain(AttributionWithheld.PROPERTY);
  }

  @Test
  void onlyAPlatformAdminWithholdsAndOnlyAFlaggedIdentity() {
    Organisation imitated = fixtures.operator("gas");
    Organisation storer = fixtures.operator("gas");
    String identity = StoredRows.identity(jdbc, gas(), storer, imitated.nameEn(), "organization");
    String fine = StoredRows.identity(jdbc, gas(), storer, storer.nameEn() + " SOC", null);

    Http orgAdmin = signedIn(fixtures.user(storer, Role.ORG_ADMIN));
    HttpResponse<String> refused =
        orgAdmin.postForm(
            "/admin/misnamed-identities",
            "/admin/misnamed-identities/withhold",
            Map.of("identity", identity));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThatThrownBy(
            () ->
                misnamed.withhold(fixtures.actor(fixtures.user(storer, Role.ORG_ADMIN)), identity))
        .isInstanceOf(Forbidden.class);
    assertThat(withheldRows(identity)).isZero();

    assertThatThrownBy(() -> misnamed.withhold(Actor.cli(), fine))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("notFlagged");
    assertThat(misnamed.release(Actor.cli(), fine)).isFalse();

    assertThat(misnamed.withhold(Actor.cli(), identity)).isTrue();
    assertThat(misnamed.withhold(Actor.cli(), identity)).as("already withheld").isFalse();
    assertThat(misnamed.withheld(Actor.cli()))
        .contains(new MisnamedIdentities.Withheld(identity, storer.id(), storer.code(), true));
    assertThat(misnamed.release(Actor.cli(), identity)).isTrue();
    assertThat(withheldRows(identity)).isZero();
  }

  private HttpResponse<String> taxii(Http api, String path) {
    return api.get("/taxii2/api/collections/" + gas() + "/" + path, "Accept", TAXII);
  }

  private static String search(Http api, String q) {
    return api.get("/api/v1/search?q=" + enc(q)).body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private long audited(String action, String target) {
    return jdbc.sql("select count(*) from audit_event where action = ? and target_id = ?")
        .params(action, target)
        .query(Long.class)
        .single();
  }

  private long withheldRows(String id) {
    return jdbc.sql("select count(*) from stix_withheld_identity where stix_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private Http signedIn(UserAccount u) {
    Http browser = http();
    assertThat(browser.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    browser.postForm("/", "/settings/language", Map.of("lang", "ja", "back", "/"));
    return browser;
  }

  private UUID gas() {
    return StoredRows.sectorCollection(intel, "gas");
  }
}
