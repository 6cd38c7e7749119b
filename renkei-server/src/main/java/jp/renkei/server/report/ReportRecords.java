package jp.renkei.server.report;

import java.time.Instant;
import java.util.List;

/** The report feature's stored shapes. */
final class ReportRecords {

  private ReportRecords() {}

  /** A report's identity, route and audience. */
  record Report(
      long id,
      long originatorOrgId,
      Long originatorUserId,
      String sectorCode,
      String route,
      Long ceptoarId,
      boolean anonymise,
      String tlp,
      List<String> scopeSectors,
      List<String> scopeTypes,
      List<Long> excludedOrgIds,
      List<Long> recipientUserIds,
      String status,
      Instant createdAt,
      Instant submittedAt,
      String presentedOriginator,
      Long exerciseRunId) {

    boolean isRelayCopy() {
      return "relay".equals(route);
    }

    /**
     * Whether the report was filed in an exercise on behalf of a simulated sender (an inject's
     * 発信元): its {@link #presentedOriginator} is that sender's name.
     */
    boolean isSimulated() {
      return !isRelayCopy() && presentedOriginator != null && exerciseRunId != null;
    }
  }

  record Hop(
      long id,
      long reportId,
      int hopOrder,
      String kind,
      long recipientOrgId,
      Instant deliveredAt,
      Instant readAt,
      Instant forwardedAt,
      Long relayedAsReportId) {}

  record Comment(long id, long reportId, long orgId, String body, Instant createdAt) {}
}
