package jp.renkei.server.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered sites and their stored state. */
@Repository
class SiteRepository {

  static final String SELECT =
      "select s.id, s.organisation_id, o.name_ja, o.name_en, o.sector_code, s.name, s.url,"
          + " s.expected_status, s.expected_text, s.interval_seconds, s.state_tlp, s.detail_tlp,"
          + " s.detail_to_coordinators, s.enabled, s.state, s.regional, s.state_since,"
          + " case when s.detail_to_coordinators then"
          + "  array(select m.ceptoar_id from ceptoar_membership m where m.member_id = o.id)"
          + "  || array(select n.id from organisation n where n.type_code = 'nisc' and n.active)"
          + " else '{}'::bigint[] end as coordinators"
          + " from monitor_site s join organisation o on o.id = s.organisation_id";

  private final JdbcClient jdbc;

  SiteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Site> all() {
    return jdbc.sql(SELECT + " order by s.created_at, s.id").query(SiteRepository::site).list();
  }

  /** What the list's order and the sharing policy need of a site, without its texts. */
  record Key(
      long id,
      java.time.Instant createdAt,
      long organisationId,
      String sectorCode,
      String stateTlp,
      String detailTlp,
      boolean detailToCoordinators,
      String state,
      boolean regional,
      String name,
      java.time.Instant stateSince) {}

  /** Every site's {@link Key}: the site list's and sector view's walk reads these. */
  List<Key> keys() {
    return jdbc.sql(
            "select s.id, s.organisation_id, o.sector_code, s.state_tlp, s.detail_tlp,"
                // a paused site's last state is stale: it is "paused", never counted as up
                + " s.detail_to_coordinators,"
                + " case when s.enabled then s.state else 'paused' end, s.regional and s.enabled,"
                + " s.created_at, s.name, s.state_since"
                + " from monitor_site s join organisation o on o.id = s.organisation_id")
        .query(
            (rs, n) ->
                new Key(
                    rs.getLong(1),
                    rs.getTimestamp(9).toInstant(),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getString(7),
                    rs.getBoolean(8),
                    rs.getString(10),
                    rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
        .list();
  }

  /**
   * The names of the organisations that own sites, Japanese and English (the list sorts by the name
   * it shows, in the reader's language).
   */
  java.util.Map<Long, String[]> ownerNames() {
    java.util.Map<Long, String[]> out = new java.util.HashMap<>();
    jdbc.sql(
            "select o.id, o.name_ja, o.name_en from organisation o"
                + " where exists (select 1 from monitor_site s where s.organisation_id = o.id)")
        .query(
            rs -> {
              out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            });
    return out;
  }

  /**
   * The coordinators a site's details are addressed to when it shares them with coordinators, per
   * owning organisation that has such a site: exactly what {@link #SELECT} reads per site (the
   * owner's CEPTOARs and the active NISC, never the owner itself).
   */
  java.util.Map<Long, Set<Long>> coordinatorsByOrganisation() {
    java.util.Map<Long, Set<Long>> out = new java.util.HashMap<>();
    jdbc.sql(
            "select o.id, array(select m.ceptoar_id from ceptoar_membership m"
                + " where m.member_id = o.id)"
                + " || array(select n.id from organisation n where n.type_code = 'nisc' and n.active)"
                + " from organisation o where exists (select 1 from monitor_site s"
                + " where s.organisation_id = o.id and s.detail_to_coordinators)")
        .query(
            rs -> {
              long org = rs.getLong(1);
              Set<Long> c = new HashSet<>(Rows.longs(rs.getArray(2)));
              c.remove(org);
              out.put(org, c);
            });
    return out;
  }

  /** The sites with these ids, in no particular order (one page of the list). */
  List<Site> byIds(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where s.id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(SiteRepository::site)
        .list();
  }

  List<Site> enabled() {
    return jdbc.sql(SELECT + " where s.enabled order by s.created_at, s.id")
        .query(SiteRepository::site)
        .list();
  }

  Optional<Site> byId(long id) {
    return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SiteRepository::site).optional();
  }

  int countOf(long organisationId) {
    return jdbc.sql("select count(*) from monitor_site where organisation_id = ?")
        .param(organisationId)
        .query(Integer.class)
        .single();
  }

  long insert(NewSite s, long organisationId, Long ownerUserId) {
    return jdbc.sql(
            "insert into monitor_site (organisation_id, name, url, expected_status, expected_text,"
                + " interval_seconds, owner_user_id, state_tlp, detail_tlp, detail_to_coordinators,"
                + " enabled) values (?,?,?,?,?,?,?,?,?,?,?) returning id")
        .params(
            organisationId,
            s.name(),
            s.url(),
            s.expectedStatus(),
            s.expectedText(),
            s.intervalSeconds(),
            ownerUserId,
            s.stateTlp(),
            s.detailTlp(),
            s.detailToCoordinators(),
            s.enabled())
        .query(Long.class)
        .single();
  }

  void update(long id, NewSite s, Long ownerUserId) {
    jdbc.sql(
            "update monitor_site set name = ?, url = ?, expected_status = ?, expected_text = ?,"
                + " interval_seconds = ?, owner_user_id = ?, state_tlp = ?, detail_tlp = ?,"
                + " detail_to_coordinators = ?, enabled = ? where id = ?")
        .params(
            s.name(),
            s.url(),
            s.expectedStatus(),
            s.expectedText(),
            s.intervalSeconds(),
            ownerUserId,
            s.stateTlp(),
            s.detailTlp(),
            s.detailToCoordinators(),
            s.enabled(),
            id)
        .update();
  }

  /** Deletes a site; its raw results go too (the partitioned table has no foreign key). */
  void delete(long id) {
    jdbc.sql("delete from monitor_result where site_id = ?").param(id).update();
    jdbc.sql("delete from monitor_site where id = ?").param(id).update();
  }

  /** Keeps whose a deleted site was, for the audit entries that name it. */
  void rememberDeleted(long id, long organisationId) {
    jdbc.sql(
            "insert into monitor_site_deleted (site_id, organisation_id) values (?, ?)"
                + " on conflict (site_id) do nothing")
        .params(id, organisationId)
        .update();
  }

  /** Of these site ids, those of the organisation, whether the site still exists or was deleted. */
  java.util.Set<Long> ofOrganisation(java.util.List<Long> ids, long organisationId) {
    Long[] array = ids.toArray(Long[]::new);
    return new java.util.HashSet<>(
        jdbc.sql(
                "select id from monitor_site where id = any(?) and organisation_id = ?"
                    + " union select site_id from monitor_site_deleted"
                    + " where site_id = any(?) and organisation_id = ?")
            .params(array, organisationId, array, organisationId)
            .query(Long.class)
            .list());
  }

  /** An enabled person of the organisation by login. */
  Optional<Long> personOf(Long organisationId, String login) {
    if (organisationId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select id from app_user where organisation_id = ? and login = ? and enabled"
                + " and kind = 'person'")
        .params(organisationId, login)
        .query(Long.class)
        .optional();
  }

  /** The login of a site's owner. */
  Optional<String> ownerLogin(long siteId) {
    return jdbc.sql(
            "select u.login from monitor_site s join app_user u on u.id = s.owner_user_id"
                + " where s.id = ?")
        .param(siteId)
        .query(String.class)
        .optional();
  }

  void setEnabled(long id, boolean enabled) {
    jdbc.sql("update monitor_site set enabled = ? where id = ?").params(enabled, id).update();
  }

  /** Records a change of the combined state (and its history for the timeline). */
  void changeState(long id, String state, boolean regional, Instant at) {
    jdbc.sql(
            "update monitor_site set state = ?, regional = ?,"
                + " state_since = case when state = ? then state_since else ? end where id = ?")
        .params(state, regional, state, Rows.utc(at), id)
        .update();
    jdbc.sql(
            "insert into monitor_state_change (site_id, at, state) values (?,?,?)"
                + " on conflict (site_id, at) do update set state = excluded.state")
        .params(id, Rows.utc(at), state)
        .update();
  }

  private static Site site(ResultSet rs, int n) throws SQLException {
    Set<Long> coordinators = new HashSet<>(Rows.longs(rs.getArray("coordinators")));
    coordinators.remove(rs.getLong("organisation_id"));
    return new Site(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("name_ja"),
        rs.getString("name_en"),
        rs.getString("sector_code"),
        rs.getString("name"),
        rs.getString("url"),
        rs.getInt("expected_status"),
        rs.getString("expected_text"),
        rs.getInt("interval_seconds"),
        rs.getString("state_tlp"),
        rs.getString("detail_tlp"),
        rs.getBoolean("detail_to_coordinators"),
        rs.getBoolean("enabled"),
        rs.getString("state"),
        rs.getBoolean("regional"),
        Rows.instant(rs, "state_since"),
        coordinators);
  }
}
