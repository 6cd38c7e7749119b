package jp.renkei.server.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a report, field by field: the fields whose value differs,
 * and for the long texts (事象の概要, 対応状況) a line diff. Built from versions the viewer may see only, so
 * it shows nothing the versions do not.
 */
public final class ReportDiff {

  private ReportDiff() {}

  /**
   * One changed field: its message key, the vocabulary its values come from ({@code null}: plain
   * text, times already written as the page writes them, zone named; {@code yesno}:
   * yes/no/unknown), the values before and after, and for long texts the diff as lines.
   */
  public record Change(
      String field, String vocabulary, List<String> before, List<String> after, List<Line> lines) {

    public boolean isText() {
      return !lines.isEmpty();
    }
  }

  /** One line of a text diff: {@code kind} is {@code same}, {@code removed} or {@code added}. */
  public record Line(String kind, String text) {}

  /**
   * The changes from {@code a} to {@code b}; {@code time} writes a changed time as the page writes
   * every time (the hub's display zone, named: {@code TimeFormat#jst}).
   */
  public static List<Change> between(
      ReportContent a, ReportContent b, Function<Instant, String> time) {
    List<Change> out = new ArrayList<>();
    plain(out, "report.field.title", null, a, b, ReportContent::title);
    text(out, "report.field.summary", a.summary(), b.summary());
    plain(out, "report.field.occurredAt", null, a, b, c -> str(c.occurredAt(), time));
    plain(out, "report.field.detectedAt", null, a, b, c -> str(c.detectedAt(), time));
    plain(out, "report.field.incidentType", "incident_type", a, b, ReportContent::incidentType);
    if (!a.causes().equals(b.causes())) {
      out.add(new Change("report.field.causes", "cause_type", a.causes(), b.causes(), List.of()));
    }
    plain(out, "report.field.serviceOutage", "yesno", a, b, ReportContent::serviceOutage);
    plain(out, "report.field.severity", "severity", a, b, ReportContent::severity);
    text(out, "report.field.responseStatus", a.responseStatus(), b.responseStatus());
    plain(out, "report.field.cascadePossibility", "yesno", a, b, ReportContent::cascadePossibility);
    plain(out, "report.field.cascadeNote", null, a, b, ReportContent::cascadeNote);
    plain(out, "report.field.reportingCase", "reporting_case", a, b, ReportContent::reportingCase);
    plain(out, "report.field.contactUnit", null, a, b, ReportContent::contactUnit);
    plain(out, "report.field.contactPerson", null, a, b, ReportContent::contactPerson);
    plain(out, "report.field.contactPhone", null, a, b, ReportContent::contactPhone);
    plain(out, "report.field.contactEmail", null, a, b, ReportContent::contactEmail);
    List<String> obsA = observables(a);
    List<String> obsB = observables(b);
    if (!obsA.equals(obsB)) {
      List<String> removed = new ArrayList<>(obsA);
      removed.removeAll(obsB);
      List<String> added = new ArrayList<>(obsB);
      added.removeAll(obsA);
      out.add(new Change("report.field.observables", null, removed, added, List.of()));
    }
    return out;
  }

  private static void plain(
      List<Change> out,
      String field,
      String vocabulary,
      ReportContent a,
      ReportContent b,
      Function<ReportContent, String> value) {
    String x = blankToNull(value.apply(a));
    String y = blankToNull(value.apply(b));
    if (!Objects.equals(x, y)) {
      out.add(new Change(field, vocabulary, listOf(x), listOf(y), List.of()));
    }
  }

  private static void text(List<Change> out, String field, String a, String b) {
    List<String> x = lines(a);
    List<String> y = lines(b);
    if (x.equals(y)) {
      return;
    }
    Patch<String> patch = DiffUtils.diff(x, y);
    List<Line> lines = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      for (; at < d.getSource().getPosition(); at++) {
        lines.add(new Line("same", x.get(at)));
      }
      d.getSource().getLines().forEach(l -> lines.add(new Line("removed", l)));
      d.getTarget().getLines().forEach(l -> lines.add(new Line("added", l)));
      at = d.getSource().getPosition() + d.getSource().size();
    }
    for (; at < x.size(); at++) {
      lines.add(new Line("same", x.get(at)));
    }
    out.add(new Change(field, null, listOf(a), listOf(b), lines));
  }

  private static List<String> observables(ReportContent c) {
    return c.observables().stream().map(o -> o.type() + " " + o.value()).toList();
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split("\\R", -1));
  }

  private static String str(Instant t, Function<Instant, String> time) {
    return t == null ? null : time.apply(t);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static List<String> listOf(String s) {
    return s == null ? List.of() : List.of(s);
  }
}
