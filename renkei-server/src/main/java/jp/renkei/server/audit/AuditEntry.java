package jp.renkei.server.audit;

import java.time.Instant;

/** An audit log entry as shown to admins. */
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
