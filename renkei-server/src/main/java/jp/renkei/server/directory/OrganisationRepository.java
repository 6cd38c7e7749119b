package jp.renkei.server.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.renkei.server.database.Like;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

  private static final String SELECT =
      """
      select o.id, o.code, o.name_ja, o.name_en,
             o.type_code, t.name_ja as type_name_ja, t.name_en as type_name_en,
             o.sector_code, s.name_ja as sector_name_ja, s.name_en as sector_name_en,
             m.code as supervising_ministry_code,
             m.name_ja as supervising_ministry_name_ja, m.name_en as supervising_ministry_name_en,
             o.ministry_code, o.duty_email, o.active
        from organisation o
        join organisation_type t on t.code = o.type_code
        left join sector s on s.code = o.sector_code
        left join ministry m on m.code = s.ministry_code
      """;

  private static final String ORDER = " order by t.sort_order, s.sort_order nulls first, o.name_ja";

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Organisation> find(OrganisationQuery q) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where true");
    Map<String, Object> params = new TreeMap<>();
    if (q.typeCode() != null) {
      sql.append(" and o.type_code = :type");
      params.put("type", q.typeCode());
    }
    if (q.sectorCode() != null) {
      sql.append(" and o.sector_code = :sector");
      params.put("sector", q.sectorCode());
    }
    if (q.text() != null) {
      sql.append(
          " and (o.name_ja ilike :text escape '\\' or o.name_en ilike :text escape '\\'"
              + " or o.code ilike :text escape '\\')");
      params.put("text", Like.contains(q.text()));
    }
    sql.append(ORDER);
    return jdbc.sql(sql.toString()).params(params).query(Rows.of(Organisation.class)).list();
  }

  Optional<Organisation> byId(long id) {
    return jdbc.sql(SELECT + " where o.id = ?")
        .param(id)
        .query(Rows.of(Organisation.class))
        .optional();
  }

  Optional<Organisation> byCode(String code) {
    return jdbc.sql(SELECT + " where o.code = ?")
        .param(code)
        .query(Rows.of(Organisation.class))
        .optional();
  }

  /** The CEPTOARs the organisation is a member of. */
  List<Organisation> ceptoarsOf(long memberId) {
    return jdbc.sql(
            SELECT
                + " where o.id in (select ceptoar_id from ceptoar_membership where member_id = ?)"
                + ORDER)
        .param(memberId)
        .query(Rows.of(Organisation.class))
        .list();
  }

  /** The members of a CEPTOAR. */
  List<Organisation> membersOf(long ceptoarId) {
    return jdbc.sql(
            SELECT
                + " where o.id in (select member_id from ceptoar_membership where ceptoar_id = ?)"
                + ORDER)
        .param(ceptoarId)
        .query(Rows.of(Organisation.class))
        .list();
  }

  /** A former name of an organisation, as stored. */
  record Former(long organisationId, String nameJa, String nameEn) {}

  /**
   * Every former name (they are few), for the shell to match in Java by the rule it matches current
   * names by ({@code Names.matchKey}); the database's {@code lower()} folds case by its own locale.
   */
  List<Former> formerNames() {
    return jdbc.sql("select organisation_id, name_ja, name_en from organisation_former_name")
        .query((rs, i) -> new Former(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Whether some account's login ends in "." and {@code code} (a code has no "%" or "_"). */
  boolean loginsEndIn(String code) {
    return jdbc.sql("select exists (select 1 from app_user where login like ?)")
        .param("%." + code)
        .query(Boolean.class)
        .single();
  }

  boolean codeExists(String code) {
    return jdbc.sql("select count(*) from organisation where code = ?")
            .param(code)
            .query(Integer.class)
            .single()
        > 0;
  }

  boolean nameExists(String nameJa) {
    return jdbc.sql("select count(*) from organisation where name_ja = ?")
            .param(nameJa)
            .query(Integer.class)
            .single()
        > 0;
  }

  long insert(NewOrganisation o) {
    return jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code,"
                + " ministry_code, duty_email) values (?,?,?,?,?,?,?) returning id")
        .params(
            o.code(),
            o.nameJa(),
            o.nameEn(),
            o.typeCode(),
            o.sectorCode(),
            o.ministryCode(),
            o.dutyEmail())
        .query(Long.class)
        .single();
  }

  void addMembership(long ceptoarId, long memberId) {
    jdbc.sql(
            "insert into ceptoar_membership (ceptoar_id, member_id) values (?, ?)"
                + " on conflict do nothing")
        .params(ceptoarId, memberId)
        .update();
  }

  /** The organisation's identity values of one kind (alias, domain, email, ip_range). */
  List<String> identity(long organisationId, String kind) {
    return jdbc.sql(
            "select value from organisation_identity where organisation_id = ? and kind = ?"
                + " order by value")
        .params(organisationId, kind)
        .query(String.class)
        .list();
  }

  /**
   * Every organisation's other names and domains, in one query: organisation id → {kind, value},
   * where one a platform admin has not confirmed yet has its kind prefixed by {@code pending-}.
   */
  Map<Long, List<String[]>> identities() {
    Map<Long, List<String[]>> out = new java.util.HashMap<>();
    jdbc.sql(
            "select organisation_id,"
                + " case when confirmed then kind else 'pending-' || kind end,"
                + " value from organisation_identity"
                + " where kind in ('alias', 'domain') order by organisation_id, kind, value")
        .query(
            (rs, i) ->
                out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                    .add(new String[] {rs.getString(2), rs.getString(3)}))
        .list();
    return out;
  }

  /** The organisations with other names or domains a platform admin has not confirmed yet. */
  List<Long> withPendingIdentity() {
    return jdbc.sql(
            "select distinct organisation_id from organisation_identity"
                + " where kind in ('alias', 'domain') and not confirmed")
        .query(Long.class)
        .list();
  }

  /** The organisation's other names and domains a platform admin has not confirmed yet. */
  List<String> pendingIdentity(long organisationId) {
    return jdbc.sql(
            "select value from organisation_identity where organisation_id = ?"
                + " and kind in ('alias', 'domain') and not confirmed order by kind desc, value")
        .param(organisationId)
        .query(String.class)
        .list();
  }

  /** The organisation's values of one kind a platform admin has not confirmed yet. */
  List<String> pendingIdentity(long organisationId, String kind) {
    return jdbc.sql(
            "select value from organisation_identity where organisation_id = ? and kind = ?"
                + " and not confirmed order by value")
        .params(organisationId, kind)
        .query(String.class)
        .list();
  }

  /**
   * Replaces the organisation's values of one kind. With {@code confirm} (a platform admin writes)
   * every value is confirmed; otherwise a value confirmed before stays so and a new one is not.
   */
  void replaceIdentity(long organisationId, String kind, List<String> values, boolean confirm) {
    java.util.Set<String> confirmedBefore =
        confirm
            ? java.util.Set.of()
            : new java.util.HashSet<>(
                jdbc.sql(
                        "select value from organisation_identity where organisation_id = ?"
                            + " and kind = ? and confirmed")
                    .params(organisationId, kind)
                    .query(String.class)
                    .list());
    jdbc.sql("delete from organisation_identity where organisation_id = ? and kind = ?")
        .params(organisationId, kind)
        .update();
    for (String v : values) {
      jdbc.sql(
              "insert into organisation_identity (organisation_id, kind, value, confirmed)"
                  + " values (?,?,?,?) on conflict do nothing")
          .params(organisationId, kind, v, confirm || confirmedBefore.contains(v))
          .update();
    }
  }

  /** Names and e-mail addresses of the organisation's people. */
  List<String[]> people(long organisationId) {
    return jdbc.sql(
            "select display_name, coalesce(email, '') from app_user where organisation_id = ?"
                + " and kind = 'person'")
        .param(organisationId)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  void setActive(long id, boolean active) {
    jdbc.sql("update organisation set active = ? where id = ?").params(active, id).update();
  }

  /** Ends every failure count and lock of the logins of the organisation's people. */
  void unlockPeople(long id) {
    jdbc.sql(
            "delete from sign_in_failure where login_key in"
                + " (select sha256(convert_to(login, 'UTF8')) from app_user where organisation_id = ?)")
        .param(id)
        .update();
  }

  java.util.Optional<DirectoryService.ActiveChange> lastActiveChange(long id) {
    return jdbc.sql(
            "select action, occurred_at, actor, actor_org_id from audit_event"
                + " where target_type = 'organisation'"
                + " and target_id = ? and action in ('directory.organisation.deactivate',"
                + " 'directory.organisation.activate') and outcome = 'success'"
                + " order by seq desc limit 1")
        .param(String.valueOf(id))
        .query(
            (rs, i) ->
                new DirectoryService.ActiveChange(
                    rs.getString(1).endsWith(".activate"),
                    rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getObject(4, Long.class)))
        .optional();
  }

  void updateDelivery(long id, String dutyEmail, String webhookUrl, String webhookSecret) {
    jdbc.sql(
            "update organisation set duty_email = ?, webhook_url = ?, webhook_secret = ? where id = ?")
        .params(dutyEmail, webhookUrl, webhookSecret, id)
        .update();
  }

  java.util.Optional<String> webhookSecret(long id) {
    return jdbc.sql("select webhook_secret from organisation where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  java.util.Optional<String> webhookUrl(long id) {
    return jdbc.sql("select webhook_url from organisation where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  int count() {
    return jdbc.sql("select count(*) from organisation").query(Integer.class).single();
  }
}
