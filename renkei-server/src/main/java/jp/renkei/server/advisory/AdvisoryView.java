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
    boolean mayIssueVersion,
    Long exerciseRunId) {

  public record Version(
      int number,
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sourceReportIds,
      Instant createdAt,
      String urgency,
      Instant confirmBy) {

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
          number,
          kind,
          title,
          body,
          actions,
          observables,
          List.copyOf(sources),
          createdAt,
          urgency,
          confirmBy);
    }
  }

  /**
   * The viewer organisation's own receipt, if it is a recipient: {@code confirmBy} the current
   * version's 疎通確認 deadline, {@code overdue} when it passed unconfirmed.
   */
  public record MyReceipt(
      Instant deliveredAt,
      int version,
      Instant acknowledgedAt,
      boolean current,
      Instant confirmBy,
      boolean overdue) {}

  /**
   * Reach per level with the total, who has not confirmed, every recipient's state, the recipients
   * without a duty contact (当番連絡先: no e-mail and no webhook, so only their inbox gets it), and the
   * outbox totals ({@code outboxRetrying}: of those pending, the ones whose earlier attempts
   * failed; {@code outboxCancelled}: the ones the outbox decided not to send, never tried again,
   * apart from {@code outboxFailed}, the ones it could not deliver).
   */
  public record Reach(
      List<Level> levels,
      List<Pending> notConfirmed,
      long outboxPending,
      long outboxSent,
      long outboxFailed,
      long outboxRetrying,
      Level total,
      List<RecipientState> recipients,
      List<String> withoutDutyContact,
      long outboxCancelled) {}

  public record Level(String level, long recipients, long confirmed) {
    public int percent() {
      return recipients == 0 ? 100 : (int) (100 * confirmed / recipients);
    }
  }

  public record Pending(
      String organisationName, String level, Instant deliveredAt, Instant remindedAt) {}

  /**
   * One recipient as its issuer sees it. Delivery states per channel are what the outbox did:
   * {@code queued}, {@code sent}, {@code failed}, or {@code none} when the recipient has no such
   * channel (nothing was or will be sent), {@code cancelled} when the outbox decided not to send it
   * ({@code emailCancelled} / {@code webhookCancelled}: why, a code put in words under {@code
   * work.outbox.cancelled.}, else null). {@code reminder} is null when never reminded, else the
   * state of the newest reminder ({@code none}: reminded, but there was nowhere to send it).
   */
  public record RecipientState(
      String organisation,
      String level,
      Instant deliveredAt,
      Instant confirmedAt,
      String confirmedBy,
      boolean overdue,
      String email,
      String webhook,
      Instant remindedAt,
      String reminder,
      String emailCancelled,
      String webhookCancelled) {}

  public Version latest() {
    return versions.get(versions.size() - 1);
  }
}
