package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Names over time: the national coordinator is 国家サイバー統括室 since 1 July 2025 and was 内閣サイバーセキュリティセンター
 * (NISC) before; a report keeps the name its sender had when it was sent.
 */
class OrganisationNamesIT extends ServerTest {

  @Autowired OrganisationNames names;
  @Autowired DirectoryService directory;

  @Test
  void theNationalCoordinatorHasItsCurrentNameAndKeepsTheFormerOne() {
    Organisation nisc = directory.organisation("nisc");
    assertThat(nisc.nameJa()).isEqualTo("国家サイバー統括室(NCO)");
    assertThat(nisc.nameEn()).isEqualTo("National Cybersecurity Office (NCO)");
    Instant before = OffsetDateTime.parse("2025-06-30T23:59:00+09:00").toInstant();
    Instant after = OffsetDateTime.parse("2025-07-01T00:00:00+09:00").toInstant();
    assertThat(names.nameJaAt(nisc.id(), before)).isEqualTo("内閣サイバーセキュリティセンター(NISC)");
    assertThat(names.nameJaAt(nisc.id(), after)).isEqualTo("国家サイバー統括室(NCO)");
    assertThat(names.nameAt(nisc.id(), before, java.util.Locale.ENGLISH)).contains("(NISC)");
    var person = fixtures.user("op-sakura-bank", Role.MEMBER);
    Http browser = http();
    browser.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(browser.get("/directory/" + nisc.id()).body())
        .contains("id=\"former-names\"", "内閣サイバーセキュリティセンター(NISC)", "2025-07-01");
  }

  @Test
  void aReportKeepsTheNameItsSenderHadWhenItWasSent() {
    Organisation bank = fixtures.operator("finance");
    Http api = http().bearer(fixtures.token(fixtures.user(bank, Role.ANALYST)));
    long before = create(api, "改称前 " + Fixtures.unique("r"));
    String oldName = bank.nameJa();
    String newName = "改称後 " + Fixtures.unique("銀行");
    Actor admin = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    names.rename(admin, bank.id(), newName, "Renamed " + bank.code(), Instant.now(), "merger");
    long after = create(api, "改称後 " + Fixtures.unique("r"));
    assertThat(api.get("/api/v1/reports/" + before).body())
        .contains("\"originatorName\":\"" + oldName + "\"");
    assertThat(api.get("/api/v1/reports/" + after).body())
        .contains("\"originatorName\":\"" + newName + "\"");
    // the list shows each report under its own name too
    String list = api.get("/api/v1/reports").body();
    assertThat(list).contains(oldName, newName);
    // a rename cannot go back before the last recorded change
    assertThatThrownBy(
            () -> names.rename(admin, bank.id(), "戻し " + bank.code(), "Back", Instant.EPOCH, null))
        .isInstanceOf(jp.renkei.server.failure.InvalidInput.class);
  }

  @Test
  void onlyAPlatformAdminRenames() {
    Organisation bank = fixtures.operator("finance");
    Actor orgAdmin = fixtures.actor(fixtures.user(bank, Role.ORG_ADMIN));
    assertThatThrownBy(() -> names.rename(orgAdmin, bank.id(), "乗っ取り", "x", null, null))
        .isInstanceOf(Forbidden.class);
    assertThat(directory.organisation(bank.id()).nameJa()).isEqualTo(bank.nameJa());
    assertThat(names.formerNames(bank.id())).isEmpty();
  }

  private long create(Http api, String title) {
    HttpResponse<String> r =
        api.postJson("/api/v1/reports?submit=true", ReportIT.report("hotline", "amber", "", title));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
