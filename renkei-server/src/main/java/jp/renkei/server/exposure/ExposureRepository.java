package jp.renkei.server.exposure;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.exposure.Knowledge;
import jp.renkei.server.database.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Inventories, findings and the organisations' sharing choice. Reads here are unfiltered: callers
 * go through ExposureAccess.
 */
@Repository
class ExposureRepository {

  /** A stored service (or other asset). */
  record AssetRow(
      long id,
      long organisationId,
      String kind,
      String value,
      Integer port,
      String protocol,
      String product,
      String version,
      String cpe,
      String purl,
      String owner,
      String criticality,
      boolean publicFacing) {}

  /** A stored finding with its service. */
  record FindingRow(
      long id,
      long organisationId,
      long assetId,
      String cveId,
      String status,
      boolean inKev,
      String outcome,
      LocalDate dueDate,
      boolean forensic,
      String evidence,
      String reasons,
      LocalDate firstSeen,
      String host,
      Integer port,
      String product,
      String version,
      String cpe,
      String purl,
      String criticality,
      String findingKey,
      String workflow,
      String assignee,
      String acceptReason,
      LocalDate acceptedUntil) {

    /** The product in words (vendor, product, version) from its CPE or purl. */
    public String productWords() {
      return jp.renkei.engine.exposure.ProductWords.of(cpe, purl, version);
    }

    /** The identifier the words come from: the CPE, else the purl. */
    public String productId() {
      return cpe != null ? cpe : purl;
    }

    /**
     * Still to be handled: open or in progress, or a risk acceptance that has expired. A finding
     * mitigated, accepted (until its expiry) or false positive is not.
     */
    public boolean active(LocalDate today) {
      return switch (workflow) {
        case "open", "in_progress" -> true;
        case "risk_accepted" -> acceptedUntil == null || acceptedUntil.isBefore(today);
        default -> false;
      };
    }

    /** Active and past its SSVC due date (in Japan time). */
    public boolean overdue() {
      LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
      return dueDate != null && dueDate.isBefore(today) && active(today);
    }
  }

  /** A finding to write. */
  record NewFinding(
      long assetId,
      String cveId,
      String status,
      boolean inKev,
      String outcome,
      int outcomeRank,
      LocalDate dueDate,
      boolean forensic,
      String evidence,
      String reasons,
      LocalDate firstSeen) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ExposureRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Replaces the organisation's assets from this source with the new ones; returns the import id.
   * CSV and xlsx are the same list in two file formats: either replaces the assets of both. An
   * asset's identity does not depend on the format it came in: an asset of another import (an nmap
   * scan, say) with the same kind, value (case aside), port, protocol, CPE and purl as a new one is
   * the same asset and is replaced by it, so no asset is ever listed twice.
   */
  long replaceInventory(
      long org, String format, String fileName, Long userId, List<NewAsset> assets) {
    long importId =
        jdbc.sql(
                "insert into exposure_import (organisation_id, format, file_name, assets, imported_by)"
                    + " values (?, ?, ?, ?, ?) returning id")
            .params(org, format, fileName, assets.size(), userId)
            .query(Long.class)
            .single();
    jdbc.sql("delete from exposure_asset where organisation_id = ? and source in (?, ?)")
        .params(org, format, format.equals("nmap") ? "nmap" : format.equals("csv") ? "xlsx" : "csv")
        .update();
    batch.batchUpdate(
        "insert into exposure_asset (organisation_id, kind, value, port, protocol, product, version,"
            + " cpe, purl, owner, criticality, public_facing, source, import_id, match_keys)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        assets,
        1000,
        (ps, a) -> {
          ps.setLong(1, org);
          ps.setString(2, a.kind());
          ps.setString(3, a.value());
          if (a.port() == null) {
            ps.setNull(4, Types.INTEGER);
          } else {
            ps.setInt(4, a.port());
          }
          ps.setString(5, a.protocol());
          ps.setString(6, a.product());
          ps.setString(7, a.version());
          ps.setString(8, a.cpe());
          ps.setString(9, a.purl());
          ps.setString(10, a.owner());
          ps.setString(11, a.criticality());
          ps.setBoolean(12, a.publicFacing());
          ps.setString(13, format);
          ps.setLong(14, importId);
          ps.setArray(
              15,
              "service".equals(a.kind())
                  ? ps.getConnection()
                      .createArrayOf(
                          "text", Knowledge.lookupKeys(a.cpe(), a.purl(), a.version()).toArray())
                  : null);
        });
    jdbc.sql(
            "delete from exposure_asset old using exposure_asset new"
                + " where new.organisation_id = ? and new.import_id = ? and old.organisation_id = ?"
                + " and old.import_id is distinct from new.import_id and old.kind = new.kind"
                + " and lower(old.value) = lower(new.value) and old.port is not distinct from new.port"
                + " and coalesce(old.protocol, 'tcp') = coalesce(new.protocol, 'tcp')"
                + " and lower(coalesce(old.cpe, '')) = lower(coalesce(new.cpe, ''))"
                + " and coalesce(old.purl, '') = coalesce(new.purl, '')")
        .params(org, importId, org)
        .update();
    return importId;
  }

  List<AssetRow> services(long org) {
    return jdbc.sql(SERVICE + " where organisation_id = ? and kind = 'service'")
        .param(org)
        .query(Rows.of(AssetRow.class))
        .list();
  }

  /** Assets per kind of one organisation. */
  Map<String, Integer> inventoryCounts(long org) {
    Map<String, Integer> out = new HashMap<>();
    jdbc.sql("select kind, count(*) from exposure_asset where organisation_id = ? group by kind")
        .param(org)
        .query((rs, n) -> out.put(rs.getString(1), rs.getInt(2)))
        .list();
    return out;
  }

  List<Long> organisationsWithServices() {
    return jdbc.sql("select distinct organisation_id from exposure_asset where kind = 'service'")
        .query(Long.class)
        .list();
  }

  private static final String SERVICE =
      "select id, organisation_id, kind, value, port, protocol, product, version, cpe, purl,"
          + " owner, criticality, public_facing from exposure_asset";

  /**
   * The services, of every organisation, that knowledge with these keys can match: those with one
   * of the keys among their {@code match_keys} (GIN index, V252), and any whose keys were never
   * computed (the pre-selection may only widen; the engine decides).
   */
  List<AssetRow> servicesMeeting(Set<String> keys) {
    return jdbc.sql(
            SERVICE
                + " where kind = 'service' and (match_keys && ?::text[] or match_keys is null)"
                + " order by organisation_id, id")
        .param(keys.toArray(String[]::new))
        .query(Rows.of(AssetRow.class))
        .list();
  }

  /** The organisations with a finding on one of these CVEs. */
  Set<Long> organisationsWithFindingsOn(Set<String> cves) {
    return Set.copyOf(
        jdbc.sql("select distinct organisation_id from exposure_finding where cve_id = any(?)")
            .param(cves.toArray(String[]::new))
            .query(Long.class)
            .list());
  }

  /**
   * First-seen dates of these organisations' findings on these CVEs, per organisation, keyed as
   * {@link #firstSeen(long)} keys them.
   */
  Map<Long, Map<String, LocalDate>> firstSeen(Set<Long> orgs, Set<String> cves) {
    Map<Long, Map<String, LocalDate>> out = new HashMap<>();
    jdbc.sql(
            "select f.organisation_id, a.value, a.port, a.protocol, f.cve_id, f.first_seen"
                + " from exposure_finding f join exposure_asset a on a.id = f.asset_id"
                + " where f.organisation_id = any(?) and f.cve_id = any(?)")
        .params(orgs.toArray(Long[]::new), cves.toArray(String[]::new))
        .query(
            (rs, n) ->
                out.computeIfAbsent(rs.getLong(1), o -> new HashMap<>())
                    .put(
                        seenKey(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                        rs.getObject(6, LocalDate.class)))
        .list();
    return out;
  }

  private static String seenKey(String host, int port, String protocol, String cve) {
    return host + "|" + port + "|" + protocol + "|" + cve;
  }

  /**
   * Replaces these organisations' findings on these CVEs (and no other finding) with the new ones;
   * returns, per organisation, the CVE ids newly known exploited, as {@link #replaceFindings(long,
   * List)} does for a whole inventory: in KEV now and not among its KEV findings before.
   */
  Map<Long, Set<String>> replaceFindings(
      Set<Long> orgs, Set<String> cves, Map<Long, List<NewFinding>> findings) {
    Long[] orgIds = orgs.toArray(Long[]::new);
    String[] cveIds = cves.toArray(String[]::new);
    Map<Long, Set<String>> before = new HashMap<>();
    jdbc.sql(
            "select distinct organisation_id, cve_id from exposure_finding"
                + " where organisation_id = any(?) and cve_id = any(?) and in_kev")
        .params(orgIds, cveIds)
        .query(
            (rs, n) ->
                before
                    .computeIfAbsent(rs.getLong(1), o -> new java.util.HashSet<>())
                    .add(rs.getString(2)))
        .list();
    jdbc.sql("delete from exposure_finding where organisation_id = any(?) and cve_id = any(?)")
        .params(orgIds, cveIds)
        .update();
    Map<Long, Set<String>> added = new java.util.LinkedHashMap<>();
    for (long org : new java.util.TreeSet<>(orgs)) {
      List<NewFinding> of = findings.getOrDefault(org, List.of());
      insertFindings(org, of);
      Set<String> was = before.getOrDefault(org, Set.of());
      for (NewFinding f : of) {
        if (f.inKev() && !was.contains(f.cveId())) {
          added.computeIfAbsent(org, o -> new java.util.TreeSet<>()).add(f.cveId());
        }
      }
    }
    return added;
  }

  /** First-seen dates of the organisation's current findings, by "host|port|protocol|cve". */
  Map<String, LocalDate> firstSeen(long org) {
    Map<String, LocalDate> out = new HashMap<>();
    jdbc.sql(
            "select a.value, a.port, a.protocol, f.cve_id, f.first_seen from exposure_finding f"
                + " join exposure_asset a on a.id = f.asset_id where f.organisation_id = ?")
        .param(org)
        .query(
            (rs, n) ->
                out.put(
                    seenKey(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                    rs.getObject(5, LocalDate.class)))
        .list();
    return out;
  }

  /**
   * Replaces the organisation's findings; returns the CVE ids newly known exploited: in KEV now and
   * not among its KEV findings before (a CVE found earlier and only now added to KEV is one of
   * them).
   */
  Set<String> replaceFindings(long org, List<NewFinding> findings) {
    Set<String> before =
        Set.copyOf(
            jdbc.sql(
                    "select distinct cve_id from exposure_finding where organisation_id = ? and"
                        + " in_kev")
                .param(org)
                .query(String.class)
                .list());
    jdbc.sql("delete from exposure_finding where organisation_id = ?").param(org).update();
    insertFindings(org, findings);
    java.util.Set<String> added = new java.util.HashSet<>();
    for (NewFinding f : findings) {
      if (f.inKev() && !before.contains(f.cveId())) {
        added.add(f.cveId());
      }
    }
    return added;
  }

  private void insertFindings(long org, List<NewFinding> findings) {
    batch.batchUpdate(
        "insert into exposure_finding (organisation_id, asset_id, cve_id, status, in_kev, outcome,"
            + " outcome_rank, due_date, forensic, evidence, reasons, first_seen)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        findings,
        1000,
        (ps, f) -> {
          ps.setLong(1, org);
          ps.setLong(2, f.assetId());
          ps.setString(3, f.cveId());
          ps.setString(4, f.status());
          ps.setBoolean(5, f.inKev());
          ps.setString(6, f.outcome());
          ps.setInt(7, f.outcomeRank());
          ps.setObject(8, f.dueDate() == null ? null : Date.valueOf(f.dueDate()), Types.DATE);
          ps.setBoolean(9, f.forensic());
          ps.setString(10, f.evidence());
          ps.setString(11, f.reasons());
          ps.setObject(12, Date.valueOf(f.firstSeen()), Types.DATE);
        });
  }

  /**
   * A finding's key across re-matches, as {@link #firstSeen} and FindingMatcher build it:
   * host|port|protocol|cve.
   */
  static final String KEY =
      "a.value || '|' || coalesce(a.port::text, 'null') || '|' || coalesce(a.protocol, 'null')"
          + " || '|' || f.cve_id";

  private static final String FINDING =
      "select f.id, f.organisation_id, f.asset_id, f.cve_id, f.status, f.in_kev, f.outcome,"
          + " f.due_date, f.forensic, f.evidence, f.reasons, f.first_seen, a.value as host, a.port,"
          + " a.product, a.version, a.cpe, a.purl, a.criticality, k.finding_key,"
          + " coalesce(s.status, 'open') as workflow, s.owner as assignee,"
          + " s.reason as accept_reason, s.accepted_until"
          + " from exposure_finding f join exposure_asset a on a.id = f.asset_id"
          + " cross join lateral (select "
          + KEY
          + " as finding_key) k"
          + " left join exposure_finding_state s on s.organisation_id = f.organisation_id"
          + " and s.finding_key = k.finding_key";

  /** The organisation's findings, most urgent first: SSVC outcome, then due date, KEV first. */
  List<FindingRow> findings(long org, int limit) {
    return jdbc.sql(
            FINDING
                + " where f.organisation_id = ? order by f.outcome_rank desc,"
                + " f.due_date asc nulls last, f.in_kev desc, f.cve_id, f.id limit ?")
        .params(org, limit)
        .query(Rows.of(FindingRow.class))
        .list();
  }

  /**
   * What a page of one organisation's findings asks for: free text (part of the CVE id, host,
   * product, CPE or purl), the SSVC outcome, the handling status and the match status (each null
   * for any), the sort key (one of {@link ExposurePages#FINDINGS}' sorts), its direction, and the
   * rows.
   */
  record FindingQuery(
      String text,
      String outcome,
      String workflow,
      String status,
      String sort,
      boolean descending,
      int offset,
      int limit) {}

  /** One page of an organisation's findings and how many match the query in all. */
  record FindingSlice(List<FindingRow> rows, int total) {}

  /**
   * A page of the organisation's findings in a total order (the chosen column, then the urgency
   * order, then the id), so that a page holds the same rows on every request while nothing changes;
   * the total counts the same filter over the same organisation.
   */
  FindingSlice findings(long org, FindingQuery q) {
    StringBuilder where = new StringBuilder(" where f.organisation_id = :org");
    Map<String, Object> params = new HashMap<>();
    params.put("org", org);
    if (q.text() != null && !q.text().isEmpty()) {
      where.append(
          " and (f.cve_id ilike :text escape '\\' or a.value ilike :text escape '\\'"
              + " or a.product ilike :text escape '\\' or a.cpe ilike :text escape '\\'"
              + " or a.purl ilike :text escape '\\')");
      params.put("text", jp.renkei.server.database.Like.contains(q.text()));
    }
    if (q.outcome() != null) {
      where.append(" and f.outcome = :outcome");
      params.put("outcome", q.outcome());
    }
    if (q.workflow() != null) {
      where.append(" and coalesce(s.status, 'open') = :workflow");
      params.put("workflow", q.workflow());
    }
    if (q.status() != null) {
      where.append(" and f.status = :status");
      params.put("status", q.status());
    }
    String dir = q.descending() ? " desc" : " asc";
    String urgency =
        "f.outcome_rank desc, f.due_date asc nulls last, f.in_kev desc, f.cve_id, f.id";
    String order =
        switch (q.sort()) {
          case "due" -> "f.due_date" + dir + " nulls last, " + urgency;
          case "cve" -> "f.cve_id" + dir + ", " + urgency;
          case "service" -> "a.value" + dir + ", a.port" + dir + " nulls last, " + urgency;
          case "product" -> "lower(coalesce(a.product, a.cpe, a.purl, ''))" + dir + ", " + urgency;
          case "handling" -> "coalesce(s.status, 'open')" + dir + ", " + urgency;
          case "first" -> "f.first_seen" + dir + ", " + urgency;
          // ssvc: the most urgent first when descending (the default)
          default ->
              q.descending()
                  ? urgency
                  : "f.outcome_rank asc, f.due_date desc nulls first, f.in_kev asc,"
                      + " f.cve_id desc, f.id desc";
        };
    params.put("limit", q.limit());
    params.put("offset", q.offset());
    List<FindingRow> rows =
        jdbc.sql(FINDING + where + " order by " + order + " limit :limit offset :offset")
            .params(params)
            .query(Rows.of(FindingRow.class))
            .list();
    int total =
        jdbc.sql(
                "select count(*) from exposure_finding f join exposure_asset a on a.id = f.asset_id"
                    + (q.workflow() == null
                        ? ""
                        : " cross join lateral (select "
                            + KEY
                            + " as finding_key) k"
                            + " left join exposure_finding_state s on s.organisation_id ="
                            + " f.organisation_id and s.finding_key = k.finding_key")
                    + where)
            .params(params)
            .query(Integer.class)
            .single();
    return new FindingSlice(rows, total);
  }

  /** Organisations with a finding of this CVE. */
  List<Long> organisationsWith(String cveId) {
    return jdbc.sql("select distinct organisation_id from exposure_finding where cve_id = ?")
        .param(cveId)
        .query(Long.class)
        .list();
  }

  /** The findings of this CVE at these organisations, newest first. */
  List<FindingRow> findingsOf(List<Long> orgs, String cveId, int limit) {
    return jdbc.sql(
            FINDING
                + " where f.organisation_id = any(?) and f.cve_id = ?"
                + " order by f.first_seen desc, f.id desc limit ?")
        .params(orgs.toArray(Long[]::new), cveId, limit)
        .query(Rows.of(FindingRow.class))
        .list();
  }

  Optional<FindingRow> finding(long id) {
    return jdbc.sql(FINDING + " where f.id = ?")
        .param(id)
        .query(Rows.of(FindingRow.class))
        .optional();
  }

  /** Per organisation with findings: its KEV CVEs (affected or possible). */
  Map<Long, List<String>> kevExposure() {
    Map<Long, List<String>> out = new HashMap<>();
    jdbc.sql(
            "select organisation_id, array_agg(distinct cve_id order by cve_id)"
                + " from exposure_finding where in_kev group by organisation_id")
        .query((rs, n) -> out.put(rs.getLong(1), Rows.strings(rs.getArray(2))))
        .list();
    return out;
  }

  /** With whom an organisation shares its details (none without a row). */
  public record Shares(boolean nisc, boolean ministry, boolean ceptoars) {
    public boolean any() {
      return nisc || ministry || ceptoars;
    }
  }

  Shares shares(long org) {
    return jdbc.sql(
            "select with_nisc as nisc, with_ministry as ministry, with_ceptoars as ceptoars"
                + " from exposure_sharing where organisation_id = ?")
        .param(org)
        .query(Rows.of(Shares.class))
        .optional()
        .orElse(new Shares(false, false, false));
  }

  void setShares(long org, Shares s) {
    jdbc.sql(
            "insert into exposure_sharing (organisation_id, share_details, with_nisc, with_ministry,"
                + " with_ceptoars) values (?, ?, ?, ?, ?) on conflict (organisation_id) do update"
                + " set share_details = excluded.share_details, with_nisc = excluded.with_nisc,"
                + " with_ministry = excluded.with_ministry, with_ceptoars = excluded.with_ceptoars,"
                + " changed_at = now()")
        .params(org, s.any(), s.nisc(), s.ministry(), s.ceptoars())
        .update();
  }

  /** Organisation ids that share their details. */
  Set<Long> sharing() {
    return Set.copyOf(
        jdbc.sql("select organisation_id from exposure_sharing where share_details")
            .query(Long.class)
            .list());
  }
}
