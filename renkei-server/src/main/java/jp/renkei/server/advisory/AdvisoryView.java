package jp.renkei.server.advisory;

import java.time.Instant;
import java.util.List;

/** An advisory thread as one viewer may see it; reach details only for the issuing organisation. */
public record AdvisoryView(
    long id,
    String issuerName,
    String tlp,
    String status,
    List<Version> versions,
    MyReceipt mine,
    Reach reach,
    boolean mayIssueVersion) {

  public record Version(
      int number,
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sourceReportIds,
      Instant createdAt) {

    /** The observables one per line, as the version form is prefilled with them. */
    public String observablesText() {
      return String.join("\n", observables);
    }

    /** The source report ids, comma-separated, as the version form is prefilled with them. */
    public String sourcesText() {
      return String.join(", ", sourceReportIds.stream().map(String::valueOf).toList());
    }

    /** The same version citing only {@code sources}. */
    public Version withSources(List<Long> sources) {
      return new Version(
          number, kind, title, body, actions, observables, List.copyOf(sources), createdAt);
    }
  }

  /** The viewer organisation's own receipt, if it is a recipient. */
  public record MyReceipt(
      Instant deliveredAt, int version, Instant acknowledgedAt, boolean current) {}

  /** Reach per level, who has not confirmed, and the state of e-mail and webhook deliveries. */
  public record Reach(
      List<Level> levels,
      List<Pending> notConfirmed,
      long outboxPending,
      long outboxSent,
      long outboxFailed) {}

  public record Level(String level, long recipients, long confirmed) {
    public int percent() {
      return recipients == 0 ? 100 : (int) (100 * confirmed / recipients);
    }
  }

  public record Pending(
      String organisationName, String level, Instant deliveredAt, Instant remindedAt) {}

  public Version latest() {
    return versions.get(versions.size() - 1);
  }
}
