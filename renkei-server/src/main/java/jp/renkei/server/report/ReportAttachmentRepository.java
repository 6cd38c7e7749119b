package jp.renkei.server.report;

import static jp.renkei.server.database.Rows.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportAttachmentRepository {

  /** An attachment without its bytes. */
  record Attachment(
      long id,
      long reportId,
      int versionNo,
      String fileName,
      long size,
      String sha256,
      Instant createdAt) {}

  private static final String COLUMNS =
      "a.id, a.report_id, a.version_no, a.file_name, a.size_bytes, a.sha256, a.created_at";

  private final JdbcClient jdbc;

  ReportAttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long reportId, int versionNo, String name, byte[] content, String sha256, long userId) {
    return jdbc.sql(
            "insert into report_attachment (report_id, version_no, file_name, size_bytes, sha256,"
                + " content, uploaded_by) values (?,?,?,?,?,?,?) returning id")
        .params(reportId, versionNo, name, (long) content.length, sha256, content, userId)
        .query(Long.class)
        .single();
  }

  /**
   * Holds the report's row until the transaction ends, so that uploads to one report check its
   * limits one after the other (attack35: two at once both passed them). {@code for no key update}:
   * other rows may still refer to the report meanwhile.
   */
  void lockReport(long reportId) {
    jdbc.sql("select id from report where id = ? for no key update")
        .param(reportId)
        .query(Long.class)
        .list();
  }

  /** The report's own attachments, oldest first. */
  List<Attachment> ofReport(long reportId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from report_attachment a where a.report_id = ?"
                + " order by a.created_at, a.id")
        .param(reportId)
        .query(ReportAttachmentRepository::row)
        .list();
  }

  /** The attachments a CEPTOAR included in its anonymised copy, oldest first. */
  List<Attachment> ofRelayCopy(long copyId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from report_attachment a join report_relay_attachment l"
                + " on l.attachment_id = a.id where l.copy_report_id = ? order by a.created_at, a.id")
        .param(copyId)
        .query(ReportAttachmentRepository::row)
        .list();
  }

  Optional<byte[]> content(long id) {
    return jdbc.sql("select content from report_attachment where id = ?")
        .param(id)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  void includeInRelay(long copyId, long attachmentId) {
    jdbc.sql(
            "insert into report_relay_attachment (copy_report_id, attachment_id) values (?,?)"
                + " on conflict do nothing")
        .params(copyId, attachmentId)
        .update();
  }

  private static Attachment row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getLong("report_id"),
        rs.getInt("version_no"),
        rs.getString("file_name"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        instant(rs, "created_at"));
  }
}
