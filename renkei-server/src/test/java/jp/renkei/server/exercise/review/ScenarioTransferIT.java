package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 状況付与票 in and out as .xlsx and whole scenarios as exchange JSON: a round trip keeps every
 * field; every kind of bad cell is refused with its sheet, row and column and the scenario stays as
 * it was; a zip bomb and a part with an external entity are refused without being expanded or
 * resolved; bad JSON is answered with every error and its path.
 */
class ScenarioTransferIT extends ServerTest {

  @Autowired ScenarioTransfer transfer;
  @Autowired ExerciseService exercises;

  Actor planner() {
    return fixtures.actor(fixtures.user("nisc", Role.ANALYST));
  }

  @Test
  void theInjectSheetRoundTripsEveryField() {
    Actor planner = planner();
    ScenarioDocument doc = ReviewFixtures.scenario(Fixtures.unique("往復"));
    long id = exercises.createScenario(planner, doc);
    byte[] xlsx = transfer.exportXlsx(planner, id);
    long copy = transfer.createFromXlsx(planner, "写し", new ByteArrayInputStream(xlsx));
    assertThat(exercises.scenario(planner, copy).injects()).isEqualTo(doc.injects());
    // and the same workbook replaces another scenario's injects, keeping its title and phases
    long other =
        exercises.createScenario(
            planner,
            new ScenarioDocument(
                "別", "", java.util.List.of(), doc.phases(), java.util.List.of(), null));
    transfer.replaceInjects(planner, other, new ByteArrayInputStream(xlsx));
    ScenarioDocument replaced = exercises.scenario(planner, other);
    assertThat(replaced.title()).isEqualTo("別");
    assertThat(replaced.phases()).isEqualTo(doc.phases());
    assertThat(replaced.injects()).isEqualTo(doc.injects());
    // another organisation neither reads nor replaces it
    Actor stranger = fixtures.actor(fixtures.user(fixtures.operator("finance"), Role.ANALYST));
    assertThatThrownBy(() -> transfer.exportXlsx(stranger, id)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> transfer.replaceInjects(stranger, id, new ByteArrayInputStream(xlsx)))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void everyBadCellIsNamedAndNothingIsHalfImported() throws IOException {
    Actor planner = planner();
    ScenarioDocument doc = ReviewFixtures.scenario(Fixtures.unique("不正"));
    long id = exercises.createScenario(planner, doc);
    byte[] good = transfer.exportXlsx(planner, id);
    byte[] bad;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(good));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet is = wb.getSheet(InjectSheet.INJECTS);
      Row r2 = is.getRow(1);
      r2.getCell(1).setCellValue("十分後"); // B2: not a number
      r2.getCell(3).setCellValue(""); // D2: 発信元 missing
      Row r3 = is.getRow(2);
      r3.getCell(4).setCellValue("fax"); // E3: unknown channel
      r3.getCell(2).setCellValue("team"); // C3: a target without a value
      r3.getCell(5).setCellFormula("1+1"); // F3: a formula
      r3.getCell(6).setCellValue("長".repeat(InjectSheet.MAX_TEXT + 1)); // G3: too long
      Row r4 = is.getRow(3);
      r4.getCell(0).setCellValue("1"); // A4: the key of row 2 again
      r4.getCell(7).setCellValue("たぶん"); // H4: neither yes nor empty
      Sheet es = wb.getSheet(InjectSheet.EXPECTATIONS);
      es.getRow(1).getCell(4).setCellValue(5000); // E2: points out of range
      es.getRow(2).getCell(0).setCellValue("99"); // an expectation of no inject
      wb.write(out);
      bad = out.toByteArray();
    }
    byte[] file = bad;
    InvalidInput e =
        catchInvalid(() -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(file)));
    assertThat(InvalidInputs.of(e))
        .extracting(InvalidInput::field)
        .contains(
            "状況付与!B2",
            "状況付与!D2",
            "状況付与!E3",
            "状況付与!C3",
            "状況付与!F3",
            "状況付与!G3",
            "状況付与!A4",
            "状況付与!H4",
            "期待される対応!E2",
            "期待される対応");
    assertThat(exercises.scenario(planner, id)).isEqualTo(doc);

    // a sheet whose cells are right but whose scenario is not (a dependency on a later inject) is
    // refused on the inject's row, and again nothing changes
    ScenarioDocument later =
        new ScenarioDocument(
            "後",
            "",
            java.util.List.of(),
            java.util.List.of(),
            java.util.List.of(doc.injects().get(1), doc.injects().get(2)),
            null);
    byte[] wrongOrder = InjectSheet.write(later);
    InvalidInput dep =
        catchInvalid(
            () -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(wrongOrder)));
    assertThat(dep.field()).isEqualTo("状況付与!A2");
    assertThat(exercises.scenario(planner, id)).isEqualTo(doc);

    // not a workbook at all, and an empty file
    assertThat(
            catchInvalid(
                    () ->
                        transfer.replaceInjects(
                            planner, id, new ByteArrayInputStream("a,b,c".getBytes())))
                .messageKey())
        .isEqualTo("aar.xlsx.unreadable");
    assertThat(
            catchInvalid(
                    () ->
                        transfer.replaceInjects(planner, id, new ByteArrayInputStream(new byte[0])))
                .messageKey())
        .isEqualTo("aar.import.empty");
    // too large: refused before it is parsed
    byte[] huge = new byte[InjectSheet.MAX_BYTES + 1];
    assertThat(
            catchInvalid(() -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(huge)))
                .messageKey())
        .isEqualTo("aar.import.tooLarge");
  }

  @Test
  void aZipBombAndAnExternalEntityAreRefused() throws IOException {
    Actor planner = planner();
    long id = exercises.createScenario(planner, ReviewFixtures.scenario(Fixtures.unique("悪意")));
    byte[] good = transfer.exportXlsx(planner, id);
    // a sheet part of 40 MB of blanks compresses to a few tens of kilobytes: ratio far below 1%
    byte[] padding = new byte[40 * 1024 * 1024];
    java.util.Arrays.fill(padding, (byte) ' ');
    byte[] bomb =
        replacePart(
            good,
            "xl/worksheets/sheet1.xml",
            old -> {
              String s = new String(old, StandardCharsets.UTF_8);
              int at = s.indexOf("<sheetData>");
              ByteArrayOutputStream b = new ByteArrayOutputStream();
              b.writeBytes(s.substring(0, at).getBytes(StandardCharsets.UTF_8));
              b.writeBytes(padding);
              b.writeBytes(s.substring(at).getBytes(StandardCharsets.UTF_8));
              return b.toByteArray();
            });
    assertThat(bomb.length).isLessThan(InjectSheet.MAX_BYTES);
    assertThat(
            catchInvalid(() -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(bomb)))
                .messageKey())
        .isEqualTo("aar.xlsx.bomb");

    java.nio.file.Path secret = java.nio.file.Files.createTempFile("renkei-xxe", ".txt");
    java.nio.file.Files.writeString(secret, "XXE-SECRET-CONTENT");
    byte[] xxe =
        replacePart(
            good,
            "xl/worksheets/sheet1.xml",
            old ->
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY e SYSTEM"
                        + " \""
                        + secret.toUri()
                        + "\">]>\n"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c>"
                        + "</row></sheetData></worksheet>")
                    .getBytes(StandardCharsets.UTF_8));
    InvalidInput refused =
        catchInvalid(() -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(xxe)));
    assertThat(refused.messageKey()).isIn("aar.xlsx.doctype", "aar.xlsx.unreadable");
    assertThat(java.util.Arrays.toString(refused.args())).doesNotContain("XXE-SECRET");
    assertThat(exercises.scenario(planner, id).injects()).hasSize(3);
  }

  @Test
  void scenariosTravelBetweenHubsAsVersionedJson() {
    var user = fixtures.user("nisc", Role.ANALYST);
    Actor planner = fixtures.actor(user);
    ScenarioDocument doc = ReviewFixtures.scenario(Fixtures.unique("共有"));
    long id = exercises.createScenario(planner, doc);
    Http api = http().bearer(fixtures.token(user));
    var exported = api.get("/api/v1/exercises/scenarios/" + id + "/export.json");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.body()).contains("\"format\"", ScenarioExchange.FORMAT, "\"version\"");
    var imported =
        api.postBytes(
            "/api/v1/exercises/scenarios/import.json",
            "application/json",
            exported.body().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).isEqualTo(201);
    long copy = Long.parseLong(imported.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    assertThat(exercises.scenario(planner, copy)).isEqualTo(doc);

    // every error at once, each with its JSON path
    String bad =
        "{\"format\":\"renkei-exercise-scenario\",\"version\":2,\"scenario\":{\"title\":\"\","
            + "\"injects\":[{\"key\":\"1\",\"minute\":\"10\",\"targets\":[{\"kind\":\"planet\"}],"
            + "\"sender\":\"s\",\"channel\":\"fax\",\"title\":\"t\",\"content\":\"c\","
            + "\"expectations\":[{\"key\":\"1-1\",\"description\":\"d\",\"points\":1,"
            + "\"targetMinutes\":10,\"check\":\"telepathy\"}],\"colour\":\"red\"}, 7]}}";
    var refused =
        api.postBytes(
            "/api/v1/exercises/scenarios/import.json",
            "application/json",
            bad.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "\"$.version\"",
            "\"$.scenario.title\"",
            "\"$.scenario.injects[0].minute\"",
            "\"$.scenario.injects[0].targets[0].kind\"",
            "\"$.scenario.injects[0].channel\"",
            "\"$.scenario.injects[0].expectations[0].check\"",
            "\"$.scenario.injects[0].colour\"",
            "\"$.scenario.injects[1]\"")
        .doesNotContain("Exception");
    // a duplicate key is found by the engine and named by its path
    String dup =
        ScenarioExchange.write(
            new ScenarioDocument(
                "重複",
                "",
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(doc.injects().get(0), doc.injects().get(0)),
                null));
    InvalidInput twice = catchInvalid(() -> ScenarioExchange.read(dup));
    assertThat(twice.field()).isEqualTo("$.scenario.injects[0]");
    assertThat(
            api.postBytes(
                    "/api/v1/exercises/scenarios/import.json", "application/json", "{".getBytes())
                .body())
        .contains("aar.json.syntax");
  }

  @Test
  void aPlayedScenarioKeepsItsInjects() {
    Actor planner = planner();
    ScenarioDocument doc = ReviewFixtures.scenario(Fixtures.unique("実施済"));
    long id = exercises.createScenario(planner, doc);
    byte[] xlsx = transfer.exportXlsx(planner, id);
    long run = exercises.createRun(planner, id, "r", 1, false);
    exercises.control(planner, run, "start");
    assertThatThrownBy(() -> transfer.replaceInjects(planner, id, new ByteArrayInputStream(xlsx)))
        .isInstanceOf(Conflict.class);
    exercises.control(planner, run, "stop");
  }

  @Test
  void theTransferPageListsEveryErrorOfAnUpload() {
    var user = fixtures.user("nisc", Role.ANALYST);
    long id =
        exercises.createScenario(
            fixtures.actor(user), ReviewFixtures.scenario(Fixtures.unique("画面")));
    Http web = signedIn(user.login());
    String page = "/exercises/scenarios/" + id + "/transfer";
    assertThat(web.get(page).body()).contains("injects.xlsx", "export.json");
    var r =
        web.upload(
            page,
            "/exercises/scenarios/" + id + "/injects",
            "file",
            "bad.xlsx",
            InjectSheet.write(
                new ScenarioDocument(
                    "x",
                    "",
                    java.util.List.of(),
                    java.util.List.of(),
                    java.util.List.of(
                        new ScenarioDocument.InjectDoc(
                            "1",
                            0,
                            java.util.List.of(),
                            "",
                            "fax",
                            "t",
                            "c",
                            java.util.List.of(),
                            false,
                            null,
                            java.util.List.of())),
                    null)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("aar-import-errors", "状況付与", "2行 C列", "2行 D列", "2行 E列");
  }

  Http signedIn(String login) {
    Http web = http();
    web.signIn(login, Fixtures.PASSWORD);
    return web;
  }

  static InvalidInput catchInvalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidInput e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  interface Rewrite {
    byte[] apply(byte[] old) throws IOException;
  }

  static byte[] replacePart(byte[] xlsx, String part, Rewrite rewrite) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] content = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(e.getName().equals(part) ? rewrite.apply(content) : content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
