package jp.renkei.server.advisory;

import static jp.renkei.server.database.Rows.instant;
import static jp.renkei.server.database.Rows.strings;
import static jp.renkei.server.database.Rows.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AdvisoryDraftRepository {

  /** A stored draft: its organisation and the form as saved. */
  record Draft(long id, long issuerOrgId, Instant updatedAt, AdvisoryForm form) {}

  private final JdbcClient jdbc;

  AdvisoryDraftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long orgId, long userId, AdvisoryForm f, Instant at) {
    return jdbc.sql(
            "insert into advisory_draft (issuer_org_id, created_by, title, body, actions,"
                + " observables, source_reports, tlp, urgency, confirm_by, audience_all,"
                + " audience_sectors, audience_types, audience_orgs, updated_at)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id")
        .params(
            orgId,
            userId,
            f.getTitle(),
            f.getBody(),
            f.getActions(),
            f.getObservables(),
            f.getSourceReports(),
            f.getTlp(),
            f.getUrgency(),
            utc(f.confirmByInstant()),
            f.isAll(),
            f.getSectors().toArray(String[]::new),
            f.getTypes().toArray(String[]::new),
            f.getOrganisations().toArray(String[]::new),
            utc(at))
        .query(Long.class)
        .single();
  }

  void update(long id, AdvisoryForm f, Instant at) {
    jdbc.sql(
            "update advisory_draft set title = ?, body = ?, actions = ?, observables = ?,"
                + " source_reports = ?, tlp = ?, urgency = ?, confirm_by = ?, audience_all = ?,"
                + " audience_sectors = ?, audience_types = ?, audience_orgs = ?, updated_at = ?"
                + " where id = ?")
        .params(
            f.getTitle(),
            f.getBody(),
            f.getActions(),
            f.getObservables(),
            f.getSourceReports(),
            f.getTlp(),
            f.getUrgency(),
            utc(f.confirmByInstant()),
            f.isAll(),
            f.getSectors().toArray(String[]::new),
            f.getTypes().toArray(String[]::new),
            f.getOrganisations().toArray(String[]::new),
            utc(at),
            id)
        .update();
  }

  Optional<Draft> draft(long id) {
    return jdbc.sql("select * from advisory_draft where id = ?")
        .param(id)
        .query(
            (rs, i) -> {
              AdvisoryForm f = new AdvisoryForm();
              f.setTitle(rs.getString("title"));
              f.setBody(rs.getString("body"));
              f.setActions(rs.getString("actions"));
              f.setObservables(rs.getString("observables"));
              f.setSourceReports(rs.getString("source_reports"));
              f.setTlp(rs.getString("tlp"));
              f.setUrgency(rs.getString("urgency"));
              f.setConfirmBy(AdvisoryForm.local(instant(rs, "confirm_by")));
              f.setAll(rs.getBoolean("audience_all"));
              f.setSectors(new java.util.ArrayList<>(strings(rs.getArray("audience_sectors"))));
              f.setTypes(new java.util.ArrayList<>(strings(rs.getArray("audience_types"))));
              f.setOrganisations(new java.util.ArrayList<>(strings(rs.getArray("audience_orgs"))));
              f.setDraft(rs.getLong("id"));
              return new Draft(
                  rs.getLong("id"), rs.getLong("issuer_org_id"), instant(rs, "updated_at"), f);
            })
        .optional();
  }

  /** One organisation's drafts, newest first. */
  List<Draft> drafts(long orgId, int limit) {
    return jdbc
        .sql(
            "select id from advisory_draft where issuer_org_id = ?"
                + " order by updated_at desc, id desc limit ?")
        .params(orgId, limit)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> draft(id).orElseThrow())
        .toList();
  }

  void delete(long id) {
    jdbc.sql("delete from advisory_draft where id = ?").param(id).update();
  }
}
