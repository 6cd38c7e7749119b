package jp.renkei.server.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    boolean relayCopy) {

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
}
