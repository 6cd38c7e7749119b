package jp.renkei.server.audit;

import java.time.Instant;

/**
 * An audit entry as the API and pages show it to a person. It carries no sequence number and no
 * hash: gaps between the numbers of the entries a viewer sees would count those hidden from it, and
 * an entry's hash, chained from the one before, would let it test whether two entries it sees are
 * adjacent. {@code cursor} is where a page that ends with this entry continues ({@code before=}),
 * sealed (see {@link AuditCursors}). The shell reads sequence numbers and hashes through {@link
 * AuditLog} itself.
 */
public record AuditEntryRepresentation(
    Instant occurredAt,
    String actor,
    Long actorOrgId,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String detail,
    String clientAddress,
    String cursor) {

  static AuditEntryRepresentation of(AuditEntry e, AuditCursors cursors) {
    return new AuditEntryRepresentation(
        e.occurredAt(),
        e.actor(),
        e.actorOrgId(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.detail(),
        e.clientAddress(),
        cursors.issue(e.seq()));
  }
}
