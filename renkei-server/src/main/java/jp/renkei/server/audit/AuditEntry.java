package jp.renkei.server.audit;

import java.time.Instant;

/**
 * An audit log entry as stored, with its sequence number and hash: the shell's view (CLI, {@link
 * AuditLog#verify}). People are shown {@link AuditEntryRepresentation}, which has neither.
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
    String hash) {}
