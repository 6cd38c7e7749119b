package jp.renkei.server.exercise.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import jp.renkei.engine.exercise.review.TimeToAction;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.RunScoring;
import jp.renkei.server.exercise.survey.Question;
import jp.renkei.server.exercise.survey.SurveySheet;
import jp.renkei.server.exercise.survey.SurveyViews;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
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
      Styles st = new Styles(wb, label);
      ExerciseViews.Console c = r.run();

      Sheet s = wb.createSheet(label.apply("aar.sheet.summary"));
      int n = 0;
      n = pair(s, n, label.apply("aar.col.run"), c.title());
      n = pair(s, n, label.apply("aar.col.scenario"), c.scenarioTitle());
      n = pair(s, n, label.apply("aar.col.state"), label.apply("exercise.state." + c.state()));
      // counts, rates and times as numbers (they sort and sum), each with its format
      n = number(s, n, label.apply("aar.col.points"), c.points(), null);
      n = number(s, n, label.apply("aar.col.maxPoints"), c.maxPoints(), null);
      AfterActionReport.Confirmation all = r.overallConfirmation();
      n = number(s, n, label.apply("aar.col.readTotal"), all.read(), null);
      n = number(s, n, label.apply("aar.col.deliveredTotal"), all.delivered(), null);
      n = number(s, n, label.apply("aar.confirmation"), rate(all), st.percent);
      TimeToAction t = r.timeToAction();
      n = number(s, n, label.apply("aar.tta.median"), minutes(t.median()), st.minutes);
      n = number(s, n, label.apply("aar.tta.p90"), minutes(t.p90()), st.minutes);
      for (TimeToAction.Band b : TimeToAction.Band.values()) {
        n = number(s, n, label.apply("aar.band." + b), t.bands().get(b), null);
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
          "aar.col.readTotal",
          "aar.col.deliveredTotal",
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
        if (row.sentAt() != null) {
          st.dateTime(x.createCell(7), row.sentAt());
        }
        x.createCell(8).setCellValue(row.reads().stream().mapToInt(rd -> rd.read()).sum());
        x.createCell(9).setCellValue(row.reads().stream().mapToInt(rd -> rd.delivered()).sum());
        x.createCell(10)
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
            x.getCell(4).setCellStyle(st.minutes);
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
          x.createCell(6).setCellValue(rate(tt.confirmation()));
          x.getCell(6).setCellStyle(st.percent);
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
        x.createCell(2).setCellValue(issue.dueOn());
        x.getCell(2).setCellStyle(st.date);
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
          percent(x, 2, tr.now(), st);
          for (int k = 0; k < tr.before().size(); k++) {
            percent(x, 3 + k, tr.before().get(k), st);
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

  /**
   * The number formats of the workbook: rates as percentages (0.5 shows 50%), exercise minutes with
   * their unit, dates and times in Japan time as Excel dates (they sort and subtract).
   */
  private static final class Styles {
    final CellStyle percent;
    final CellStyle minutes;
    final CellStyle date;
    final CellStyle dateTime;

    Styles(XSSFWorkbook wb, Function<String, String> label) {
      DataFormat f = wb.createDataFormat();
      percent = style(wb, f.getFormat("0%"));
      minutes = style(wb, f.getFormat("0\" " + label.apply("aar.unit.minutes") + "\""));
      date = style(wb, f.getFormat("yyyy-mm-dd"));
      dateTime = style(wb, f.getFormat("yyyy-mm-dd hh:mm:ss"));
    }

    private static CellStyle style(XSSFWorkbook wb, short format) {
      CellStyle s = wb.createCellStyle();
      s.setDataFormat(format);
      return s;
    }

    void dateTime(Cell cell, Instant at) {
      cell.setCellValue(LocalDateTime.ofInstant(at, JAPAN));
      cell.setCellStyle(dateTime);
    }
  }

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private static void percent(Row x, int col, Integer value, Styles st) {
    if (value != null) {
      x.createCell(col).setCellValue(share(value));
      x.getCell(col).setCellStyle(st.percent);
    }
  }

  /** The share of delivered injects read (0.5 shows 50%), or null when none was delivered. */
  private static Double rate(AfterActionReport.Confirmation c) {
    return c.delivered() == 0 ? null : (double) c.read() / c.delivered();
  }

  /** A whole percentage as the share a percent-formatted cell holds (50 is 0.5), or null. */
  private static Double share(Integer percent) {
    return percent == null ? null : percent / 100.0;
  }

  private static int pair(Sheet s, int n, String name, String value) {
    Row row = s.createRow(n);
    row.createCell(0).setCellValue(name);
    row.createCell(1).setCellValue(value == null ? "" : value);
    return n + 1;
  }

  /** A row of the summary: its name and a number (none: an empty cell), in {@code style}. */
  private static int number(Sheet s, int n, String name, Number value, CellStyle style) {
    Row row = s.createRow(n);
    row.createCell(0).setCellValue(name);
    if (value != null) {
      Cell cell = row.createCell(1);
      cell.setCellValue(value.doubleValue());
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
    return n + 1;
  }

  private static Long minutes(java.time.Duration d) {
    return d == null ? null : d.toMinutes();
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
