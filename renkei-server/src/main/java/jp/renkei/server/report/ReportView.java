package jp.renkei.server.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.ui.TimeFormat;

/**
 * A report as one viewer may see it: everything here has passed the sharing policy. Built only by
 * {@link ReportService}. {@code relayCopy}: an anonymised copy relayed by a CEPTOAR, whose
 * originator is presented only as "an operator in sector X".
 */
public record ReportView(
    long id,
    String status,
    String tlp,
    String route,
    String sectorCode,
    String originatorName,
    boolean ownOrganisation,
    Instant submittedAt,
    List<Version> versions,
    List<HopView> hops,
    List<CommentView> comments,
    Duration detectionToNisc,
    Actions actions,
    boolean relayCopy,
    Long exerciseRunId) {

  /** One immutable version (第一報, 続報, 最終報). */
  public record Version(int number, String kind, ReportContent content, Instant createdAt) {}

  /**
   * One organisation on the route and what happened at it; {@code versions}: the numbers of the
   * versions that have reached it. For an anonymised report, seen by its reporter or its CEPTOAR,
   * the route goes on past the CEPTOAR with the hops of the anonymised copy.
   */
  public record HopView(
      int order,
      String kind,
      String organisationName,
      Instant deliveredAt,
      Instant readAt,
      Instant forwardedAt,
      List<Integer> versions) {}

  /**
   * A comment; {@code onRelayedCopy}: made upstream on the anonymised copy, shown to the reporter
   * and the CEPTOAR on the original.
   */
  public record CommentView(
      String organisationName, String body, Instant createdAt, boolean onRelayedCopy) {}

  /** What this viewer may do now. */
  public record Actions(
      boolean submit,
      boolean addVersion,
      boolean markRead,
      boolean forward,
      boolean relay,
      boolean comment) {}

  public Version latest() {
    return versions.get(versions.size() - 1);
  }

  /**
   * What changed from version {@code number - 1} to {@code number} (empty for the first), changed
   * times written by {@code time} as the rest of the page.
   */
  public List<ReportDiff.Change> changes(int number, TimeFormat time) {
    if (number < 2 || number > versions.size()) {
      return List.of();
    }
    return ReportDiff.between(
        versions.get(number - 2).content(), versions.get(number - 1).content(), time::jst);
  }

  /**
   * One step of the report's way, oldest first: {@code kind} is {@code filed}, {@code followup},
   * {@code final} (a version), {@code delivered} (reached a hop), {@code confirmed} (the hop marked
   * it read), {@code forwarded}, {@code commented}; {@code who} the organisation as this viewer may
   * know it (an anonymised reporter stays "an operator in sector X"); {@code version} the version
   * number for version steps.
   */
  public record Step(Instant at, String kind, String who, Integer version) {}

  /** The route as a timeline, built only from what this view already holds. */
  public List<Step> timeline() {
    List<Step> steps = new java.util.ArrayList<>();
    for (Version v : versions) {
      if (!"draft".equals(status)) {
        String kind = "first".equals(v.kind()) ? "filed" : v.kind();
        Instant at = "first".equals(v.kind()) && submittedAt != null ? submittedAt : v.createdAt();
        steps.add(new Step(at, kind, originatorName, v.number()));
      }
    }
    for (HopView h : hops) {
      if (h.deliveredAt() != null) {
        steps.add(new Step(h.deliveredAt(), "delivered", h.organisationName(), null));
      }
      if (h.readAt() != null) {
        steps.add(new Step(h.readAt(), "confirmed", h.organisationName(), null));
      }
      if (h.forwardedAt() != null) {
        steps.add(new Step(h.forwardedAt(), "forwarded", h.organisationName(), null));
      }
    }
    for (CommentView c : comments) {
      steps.add(new Step(c.createdAt(), "commented", c.organisationName(), null));
    }
    steps.sort(
        java.util.Comparator.comparing(Step::at)
            .thenComparingInt(s -> STEP_ORDER.indexOf(s.kind()))
            .thenComparing(
                Step::version,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return steps;
  }

  /**
   * Steps of the same instant in the order they can happen: a version is filed before it is
   * delivered, read and forwarded; versions by number.
   */
  private static final List<String> STEP_ORDER =
      List.of("filed", "followup", "final", "delivered", "confirmed", "forwarded", "commented");
}
