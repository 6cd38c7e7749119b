package jp.renkei.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryIT extends ServerTest {

  @Autowired DirectoryService directory;

  @Test
  void demoDirectoryHasEverySectorMinistryAgencyAndCeptoar() {
    List<Organisation> all = directory.find(OrganisationQuery.ALL);
    assertThat(
            all.stream()
                .filter(o -> o.typeCode().equals("operator"))
                .map(Organisation::sectorCode)
                .distinct())
        .hasSize(15);
    assertThat(directory.find(new OrganisationQuery("ceptoar", null, null)))
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(directory.find(new OrganisationQuery("operator", null, null)))
        .hasSizeGreaterThanOrEqualTo(50);
    assertThat(directory.find(new OrganisationQuery("ministry", null, null)))
        .extracting(Organisation::nameJa)
        .contains("金融庁", "総務省", "厚生労働省", "経済産業省", "国土交通省");
    assertThat(directory.find(new OrganisationQuery("incident_response", null, null)))
        .extracting(Organisation::nameJa)
        .contains("警察庁", "消防庁", "海上保安庁", "防衛省");
    assertThat(directory.find(new OrganisationQuery("security_agency", null, null))).hasSize(3);
    // the demo's one disaster-management agency (other tests add agencies of their own to the
    // shared database: SearchModeGateIT's mode-gated viewer)
    assertThat(directory.find(new OrganisationQuery("disaster_management", null, null)))
        .extracting(Organisation::code)
        .contains("cao-bousai");
    assertThat(directory.find(new OrganisationQuery("cyber_business", null, null))).isNotEmpty();
  }

  @Test
  void operatorShowsItsSectorSupervisingMinistryAndCeptoars() {
    OrganisationDetail bank = directory.detail(directory.organisation("op-sakura-bank").id());
    assertThat(bank.organisation().sectorNameJa()).isEqualTo("金融");
    assertThat(bank.organisation().supervisingMinistryNameJa()).isEqualTo("金融庁");
    assertThat(bank.ceptoars()).extracting(Organisation::nameJa).containsExactly("銀行等CEPTOAR");

    OrganisationDetail water = directory.detail(directory.organisation("op-izumi-water").id());
    assertThat(water.organisation().supervisingMinistryNameJa()).isEqualTo("国土交通省");

    OrganisationDetail ceptoar = directory.detail(directory.organisation("c-bank").id());
    assertThat(ceptoar.members())
        .extracting(Organisation::code)
        .contains("op-sakura-bank", "op-sakura-pay");

    OrganisationDetail meti = directory.detail(directory.organisation("meti").id());
    assertThat(meti.supervisedSectors())
        .extracting(s -> s.code())
        .containsExactlyInAnyOrder("electricity", "gas", "chemical", "credit", "petroleum");
  }

  @Test
  void directoryPageFiltersBySectorAndRendersInJapanese() {
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    var http = http();
    http.signIn(member.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    HttpResponse<String> page = http.get("/directory?sector=finance&type=operator");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("さくら架空銀行", "金融庁").doesNotContain("いなずま架空電力株式会社");
    HttpResponse<String> fragment = http.get("/directory?q=%E3%81%84%E3%81%AA%E3%81%9A%E3%81%BE");
    assertThat(fragment.body()).contains("いなずま架空電力株式会社");
    // the person's own % and _ are literal, not wildcards
    assertThat(http.get("/directory?q=%25").body()).contains("条件に合うものはありません");
  }

  @Test
  void apiCreatesOrganisationWithMembershipAndRejectsBadInputWithTheField() {
    var admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    var api = http().bearer(fixtures.token(admin));
    String code = jp.renkei.server.support.Fixtures.unique("op-api");
    HttpResponse<String> created =
        api.postJson(
            "/api/v1/organisations",
            "{\"code\":\""
                + code
                + "\",\"nameJa\":\"API架空"
                + code
                + "\",\"nameEn\":\"API "
                + code
                + "\",\"typeCode\":\"operator\",\"sectorCode\":\"port\","
                + "\"ceptoarCodes\":[\"c-port\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"supervisingMinistry\":{\"code\":\"mlit\"", "c-port");

    HttpResponse<String> duplicate =
        api.postJson(
            "/api/v1/organisations",
            "{\"code\":\""
                + code
                + "\",\"nameJa\":\"別名\",\"nameEn\":\"x\",\"typeCode\":\"operator\",\"sectorCode\":\"port\"}");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(duplicate.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(duplicate.body()).contains("\"field\":\"code\"");

    HttpResponse<String> unknownSector =
        api.postJson(
            "/api/v1/organisations",
            "{\"code\":\"zz-"
                + code
                + "\",\"nameJa\":\"未知\",\"nameEn\":\"x\",\"typeCode\":\"operator\",\"sectorCode\":\"moon\"}");
    assertThat(unknownSector.statusCode()).isEqualTo(400);
    assertThat(unknownSector.body()).contains("\"field\":\"sectorCode\"", "moon");

    HttpResponse<String> unknownCeptoar =
        api.postJson(
            "/api/v1/organisations",
            "{\"code\":\"zy-"
                + code
                + "\",\"nameJa\":\"未知2\",\"nameEn\":\"x\",\"typeCode\":\"operator\",\"sectorCode\":\"port\",\"ceptoarCodes\":[\"op-sakura-bank\"]}");
    assertThat(unknownCeptoar.statusCode()).isEqualTo(400);
    assertThat(unknownCeptoar.body()).contains("ceptoarCodes", "op-sakura-bank");
  }

  @Test
  void onlyPlatformAdminsChangeTheDirectory() {
    var orgAdmin = fixtures.user("op-sakura-bank", Role.ORG_ADMIN);
    var api = http().bearer(fixtures.token(orgAdmin));
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/organisations",
            "{\"code\":\"nope-x\",\"nameJa\":\"不可\",\"nameEn\":\"x\",\"typeCode\":\"cyber_business\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(directory.find(new OrganisationQuery(null, null, "nope-x"))).isEmpty();
  }

  @Test
  void referenceVocabulariesAreServedFromTheDatabase() {
    var member = fixtures.user("op-sakura-bank", Role.MEMBER);
    var api = http().bearer(fixtures.token(member));
    assertThat(api.get("/api/v1/reference/sectors").body())
        .contains("港湾", "空港", "\"ministryCode\":\"mlit\"");
    assertThat(api.get("/api/v1/reference/vocabularies/cause_type").body())
        .contains("不審メール等の受信", "他分野の障害からの波及", "\"groupCode\":\"intentional\"");
    assertThat(api.get("/api/v1/reference/vocabularies/severity").body()).contains("level5");
    assertThat(api.get("/api/v1/reference/vocabularies/nothing").statusCode()).isEqualTo(404);
  }
}
