package jp.renkei.engine.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the append-only audit log, as it is hashed. Timestamps are kept at microsecond
 * precision (PostgreSQL's) so that a stored entry hashes to the same value it was written with.
 *
 * @param seq position in the chain, starting at 1 and without gaps
 * @param occurredAt when the action happened
 * @param actor who acted, e.g. {@code user:admin}, {@code token:admin}, {@code cli:root}
 * @param actorOrganisationId the actor's organisation, if any
 * @param action what was done, a dotted code such as {@code auth.login}
 * @param targetType the kind of object acted on, if any
 * @param targetId the object acted on, if any
 * @param outcome {@code success}, {@code failure} or {@code denied}
 * @param detail free text or JSON with further context, never secrets
 * @param clientAddress the remote address of the request, if any
 * @param detailCode the message code of {@code detail} (the audit list shows it in the reader's
 *     language), or null for an entry whose detail is only its text (every entry written before
 *     codes existed); an entry with a code is hashed in the chain's second format ({@link
 *     AuditChain})
 * @param detailArgs the values the message of {@code detailCode} is filled with, in order (empty
 *     without a code); values, never sentences
 */
public record AuditRecord(
    long seq,
    Instant occurredAt,
    String actor,
    Long actorOrganisationId,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String detail,
    String clientAddress,
    String detailCode,
    List<String> detailArgs) {

  /** An entry whose detail is only its text: the chain's first format. */
  public AuditRecord(
      long seq,
      Instant occurredAt,
      String actor,
      Long actorOrganisationId,
      String action,
      String targetType,
      String targetId,
      String outcome,
      String detail,
      String clientAddress) {
    this(
        seq,
        occurredAt,
        actor,
        actorOrganisationId,
        action,
        targetType,
        targetId,
        outcome,
        detail,
        clientAddress,
        null,
        List.of());
  }

  public AuditRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("audit seq must be >= 1, was " + seq);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
    if (detailCode == null && !detailArgs.isEmpty()) {
      throw new IllegalArgumentException("audit detail arguments need a detail code");
    }
  }
}
