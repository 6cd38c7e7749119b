package jp.renkei.server.exercise.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;
import jp.renkei.engine.exercise.review.TimeToAction;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.RunScoring;
import jp.renkei.server.exercise.survey.Question;
import jp.renkei.server.exercise.survey.SurveySheet;
import jp.renkei.server.exercise.survey.SurveyViews;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The after-action report as a workbook: one sheet each for the summary, the timeline, the scores
 * per expectation and team, the teams, the comparison with earlier runs, and the 事後アンケート. Labels
 * come from the viewer's locale; cell values are the report's own (nothing the HTML page does not
 * show).
 */
final class AfterActionSheet {

  private AfterActionSheet() {}

  /**
   * How codes become words in the reader's language: 付与先 ({@code sector:finance} as 分野: 金融) and
   * times (Japan time, as the page shows them).
   */
  record Words(
      Locale locale, Function<String, String> targets, Function<java.time.Instant, String> time) {}

  static byte[] write(
      AfterActionReport r,
      FollowUp.View followUp,
      SurveyViews.Results survey,
      Function<String, String> label,
      Function<Question, String> question,
      Words words) {
    Locale locale = words.locale();
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle head = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      head.setFont(bold);
      ExerciseViews.Console c = r.run();

      Sheet s = wb.createSheet(label.apply("aar.sheet.summary"));
      int n = 0;
      n = pair(s, n, label.apply("aar.col.run"), c.title());
      n = pair(s, n, label.apply("aar.col.scenario"), c.scenarioTitle());
      n = pair(s, n, label.apply("aar.col.state"), label.apply("exercise.state." + c.state()));
      n = pair(s, n, label.apply("aar.col.points"), c.points() + "/" + c.maxPoints());
      n =
          pair(
              s,
              n,
              label.apply("aar.confirmation"),
              r.overallConfirmation().read()
                  + "/"
                  + r.overallConfirmation().delivered()
                  + (r.overallConfirmation().percent() == null
                      ? ""
                      : " (" + r.overallConfirmation().percent() + "%)"));
      TimeToAction t = r.timeToAction();
      n = pair(s, n, label.apply("aar.tta.median"), minutes(t.median()));
      n = pair(s, n, label.apply("aar.tta.p90"), minutes(t.p90()));
      for (TimeToAction.Band b : TimeToAction.Band.values()) {
        n = pair(s, n, label.apply("aar.band." + b), Integer.toString(t.bands().get(b)));
      }
      s.setColumnWidth(0, 30 * 256);
      s.setColumnWidth(1, 50 * 256);

      Sheet tl = wb.createSheet(label.apply("aar.sheet.timelineTab"));
      header(
          tl,
          head,
          label,
          "exercise.col.key",
          "exercise.col.minute",
          "exercise.col.inject",
          "exercise.col.sender",
          "exercise.col.channel",
          "exercise.col.targets",
          "exercise.col.state",
          "aar.col.sentAt",
          "exercise.col.reads");
      int i = 1;
      for (ExerciseViews.TimelineRow row : c.timeline()) {
        Row x = tl.createRow(i++);
        x.createCell(0).setCellValue(row.key());
        x.createCell(1).setCellValue(row.minute());
        x.createCell(2).setCellValue(row.title());
        x.createCell(3).setCellValue(row.sender());
        x.createCell(4).setCellValue(label.apply("exercise.channel." + row.channel()));
        x.createCell(5).setCellValue(words.targets().apply(row.targets()));
        x.createCell(6).setCellValue(label.apply("exercise.inject." + row.state()));
        x.createCell(7).setCellValue(row.sentAt() == null ? "" : words.time().apply(row.sentAt()));
        x.createCell(8)
            .setCellValue(
                String.join(
                    ", ",
                    row.reads().stream()
                        .map(rd -> rd.team() + " " + rd.read() + "/" + rd.delivered())
                        .toList()));
      }

      Sheet sc = wb.createSheet(label.apply("aar.sheet.scores"));
      header(
          sc,
          head,
          label,
          "exercise.col.key",
          "exercise.col.expectation",
          "exercise.col.team",
          "exercise.col.outcome",
          "exercise.col.tta",
          "exercise.col.points",
          "exercise.note");
      i = 1;
      for (RunScoring.ExpectationScore e : c.scores()) {
        for (RunScoring.TeamScore ts : e.teams()) {
          Row x = sc.createRow(i++);
          x.createCell(0).setCellValue(e.key());
          x.createCell(1).setCellValue(e.description());
          x.createCell(2).setCellValue(ts.team());
          x.createCell(3).setCellValue(label.apply("exercise.outcome." + ts.outcome()));
          if (ts.minutesToAction() != null) {
            x.createCell(4).setCellValue(ts.minutesToAction());
          }
          x.createCell(5).setCellValue(ts.points());
          x.createCell(6).setCellValue(ts.note() == null ? "" : ts.note());
        }
      }

      Sheet tm = wb.createSheet(label.apply("aar.sheet.teams"));
      header(
          tm,
          head,
          label,
          "exercise.col.team",
          "exercise.col.points",
          "aar.col.maxPoints",
          "exercise.outcome.MET",
          "exercise.outcome.PARTIAL",
          "exercise.outcome.MISSED",
          "aar.confirmation");
      i = 1;
      for (AfterActionReport.TeamTotal tt : r.teams()) {
        Row x = tm.createRow(i++);
        x.createCell(0).setCellValue(tt.team());
        x.createCell(1).setCellValue(tt.points());
        x.createCell(2).setCellValue(tt.maxPoints());
        x.createCell(3).setCellValue(tt.met());
        x.createCell(4).setCellValue(tt.partial());
        x.createCell(5).setCellValue(tt.missed());
        if (tt.confirmation() != null && tt.confirmation().percent() != null) {
          x.createCell(6).setCellValue(tt.confirmation().percent());
        }
      }

      Sheet is = wb.createSheet(label.apply("aar.sheet.issues"));
      header(
          is,
          head,
          label,
          "aar.issue.title",
          "aar.issue.owner.label",
          "aar.issue.due.label",
          "aar.issue.state.label");
      i = 1;
      for (FollowUp.IssueView issue : followUp.issues()) {
        Row x = is.createRow(i++);
        x.createCell(0).setCellValue(issue.title());
        x.createCell(1).setCellValue(issue.owner(locale));
        x.createCell(2).setCellValue(issue.dueOn().toString());
        x.createCell(3)
            .setCellValue(
                label.apply("aar.issue.state." + issue.state())
                    + (issue.overdue() ? " / " + label.apply("aar.issue.overdue") : ""));
      }
      i += 1;
      Row lh = is.createRow(i++);
      lh.createCell(0).setCellValue(label.apply("aar.lessons"));
      lh.getCell(0).setCellStyle(head);
      for (FollowUpRepository.Lesson l : followUp.lessons()) {
        Row x = is.createRow(i++);
        x.createCell(0).setCellValue(label.apply("aar.lesson.category." + l.category()));
        x.createCell(1).setCellValue(l.body());
      }

      if (!r.earlier().isEmpty()) {
        Sheet cm = wb.createSheet(label.apply("aar.sheet.comparison"));
        Row h = cm.createRow(0);
        h.createCell(0).setCellValue(label.apply("exercise.col.key"));
        h.createCell(1).setCellValue(label.apply("exercise.col.expectation"));
        h.createCell(2).setCellValue(c.title());
        for (int k = 0; k < r.earlier().size(); k++) {
          h.createCell(3 + k).setCellValue(r.earlier().get(k).title());
        }
        h.createCell(3 + r.earlier().size()).setCellValue(label.apply("aar.fell"));
        h.forEach(cell -> cell.setCellStyle(head));
        i = 1;
        for (AfterActionReport.Trend tr : r.trends()) {
          Row x = cm.createRow(i++);
          x.createCell(0).setCellValue(tr.key());
          x.createCell(1).setCellValue(tr.description());
          percent(x, 2, tr.now());
          for (int k = 0; k < tr.before().size(); k++) {
            percent(x, 3 + k, tr.before().get(k));
          }
          x.createCell(3 + r.earlier().size()).setCellValue(tr.fell() ? "▼" : "");
        }
      }
      SurveySheet.add(wb, head, survey, label, question);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void percent(Row x, int col, Integer value) {
    if (value != null) {
      x.createCell(col).setCellValue(value);
    }
  }

  private static int pair(Sheet s, int n, String name, String value) {
    Row row = s.createRow(n);
    row.createCell(0).setCellValue(name);
    row.createCell(1).setCellValue(value == null ? "" : value);
    return n + 1;
  }

  private static String minutes(java.time.Duration d) {
    return d == null ? "" : Long.toString(d.toMinutes());
  }

  private static void header(
      Sheet s, CellStyle style, Function<String, String> label, String... keys) {
    Row h = s.createRow(0);
    for (int k = 0; k < keys.length; k++) {
      h.createCell(k).setCellValue(label.apply(keys[k]));
      h.getCell(k).setCellStyle(style);
      s.setColumnWidth(k, 18 * 256);
    }
    s.createFreezePane(0, 1);
  }
}
