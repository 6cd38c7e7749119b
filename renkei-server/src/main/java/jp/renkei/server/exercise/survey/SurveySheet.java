package jp.renkei.server.exercise.survey;

import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The 事後アンケート sheet of the after-action workbook: what the report page shows of it (the tally, the
 * groups that may be shown, and for controllers the answers without names unless agreed).
 */
public final class SurveySheet {

  private SurveySheet() {}

  /** Adds the sheet if a questionnaire is attached to the run. */
  public static void add(
      Workbook wb,
      CellStyle head,
      SurveyViews.Results s,
      Function<String, String> label,
      Function<Question, String> question) {
    if (!s.attached()) {
      return;
    }
    Sheet sh = wb.createSheet(label.apply("survey.sheet"));
    int n = 0;
    Row count = sh.createRow(n++);
    count.createCell(0).setCellValue(label.apply("survey.col.n"));
    count.createCell(1).setCellValue(s.answers());
    count.createCell(2).setCellValue(s.players());
    Row h = sh.createRow(n++);
    h.createCell(0).setCellValue(label.apply("survey.col.question"));
    for (int v = 1; v <= 5; v++) {
      h.createCell(v).setCellValue(v);
    }
    h.createCell(6).setCellValue(label.apply("survey.col.n"));
    h.createCell(7).setCellValue(label.apply("survey.col.average"));
    h.forEach(c -> c.setCellStyle(head));
    for (SurveyViews.Rating r : s.ratings()) {
      Row x = sh.createRow(n++);
      x.createCell(0).setCellValue(question.apply(r.question()));
      for (int v = 1; v <= 5; v++) {
        x.createCell(v).setCellValue(r.distribution().counts().get(v - 1));
      }
      x.createCell(6).setCellValue(r.distribution().n());
      if (r.distribution().average() != null) {
        x.createCell(7).setCellValue(r.distribution().average());
      }
    }
    n++;
    for (SurveyViews.Texts t : s.texts()) {
      Row x = sh.createRow(n++);
      x.createCell(0).setCellValue(question.apply(t.question()));
      x.getCell(0).setCellStyle(head);
      for (String a : t.answers()) {
        sh.createRow(n++).createCell(1).setCellValue(a);
      }
    }
    n++;
    Row gh = sh.createRow(n++);
    gh.createCell(0).setCellValue(label.apply("survey.col.group"));
    gh.createCell(1).setCellValue(label.apply("survey.col.n"));
    for (int k = 0; k < s.ratings().size(); k++) {
      gh.createCell(2 + k).setCellValue(s.ratings().get(k).question().key());
    }
    gh.forEach(c -> c.setCellStyle(head));
    for (var groups : java.util.List.of(s.teams(), s.organisations())) {
      for (SurveyViews.Group g : groups) {
        Row x = sh.createRow(n++);
        x.createCell(0).setCellValue(g.name());
        x.createCell(1).setCellValue(g.answers());
        for (int k = 0; k < g.averages().size(); k++) {
          if (g.averages().get(k) != null) {
            x.createCell(2 + k).setCellValue(g.averages().get(k));
          }
        }
      }
    }
    if (s.controller() && !s.individuals().isEmpty()) {
      n++;
      Row ih = sh.createRow(n++);
      ih.createCell(0).setCellValue(label.apply("survey.col.author"));
      for (int k = 0; k < s.questions().size(); k++) {
        ih.createCell(1 + k).setCellValue(s.questions().get(k).key());
      }
      ih.forEach(c -> c.setCellStyle(head));
      for (SurveyViews.Individual i : s.individuals()) {
        Row x = sh.createRow(n++);
        x.createCell(0)
            .setCellValue(
                i.name() == null
                    ? label.apply("survey.anonymousAuthor")
                    : i.name() + " (" + i.organisation() + ")");
        for (int k = 0; k < i.values().size(); k++) {
          x.createCell(1 + k).setCellValue(i.values().get(k));
        }
      }
    }
    sh.setColumnWidth(0, 40 * 256);
  }
}
