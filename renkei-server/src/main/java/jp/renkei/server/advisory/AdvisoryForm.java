package jp.renkei.server.advisory;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.failure.InvalidInput;

/**
 * The advisory form as the browser posts it (deadline in Japan time, observables one per line).
 * Every field, the chosen recipients included, goes back into the form when a check fails, so a
 * correction never silently drops an addressee. A mutable bean because Spring binds forms to one.
 */
public class AdvisoryForm {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private String title = "";
  private String body = "";
  private String actions = "";
  private String observables = "";
  private String sourceReports = "";
  private String tlp = "amber";
  private String urgency = "normal";
  private String confirmBy = "";
  private boolean all;
  private List<String> sectors = new ArrayList<>();
  private List<String> types = new ArrayList<>();
  private List<String> organisations = new ArrayList<>();
  private Long draft;
  private Long exercise;

  NewAdvisory advisory() {
    return advisory(confirmByInstant());
  }

  /** The advisory with the deadline given (the form's own may be no date: it is checked apart). */
  NewAdvisory advisory(java.time.Instant confirmBy) {
    return new NewAdvisory(
        title,
        body,
        actions,
        AdvisoryPages.lines(observables),
        AdvisoryPages.reportIds(sourceReports),
        tlp,
        all,
        sectors,
        types,
        organisations,
        urgency,
        confirmBy,
        exercise);
  }

  java.time.Instant confirmByInstant() {
    if (confirmBy == null || confirmBy.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(confirmBy.strip(), LOCAL).atZone(JST).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput("confirmBy", "validation.datetime", confirmBy);
    }
  }

  static String local(java.time.Instant at) {
    return at == null ? "" : LOCAL.format(at.atZone(JST));
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String v) {
    title = v == null ? "" : v;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String v) {
    body = v == null ? "" : v;
  }

  public String getActions() {
    return actions;
  }

  public void setActions(String v) {
    actions = v == null ? "" : v;
  }

  public String getObservables() {
    return observables;
  }

  public void setObservables(String v) {
    observables = v == null ? "" : v;
  }

  public String getSourceReports() {
    return sourceReports;
  }

  public void setSourceReports(String v) {
    sourceReports = v == null ? "" : v;
  }

  public String getTlp() {
    return tlp;
  }

  public void setTlp(String v) {
    tlp = v;
  }

  public String getUrgency() {
    return urgency;
  }

  public void setUrgency(String v) {
    urgency = v;
  }

  public String getConfirmBy() {
    return confirmBy;
  }

  public void setConfirmBy(String v) {
    confirmBy = v == null ? "" : v;
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean v) {
    all = v;
  }

  public List<String> getSectors() {
    return sectors;
  }

  public void setSectors(List<String> v) {
    sectors = v == null ? new ArrayList<>() : v;
  }

  public List<String> getTypes() {
    return types;
  }

  public void setTypes(List<String> v) {
    types = v == null ? new ArrayList<>() : v;
  }

  public List<String> getOrganisations() {
    return organisations;
  }

  public void setOrganisations(List<String> v) {
    organisations = v == null ? new ArrayList<>() : v;
  }

  /** The exercise run the advisory is played in, or null for real work. */
  public Long getExercise() {
    return exercise;
  }

  public void setExercise(Long v) {
    exercise = v;
  }

  public Long getDraft() {
    return draft;
  }

  public void setDraft(Long v) {
    draft = v;
  }
}
