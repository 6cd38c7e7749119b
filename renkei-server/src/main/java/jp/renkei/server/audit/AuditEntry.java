package jp.renkei.server.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit log entry as stored, with its sequence number and hash: the shell's view (CLI, {@link
 * AuditLog#verify}). {@code detail} is the recorded text (English for an entry with a {@code
 * detailCode}, whose words the audit list shows in the reader's language). People are shown {@link
 * AuditEntryRepresentation}, which has neither.
 */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String actor,
    Long actorOrgId,
    String action,
    String targetType,
    String targetId,
    String outcome,
    String detail,
    String clientAddress,
    String hash,
    String detailCode,
    List<String> detailArgs) {

  public AuditEntry {
    detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
  }
}
