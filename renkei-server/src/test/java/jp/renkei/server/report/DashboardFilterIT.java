package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's period and sector filters only narrow what the viewer may already see: asking for
 * another sector, or the exact period of a hidden report, never counts it.
 */
class DashboardFilterIT extends ServerTest {

  @Autowired ReportService reports;

  @Test
  void aFilterNeverCountsAHiddenReport() {
    Organisation gas = fixtures.operator("gas");
    Organisation water = fixtures.operator("water");
    UserAccount gasAnalyst = fixtures.user(gas, Role.ANALYST);
    Actor waterAnalyst = fixtures.actor(fixtures.user(water, Role.ANALYST));
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    // the report's detection day (2026-11-20, Japan time) and sector, exactly
    StatisticsFilter exact =
        new StatisticsFilter(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20"), "gas");
    long waterBefore = reports.statistics(waterAnalyst, exact).total();
    long niscBefore = reports.statistics(nisc, exact).total();
    long gasBefore = reports.statistics(fixtures.actor(gasAnalyst), exact).total();
    StatisticsFilter earlier = new StatisticsFilter(null, LocalDate.parse("2026-11-19"), "gas");
    long earlierBefore = reports.statistics(fixtures.actor(gasAnalyst), earlier).total();

    Http api = http().bearer(fixtures.token(gasAnalyst));
    assertThat(
            api.postJson(
                    "/api/v1/reports?submit=true",
                    ReportIT.report("hotline", "amber_strict", "", "ガス 絞り込み"))
                .statusCode())
        .isEqualTo(201);

    assertThat(reports.statistics(fixtures.actor(gasAnalyst), exact).total())
        .isEqualTo(gasBefore + 1);
    assertThat(reports.statistics(nisc, exact).total()).isEqualTo(niscBefore + 1);
    assertThat(reports.statistics(waterAnalyst, exact).total())
        .as("another operator, asking for exactly the hidden report's sector and day")
        .isEqualTo(waterBefore);
    assertThat(reports.statistics(waterAnalyst, exact).byMonth())
        .noneMatch(p -> p.month().equals("2026-11") && p.reports() > waterBefore);

    // the filter narrows: another sector or another period leaves the report out for NISC too
    assertThat(
            reports
                .statistics(
                    nisc, new StatisticsFilter(LocalDate.parse("2026-11-20"), null, "water"))
                .bySector()
                .rows())
        .noneMatch(r -> r.code().equals("gas"));
    assertThat(reports.statistics(fixtures.actor(gasAnalyst), earlier).total())
        .as("a period before the detection")
        .isEqualTo(earlierBefore);

    // the page: the filter form, the monthly series, the same total as the service
    Http browser = http();
    browser.signIn(fixtures.user(water, Role.ANALYST).login(), Fixtures.PASSWORD);
    String page = browser.get("/dashboard?from=2026-11-20&to=2026-11-20&sector=gas").body();
    assertThat(page)
        .contains(
            "id=\"dashboard-filter\"", "id=\"series\"", "id=\"stat-total\">" + waterBefore + "<")
        .doesNotContain("ガス 絞り込み");
    assertThat(browser.get("/dashboard?from=not-a-date").statusCode()).isEqualTo(400);
  }
}
