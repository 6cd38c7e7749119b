package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform admins' list of identities stored before ingest refused another organisation's name
 * (identity29): each flagged identity with its name, its storing organisation, the rule and how
 * many unrevoked objects refer to it by {@code created_by_ref}, {@code where_sighted_refs} or
 * another {@code _ref(s)}; nobody but a platform admin reads it.
 */
class MisnamedIdentitiesIT extends ServerTest {

  @Autowired MisnamedIdentities misnamed;
  @Autowired IntelService intel;
  @Autowired JdbcClient jdbc;

  @Test
  void aPlatformAdminSeesEachFlaggedIdentityWithItsStorerRuleAndReferences() {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    String whole = StoredRows.identity(jdbc, gas(), b, a.nameEn(), "organization");
    String unit = StoredRows.identity(jdbc, gas(), b, a.nameJa() + " 情報セキュリティ部", null);
    String own = StoredRows.identity(jdbc, gas(), b, b.nameEn() + " SOC", "organization");
    String indicator = ",\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\"";
    StoredRows.object(jdbc, gas(), b, "indicator", ",\"created_by_ref\":\"" + whole + "\"", false);
    StoredRows.object(jdbc, gas(), b, "indicator", ",\"created_by_ref\":\"" + whole + "\"", false);
    StoredRows.object(jdbc, gas(), b, "indicator", ",\"created_by_ref\":\"" + whole + "\"", true);
    StoredRows.object(
        jdbc,
        gas(),
        b,
        "sighting",
        ",\"sighting_of_ref\":\"indicator--"
            + UUID.randomUUID()
            + "\",\"where_sighted_refs\":[\""
            + own
            + "\",\""
            + whole
            + "\"]",
        false);
    StoredRows.object(
        jdbc,
        gas(),
        b,
        "indicator",
        indicator + ",\"x_opencti_created_by_ref\":\"" + unit + "\"",
        false);
    StoredRows.object(
        jdbc, gas(), b, "report", ",\"object_refs\":[\"" + unit + "\",\"" + whole + "\"]", false);

    List<MisnamedIdentities.Flagged> list = misnamed.list(Actor.cli());

    assertThat(list)
        .contains(
            new MisnamedIdentities.Flagged(
                whole, a.nameEn(), b.id(), b.code(), b.nameJa(), b.nameEn(), "name", 2, 1, 1),
            new MisnamedIdentities.Flagged(
                unit,
                a.nameJa() + " 情報セキュリティ部",
                b.id(),
                b.code(),
                b.nameJa(),
                b.nameEn(),
                "unit",
                0,
                0,
                2));
    assertThat(list).extracting(MisnamedIdentities.Flagged::stixId).doesNotContain(own);
  }

  @Test
  void onlyAPlatformAdminReadsTheList() {
    for (Role role : new Role[] {Role.ORG_ADMIN, Role.ANALYST}) {
      Actor actor = fixtures.actor(fixtures.user("nisc", role));
      assertThatThrownBy(() -> misnamed.list(actor)).isInstanceOf(Forbidden.class);
    }
    assertThat(misnamed.list(fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN))))
        .isNotNull();
  }

  @Test
  void thePlatformAdminsPageListsThemInJapaneseAndEnglish() {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    String whole = StoredRows.identity(jdbc, gas(), b, a.nameEn() + " CSIRT", "organization");
    StoredRows.object(jdbc, gas(), b, "indicator", ",\"created_by_ref\":\"" + whole + "\"", false);
    Http ja = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN), "ja");

    String home = ja.get("/").body();
    assertThat(home).contains("href=\"/admin/misnamed-identities\"");
    String page = ja.get("/admin/misnamed-identities").body();
    String row = page.substring(page.indexOf(whole));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row)
        .contains(a.nameEn() + " CSIRT", "他組織の部署・チームの名前", b.nameJa(), b.code())
        .contains("<td class=\"num\">1</td>");
    String en =
        signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN), "en")
            .get("/admin/misnamed-identities")
            .body();
    assertThat(en).contains("Identities named as another organisation", b.nameEn());

    Http orgAdmin = signedIn(fixtures.user(b, Role.ORG_ADMIN), "ja");
    assertThat(orgAdmin.get("/admin/misnamed-identities").statusCode()).isEqualTo(403);
  }

  @Test
  void aPlatformAdminAsksTheStoringOrganisationsAdminsByMailAndTheAskIsAudited() throws Exception {
    Organisation a = fixtures.operator("gas");
    Organisation b = fixtures.operator("gas");
    String whole = StoredRows.identity(jdbc, gas(), b, a.nameEn(), "organization");
    String unit = StoredRows.identity(jdbc, gas(), b, a.nameJa() + " SOC", null);
    UserAccount admin = fixtures.user(b, Role.ORG_ADMIN);
    UserAccount analyst = fixtures.user(b, Role.ANALYST);
    UserAccount otherAdmin = fixtures.user(a, Role.ORG_ADMIN);
    String to = mail(admin);
    String analystTo = mail(analyst);
    String otherTo = mail(otherAdmin);
    Http web = signedIn(fixtures.user("nisc", Role.PLATFORM_ADMIN), "ja");

    String done =
        web.postForm(
                "/admin/misnamed-identities",
                "/admin/misnamed-identities/ask",
                Map.of("organisation", Long.toString(b.id())))
            .body();
    assertThat(web.get("/admin/misnamed-identities").body()).contains("1 人");

    await().atMost(Duration.ofSeconds(30)).until(() -> mailTextsTo(to).size() == 1);
    String text = mailTextsTo(to).get(0);
    assertThat(text).contains(whole, unit, a.nameEn(), "新しい版", "revoke").doesNotContain(otherTo);
    assertThat(mailTextsTo(analystTo)).isEmpty();
    assertThat(mailTextsTo(otherTo)).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'intel.misnamed.asked'"
                        + " and target_id in (?, ?)")
                .params(whole, unit)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(done).isNotNull();
  }

  @Test
  void askingAnOrganisationWithNothingFlaggedMailsNobody() {
    Organisation b = fixtures.operator("gas");
    assertThat(misnamed.ask(Actor.cli(), b.id())).isZero();
    assertThatThrownBy(() -> misnamed.ask(fixtures.actor(fixtures.user(b, Role.ORG_ADMIN)), b.id()))
        .isInstanceOf(Forbidden.class);
  }

  private String mail(UserAccount u) {
    String address = u.login() + "@b.example";
    jdbc.sql("update app_user set email = ? where id = ?").params(address, u.id()).update();
    return address;
  }

  private Http signedIn(UserAccount u, String lang) {
    Http browser = http();
    assertThat(browser.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    browser.postForm("/", "/settings/language", Map.of("lang", lang, "back", "/"));
    return browser;
  }

  private UUID gas() {
    return StoredRows.sectorCollection(intel, "gas");
  }
}
