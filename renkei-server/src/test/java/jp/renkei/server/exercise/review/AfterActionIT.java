package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.renkei.engine.exercise.review.TimeToAction;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The after-action report of a run: its figures (team totals, 疎通確認率, time to action, where scores
 * fell against an earlier run) in HTML, PDF and .xlsx — and an adversary: an outsider and a player
 * of another run get the same 404 as for a run that does not exist, byte for byte; a player and an
 * observer of the run are refused; the comparison never shows a run the viewer did not control or
 * evaluate.
 */
class AfterActionIT extends ServerTest {

  @Autowired ExerciseService exercises;
  @Autowired AfterAction reports;
  @Autowired FollowUp followUp;

  @Test
  void theReportShowsTheRunAndWhereScoresFellOnlyToItsControllersAndEvaluators() throws Exception {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    Organisation powerOrg = fixtures.operator("electricity");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount powerUser = fixtures.user(powerOrg, Role.ANALYST);
    UserAccount evaluatorUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount observerUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount otherPlayerUser = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    UserAccount outsiderUser = fixtures.user(bankOrg, Role.ANALYST);
    Actor evaluator = fixtures.actor(evaluatorUser);

    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("振り返り")));
    // the earlier run: both teams met 1-2
    long first = exercises.createRun(planner, scenario, "第1回", 1, false);
    exercises.addMember(planner, first, bankUser.login(), "player", "bank", "");
    exercises.addMember(planner, first, powerUser.login(), "player", "power", "");
    exercises.control(planner, first, "start");
    exercises.mark(planner, first, "1-2", "bank", "met", null);
    exercises.mark(planner, first, "1-2", "power", "met", null);
    exercises.control(planner, first, "stop");

    // this run: the bank reads its inbox, power does not; 1-2 met by the bank only
    long run = exercises.createRun(planner, scenario, "第2回", 1, false);
    exercises.addMember(planner, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(planner, run, powerUser.login(), "player", "power", "");
    exercises.addMember(planner, run, evaluatorUser.login(), "evaluator", "", "");
    exercises.addMember(planner, run, observerUser.login(), "observer", "", "");
    exercises.control(planner, run, "start");
    exercises.play(fixtures.actor(bankUser), run);
    exercises.mark(evaluator, run, "1-2", "bank", "met", "社内掲示板で共有");
    exercises.mark(evaluator, run, "1-2", "power", "missed", null);
    exercises.control(planner, run, "stop");

    // a run of another team elsewhere, with its own player
    long elsewhere = exercises.createRun(planner, scenario, "別の回", 1, false);
    exercises.addMember(planner, elsewhere, otherPlayerUser.login(), "player", "x", "");

    AfterActionReport r = reports.report(planner, run);
    assertThat(r.teams())
        .extracting(AfterActionReport.TeamTotal::team, AfterActionReport.TeamTotal::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bank", 4),
            org.assertj.core.groups.Tuple.tuple("power", 0));
    assertThat(r.confirmations())
        .containsExactly(
            new AfterActionReport.Confirmation("bank", 1, 1),
            new AfterActionReport.Confirmation("power", 1, 0));
    assertThat(r.overallConfirmation().percent()).isEqualTo(50);
    assertThat(r.timeToAction().bands().get(TimeToAction.Band.NONE)).isEqualTo(4);
    assertThat(r.earlier()).extracting(AfterActionReport.EarlierRun::id).containsExactly(first);
    assertThat(r.trends())
        .filteredOn(AfterActionReport.Trend::fell)
        .extracting(AfterActionReport.Trend::key)
        .containsExactly("1-2");
    // the evaluator was not in the first run: no comparison with it
    assertThat(reports.report(evaluator, run).earlier()).isEmpty();

    // members who are neither controllers nor evaluators are refused; strangers learn nothing
    assertThatThrownBy(() -> reports.report(fixtures.actor(bankUser), run))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> reports.report(fixtures.actor(observerUser), run))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> reports.report(fixtures.actor(outsiderUser), run))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> reports.report(fixtures.actor(otherPlayerUser), run))
        .isInstanceOf(NotFound.class);

    // the page and the workbook
    Http web = signedIn(plannerUser.login());
    String page = web.get("/exercises/" + run + "/report").body();
    assertThat(page)
        .contains("aar-timeline", "早期警戒情報", "aar-team-bank", "1/1 (100%)", "社内掲示板で共有")
        .contains("aar-trend-1-2", "aar-fell", "/css/aar.css");
    byte[] xlsx = bytes(web, "/exercises/" + run + "/report.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(wb.getNumberOfSheets()).isEqualTo(6);
      // whole names (Excel cuts a sheet's name at 31 characters)
      assertThat(wb.getSheetAt(1).getSheetName()).isEqualTo("タイムライン");
      assertThat(wb.getSheetAt(4).getSheetName()).isEqualTo("課題");
      assertThat(wb.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("1-1");
    }
    // the PDF: a download with a safe name, Japanese text extractable (the font is embedded)
    HttpResponse<byte[]> pdf = fetch(web, "/exercises/" + run + "/report.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"exercise-" + run + "-report.pdf\"");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("事後報告", "第2回", "疎通確認率", "1/2 (50%)", "早期警戒情報", "社内掲示板で共有");
      assertThat(doc.getNumberOfPages()).isBetween(1, AfterActionPdf.MAX_PAGES);
    }
    assertThat(page).contains("/exercises/" + run + "/report.pdf");
    assertThat(web.get("/exercises/" + run + "/console").body())
        .contains("/exercises/" + run + "/report");

    // the adversary: an outsider and a player of another run see exactly the page of a run that
    // does not exist (the id in the message is the only difference, and it is their own input)
    long missing = run ^ 0x5a5a5a5aL;
    for (UserAccount u : new UserAccount[] {outsiderUser, otherPlayerUser}) {
      Http h = signedIn(u.login());
      for (String suffix : new String[] {"/report", "/report.xlsx", "/report.pdf"}) {
        HttpResponse<String> hidden = h.get("/exercises/" + run + suffix);
        HttpResponse<String> absent = h.get("/exercises/" + missing + suffix);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(normal(hidden.body(), run)).isEqualTo(normal(absent.body(), missing));
        assertThat(hidden.body()).doesNotContain("第2回", "早期警戒情報");
      }
    }
    assertThat(signedIn(bankUser.login()).get("/exercises/" + run + "/report").statusCode())
        .isEqualTo(403);
    assertThat(signedIn(bankUser.login()).get("/exercises/" + run + "/report.pdf").statusCode())
        .isEqualTo(403);
    assertThat(signedIn(observerUser.login()).get("/exercises/" + run + "/report.pdf").statusCode())
        .isEqualTo(403);

    // lessons learned and 課題: owned by an organisation of the run, followed up after it
    followUp.addLesson(evaluator, run, "communication", "夜間の連絡先が古かった");
    followUp.addIssue(planner, run, "連絡網を更新する", bankOrg.id(), "2000-01-01");
    followUp.addIssue(planner, run, "手順書を改訂する", powerOrg.id(), "2999-12-31");
    var refused =
        ScenarioTransferIT.catchInvalid(
            () -> followUp.addIssue(planner, run, "", fixtures.operator("finance").id(), "来月"));
    assertThat(jp.renkei.server.failure.InvalidInputs.of(refused))
        .extracting(jp.renkei.server.failure.InvalidInput::field)
        .containsExactly("title", "owner", "due");
    var open = followUp.openIssues(planner);
    assertThat(open)
        .filteredOn(i -> i.runId() == run)
        .extracting(FollowUp.IssueView::title, FollowUp.IssueView::overdue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("連絡網を更新する", true),
            org.assertj.core.groups.Tuple.tuple("手順書を改訂する", false));
    assertThat(followUp.openIssues(fixtures.actor(bankUser))).isEmpty();
    assertThatThrownBy(
            () -> followUp.view(fixtures.actor(outsiderUser), run, java.util.Locale.JAPANESE))
        .isInstanceOf(NotFound.class);
    long overdue = open.stream().filter(FollowUp.IssueView::overdue).findFirst().orElseThrow().id();
    assertThatThrownBy(
            () -> followUp.setIssueState(fixtures.actor(otherPlayerUser), run, overdue, "closed"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> followUp.setIssueState(planner, first, overdue, "closed"))
        .isInstanceOf(NotFound.class);
    assertThat(web.get("/exercises/issues").body()).contains("連絡網を更新する", "期限超過");
    assertThat(signedIn(outsiderUser.login()).get("/exercises/issues").body())
        .doesNotContain("連絡網を更新する");
    assertThat(web.get("/exercises/" + run + "/report").body())
        .contains("夜間の連絡先が古かった", "情報共有・連絡", "aar-issue-" + overdue);
    followUp.setIssueState(evaluator, run, overdue, "closed");
    assertThat(followUp.openIssues(planner))
        .extracting(FollowUp.IssueView::id)
        .doesNotContain(overdue);
  }

  /**
   * A controller reading in English sees every organisation of the run by its English name: the
   * console's members and teams, the report's 課題 owners (page, owner choice, print view, PDF,
   * spreadsheet) and the open 課題 list; in Japanese the same pages keep the Japanese names.
   */
  @Test
  void inEnglishTheConsoleAndReportNameOrganisationsInEnglish() throws Exception {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    Organisation bankOrg = fixtures.operator("finance");
    Organisation powerOrg = fixtures.operator("electricity");
    UserAccount bankUser = fixtures.user(bankOrg, Role.ANALYST);
    UserAccount powerUser = fixtures.user(powerOrg, Role.ANALYST);
    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("英語表示")));
    long run = exercises.createRun(planner, scenario, "English run", 1, false);
    exercises.addMember(planner, run, bankUser.login(), "player", "bank", "");
    exercises.addMember(planner, run, powerUser.login(), "player", "power", "");
    exercises.control(planner, run, "start");
    exercises.play(fixtures.actor(bankUser), run);
    exercises.mark(planner, run, "1-2", "bank", "met", null);
    followUp.addIssue(planner, run, "Update the call tree", bankOrg.id(), "2999-12-31");

    Http ja = signedIn(plannerUser.login());
    assertThat(ja.get("/exercises/" + run + "/console").body())
        .contains(bankOrg.nameJa(), powerOrg.nameJa());
    assertThat(ja.get("/exercises/" + run + "/report").body()).contains(bankOrg.nameJa());
    // 付与先 in words, not the scenario's codes (inject 2 goes to sector:finance and team:bank)
    assertThat(ja.get("/exercises/" + run + "/console").body())
        .contains("分野: 金融、チーム: bank", "全員")
        .doesNotContain("sector:finance");

    Http en = signedIn(plannerUser.login());
    en.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    String console = en.get("/exercises/" + run + "/console").body();
    assertThat(console)
        .contains("exercise-members", bankOrg.nameEn(), powerOrg.nameEn())
        .contains("Sector: Finance, Team: bank", "Everyone")
        .doesNotContain(bankOrg.nameJa(), powerOrg.nameJa(), "sector:finance");
    for (String path : new String[] {"/report", "/report?all=true"}) {
      String page = en.get("/exercises/" + run + path).body();
      assertThat(page)
          .contains("Update the call tree", bankOrg.nameEn(), powerOrg.nameEn())
          .contains("Sector: Finance, Team: bank")
          .doesNotContain(bankOrg.nameJa(), powerOrg.nameJa());
    }
    assertThat(en.get("/exercises/issues").body())
        .contains(bankOrg.nameEn())
        .doesNotContain(bankOrg.nameJa());
    // a refused import counts its errors in English grammar
    HttpResponse<String> refused =
        en.upload(
            "/exercises/scenarios/import",
            "/exercises/scenarios/import",
            "file",
            "bad.json",
            "{".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Not imported: 1 error.").doesNotContain("1 errors");
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(bytes(en, "/exercises/" + run + "/report.xlsx")))) {
      StringBuilder cells = new StringBuilder();
      wb.forEach(
          sheet ->
              sheet.forEach(
                  row -> row.forEach(cell -> cells.append(cell.toString()).append('\n'))));
      assertThat(cells.toString()).contains(bankOrg.nameEn()).doesNotContain(bankOrg.nameJa());
      // 付与先, 伝達手段 and states in words, as on the page (they were codes)
      assertThat(cells.toString())
          .contains("Sector: Finance, Team: bank", "Hub inbox", "Running")
          .doesNotContain("sector:finance", "hub_inbox", "RUNNING");
      numbersAreNumbers(wb, reports.report(planner, run).run().points());
    }
    try (PDDocument doc = Loader.loadPDF(bytes(en, "/exercises/" + run + "/report.pdf"))) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(bankOrg.nameEn(), "Sector: Finance, Team: bank")
          .doesNotContain(bankOrg.nameJa());
    }
  }

  /**
   * Counts, rates and times are numeric cells with a number format (they sort and sum in Excel),
   * never text: the summary's figures, the timeline's send time (a date in Japan time) and read
   * counts, the scores, the teams' confirmation rate (a percentage), the 課題 due dates.
   */
  static void numbersAreNumbers(XSSFWorkbook wb, int points) {
    Sheet summary = wb.getSheetAt(0);
    Cell pts = valueOf(summary, "Points");
    assertThat(pts.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(pts.getNumericCellValue()).isEqualTo(points);
    Cell rate = valueOf(summary, "Confirmation rate");
    assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(rate.getNumericCellValue()).isEqualTo(0.5);
    assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0%");
    assertThat(new DataFormatter(java.util.Locale.ENGLISH).formatCellValue(rate)).isEqualTo("50%");
    for (int i = 3; i <= summary.getLastRowNum(); i++) {
      Cell v = summary.getRow(i).getCell(1);
      if (v != null) {
        assertThat(v.getCellType())
            .as(summary.getRow(i).getCell(0).toString())
            .isEqualTo(CellType.NUMERIC);
      }
    }

    Sheet timeline = wb.getSheetAt(1);
    Row first = timeline.getRow(1);
    assertThat(timeline.getRow(0).getCell(7).getStringCellValue())
        .isEqualTo("Sent at (Japan time)");
    assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
    Cell sent = first.getCell(7);
    assertThat(DateUtil.isCellDateFormatted(sent)).isTrue();
    java.time.LocalDateTime japanNow =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Tokyo"));
    assertThat(sent.getLocalDateTimeCellValue()).isBetween(japanNow.minusHours(1), japanNow);
    assertThat(first.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(first.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(2); // bank and power

    Row score = wb.getSheetAt(2).getRow(1);
    assertThat(score.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);

    Sheet teams = wb.getSheetAt(3);
    Cell bankRate = teams.getRow(1).getCell(6);
    assertThat(teams.getRow(1).getCell(0).getStringCellValue()).isEqualTo("bank");
    assertThat(bankRate.getNumericCellValue()).isEqualTo(1.0);
    assertThat(bankRate.getCellStyle().getDataFormatString()).isEqualTo("0%");
    assertThat(teams.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);

    Cell due = wb.getSheetAt(4).getRow(1).getCell(2);
    assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
    assertThat(due.getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2999, 12, 31));
  }

  /** The value beside the summary's label starting {@code name}. */
  static Cell valueOf(Sheet s, String name) {
    for (Row row : s) {
      if (row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith(name)) {
        return row.getCell(1);
      }
    }
    throw new AssertionError("no row " + name);
  }

  /**
   * The 課題 owner choice lists the run's organisations by name in the reader's language: here the
   * Japanese order (あさひ before わかば) is the reverse of the English one (Aurora before Zenith).
   */
  @Test
  void theOwnerChoiceIsOrderedByNameInTheReadersLanguage() {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(plannerUser);
    String code = Fixtures.unique("order");
    Organisation asahi = organisation(code + "-a", "あさひ銀行 " + code, "Zenith Bank " + code);
    Organisation wakaba = organisation(code + "-w", "わかば電力 " + code, "Aurora Power " + code);
    long scenario =
        exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("課題の順")));
    long run = exercises.createRun(planner, scenario, "Owner order", 1, false);
    exercises.addMember(
        planner, run, fixtures.user(asahi, Role.ANALYST).login(), "player", "asahi", "");
    exercises.addMember(
        planner, run, fixtures.user(wakaba, Role.ANALYST).login(), "player", "wakaba", "");

    Http web = signedIn(plannerUser.login());
    String page = web.get("/exercises/" + run + "/report").body();
    // the first run of its scenario says why there is nothing to compare with
    assertThat(page).contains("aar-comparison-none", "比較できる過去の実施はありません");
    String ja = ownerChoice(page);
    assertThat(ja.indexOf(asahi.nameJa())).isNotNegative().isLessThan(ja.indexOf(wakaba.nameJa()));
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    String en = ownerChoice(web.get("/exercises/" + run + "/report").body());
    assertThat(en.indexOf(wakaba.nameEn())).isNotNegative().isLessThan(en.indexOf(asahi.nameEn()));
    assertThat(en).doesNotContain(asahi.nameJa(), wakaba.nameJa());
    // the order changes nothing of what may be chosen: an organisation of no member is refused
    assertThatThrownBy(
            () ->
                followUp.addIssue(
                    planner, run, "x", fixtures.operator("finance").id(), "2999-12-31"))
        .isInstanceOf(jp.renkei.server.failure.InvalidInput.class);
    followUp.addIssue(planner, run, "Fix the call tree", wakaba.id(), "2999-12-31");
    assertThat(followUp.view(planner, run, java.util.Locale.ENGLISH).issues())
        .extracting(i -> i.owner(java.util.Locale.ENGLISH))
        .containsExactly(wakaba.nameEn());
  }

  /**
   * Copying a shipped template lands on the new scenario's own page, which lists its injects with
   * 付与先, 伝達手段 and checks in words (no codes), in both languages; the template list names the
   * templates in English for an English reader. Another organisation's analyst gets the 404 of a
   * scenario that does not exist.
   */
  @Test
  void aCopiedTemplateOpensOnItsScenarioPageWithItsInjectsInWords() {
    UserAccount plannerUser = fixtures.user("nisc", Role.ANALYST);
    Http web = signedIn(plannerUser.login());
    HttpResponse<String> copied =
        web.postForm(
            "/exercises",
            "/exercises/templates",
            java.util.Map.of("template", "cross-sector-2015"));
    assertThat(copied.statusCode()).isEqualTo(302);
    String location = copied.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/exercises/scenarios/\\d+/transfer\\?copied=true$");
    String path = location.replaceFirst("^https?://[^/]+", "");
    String ja = web.get(path).body();
    assertThat(ja)
        .contains("scenario-copied", "scenario-inject-1", "scenario-inject-9")
        .contains("全員", "組織種別: 重要インフラ事業者", "ハブの受信箱", "自動: 情報連絡の送付")
        .doesNotContain("organisation_type:", "hub_inbox", "report_filed");
    web.postForm("/", "/settings/language", java.util.Map.of("lang", "en", "back", "/"));
    String en = web.get(path).body();
    assertThat(en)
        .contains(
            "Everyone",
            "Type: Critical infrastructure operator",
            "Hub inbox",
            "Automatic: report filed")
        .doesNotContain("organisation_type:", "hub_inbox", "report_filed");
    // the template's own row (the copy, a scenario of the organisation, keeps the title it has)
    assertThat(web.get("/exercises").body())
        .contains(
            "id=\"template-cross-sector-2015\">Cross-sector exercise (after the"
                + " FY2015 scenario)</span>");
    Http other = signedIn(fixtures.user(fixtures.operator("finance"), Role.ANALYST).login());
    assertThat(other.get(path).statusCode()).isEqualTo(404);
  }

  @Autowired jp.renkei.server.directory.DirectoryService directory;

  Organisation organisation(String code, String nameJa, String nameEn) {
    return directory.create(
        Actor.cli(),
        new jp.renkei.server.directory.NewOrganisation(
            code, nameJa, nameEn, "operator", "finance", null, null, java.util.List.of()));
  }

  /** The options of the page's 課題 owner choice. */
  static String ownerChoice(String page) {
    int from = page.indexOf("<select name=\"owner\"");
    assertThat(from).as("the owner choice on the page").isNotNegative();
    return page.substring(from, page.indexOf("</select>", from));
  }

  /** The page without the requested id and the per-request (masked) CSRF token. */
  static String normal(String page, long id) {
    return page.replace(Long.toString(id), "ID")
        .replaceAll("(name=\"_csrf\" value=|name=\"_csrf\" content=)\"[^\"]*\"", "$1\"\"");
  }

  Http signedIn(String login) {
    Http web = http();
    web.signIn(login, Fixtures.PASSWORD);
    return web;
  }

  byte[] bytes(Http web, String path) throws Exception {
    HttpResponse<byte[]> r = fetch(web, path);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  HttpResponse<byte[]> fetch(Http web, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", web.cookieHeader())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
