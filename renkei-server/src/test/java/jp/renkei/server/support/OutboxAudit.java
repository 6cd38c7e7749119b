package jp.renkei.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the audit log says about outbox rows, for the ITs that check the outbox's decisions. */
public final class OutboxAudit {

  private OutboxAudit() {}

  /** Whether the cancellation of outbox row {@code row} was audited, exactly once. */
  public static boolean cancellationAudited(JdbcClient jdbc, long row) {
    return jdbc.sql(
                "select count(*) from audit_event where action = 'outbox.cancelled'"
                    + " and target_type = 'outbox' and target_id = ?")
            .param(String.valueOf(row))
            .query(Long.class)
            .single()
        == 1;
  }
}
