package jp.renkei.engine.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    String clientAddress) {

  public AuditRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("audit seq must be >= 1, was " + seq);
    }
    Objects.requireNonNull(occurredAt, "occurredAt");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }
}
