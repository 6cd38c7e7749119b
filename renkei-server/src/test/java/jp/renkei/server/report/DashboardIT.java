package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The statistics count only what the viewer may see: every count moves only for those allowed. */
class DashboardIT extends ServerTest {

  @Autowired ReportService reports;

  long total(UserAccount u) {
    return reports.statistics(fixtures.actor(u)).total();
  }

  @Test
  void countsMoveOnlyForViewersWhoMaySeeTheReport() {
    Organisation water = fixtures.operator("water");
    Organisation gas = fixtures.operator("gas");
    UserAccount waterAnalyst = fixtures.user(water, Role.ANALYST);
    UserAccount gasAnalyst = fixtures.user(gas, Role.ANALYST);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    UserAccount otherWater = fixtures.user("op-izumi-water", Role.ANALYST);
    long water0 = total(waterAnalyst),
        gas0 = total(gasAnalyst),
        nisc0 = total(nisc),
        other0 = total(otherWater);

    Http api = http().bearer(fixtures.token(waterAnalyst));
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/reports?submit=true",
            ReportIT.report("hotline", "amber_strict", "", "集計 STRICT"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(total(waterAnalyst)).isEqualTo(water0 + 1);
    assertThat(total(nisc)).isEqualTo(nisc0 + 1);
    assertThat(total(gasAnalyst)).isEqualTo(gas0);
    assertThat(total(otherWater)).isEqualTo(other0);

    api.postJson(
        "/api/v1/reports?submit=true",
        ReportIT.report("hotline", "green", ",\"scopeSectors\":[\"water\"]", "集計 GREEN"));
    assertThat(total(otherWater)).isEqualTo(other0 + 1);
    assertThat(total(gasAnalyst)).as("GREEN scoped to water").isEqualTo(gas0);

    api.postJson("/api/v1/reports", ReportIT.report("hotline", "green", "", "集計 下書き"));
    assertThat(total(waterAnalyst)).as("drafts are not counted").isEqualTo(water0 + 2);
  }

  @Test
  void pageCsvAndApiShowTheSameCounts() {
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    Http reporter = http().bearer(fixtures.token(fixtures.user("op-kaze-power", Role.ANALYST)));
    assertThat(
            reporter
                .postJson(
                    "/api/v1/reports?submit=true", ReportIT.report("hotline", "green", "", "集計ページ"))
                .statusCode())
        .isEqualTo(201);
    Http browser = http();
    browser.signIn(nisc.login(), Fixtures.PASSWORD);
    long total = total(nisc);
    String page = browser.get("/dashboard").body();
    assertThat(page).contains("id=\"stat-total\">" + total + "<", "<svg", "分野別");
    HttpResponse<String> csv = browser.get("/dashboard/sector.csv");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("\uFEFFcode,label,");
    long csvTotal =
        csv.body()
            .lines()
            .skip(1)
            .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
            .sum();
    assertThat(csvTotal).isEqualTo(total);
    assertThat(browser.get("/dashboard/latency.csv").body()).contains("median_minutes");
    assertThat(browser.get("/dashboard/secrets.csv").statusCode()).isEqualTo(404);
    assertThat(http().bearer(fixtures.token(nisc)).get("/api/v1/reports/statistics").body())
        .contains("\"total\":" + total);
  }
}
