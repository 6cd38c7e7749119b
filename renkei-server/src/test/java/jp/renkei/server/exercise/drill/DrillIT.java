package jp.renkei.server.exercise.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import jp.renkei.engine.exercise.drill.DrillStats;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportContent;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CEPTOAR drill on the real flows: 情報提供訓練 issues an exercise advisory that a ministry, a
 * CEPTOAR and an operator confirm on the advisory page; 情報連絡訓練 carries an operator's report up
 * through its CEPTOAR and ministry to NISC. The organiser's numbers follow what the policy lets it
 * see; a participant sees its own row and the aggregates only — never another participant's row,
 * contact data or self-check answers.
 */
class DrillIT extends ServerTest {

  static final String SECTOR = "aviation";

  @Autowired DrillService drills;
  @Autowired AdvisoryService advisories;
  @Autowired ReportFilingService filing;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  Organisation operator(String duty) {
    String code = Fixtures.unique("drillop");
    Organisation o =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "訓練試験事業者 " + code,
                "Drill test operator " + code,
                "operator",
                SECTOR,
                null,
                null,
                List.of("c-aviation")));
    jdbc.sql("update organisation set duty_email = ? where id = ?").params(duty, o.id()).update();
    return o;
  }

  static DrillViews.Row row(DrillViews.Result r, Organisation o) {
    return r.rows().stream()
        .filter(x -> x.organisationName().equals(o.nameJa()))
        .findFirst()
        .orElseThrow();
  }

  static DrillStats.Level level(DrillViews.Result r, String level) {
    return r.levels().stream().filter(l -> l.level().equals(level)).findFirst().orElseThrow();
  }

  @Test
  void anAdvisoryDrillCountsConfirmationsPerLevelAndShowsEachParticipantOnlyItsOwnRow() {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    String dutyA = Fixtures.unique("duty-a") + "@drill.example";
    Organisation opA = operator(dutyA);
    Organisation opB = operator(null);
    Actor a = fixtures.actor(fixtures.user(opA, Role.ANALYST));
    UserAccount bUser = fixtures.user(opB, Role.ANALYST);
    Actor b = fixtures.actor(bUser);
    Actor ceptoar = fixtures.actor(fixtures.user("c-aviation", Role.ANALYST));
    Actor ministry = fixtures.actor(fixtures.user("mlit", Role.ANALYST));
    Actor stranger = fixtures.actor(fixtures.user(fixtures.operator("water"), Role.ANALYST));

    // only NISC starts a drill, and bad input names the field
    assertThatThrownBy(() -> drills.start(a, "provision", List.of(SECTOR)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> drills.start(nisc, "drill", List.of(SECTOR)))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("kind"));
    assertThatThrownBy(() -> drills.start(nisc, "provision", List.of("moon")))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("sectors"));

    long first = drills.start(nisc, "provision", List.of(SECTOR));
    long run = drills.result(nisc, first, Locale.JAPANESE).runId();
    // after 人事異動 the duty address changes: the drill still names the one it used
    jdbc.sql("update organisation set duty_email = ? where id = ?")
        .params("new-" + dutyA, opA.id())
        .update();
    long advisory = advisories.inExercise(a, run, 10).get(0).id();
    advisories.acknowledge(a, advisory);
    advisories.acknowledge(ceptoar, advisory);
    advisories.acknowledge(ministry, advisory);

    var organiser = drills.result(nisc, first, Locale.JAPANESE);
    assertThat(organiser.controller()).isTrue();
    assertThat(level(organiser, "ministry").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "ceptoar").ratePercent()).isEqualTo(100);
    var operators = level(organiser, "operator");
    assertThat(operators.confirmed()).isEqualTo(1);
    assertThat(operators.targets())
        .isEqualTo(
            (int) organiser.rows().stream().filter(r -> r.level().equals("operator")).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(row(organiser, opA).confirmed()).isTrue();
    // the rows by level, in the drill's order, then by name in the reader's language
    for (Locale reader : new Locale[] {Locale.JAPANESE, Locale.ENGLISH}) {
      assertThat(drills.result(nisc, first, reader).rows())
          .isSortedAccordingTo(
              java.util.Comparator.comparingInt(
                      (DrillViews.Row r) ->
                          List.of("ministry", "ceptoar", "operator").indexOf(r.level()))
                  .thenComparing(DrillViews.Row::organisationName, String.CASE_INSENSITIVE_ORDER));
    }
    assertThat(row(organiser, opA).contactUsed()).isEqualTo(dutyA);
    assertThat(row(organiser, opA).contactChanged()).isTrue();
    assertThat(organiser.unconfirmed())
        .extracting(DrillViews.Row::organisationName)
        .contains(opB.nameJa());

    // a participant: its own row and the aggregates, nothing of the others
    var seenByB = drills.result(b, first, Locale.JAPANESE);
    assertThat(seenByB.controller()).isFalse();
    assertThat(seenByB.rows())
        .extracting(DrillViews.Row::organisationName)
        .containsExactly(opB.nameJa());
    assertThat(seenByB.levels()).isEqualTo(organiser.levels());
    assertThat(seenByB.tally()).isNull();
    var api = http().bearer(fixtures.token(bUser)).get("/api/v1/exercises/drills/" + first);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains(opB.nameJa()).doesNotContain(opA.nameJa(), dutyA);
    // strangers do not learn the drill exists
    assertThatThrownBy(() -> drills.result(stranger, first, Locale.JAPANESE))
        .isInstanceOf(NotFound.class);
    assertThat(
            http()
                .bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)))
                .get("/api/v1/exercises/drills/" + first)
                .statusCode())
        .isEqualTo(404);

    // the self-check sheet: each participant answers its own; the organiser sees the tally
    drills.answerSelfCheck(b, first, List.of(true, false, true, true, false));
    assertThatThrownBy(() -> drills.answerSelfCheck(a, first, List.of(true, false)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () -> drills.answerSelfCheck(nisc, first, List.of(true, true, true, true, true)))
        .isInstanceOf(Forbidden.class);
    assertThat(drills.result(b, first, Locale.JAPANESE).myAnswers())
        .containsExactly(true, false, true, true, false);
    assertThat(drills.result(a, first, Locale.JAPANESE).myAnswers()).isNull();
    var tally = drills.result(nisc, first, Locale.JAPANESE).tally();
    assertThat(tally.answered()).isEqualTo(1);
    assertThat(tally.yes()).containsExactly(1, 0, 1, 1, 0);
    var web = http();
    web.signIn(nisc.login(), Fixtures.PASSWORD);
    assertThat(web.get("/exercises/drills/" + first).body())
        .contains("情報提供訓練", dutyA, "セルフチェックシート", "開始後に変更あり");
    assertThat(web.get("/exercises/drills").body())
        .contains("ワンクリックで開始", "/exercises/drills/" + first);
    // the fiscal year is a year, not an amount: no digit grouping in either language
    int year = drills.result(nisc, first, Locale.JAPANESE).fiscalYear();
    String yearText = String.valueOf(year);
    assertThat(web.get("/exercises/drills/" + first).body())
        .contains(yearText + "年度")
        .doesNotContain(String.format("%,d", year) + "年度");
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    assertThat(web.get("/exercises/drills/" + first).body())
        .contains("FY " + yearText)
        .doesNotContain("FY " + String.format(Locale.ENGLISH, "%,d", year));
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "ja", "back", "/"));
    var player = http();
    player.signIn(bUser.login(), Fixtures.PASSWORD);
    assertThat(player.get("/exercises/drills/" + first).body())
        .contains(opB.nameJa(), "セルフチェックシート")
        .doesNotContain(opA.nameJa(), dutyA, "ワンクリックで開始");

    // the next drill compares with the first, per level
    long second = drills.start(nisc, "provision", List.of(SECTOR));
    var next = drills.result(nisc, second, Locale.JAPANESE);
    assertThat(next.earlier())
        .filteredOn(e -> e.id() == first)
        .singleElement()
        .satisfies(e -> assertThat(e.levels()).isEqualTo(organiser.levels()));
    assertThat(level(next, "operator").confirmed()).isZero();
  }

  @Test
  void aReportDrillMeasuresEachLevelOfTheRealRelayAsEachViewerMaySeeIt() {
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(niscUser);
    Organisation op = operator(null);
    Actor filer = fixtures.actor(fixtures.user(op, Role.ANALYST));
    UserAccount ceptoar = fixtures.user("c-aviation", Role.ANALYST);
    UserAccount ministry = fixtures.user("mlit", Role.ANALYST);

    long id = drills.start(nisc, "liaison", List.of(SECTOR));
    long run = drills.result(nisc, id, Locale.JAPANESE).runId();
    long report =
        filing.create(
            filer,
            new NewReport(
                content("情報連絡訓練 " + Fixtures.unique("r")),
                "ceptoar",
                "c-aviation",
                false,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                run),
            true);
    // the report is still at the CEPTOAR: NISC may not see it, so NISC counts nothing yet
    assertThat(level(drills.result(nisc, id, Locale.JAPANESE), "operator").confirmed()).isZero();
    // each level opens it and sends it on, through the real API
    post(ceptoar, "/api/v1/reports/" + report + "/read");
    post(ceptoar, "/api/v1/reports/" + report + "/forward");
    post(ministry, "/api/v1/reports/" + report + "/read");
    post(ministry, "/api/v1/reports/" + report + "/forward");
    post(niscUser, "/api/v1/reports/" + report + "/read");

    var organiser = drills.result(nisc, id, Locale.JAPANESE);
    assertThat(organiser.levels())
        .extracting(DrillStats.Level::level)
        .containsExactly("operator", "ceptoar", "ministry", "nisc");
    assertThat(level(organiser, "operator").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "ceptoar").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "ministry").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "nisc").ratePercent()).isEqualTo(100);
    assertThat(row(organiser, op).confirmed()).isTrue();
    // the filer sees its own row and the same aggregates
    var own = drills.result(filer, id, Locale.JAPANESE);
    assertThat(own.rows()).singleElement().satisfies(r -> assertThat(r.confirmed()).isTrue());
    assertThat(own.levels()).isEqualTo(organiser.levels());
  }

  @Test
  void aReportDrillFollowsTheAnonymisedRelayWithoutNamingTheOperatorToNisc() throws Exception {
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(niscUser);
    Organisation op = operator(null);
    Organisation quiet = operator(null);
    UserAccount filerUser = fixtures.user(op, Role.ANALYST);
    Actor filer = fixtures.actor(filerUser);
    fixtures.user(quiet, Role.ANALYST);
    UserAccount ceptoar = fixtures.user("c-aviation", Role.ANALYST);
    UserAccount ministry = fixtures.user("mlit", Role.ANALYST);

    long id = drills.start(nisc, "liaison", List.of(SECTOR));
    long run = drills.result(nisc, id, Locale.JAPANESE).runId();
    long report =
        filing.create(
            filer,
            new NewReport(
                content("匿名の情報連絡訓練 " + Fixtures.unique("r")),
                "ceptoar",
                "c-aviation",
                true,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                run),
            true);
    // the CEPTOAR relays it anonymised (the real relay), the ministry forwards the copy, NISC reads
    var relayed = http().bearer(fixtures.token(ceptoar)).postJson(relay(report), "{}");
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
    long copy = Long.parseLong(relayed.body().replaceAll("\\D+", ""));
    post(ministry, "/api/v1/reports/" + copy + "/read");
    post(ministry, "/api/v1/reports/" + copy + "/forward");
    post(niscUser, "/api/v1/reports/" + copy + "/read");

    // the copy and its receipts count for the CEPTOAR, ministry and NISC levels
    var organiser = drills.result(nisc, id, Locale.JAPANESE);
    assertThat(level(organiser, "ceptoar").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "ministry").confirmed()).isEqualTo(1);
    assertThat(level(organiser, "nisc").ratePercent()).isEqualTo(100);
    // ... but NISC's view never tells which operator was behind it: the operator's row and the
    // operator level are exactly as for an operator that filed nothing
    assertThat(level(organiser, "operator").confirmed()).isZero();
    assertThat(renamed(row(organiser, op), quiet)).isEqualTo(row(organiser, quiet));
    var api = http().bearer(fixtures.token(niscUser)).get("/api/v1/exercises/drills/" + id);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(rowJson(api.body(), op.nameJa()).replace(op.nameJa(), quiet.nameJa()))
        .isEqualTo(rowJson(api.body(), quiet.nameJa()));
    var web = http();
    web.signIn(niscUser.login(), Fixtures.PASSWORD);
    String page = web.get("/exercises/drills/" + id).body();
    assertThat(rowHtml(page, op.nameJa()).replace(op.nameJa(), quiet.nameJa()))
        .isEqualTo(rowHtml(page, quiet.nameJa()));
    var xlsx = web.getBytes("/exercises/" + run + "/report.xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    String cells = cells(xlsx.body());
    assertThat(lines(cells, quiet.code())).isNotEmpty();
    assertThat(lines(cells, op.code()).replace(op.code(), quiet.code()))
        .isEqualTo(lines(cells, quiet.code()));
    // the reporter itself, who may read its original, sees its own row confirmed
    var own = drills.result(filer, id, Locale.JAPANESE);
    assertThat(own.rows()).singleElement().satisfies(r -> assertThat(r.confirmed()).isTrue());
    assertThat(own.levels()).isEqualTo(organiser.levels());
  }

  static String relay(long report) {
    return "/api/v1/reports/" + report + "/relay";
  }

  static DrillViews.Row renamed(DrillViews.Row r, Organisation as) {
    return new DrillViews.Row(
        as.nameJa(),
        r.level(),
        r.contactUsed(),
        r.contactChanged(),
        r.reachedAt(),
        r.confirmedAt(),
        r.minutesToConfirm());
  }

  /** The JSON object of the row naming {@code name}. */
  static String rowJson(String json, String name) {
    var m =
        java.util.regex.Pattern.compile(
                "\\{[^{}]*\"" + java.util.regex.Pattern.quote(name) + "\"[^{}]*}")
            .matcher(json);
    assertThat(m.find()).as(name).isTrue();
    return m.group();
  }

  /** The table row of the page naming {@code name}. */
  static String rowHtml(String html, String name) {
    var m =
        java.util.regex.Pattern.compile(
                "<tr(?:(?!</tr>).)*" + java.util.regex.Pattern.quote(name) + "(?:(?!</tr>).)*</tr>",
                java.util.regex.Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as(name).isTrue();
    return m.group();
  }

  /** Every cell of a workbook, one row a line, cells tab-separated, sheet by sheet. */
  static String cells(byte[] xlsx) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      for (var sheet : wb) {
        for (var row : sheet) {
          out.append(sheet.getSheetName());
          for (var cell : row) {
            out.append('\t').append(fmt.formatCellValue(cell));
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  /** The lines with a cell that is exactly {@code word} (a team's own rows). */
  static String lines(String text, String word) {
    return String.join(
        "\n", text.lines().filter(l -> List.of(l.split("\t")).contains(word)).toList());
  }

  void post(UserAccount u, String path) {
    var r = http().bearer(fixtures.token(u)).postJson(path, "{}");
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
  }

  static ReportContent content(String title) {
    return Fixtures.reportContent(title);
  }
}
