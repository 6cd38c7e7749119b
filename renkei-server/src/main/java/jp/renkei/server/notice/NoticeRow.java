package jp.renkei.server.notice;

import java.time.Instant;
import java.time.LocalDate;

/** A notification as stored; never sent over HTTP as is (see NoticeApi's representation). */
record NoticeRow(
    long id,
    long holderId,
    String holderKind,
    Long reporterId,
    String source,
    String matchedRange,
    String address,
    Integer port,
    String protocol,
    Instant observedAt,
    String observation,
    LocalDate month,
    Instant warnedAt,
    String warnedHow,
    String outcome,
    String outcomeNote,
    int reminders,
    Instant createdAt) {

  static final String COLUMNS =
      "n.id, n.holder_id, n.holder_kind, s.reporter_id, s.source, n.matched_range, n.address,"
          + " n.port, n.protocol, n.observed_at, n.observation, n.month, n.warned_at, n.warned_how,"
          + " n.outcome, n.outcome_note, n.reminders, n.created_at"
          + " from notice n join notice_survey s on s.id = n.survey_id";

  static NoticeRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new NoticeRow(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        (Long) rs.getObject(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        (Integer) rs.getObject(8),
        rs.getString(9),
        rs.getTimestamp(10).toInstant(),
        rs.getString(11),
        rs.getDate(12).toLocalDate(),
        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getInt(17),
        rs.getTimestamp(18).toInstant());
  }
}
