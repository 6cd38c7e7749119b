package jp.renkei.server.report;

import java.util.List;

/**
 * A new report: its first content and how it travels. {@code route} is {@code ceptoar} (via the
 * CEPTOAR {@code ceptoarCode}, then the sector ministry, then NISC) or {@code hotline} (straight to
 * NISC). {@code excludeSupervisoryMinistry} needs the hotline. Under TLP:RED, {@code
 * recipientLogins} names who may read it. {@code exerciseRunId}: the exercise run it is played in
 * (null for real work); the actor must be playing in that run.
 */
public record NewReport(
    ReportContent content,
    String route,
    String ceptoarCode,
    Boolean anonymise,
    String tlp,
    List<String> scopeSectors,
    List<String> scopeTypes,
    Boolean excludeSupervisoryMinistry,
    List<String> recipientLogins,
    Long exerciseRunId) {

  public NewReport {
    scopeSectors = scopeSectors == null ? List.of() : List.copyOf(scopeSectors);
    scopeTypes = scopeTypes == null ? List.of() : List.copyOf(scopeTypes);
    recipientLogins = recipientLogins == null ? List.of() : List.copyOf(recipientLogins);
    anonymise = Boolean.TRUE.equals(anonymise);
    excludeSupervisoryMinistry = Boolean.TRUE.equals(excludeSupervisoryMinistry);
  }
}
