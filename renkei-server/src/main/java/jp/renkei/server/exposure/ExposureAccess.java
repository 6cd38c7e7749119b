package jp.renkei.server.exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.renkei.engine.exposure.ExposureSharing;
import jp.renkei.engine.policy.Decision;
import jp.renkei.engine.policy.SmallCounts;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.config.ExposureProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every read of inventories and findings, through the sharing policy ({@link SharingGate}) with the
 * audiences of {@link ExposureSharing}: an organisation's details (inventory, findings) by its
 * detail audience — an id outside it is "not found", exactly as an id that never existed — and the
 * sector figures counting only operators whose count audience addresses the viewer, each figure
 * shown only when at least k operators are exposed and at least k are not (so no figure names one
 * operator).
 */
@Service
public class ExposureAccess {

  /** An organisation as the exposure audiences need it. */
  record Org(long id, String sector, String type, ExposureSharing sharing) {}

  /** One sector's figure; {@code exposed} null when withheld (fewer than k either way). */
  public record SectorFigure(String sector, int operators, Integer exposed, boolean withheld) {}

  /**
   * One KEV CVE's national figure, listed when it or one of its sector figures can be shown; {@code
   * exposed} null when the national figure is withheld (it would give a withheld sector away) while
   * a sector's is shown (the advisory draft's).
   */
  public record CveFigure(String cveId, Integer exposed) {}

  /** What a coordinator sees: sector figures, CVE figures, and who shared details with it. */
  public record Figures(
      List<SectorFigure> sectors, List<CveFigure> cves, List<Long> sharedWithViewer, int k) {}

  private final JdbcClient jdbc;
  private final SharingGate gate;
  private final ExposureRepository repository;
  private final ExposureProperties props;
  private final AuditLog audit;

  ExposureAccess(
      JdbcClient jdbc,
      SharingGate gate,
      ExposureRepository repository,
      ExposureProperties props,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.repository = repository;
    this.props = props;
    this.audit = audit;
  }

  private static final String ORGS =
      "select o.id, o.sector_code, o.type_code,"
          + " array(select n.id from organisation n where n.type_code = 'nisc' and n.active),"
          + " array(select m.id from organisation m join sector s on s.ministry_code = m.ministry_code"
          + "   where m.type_code = 'ministry' and m.active and s.code = o.sector_code),"
          + " array(select c.ceptoar_id from ceptoar_membership c where c.member_id = o.id),"
          + " coalesce((select array[x.with_nisc, x.with_ministry, x.with_ceptoars]"
          + "   from exposure_sharing x where x.organisation_id = o.id), array[false, false, false])"
          + " from organisation o";

  private List<Org> orgs(String where, Object... params) {
    return jdbc.sql(ORGS + " where " + where)
        .params(params)
        .query(
            (rs, n) -> {
              List<Long> nisc = Rows.longs(rs.getArray(4));
              List<Long> ministry = Rows.longs(rs.getArray(5));
              Set<Long> counters = new HashSet<>(nisc);
              counters.addAll(ministry);
              // the details go to the recipients the organisation chose, each on its own
              Boolean[] with = (Boolean[]) rs.getArray(7).getArray();
              Set<Long> detail = new HashSet<>();
              if (with[0]) {
                detail.addAll(nisc);
              }
              if (with[1]) {
                detail.addAll(ministry);
              }
              if (with[2]) {
                detail.addAll(Rows.longs(rs.getArray(6)));
              }
              long id = rs.getLong(1);
              counters.remove(id);
              detail.remove(id);
              return new Org(
                  id, rs.getString(2), rs.getString(3), new ExposureSharing(id, counters, detail));
            })
        .list();
  }

  /** The organisation if the actor may see its details; else NotFound, as for no organisation. */
  Org detailOf(Actor actor, long orgId) {
    List<Org> o = orgs("o.id = ?", orgId);
    return gate.visible(actor, o.stream().findFirst(), x -> x.sharing().detailAudience())
        .orElseThrow(() -> new NotFound("organisation", orgId));
  }

  /**
   * The findings of an organisation whose details the actor may see; a read of another
   * organisation's findings is audited ({@code exposure.findings.read}).
   */
  @Transactional
  public List<ExposureRepository.FindingRow> findings(Actor actor, long orgId) {
    detailOf(actor, orgId);
    List<ExposureRepository.FindingRow> rows = repository.findings(orgId, props.maxFindingsShown());
    if (!ownedBy(actor, orgId)) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "exposure.findings.read",
              "exposure_findings",
              orgId,
              Detail.of("exposure.findings.read", rows.size())));
    }
    return rows;
  }

  /**
   * One page of the findings of an organisation whose details the actor may see, filtered, sorted
   * and paged in the database: all of them are within the reader's audience once the details are,
   * so the total is exact and uncapped. A read of another organisation's findings is audited
   * ({@code exposure.findings.read}) as {@link #findings} is; a query with problems reads nothing.
   */
  @Transactional
  public jp.renkei.server.listing.ListPage<ExposureRepository.FindingRow> findings(
      Actor actor, long orgId, jp.renkei.server.listing.ListQuery query) {
    detailOf(actor, orgId);
    if (!query.valid()) {
      return jp.renkei.server.listing.ListPage.rejected(query);
    }
    ExposureRepository.FindingSlice slice =
        repository.findings(
            orgId,
            new ExposureRepository.FindingQuery(
                query.text(),
                query.chosen("ssvc").orElse(null),
                query.chosen("handling").orElse(null),
                query.chosen("match").orElse(null),
                query.sort(),
                query.descending(),
                query.offset(),
                query.size()));
    if (!ownedBy(actor, orgId)) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "exposure.findings.read",
              "exposure_findings",
              orgId,
              Detail.of("exposure.findings.read.slice", slice.rows().size(), slice.total())));
    }
    return new jp.renkei.server.listing.ListPage<>(slice.rows(), slice.total(), false, query);
  }

  private static boolean ownedBy(Actor actor, long orgId) {
    return actor.organisationId() != null && actor.organisationId() == orgId;
  }

  /** A finding as the search box lists it. */
  public record CveFinding(
      long id,
      long organisationId,
      String cveId,
      String host,
      Integer port,
      String product,
      String outcome,
      java.time.LocalDate firstSeen) {}

  /**
   * The findings of one CVE the actor may see, newest first, at most {@code limit}: its own
   * organisation's and those of organisations whose details it may see ({@link #detailOf}'s
   * audience, judged once per organisation). Organisations outside it add nothing, not even to a
   * count.
   */
  public List<CveFinding> findingsOfCve(Actor actor, String cveId, int limit) {
    List<Long> orgs = repository.organisationsWith(cveId);
    if (orgs.isEmpty()) {
      return List.of();
    }
    SharingGate.Check check = gate.check(actor);
    List<Long> visible = new ArrayList<>();
    for (Org o : orgs("o.id = any(?)", (Object) orgs.toArray(Long[]::new))) {
      if (check.allows(o.sharing().detailAudience())) {
        visible.add(o.id());
      }
    }
    if (visible.isEmpty()) {
      return List.of();
    }
    return repository.findingsOf(visible, cveId, limit).stream()
        .map(
            f ->
                new CveFinding(
                    f.id(),
                    f.organisationId(),
                    f.cveId(),
                    f.host(),
                    f.port(),
                    f.productWords(),
                    f.outcome(),
                    f.firstSeen()))
        .toList();
  }

  /** Inventory counts per kind of an organisation whose details the actor may see. */
  public Map<String, Integer> inventory(Actor actor, long orgId) {
    detailOf(actor, orgId);
    return repository.inventoryCounts(orgId);
  }

  /** One finding, or NotFound when it does not exist or its organisation's details are hidden. */
  @Transactional
  public ExposureRepository.FindingRow finding(Actor actor, long id) {
    ExposureRepository.FindingRow f = visibleFinding(actor, id);
    if (!ownedBy(actor, f.organisationId())) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "exposure.finding.read",
              "exposure_finding",
              id,
              Detail.of("exposure.finding.read", f.cveId())));
    }
    return f;
  }

  /** One finding the actor may see (its organisation's details), not audited: for judging. */
  ExposureRepository.FindingRow visibleFinding(Actor actor, long id) {
    java.util.Optional<ExposureRepository.FindingRow> f = repository.finding(id);
    // its organisation is read whether or not the finding exists (an id no organisation has when
    // it does not): a hidden finding and a missing one do the same work (attack30b)
    List<Org> o =
        orgs("o.id = ?", f.map(ExposureRepository.FindingRow::organisationId).orElse(-1L));
    return gate.visible(
            actor, f.filter(x -> !o.isEmpty()), x -> o.get(0).sharing().detailAudience())
        .orElseThrow(() -> new NotFound("finding", id));
  }

  /**
   * The figures the actor may see: operators counted only where their count audience addresses the
   * actor (never the actor's own organisation), sector by sector.
   */
  public Figures figures(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    Map<Long, List<String>> kev = repository.kevExposure();
    List<Org> counted = counted(actor, check);
    Map<String, Set<Long>> perCve = new TreeMap<>();
    for (Org o : counted) {
      for (String cve : kev.getOrDefault(o.id(), List.of())) {
        perCve.computeIfAbsent(cve, c -> new HashSet<>()).add(o.id());
      }
    }
    List<Long> shared = sharedWith(actor, check);
    int k = props.minimumCount();
    List<SectorFigure> sectorFigures =
        sectorFigures(counted, o -> !kev.getOrDefault(o.id(), List.of()).isEmpty());
    List<CveFigure> cveFigures = new ArrayList<>();
    // a CVE is listed only with a figure that can be shown (a row with nothing shown would say
    // "someone"); its national figure only when what it leaves over the sectors its advisory draft
    // shows names no sector's one or two (secondary suppression, cveSectors)
    perCve.forEach(
        (cve, exposed) -> {
          CveSectors s = cveSectors(counted, o -> exposed.contains(o.id()));
          if (s.total()) {
            cveFigures.add(new CveFigure(cve, exposed.size()));
          } else if (s.sectors().stream().anyMatch(f -> f.exposed() != null && f.exposed() > 0)) {
            cveFigures.add(new CveFigure(cve, null));
          }
        });
    cveFigures.sort(
        java.util.Comparator.comparing(
            CveFigure::exposed,
            java.util.Comparator.nullsLast(java.util.Comparator.<Integer>reverseOrder())));
    return new Figures(sectorFigures, cveFigures, shared, k);
  }

  /**
   * The sector figures of one KEV CVE, by the same rules as {@link #figures}: counted operators
   * only, each figure shown only with at least k exposed and k not.
   */
  public List<SectorFigure> sectorFigures(Actor actor, String cveId) {
    Set<Long> exposed = new HashSet<>();
    repository
        .kevExposure()
        .forEach(
            (org, cves) -> {
              if (cves.contains(cveId)) {
                exposed.add(org);
              }
            });
    return cveSectors(counted(actor, gate.check(actor)), o -> exposed.contains(o.id())).sectors();
  }

  /** One KEV CVE's sector figures and whether its national figure may be shown with them. */
  private record CveSectors(List<SectorFigure> sectors, boolean total) {}

  /**
   * A CVE's figures per sector with secondary suppression against its national figure ({@link
   * SmallCounts#withTotal}): the national figure minus the sectors shown is the withheld sectors'
   * sum, so a sector shown alone with a withheld one ("10 nationally, 5 and 4 in two sectors")
   * would give the third's single operator; one more sector, or the national figure, is withheld
   * then.
   */
  private CveSectors cveSectors(List<Org> counted, java.util.function.Predicate<Org> exposed) {
    List<SectorFigure> plain = sectorFigures(counted, exposed);
    int[] having = new int[plain.size()];
    int[] population = new int[plain.size()];
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < plain.size(); i++) {
      at.put(plain.get(i).sector(), i);
      population[i] = plain.get(i).operators();
    }
    for (Org o : counted) {
      if (exposed.test(o)) {
        having[at.get(o.sector() == null ? "-" : o.sector())]++;
      }
    }
    SmallCounts.Shown shown = new SmallCounts(props.minimumCount()).withTotal(having, population);
    List<SectorFigure> out = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      SectorFigure f = plain.get(i);
      out.add(
          new SectorFigure(
              f.sector(), f.operators(), shown.parts()[i] ? having[i] : null, !shown.parts()[i]));
    }
    return new CveSectors(out, shown.total());
  }

  /** The active operators the actor may count: their count audience addresses it (not its own). */
  /**
   * The operators whose details the actor may see, other than its own. Read from every active
   * operator, not from those counted: a CEPTOAR is in no operator's count audience (only NISC and
   * the ministries count) yet may be in a member's detail audience.
   */
  private List<Long> sharedWith(Actor actor, SharingGate.Check check) {
    List<Long> out = new ArrayList<>();
    for (Org o : orgs("o.type_code = 'operator' and o.active order by o.id")) {
      if (actor.organisationId() != null && o.id() == actor.organisationId()) {
        continue;
      }
      if (check.allows(o.sharing().detailAudience())) {
        out.add(o.id());
      }
    }
    return out;
  }

  private List<Org> counted(Actor actor, SharingGate.Check check) {
    List<Org> out = new ArrayList<>();
    for (Org o : orgs("o.type_code = 'operator' and o.active")) {
      if (actor.organisationId() != null && o.id() == actor.organisationId()) {
        continue;
      }
      Decision d = check.decide(o.sharing().countAudience());
      if (d.allowed() && d.reason() != Decision.Reason.ORIGINATOR) {
        out.add(o);
      }
    }
    return out;
  }

  private List<SectorFigure> sectorFigures(
      List<Org> counted, java.util.function.Predicate<Org> exposed) {
    Map<String, int[]> sectors = new TreeMap<>();
    for (Org o : counted) {
      int[] c = sectors.computeIfAbsent(o.sector() == null ? "-" : o.sector(), s -> new int[2]);
      c[0]++;
      if (exposed.test(o)) {
        c[1]++;
      }
    }
    SmallCounts rule = new SmallCounts(props.minimumCount());
    List<SectorFigure> out = new ArrayList<>();
    sectors.forEach(
        (s, c) -> {
          boolean show = rule.shows(c[1], c[0]);
          out.add(new SectorFigure(s, c[0], show ? c[1] : null, !show));
        });
    return out;
  }

  /** Organisation ids whose findings include this KEV CVE (for notices; not a read path). */
  Map<Long, Org> byIds(Set<Long> ids) {
    Map<Long, Org> out = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Org o : orgs("o.id = any(?)", (Object) ids.toArray(Long[]::new))) {
        out.put(o.id(), o);
      }
    }
    return out;
  }
}
