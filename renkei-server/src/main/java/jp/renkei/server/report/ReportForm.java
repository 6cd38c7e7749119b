package jp.renkei.server.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.server.failure.InvalidInput;

/**
 * The report form as the browser posts it (times in Japan time, observables one per line), and its
 * conversion to the service's records. A mutable bean because Spring binds forms to one.
 */
public class ReportForm {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private String title = "";
  private String summary = "";
  private String occurredAt = "";
  private String detectedAt = "";
  private String incidentType = "";
  private List<String> causes = new ArrayList<>();
  private String serviceOutage = "unknown";
  private String severity = "";
  private String responseStatus = "";
  private String cascadePossibility = "unknown";
  private String cascadeNote = "";
  private String reportingCase = "case3";
  private String contactUnit = "";
  private String contactPerson = "";
  private String contactPhone = "";
  private String contactEmail = "";
  private String observables = "";
  private String tlp = "amber";
  private String route = "ceptoar";
  private String ceptoarCode = "";
  private boolean excludeSupervisoryMinistry;
  private boolean anonymise;
  private List<String> scopeSectors = new ArrayList<>();
  private String recipientLogins = "";
  private Long exercise;

  /** A new form: detected now, contact person filled in. */
  static ReportForm fresh(String contactPerson, Instant now) {
    ReportForm f = new ReportForm();
    f.detectedAt = LOCAL.format(now.atZone(JST));
    f.contactPerson = contactPerson;
    return f;
  }

  /** A form carrying an existing version's content, for a 続報 or 最終報. */
  static ReportForm of(ReportContent c) {
    ReportForm f = new ReportForm();
    f.title = c.title();
    f.summary = c.summary();
    f.occurredAt = c.occurredAt() == null ? "" : LOCAL.format(c.occurredAt().atZone(JST));
    f.detectedAt = LOCAL.format(c.detectedAt().atZone(JST));
    f.incidentType = c.incidentType();
    f.causes = new ArrayList<>(c.causes());
    f.serviceOutage = c.serviceOutage();
    f.severity = c.severity();
    f.responseStatus = nz(c.responseStatus());
    f.cascadePossibility = c.cascadePossibility();
    f.cascadeNote = nz(c.cascadeNote());
    f.reportingCase = c.reportingCase();
    f.contactUnit = nz(c.contactUnit());
    f.contactPerson = nz(c.contactPerson());
    f.contactPhone = nz(c.contactPhone());
    f.contactEmail = nz(c.contactEmail());
    StringBuilder obs = new StringBuilder();
    for (ReportContent.ObservableEntry o : c.observables()) {
      obs.append(o.type()).append(' ').append(o.value()).append('\n');
    }
    f.observables = obs.toString();
    return f;
  }

  ReportContent content() {
    jp.renkei.server.failure.FieldErrors problems = new jp.renkei.server.failure.FieldErrors();
    ReportContent c = content(problems);
    problems.throwIfAny();
    return c;
  }

  /**
   * The content as far as it can be read: a time or an observable line that cannot be read is left
   * out and its problem added to {@code problems} (every such line, not only the first).
   */
  ReportContent content(jp.renkei.server.failure.FieldErrors problems) {
    List<Instant> times = new ArrayList<>(java.util.Arrays.asList(null, null));
    problems.check(() -> times.set(0, time("occurredAt", occurredAt)));
    problems.check(() -> times.set(1, time("detectedAt", detectedAt)));
    return new ReportContent(
        title,
        summary,
        times.get(0),
        times.get(1),
        incidentType,
        causes,
        serviceOutage,
        severity,
        responseStatus,
        cascadePossibility,
        cascadeNote,
        reportingCase,
        contactUnit,
        contactPerson,
        contactPhone,
        contactEmail,
        observableEntries(problems));
  }

  NewReport newReport() {
    return newReport(content());
  }

  NewReport newReport(ReportContent content) {
    List<String> logins = new ArrayList<>();
    for (String s : recipientLogins.split("[,\\s、]+")) {
      if (!s.isBlank()) {
        logins.add(s.strip());
      }
    }
    return new NewReport(
        content,
        route,
        ceptoarCode,
        anonymise,
        tlp,
        scopeSectors,
        List.of(),
        excludeSupervisoryMinistry,
        logins,
        exercise);
  }

  /**
   * One observable per line: {@code type value}, or just the value and its type is detected. Blank
   * lines and lines starting with {@code #} are skipped; a line whose type cannot be told is left
   * out and added to {@code problems}, with its line number.
   */
  List<ReportContent.ObservableEntry> observableEntries(
      jp.renkei.server.failure.FieldErrors problems) {
    List<ReportContent.ObservableEntry> list = new ArrayList<>();
    String[] lines = observables.split("\\R");
    int unread = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      Optional<ObservableType> explicit =
          parts.length == 2
              ? ObservableType.fromCode(parts[0].toLowerCase(Locale.ROOT))
              : Optional.empty();
      if (explicit.isPresent()) {
        list.add(ReportContent.ObservableEntry.entered(explicit.get().code(), parts[1].strip()));
        continue;
      }
      Optional<ObservableType> detected = Observables.detect(line);
      if (detected.isEmpty()) {
        if (++unread <= LISTED_LINES) {
          problems.add(new InvalidInput("observables", "validation.observable.line", i + 1, line));
        }
        continue;
      }
      list.add(ReportContent.ObservableEntry.entered(detected.get().code(), line));
    }
    if (unread > LISTED_LINES) {
      problems.add(
          new InvalidInput(
              "observables", "validation.observable.moreLines", unread - LISTED_LINES));
    }
    return list;
  }

  /** How many unreadable observable lines are listed one by one; the rest are counted. */
  static final int LISTED_LINES = 10;

  private static Instant time(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).atZone(JST).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "validation.datetime", text);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // bean accessors for form binding
  public String getTitle() {
    return title;
  }

  public void setTitle(String v) {
    title = v;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String v) {
    summary = v;
  }

  public String getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(String v) {
    occurredAt = v;
  }

  public String getDetectedAt() {
    return detectedAt;
  }

  public void setDetectedAt(String v) {
    detectedAt = v;
  }

  public String getIncidentType() {
    return incidentType;
  }

  public void setIncidentType(String v) {
    incidentType = v;
  }

  public List<String> getCauses() {
    return causes;
  }

  public void setCauses(List<String> v) {
    causes = v == null ? new ArrayList<>() : v;
  }

  public String getServiceOutage() {
    return serviceOutage;
  }

  public void setServiceOutage(String v) {
    serviceOutage = v;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String v) {
    severity = v;
  }

  public String getResponseStatus() {
    return responseStatus;
  }

  public void setResponseStatus(String v) {
    responseStatus = v;
  }

  public String getCascadePossibility() {
    return cascadePossibility;
  }

  public void setCascadePossibility(String v) {
    cascadePossibility = v;
  }

  public String getCascadeNote() {
    return cascadeNote;
  }

  public void setCascadeNote(String v) {
    cascadeNote = v;
  }

  public String getReportingCase() {
    return reportingCase;
  }

  public void setReportingCase(String v) {
    reportingCase = v;
  }

  public String getContactUnit() {
    return contactUnit;
  }

  public void setContactUnit(String v) {
    contactUnit = v;
  }

  public String getContactPerson() {
    return contactPerson;
  }

  public void setContactPerson(String v) {
    contactPerson = v;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String v) {
    contactPhone = v;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String v) {
    contactEmail = v;
  }

  public String getObservables() {
    return observables;
  }

  public void setObservables(String v) {
    observables = v == null ? "" : v;
  }

  public String getTlp() {
    return tlp;
  }

  public void setTlp(String v) {
    tlp = v;
  }

  /** The exercise run the report is played in, or null for real work. */
  public Long getExercise() {
    return exercise;
  }

  public void setExercise(Long v) {
    exercise = v;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String v) {
    route = v;
  }

  public String getCeptoarCode() {
    return ceptoarCode;
  }

  public void setCeptoarCode(String v) {
    ceptoarCode = v;
  }

  public boolean isExcludeSupervisoryMinistry() {
    return excludeSupervisoryMinistry;
  }

  public void setExcludeSupervisoryMinistry(boolean v) {
    excludeSupervisoryMinistry = v;
  }

  public boolean isAnonymise() {
    return anonymise;
  }

  public void setAnonymise(boolean v) {
    anonymise = v;
  }

  public List<String> getScopeSectors() {
    return scopeSectors;
  }

  public void setScopeSectors(List<String> v) {
    scopeSectors = v == null ? new ArrayList<>() : v;
  }

  public String getRecipientLogins() {
    return recipientLogins;
  }

  public void setRecipientLogins(String v) {
    recipientLogins = v == null ? "" : v;
  }
}
