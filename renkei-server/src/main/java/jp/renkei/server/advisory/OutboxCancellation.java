package jp.renkei.server.advisory;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends outbox rows that may not go any more: cancelled with a reason code (put in words on the
 * pages) and a sentence (no address, no title), never retried, each audited as {@code
 * outbox.cancelled}. The sender cancels one row it judged ({@link SendTimeCheck}); a withdrawal
 * cancels every earlier version's row no sender holds.
 */
@Component
class OutboxCancellation {

  /** Who the audit log names for the outbox's own decisions. */
  static final Actor OUTBOX = new Actor(null, "outbox", null, null, "system", null);

  private final JdbcClient jdbc;
  private final AuditLog audit;

  OutboxCancellation(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One row the sender holds. */
  void cancel(long id, String channel, long organisationId, String code, String reason) {
    jdbc.sql(
            "update outbox set status = 'cancelled', cancel_reason = ?, cancelled_at = now(),"
                + " last_error = ?, leased_until = null where id = ?")
        .params(code, truncate(reason), id)
        .update();
    audited(id, channel, organisationId, reason);
  }

  /**
   * Every pending row of versions before {@code withdrawal} of the advisory that no sender holds
   * now (a row in flight is left to its sender, which judges it again before sending); returns how
   * many. In the withdrawing transaction: a sender claiming a row skips the ones it locks.
   */
  int withdrawnBeforeSending(long advisoryId, int withdrawal) {
    String reason = "withdrawn (version " + withdrawal + ") before it went";
    record Row(long id, String channel, long organisationId) {}
    var rows =
        jdbc.sql(
                "update outbox set status = 'cancelled', cancel_reason = 'withdrawn',"
                    + " cancelled_at = now(), last_error = ?, leased_until = null"
                    + " where advisory_id = ? and version_no < ? and status = 'pending'"
                    + " and (leased_until is null or leased_until <= now())"
                    + " returning id, channel, organisation_id")
            .params(reason, advisoryId, withdrawal)
            .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3)))
            .list();
    rows.forEach(r -> audited(r.id(), r.channel(), r.organisationId(), reason));
    return rows.size();
  }

  private void audited(long id, String channel, long organisationId, String reason) {
    audit.record(
        OUTBOX,
        AuditLog.Event.failure(
            "outbox.cancelled",
            "outbox",
            id,
            Detail.of("outbox.cancelled", channel, organisationId, reason)));
  }

  static String truncate(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }
}
