package jp.renkei.server.report;

import static jp.renkei.server.report.ReportAccess.isOriginator;
import static jp.renkei.server.report.ReportAccess.myHop;
import static jp.renkei.server.report.ReportAccess.nextHop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.listing.Section;
import jp.renkei.server.sharing.ExerciseScope;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情報連絡 as its readers see it: a report, the lists and statistics over reports, and an
 * organisation's inbox. Every read goes through {@link SharingGate}; a report the viewer may not
 * see is {@link NotFound}, whether it exists or not. Writing is {@link ReportFilingService} (the
 * reporter), {@link ReportRoutingService} (the hops on the route) and {@link ReportRelayService}
 * (the CEPTOAR's anonymised relay).
 */
@Service
public class ReportService {

  static final int LIST_BATCH = 500;

  /** One line of a report list: the latest version's title, nothing the viewer may not see. */
  public record Summary(
      long id,
      String title,
      String status,
      String tlp,
      String sectorCode,
      String originatorName,
      String severity,
      Instant submittedAt,
      int versions,
      String originatorNameEn) {

    /** The reporter as {@link #originatorName}, in the reader's language. */
    public String originatorName(java.util.Locale locale) {
      return english(locale, originatorName, originatorNameEn);
    }
  }

  static String english(java.util.Locale locale, String ja, String en) {
    return "en".equals(locale.getLanguage()) && en != null ? en : ja;
  }

  /**
   * One line of an inbox. {@code awaitingRelay}: the number of the oldest version of an anonymised
   * report this CEPTOAR has not relayed yet (null when none waits); {@code canForward}: the viewer
   * may pass the report on (forward it, or relay that version).
   */
  public record InboxItem(
      long reportId,
      String title,
      String tlp,
      String originatorName,
      String kind,
      Instant deliveredAt,
      Instant readAt,
      Instant forwardedAt,
      Integer awaitingRelay,
      boolean canForward,
      String originatorNameEn) {

    /** The reporter as {@link #originatorName}, in the reader's language. */
    public String originatorName(java.util.Locale locale) {
      return english(locale, originatorName, originatorNameEn);
    }
  }

  private final ReportRepository reports;
  private final SharingGate gate;
  private final DirectoryService directory;
  private final AuditLog audit;
  private final ReportAccess access;
  private final jp.renkei.server.directory.OrganisationNames names;
  private final ReportListing listing;
  private final jp.renkei.server.reference.ReferenceData reference;

  ReportService(
      ReportRepository reports,
      SharingGate gate,
      DirectoryService directory,
      AuditLog audit,
      ReportAccess access,
      jp.renkei.server.directory.OrganisationNames names,
      ReportListing listing,
      jp.renkei.server.reference.ReferenceData reference) {
    this.reference = reference;
    this.names = names;
    this.listing = listing;
    this.reports = reports;
    this.gate = gate;
    this.directory = directory;
    this.audit = audit;
    this.access = access;
  }

  /**
   * The report as the actor may see it; the read is audited unless it is the actor's own or CLEAR.
   */
  @Transactional
  public ReportView view(Actor actor, long id) {
    return view(actor, id, java.util.Locale.JAPANESE);
  }

  /**
   * As {@link #view(Actor, long)}, with organisations named in {@code locale}: the reporter by the
   * name it had when it sent the report (an anonymised copy by its anonymous form), the route's and
   * the comments' organisations by their names now.
   */
  @Transactional
  public ReportView view(Actor actor, long id, java.util.Locale locale) {
    ReportRecords.Report r = access.visibleReport(actor, id);
    List<ReportRecords.Hop> hops = reports.hops(id);
    List<ReportView.Version> versions = reports.versions(id);
    boolean own = isOriginator(r, actor);
    if (!own && !"clear".equals(r.tlp())) {
      audit.record(
          actor,
          AuditLog.Event.success("report.read", "report", id, Detail.of("object.tlp", r.tlp())));
    }
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    java.util.function.LongFunction<String> names =
        org -> orgs.computeIfAbsent(org, directory::organisation).name(locale);
    Optional<ReportRecords.Hop> mine = myHop(actor, hops);
    List<Integer> all = versions.stream().map(ReportView.Version::number).toList();
    List<ReportView.HopView> route = new ArrayList<>();
    for (ReportRecords.Hop h : hops) {
      route.add(hopView(names, h, h.hopOrder(), h.deliveredAt() == null ? List.of() : all));
    }
    List<ReportView.CommentView> comments = new ArrayList<>();
    for (ReportRecords.Comment c : reports.comments(id)) {
      comments.add(
          new ReportView.CommentView(names.apply(c.orgId()), c.body(), c.createdAt(), false));
    }
    // the original of an anonymised report: its route goes on with the copy's hops, and what was
    // said upstream on the copy comes back down (only the reporter and its CEPTOAR see this)
    Optional<Long> copy = relayedCopy(r, hops);
    if (copy.isPresent()) {
      List<Integer> relayed =
          reports.versions(copy.get()).stream().map(ReportView.Version::number).toList();
      for (ReportRecords.Hop h : reports.hops(copy.get())) {
        route.add(
            hopView(
                names,
                h,
                hops.size() + h.hopOrder(),
                h.deliveredAt() == null ? List.of() : relayed));
      }
      for (ReportRecords.Comment c : reports.comments(copy.get())) {
        comments.add(
            new ReportView.CommentView(names.apply(c.orgId()), c.body(), c.createdAt(), true));
      }
      comments.sort(java.util.Comparator.comparing(ReportView.CommentView::createdAt));
    }
    Instant niscAt =
        route.stream()
            .filter(h -> "nisc".equals(h.kind()))
            .map(ReportView.HopView::deliveredAt)
            .filter(t -> t != null)
            .findFirst()
            .orElse(null);
    Duration toNisc =
        niscAt == null ? null : Duration.between(versions.get(0).content().detectedAt(), niscAt);
    boolean analyst = actor.is(Role.ANALYST);
    return new ReportView(
        r.id(),
        r.status(),
        r.tlp(),
        r.route(),
        r.sectorCode(),
        "en".equals(locale.getLanguage())
            ? displayNameEn(orgs, r)
            : displayName(new HashMap<>(), r),
        own,
        r.submittedAt(),
        versions,
        route,
        comments,
        toNisc,
        new ReportView.Actions(
            own && analyst && "draft".equals(r.status()),
            own && analyst && "submitted".equals(r.status()),
            mine.isPresent() && mine.get().readAt() == null,
            analyst
                && !r.anonymise()
                && mine.isPresent()
                && mine.get().forwardedAt() == null
                && nextHop(hops, mine.get()).isPresent(),
            analyst
                && r.anonymise()
                && mine.isPresent()
                && "ceptoar".equals(mine.get().kind())
                && versions.size() > access.relayedVersions(mine.get()),
            !"draft".equals(r.status()) && (own || mine.isPresent())),
        r.isRelayCopy(),
        r.exerciseRunId());
  }

  /**
   * The anonymised copy whose route the original's page goes on with (the original of an anonymised
   * report, which only its reporter and CEPTOAR may read), if relayed yet.
   */
  private static Optional<Long> relayedCopy(ReportRecords.Report r, List<ReportRecords.Hop> hops) {
    return r.anonymise()
        ? hops.stream().map(ReportRecords.Hop::relayedAsReportId).filter(c -> c != null).findFirst()
        : Optional.empty();
  }

  /**
   * Whether an organisation on the report's route as its page shows it to a reader (its own hops,
   * and for the original of an anonymised report those of the copy) is named, in Japanese or
   * English, by the list's recipient filter {@code recipient}; only called for a report the reader
   * may see, so a recipient is matched exactly when the reader's page would show it.
   */
  private boolean recipientMatches(
      ListQuery query,
      ReportRecords.Report r,
      Map<Long, jp.renkei.server.directory.Organisation> orgs) {
    List<ReportRecords.Hop> hops = reports.hops(r.id());
    List<ReportRecords.Hop> route = new ArrayList<>(hops);
    relayedCopy(r, hops).ifPresent(copy -> route.addAll(reports.hops(copy)));
    for (ReportRecords.Hop h : route) {
      jp.renkei.server.directory.Organisation o =
          orgs.computeIfAbsent(h.recipientOrgId(), directory::organisation);
      if (query.fieldMatches("recipient", o.nameJa(), o.nameEn())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The recipient filter's organisations (null: the query has none), named exactly as {@link
   * #recipientMatches} names them, so that candidates can be narrowed in SQL to reports with a hop
   * to one of them. Only narrows: which of them a viewer may learn of is recipientMatches' answer.
   */
  private List<Long> recipientOrganisations(ListQuery query) {
    return query.field("recipient").isEmpty()
        ? null
        : directory.find(jp.renkei.server.directory.OrganisationQuery.ALL).stream()
            .filter(o -> query.fieldMatches("recipient", o.nameJa(), o.nameEn()))
            .map(jp.renkei.server.directory.Organisation::id)
            .toList();
  }

  /** What the inbox page's filters let SQL leave out (see {@link InboxNarrowing}). */
  public InboxNarrowing inboxNarrowing(ListQuery query) {
    return InboxNarrowing.of(query, recipientOrganisations(query));
  }

  /**
   * The inbox page's recipient filter: whether an inbox item's report has, on its route as the
   * report's page shows it to the viewer, a recipient the query names — the report list's rule
   * ({@link #recipientMatches}). Always true without a recipient filter. Asked only of items the
   * inbox walk gave (judged by the policy); answers are kept per report for the page.
   */
  public java.util.function.Predicate<InboxItem> inboxRecipient(ListQuery query) {
    if (query.field("recipient").isEmpty()) {
      return i -> true;
    }
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    Map<Long, Boolean> answers = new HashMap<>();
    return i ->
        answers.computeIfAbsent(
            i.reportId(),
            id -> reports.report(id).map(r -> recipientMatches(query, r, orgs)).orElse(false));
  }

  private ReportView.HopView hopView(
      java.util.function.LongFunction<String> names,
      ReportRecords.Hop h,
      int order,
      List<Integer> versions) {
    return new ReportView.HopView(
        order,
        h.kind(),
        names.apply(h.recipientOrgId()),
        h.deliveredAt(),
        h.readAt(),
        h.forwardedAt(),
        versions);
  }

  /** Whether the actor may see the report (no audit entry: nothing is shown). */
  public boolean canSee(Actor actor, long id) {
    var found = reports.report(id);
    // read whether or not the report exists: a hidden one and a missing one do the same work
    var hops = reports.hops(id);
    return gate.visible(actor, found, r -> audience(r, hops)).isPresent();
  }

  /**
   * Whether report {@code id} belongs to the same work as {@code exerciseRunId}: real work (null)
   * or that exercise run. Asked only about a report the caller may see ({@link #canSee}): an
   * advisory cites reports of its own work only, so a real advisory never carries an exercise's
   * report (nor an exercise's advisory a real one).
   */
  public boolean sameWork(long id, Long exerciseRunId) {
    return reports
        .report(id)
        .filter(r -> java.util.Objects.equals(r.exerciseRunId(), exerciseRunId))
        .isPresent();
  }

  /** The reports the actor may see, newest first, at most {@code limit}. */
  public List<Summary> list(Actor actor, int limit) {
    List<Summary> out = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    scanVisible(
        actor,
        visible -> {
          out.addAll(summaries(visible, names, limit - out.size()));
          return out.size() < limit;
        });
    return out;
  }

  /**
   * Of {@code ids} (e.g. candidates a search index found), the reports the actor may see, in the
   * order given; the others are left out as if they did not exist. Judged by the same policy as
   * {@link #list}; nothing is shown yet, so nothing is audited.
   */
  public List<Summary> visibleAmong(Actor actor, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    SharingGate.Check check = gate.check(actor);
    Map<Long, ReportRecords.Report> found = reports.reports(ids);
    Map<Long, List<ReportRecords.Hop>> hops = reports.hopsFor(List.copyOf(found.keySet()));
    List<Visible> visible =
        ids.stream()
            .distinct()
            .map(found::get)
            .filter(r -> r != null && real(r) && check.allows(audience(r, hops.get(r.id()))))
            .map(r -> new Visible(r, hops.get(r.id())))
            .toList();
    return visible.isEmpty() ? List.of() : summaries(visible, new HashMap<>(), visible.size());
  }

  private List<Summary> summaries(List<Visible> visible, Map<Long, String> names, int limit) {
    Map<Long, ReportRepository.Latest> latest =
        reports.latest(visible.stream().map(v -> v.report().id()).toList());
    List<Summary> out = new ArrayList<>();
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    for (Visible v : visible) {
      if (out.size() >= limit) {
        break;
      }
      ReportRecords.Report r = v.report();
      ReportRepository.Latest l = latest.get(r.id());
      out.add(
          new Summary(
              r.id(),
              l.title(),
              r.status(),
              r.tlp(),
              r.sectorCode(),
              displayName(names, r),
              l.severityCode(),
              r.submittedAt(),
              l.versionNo(),
              displayNameEn(orgs, r)));
    }
    return out;
  }

  /**
   * One page of the reports the actor may see that match the query, in its order. The filters
   * narrow the candidates in SQL; each candidate is then judged by the sharing gate like every
   * other report read, so the page and its total hold only reports the actor may see. The walk
   * stops once it has the page and has counted {@link ListSpec#COUNTED} matching reports (then the
   * page says "n件以上"); a deeper page walks as far as its own rows, at most {@link ListSpec#CAP}.
   */
  @Transactional(readOnly = true)
  public ListPage<Summary> search(Actor actor, ListQuery query) {
    if (!query.valid()) {
      return ListPage.rejected(query);
    }
    SharingGate.Check check = gate.check(actor);
    long org = actor.organisationId() == null ? -1 : actor.organisationId();
    List<ReportListing.Candidate> page = new ArrayList<>();
    int counted = ListSpec.counted(query);
    int matching = 0;
    Map<Long, String> names = new HashMap<>();
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    List<Long> recipients = recipientOrganisations(query);
    // the walk stops after counted + 1 matching rows (or the page's last row, if deeper)
    var it =
        listing.candidates(
            org,
            gate.reach(actor),
            query,
            recipients,
            Math.max(counted + 1, query.offset() + query.size()));
    while (matching <= counted && it.hasNext()) {
      ReportListing.Candidate c = it.next();
      if (!real(c.report())
          || !check.allows(ReportAccess.audience(c.report(), Set.copyOf(c.deliveredTo())))) {
        continue;
      }
      // the reporter as the viewer is shown it (an anonymised copy: its anonymous form only)
      if (!query.field("org").isEmpty()
          && !query.fieldMatches(
              "org", displayName(names, c.report()), displayNameEn(orgs, c.report()))) {
        continue;
      }
      if (!query.field("recipient").isEmpty() && !recipientMatches(query, c.report(), orgs)) {
        continue;
      }
      if (matching >= query.offset() && page.size() < query.size()) {
        page.add(c);
      }
      matching++;
    }
    Map<Long, ReportRepository.Latest> latest =
        page.stream().anyMatch(c -> c.versions() == 0)
            ? reports.latest(page.stream().map(c -> c.report().id()).toList())
            : Map.of();
    List<Summary> rows = new ArrayList<>();
    for (ReportListing.Candidate c : page) {
      ReportRecords.Report r = c.report();
      ReportRepository.Latest l = latest.get(r.id());
      rows.add(
          new Summary(
              r.id(),
              l == null ? c.title() : l.title(),
              r.status(),
              r.tlp(),
              r.sectorCode(),
              displayName(names, r),
              l == null ? c.severity() : l.severityCode(),
              r.submittedAt(),
              l == null ? c.versions() : l.versionNo(),
              displayNameEn(orgs, r)));
    }
    return new ListPage<>(
        rows.size() > query.size() ? rows.subList(0, query.size()) : rows,
        Math.min(matching, counted),
        matching > counted,
        query);
  }

  /** The list's sort keys, the default (newest submitted first) first. */
  public static String[] sorts() {
    return ReportListing.sorts();
  }

  /**
   * The statistics NISC publishes (reports by sector, incident type and cause per fiscal quarter,
   * time from detection to NISC receipt, open reports), over the submitted reports the actor may
   * see and nothing else. A CEPTOAR's own anonymised copies are not counted again beside their
   * originals.
   */
  public ReportStatistics statistics(Actor actor) {
    return statistics(actor, StatisticsFilter.NONE);
  }

  /** As {@link #statistics(Actor)}, over the visible reports the filter accepts. */
  public ReportStatistics statistics(Actor actor, StatisticsFilter filter) {
    ReportStatistics.Builder stats = new ReportStatistics.Builder();
    scanVisible(
        actor,
        visible -> {
          List<Visible> counted =
              visible.stream()
                  .filter(v -> !"draft".equals(v.report().status()))
                  .filter(v -> !(v.report().isRelayCopy() && isOriginator(v.report(), actor)))
                  .toList();
          if (counted.isEmpty()) {
            return true;
          }
          Map<Long, ReportRepository.Facts> facts =
              reports.facts(counted.stream().map(v -> v.report().id()).toList());
          for (Visible v : counted) {
            ReportRepository.Facts f = facts.get(v.report().id());
            if (!filter.accepts(v.report().sectorCode(), f.detectedAt())) {
              continue;
            }
            Instant atNisc =
                v.hops().stream()
                    .filter(h -> "nisc".equals(h.kind()) && h.deliveredAt() != null)
                    .map(ReportRecords.Hop::deliveredAt)
                    .findFirst()
                    .orElse(null);
            stats.add(
                v.report().sectorCode(),
                f.incidentTypeCode(),
                f.causeCodes(),
                f.detectedAt(),
                atNisc,
                "submitted".equals(v.report().status()));
          }
          return true;
        });
    return stats.build();
  }

  /**
   * The number the STIX ids of report {@code id} derive from (its id before ids were random, else
   * its id), so that a renumbered report keeps its STIX identity. Ask only after the caller may see
   * the report.
   */
  public long stixKey(long id) {
    return reports.stixKey(id);
  }

  /** Whether a report is real work: every real read path keeps only these (exercise isolation). */
  private static boolean real(ReportRecords.Report r) {
    return ExerciseScope.isReal(r.exerciseRunId());
  }

  /**
   * The reports of exercise run {@code runId} the actor may see, newest first, at most {@code
   * limit}: the exercise's own list, judged by the same policy as every report read.
   */
  public List<Summary> inExercise(Actor actor, long runId, int limit) {
    List<Visible> visible = visibleInExercise(actor, runId, limit);
    return visible.isEmpty() ? List.of() : summaries(visible, new HashMap<>(), limit);
  }

  /**
   * When each organisation sent a report in exercise run {@code runId} (relay copies left out), of
   * the reports {@code viewer} may see: the evidence the run's automatic checks score, judged by
   * the same policy as every report read, so a report outside the viewer's audience is neither
   * counted nor timed.
   */
  public Map<Long, List<Instant>> submissionsInExercise(Actor viewer, long runId) {
    Map<Long, List<Instant>> out = new HashMap<>();
    for (Visible v : visibleInExercise(viewer, runId)) {
      ReportRecords.Report r = v.report();
      if (r.submittedAt() != null && !r.isRelayCopy() && !r.isSimulated()) {
        out.computeIfAbsent(r.originatorOrgId(), k -> new ArrayList<>()).add(r.submittedAt());
      }
    }
    out.values().forEach(java.util.Collections::sort);
    return out;
  }

  /**
   * When each organisation forwarded (or relayed) a report of exercise run {@code runId} to the
   * next on its route, of the reports {@code viewer} may see: the evidence of the run's
   * REPORT_FORWARDED checks, judged by the same policy as {@link #submissionsInExercise}.
   */
  public Map<Long, List<Instant>> forwardsInExercise(Actor viewer, long runId) {
    Map<Long, List<Instant>> out = new HashMap<>();
    for (Visible v : visibleInExercise(viewer, runId)) {
      for (ReportRecords.Hop h : v.hops()) {
        if (h.forwardedAt() != null) {
          out.computeIfAbsent(h.recipientOrgId(), k -> new ArrayList<>()).add(h.forwardedAt());
        }
      }
    }
    out.values().forEach(java.util.Collections::sort);
    return out;
  }

  /**
   * One hop of a report of an exercise run, as the viewer may see it on the report's page. {@code
   * relayCopy}: the report is a CEPTOAR's anonymised relay copy, whose originator is the CEPTOAR
   * (the copy never names the operator behind it).
   */
  public record ExerciseHop(
      long reportId,
      long originatorOrgId,
      Instant submittedAt,
      String kind,
      long recipientOrgId,
      Instant deliveredAt,
      Instant readAt,
      Instant forwardedAt,
      boolean relayCopy) {}

  /**
   * The hops of the reports of exercise run {@code runId} that {@code viewer} may see, anonymised
   * relay copies included as their own reports (sent by the CEPTOAR): how far each report travelled
   * and when each level opened or forwarded it — what the CEPTOAR drill's 情報連絡訓練 measures. A copy
   * is judged by the policy as a copy, so a viewer who may not read the original learns nothing of
   * it.
   */
  public List<ExerciseHop> hopsInExercise(Actor viewer, long runId) {
    List<ExerciseHop> out = new ArrayList<>();
    for (Visible v : visibleInExercise(viewer, runId)) {
      ReportRecords.Report r = v.report();
      if (r.submittedAt() == null) {
        continue;
      }
      for (ReportRecords.Hop h : v.hops()) {
        out.add(
            new ExerciseHop(
                r.id(),
                r.originatorOrgId(),
                r.submittedAt(),
                h.kind(),
                h.recipientOrgId(),
                h.deliveredAt(),
                h.readAt(),
                h.forwardedAt(),
                r.isRelayCopy()));
      }
    }
    return out;
  }

  private List<Visible> visibleInExercise(Actor viewer, long runId) {
    return visibleInExercise(viewer, runId, Integer.MAX_VALUE);
  }

  /** Reports of an exercise run judged per statement (with their hops). */
  static final int EXERCISE_BATCH = 1_000;

  /**
   * The first {@code max} reports of exercise run {@code runId} that {@code viewer} may see, newest
   * first: every report of the run is a candidate, judged {@value #EXERCISE_BATCH} at a time until
   * {@code max} are kept. The run's reports were read up to 5,000 and then judged, so reports the
   * viewer may not see (other teams' drafts, reports between two other players) pushed visible ones
   * out of the evidence the run's checks score.
   */
  private List<Visible> visibleInExercise(Actor viewer, long runId, int max) {
    List<Long> ids = reports.ofExercise(runId);
    SharingGate.Check check = gate.check(viewer);
    List<Visible> out = new ArrayList<>();
    for (int from = 0; from < ids.size() && out.size() < max; from += EXERCISE_BATCH) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + EXERCISE_BATCH));
      Map<Long, ReportRecords.Report> found = reports.reports(chunk);
      Map<Long, List<ReportRecords.Hop>> hops = reports.hopsFor(chunk);
      for (Long id : chunk) {
        ReportRecords.Report r = found.get(id);
        if (r != null
            && ExerciseScope.inRun(r.exerciseRunId(), runId)
            && check.allows(audience(r, hops.get(id)))) {
          out.add(new Visible(r, hops.get(id)));
          if (out.size() >= max) {
            break;
          }
        }
      }
    }
    return out;
  }

  /** A report the policy allows, with its hops. */
  private record Visible(ReportRecords.Report report, List<ReportRecords.Hop> hops) {}

  /**
   * The one policy-filtered scan behind lists and statistics: reports newest first, in batches,
   * each batch cut to what the actor may see, handed to {@code consumer} until it returns false.
   */
  private void scanVisible(Actor actor, java.util.function.Predicate<List<Visible>> consumer) {
    SharingGate.Check check = gate.check(actor);
    long org = actor.organisationId() == null ? -1 : actor.organisationId();
    ReportRecords.Report last = null;
    while (true) {
      List<ReportRecords.Report> batch = reports.batch(org, last, LIST_BATCH);
      if (batch.isEmpty()) {
        return;
      }
      Map<Long, List<ReportRecords.Hop>> hops =
          reports.hopsFor(batch.stream().map(ReportRecords.Report::id).toList());
      List<Visible> visible =
          batch.stream()
              .filter(r -> real(r) && check.allows(audience(r, hops.get(r.id()))))
              .map(r -> new Visible(r, hops.get(r.id())))
              .toList();
      if (!visible.isEmpty() && !consumer.test(visible)) {
        return;
      }
      if (batch.size() < LIST_BATCH) {
        return;
      }
      last = batch.get(batch.size() - 1);
    }
  }

  /**
   * The actor organisation's inbox: reports delivered to it on their route, newest first, after
   * every anonymised report with a version waiting for this CEPTOAR to relay it.
   */
  public List<InboxItem> inbox(Actor actor, int limit) {
    return inbox(actor, limit, true);
  }

  /**
   * As {@link #inbox(Actor, int)}, every item judged by the policy as there, but without its title
   * and reporter's name (null) when {@code named} is false: a page that neither searches nor sorts
   * by them names only the rows it shows ({@link #named}).
   */
  public List<InboxItem> inbox(Actor actor, int limit, boolean named) {
    return inbox(actor, limit, named, InboxNarrowing.NONE, i -> true);
  }

  /** Delivered hops read per query while the inbox walks its deliveries newest first. */
  static final int INBOX_BATCH = 1_000;

  /** The fewest delivered hops a further batch of the walk reads. */
  static final int INBOX_MIN_BATCH = 50;

  /**
   * The first {@code limit} inbox items (in the order of {@link #inbox(Actor, int)}) that the
   * policy lets the actor see and {@code keep} accepts. The deliveries are read newest first in
   * batches, narrowed in SQL by {@code narrow}, each judged by the policy, until {@code limit}
   * items are kept or none are left: a delivery the actor may no longer see is skipped and never
   * counted.
   */
  public List<InboxItem> inbox(
      Actor actor,
      int limit,
      boolean named,
      InboxNarrowing narrow,
      java.util.function.Predicate<InboxItem> keep) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    long org = actor.organisationId();
    List<ReportRecords.Hop> awaiting = reports.awaitingRelay(org);
    Set<Long> waiting = awaiting.stream().map(ReportRecords.Hop::id).collect(Collectors.toSet());
    List<InboxItem> out = new ArrayList<>();
    if (narrow.allowsAwaiting()) {
      keep(out, items(actor, awaiting, waiting, Integer.MAX_VALUE, named), keep, limit);
    }
    if ("awaiting".equals(narrow.status())) {
      return out;
    }
    ReportRecords.Hop last = null;
    while (out.size() < limit) {
      // no more than the items still missing (and a few more, for those the policy or the page's
      // filters leave out): a walk that needs 1,001 items reads 1,000 and then a handful
      int ask = Math.min(INBOX_BATCH, Math.max(INBOX_MIN_BATCH, limit - out.size() + 1));
      List<ReportRecords.Hop> batch = reports.inbox(org, ask, last, narrow);
      List<ReportRecords.Hop> delivered =
          batch.stream().filter(h -> !waiting.contains(h.id())).toList();
      keep(out, items(actor, delivered, waiting, Integer.MAX_VALUE, named), keep, limit);
      if (batch.size() < ask) {
        break;
      }
      last = batch.get(batch.size() - 1);
    }
    return out;
  }

  /**
   * The inbox's orders that SQL can read in: title and TLP (either way) and the delivery time
   * oldest first (newest first is {@link #inbox(Actor, int, boolean, InboxNarrowing,
   * java.util.function.Predicate)}'s own walk, after the reports awaiting relay).
   */
  public static boolean inboxReadInOrder(String sort, boolean descending) {
    return ReportRepository.INBOX_ORDER.containsKey(sort)
        && !(sort.equals("delivered") && descending);
  }

  /**
   * The first {@code limit} inbox items in the order of {@code sort} (ties by report, both in the
   * direction asked) that the policy lets the actor see and {@code keep} accepts, read in that
   * order from SQL in batches (keyset) until {@code limit} are kept: a walk that stops early reads
   * little. Null when the organisation has a visible report awaiting its relay that {@code keep}
   * accepts: those are read apart and would have to be merged into the order (the caller then reads
   * the inbox in full, as before). A delivery the actor may no longer see is skipped and never
   * counted.
   */
  public List<InboxItem> inboxInOrder(
      Actor actor,
      int limit,
      boolean named,
      InboxNarrowing narrow,
      java.util.function.Predicate<InboxItem> keep,
      String sort,
      boolean descending) {
    if (!inboxReadInOrder(sort, descending)) {
      throw new IllegalArgumentException("not an order read from SQL: " + sort);
    }
    if (actor.organisationId() == null) {
      return List.of();
    }
    long org = actor.organisationId();
    List<ReportRecords.Hop> awaiting = reports.awaitingRelay(org);
    Set<Long> waiting = awaiting.stream().map(ReportRecords.Hop::id).collect(Collectors.toSet());
    List<InboxItem> out = new ArrayList<>();
    if (narrow.allowsAwaiting()) {
      keep(out, items(actor, awaiting, waiting, Integer.MAX_VALUE, named), keep, limit);
      if (!out.isEmpty()) {
        return null;
      }
    }
    if ("awaiting".equals(narrow.status())) {
      return out;
    }
    ReportRepository.OrderedHop last = null;
    while (out.size() < limit) {
      int ask = Math.min(INBOX_BATCH, Math.max(INBOX_MIN_BATCH, limit - out.size() + 1));
      List<ReportRepository.OrderedHop> batch =
          reports.inboxInOrder(org, ask, sort, descending, last, narrow);
      // a hop awaiting relay the policy hides stays out, as in the newest-first walk
      List<ReportRecords.Hop> delivered =
          batch.stream()
              .map(ReportRepository.OrderedHop::hop)
              .filter(h -> !waiting.contains(h.id()))
              .toList();
      keep(out, items(actor, delivered, waiting, Integer.MAX_VALUE, named), keep, limit);
      if (batch.size() < ask) {
        break;
      }
      last = batch.get(batch.size() - 1);
    }
    return out;
  }

  private static void keep(
      List<InboxItem> out,
      List<InboxItem> items,
      java.util.function.Predicate<InboxItem> keep,
      int limit) {
    for (InboxItem i : items) {
      if (out.size() >= limit) {
        return;
      }
      if (keep.test(i)) {
        out.add(i);
      }
    }
  }

  /** {@code items} from {@link #inbox(Actor, int, boolean)} with their titles and names. */
  public List<InboxItem> named(List<InboxItem> items) {
    if (items.isEmpty()) {
      return items;
    }
    List<Long> ids = items.stream().map(InboxItem::reportId).distinct().toList();
    Map<Long, ReportRecords.Report> byId = reports.reports(ids);
    Map<Long, ReportRepository.Latest> latest = reports.latest(ids);
    Map<Long, String> names = new HashMap<>();
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    return items.stream()
        .map(
            i ->
                new InboxItem(
                    i.reportId(),
                    latest.get(i.reportId()).title(),
                    i.tlp(),
                    displayName(names, byId.get(i.reportId())),
                    i.kind(),
                    i.deliveredAt(),
                    i.readAt(),
                    i.forwardedAt(),
                    i.awaitingRelay(),
                    i.canForward(),
                    displayNameEn(orgs, byId.get(i.reportId()))))
        .toList();
  }

  /**
   * What waits on the actor's organisation in its inbox: anonymised reports with a version to
   * relay, then reports not yet read or read but not passed on, newest first — inbox items, judged
   * by the policy as the inbox is. Every waiting report (up to {@code cap}) is judged and counted;
   * only the first {@code show} are built into items.
   */
  public Section<InboxItem> waiting(Actor actor, int show, int cap) {
    if (actor.organisationId() == null) {
      return Section.empty();
    }
    long org = actor.organisationId();
    List<ReportRecords.Hop> relays = reports.awaitingRelay(org);
    Set<Long> waiting = relays.stream().map(ReportRecords.Hop::id).collect(Collectors.toSet());
    SharingGate.Check check = gate.check(actor);
    List<ReportRecords.Hop> visible =
        Section.visibleOf(
            limit -> {
              List<ReportRecords.Hop> delivered = new ArrayList<>(relays);
              for (ReportRecords.Hop h : reports.open(org, limit)) {
                if (!waiting.contains(h.id())) {
                  delivered.add(h);
                }
              }
              return delivered;
            },
            delivered -> {
              if (delivered.isEmpty()) {
                return List.<ReportRecords.Hop>of();
              }
              List<Long> ids =
                  delivered.stream().map(ReportRecords.Hop::reportId).distinct().toList();
              // every hop here is delivered to the actor's organisation; counting needs no hop
              // orders (the items shown read theirs)
              Map<Long, ReportRepository.Judged> byId =
                  reports.judged(ids, gate.reach(actor).consultedOrganisations(), org, false);
              return delivered.stream()
                  .filter(h -> visible(check, byId.get(h.reportId())))
                  .toList();
            },
            cap);
    if (visible.isEmpty()) {
      return Section.empty();
    }
    return Section.of(
        items(actor, visible.subList(0, Math.min(show, visible.size())), waiting, show, true),
        visible.size(),
        cap);
  }

  /** Inbox items of the delivered hops the policy lets the actor see, at most {@code limit}. */
  private List<InboxItem> items(
      Actor actor, List<ReportRecords.Hop> delivered, Set<Long> waiting, int limit, boolean named) {
    List<InboxItem> out = new ArrayList<>();
    if (delivered.isEmpty()) {
      return out;
    }
    SharingGate.Check check = gate.check(actor);
    Map<Long, String> names = new HashMap<>();
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    List<Long> ids = delivered.stream().map(ReportRecords.Hop::reportId).toList();
    // every walk hands this hops delivered to the actor's organisation (its inbox, its queue)
    Map<Long, ReportRepository.Judged> byId =
        reports.judged(
            ids, gate.reach(actor).consultedOrganisations(), actor.organisationId(), false);
    boolean analyst = actor.is(Role.ANALYST);
    Set<Long> passOn =
        analyst ? reports.withNextHop(mayPassOn(delivered, waiting, byId)) : Set.of();
    Map<Long, ReportRepository.Latest> latest = named ? reports.latest(ids) : Map.of();
    Map<Long, ReportRepository.Latest> copies =
        reports.latest(
            delivered.stream()
                .map(ReportRecords.Hop::relayedAsReportId)
                .filter(c -> c != null)
                .toList());
    for (ReportRecords.Hop h : delivered) {
      ReportRepository.Judged j = byId.get(h.reportId());
      if (!visible(check, j)) {
        continue; // an exercise's, or narrowed after delivery
      }
      ReportRecords.Report r = j.report();
      Integer awaiting = null;
      if (waiting.contains(h.id())) {
        ReportRepository.Latest relayed =
            h.relayedAsReportId() == null ? null : copies.get(h.relayedAsReportId());
        awaiting = relayed == null ? 1 : relayed.versionNo() + 1;
      }
      out.add(
          new InboxItem(
              r.id(),
              named ? latest.get(r.id()).title() : null,
              r.tlp(),
              named ? displayName(names, r) : null,
              h.kind(),
              h.deliveredAt(),
              h.readAt(),
              h.forwardedAt(),
              awaiting,
              analyst && (awaiting != null || passOn.contains(h.id())),
              named ? displayNameEn(orgs, r) : null));
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  /**
   * Of the delivered hops, the ids of those an analyst could pass on if a next hop exists: not
   * awaiting a relay, not passed on yet, of a report that is not anonymised (its copy goes on, not
   * it), and not NISC's (always the route's last hop: the filing and the relay put it last, and the
   * open-hop read of the work queue relies on the same rule). Only these need the next hop looked
   * up: NISC's inbox asks for none.
   */
  private static List<Long> mayPassOn(
      List<ReportRecords.Hop> delivered,
      Set<Long> waiting,
      Map<Long, ReportRepository.Judged> byId) {
    return delivered.stream()
        .filter(
            h -> {
              ReportRepository.Judged j = byId.get(h.reportId());
              return j != null
                  && !waiting.contains(h.id())
                  && h.forwardedAt() == null
                  && !"nisc".equals(h.kind())
                  && !j.report().anonymise();
            })
        .map(ReportRecords.Hop::id)
        .toList();
  }

  /**
   * Whether the policy lets the checked viewer see a report a walk over deliveries read (judged by
   * {@link ReportAccess#audience} from the delivered organisations its Reach consults); never an
   * exercise's.
   */
  private static boolean visible(SharingGate.Check check, ReportRepository.Judged j) {
    return j != null
        && real(j.report())
        && check.allows(ReportAccess.audience(j.report(), java.util.Set.copyOf(j.deliveredTo())));
  }

  /**
   * A comment another organisation wrote on a report the viewer's organisation filed or received.
   * {@code reportId} is the report the viewer reads it on (the reporter reads the comments on its
   * anonymised copy on its original).
   */
  public record CommentNotice(
      long reportId,
      String title,
      String authorName,
      String excerpt,
      Instant createdAt,
      String authorNameEn) {

    /** The commenting organisation as it was named when it wrote, in the reader's language. */
    public String authorName(java.util.Locale locale) {
      return english(locale, authorName, authorNameEn);
    }
  }

  static final int EXCERPT = 120;

  /**
   * Comments other organisations wrote since {@code since} on reports the actor's organisation
   * filed or received on their route, newest first — only on reports the policy lets the actor see
   * now, so a report narrowed or never visible brings none. All of them (up to {@code cap}) are
   * counted; the first {@code show} are built.
   */
  public Section<CommentNotice> recentComments(Actor actor, Instant since, int show, int cap) {
    if (actor.organisationId() == null) {
      return Section.empty();
    }
    long org = actor.organisationId();
    SharingGate.Check check = gate.check(actor);
    List<ReportRepository.RecentComment> seen =
        Section.visibleOf(
            limit -> reports.recentComments(org, since, limit),
            found -> seenComments(check, found),
            cap);
    if (seen.isEmpty()) {
      return Section.empty();
    }
    List<ReportRepository.RecentComment> first = seen.stream().limit(show).toList();
    Map<Long, ReportRepository.Latest> latest =
        first.isEmpty()
            ? Map.of()
            : reports.latest(
                first.stream()
                    .map(c -> c.originalId() != null ? c.originalId() : c.reportId())
                    .distinct()
                    .toList());
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    java.util.function.LongFunction<jp.renkei.server.directory.Organisation> orgOf =
        id -> orgs.computeIfAbsent(id, directory::organisation);
    List<CommentNotice> out = new ArrayList<>();
    for (ReportRepository.RecentComment c : first) {
      long target = c.originalId() != null ? c.originalId() : c.reportId();
      String body = c.body().strip();
      out.add(
          new CommentNotice(
              target,
              latest.get(target).title(),
              names.nameAt(c.orgId(), c.createdAt(), java.util.Locale.JAPANESE, orgOf),
              body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body,
              c.createdAt(),
              names.nameAt(c.orgId(), c.createdAt(), java.util.Locale.ENGLISH, orgOf)));
    }
    return Section.of(out, seen.size(), cap);
  }

  /** The comments of {@code found} on real reports (or originals) the reader may see. */
  private List<ReportRepository.RecentComment> seenComments(
      SharingGate.Check check, List<ReportRepository.RecentComment> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Long> targets =
        found.stream()
            .map(c -> c.originalId() != null ? c.originalId() : c.reportId())
            .distinct()
            .toList();
    Map<Long, ReportRecords.Report> byId = reports.reports(targets);
    Map<Long, List<ReportRecords.Hop>> hops = reports.hopsFor(targets);
    Set<Long> visible =
        targets.stream()
            .filter(
                id ->
                    byId.containsKey(id)
                        && real(byId.get(id))
                        && check.allows(audience(byId.get(id), hops.get(id))))
            .collect(Collectors.toSet());
    return found.stream()
        .filter(c -> visible.contains(c.originalId() != null ? c.originalId() : c.reportId()))
        .toList();
  }

  /** How many anonymised reports have a version waiting for the actor's CEPTOAR to relay it. */
  public int awaitingRelay(Actor actor) {
    if (actor.organisationId() == null) {
      return 0;
    }
    List<ReportRecords.Hop> waiting = reports.awaitingRelay(actor.organisationId());
    if (waiting.isEmpty()) {
      return 0;
    }
    SharingGate.Check check = gate.check(actor);
    List<Long> ids = waiting.stream().map(ReportRecords.Hop::reportId).toList();
    Map<Long, ReportRecords.Report> byId = reports.reports(ids);
    Map<Long, List<ReportRecords.Hop>> hopsById = reports.hopsFor(ids);
    return (int)
        ids.stream()
            .filter(i -> real(byId.get(i)) && check.allows(audience(byId.get(i), hopsById.get(i))))
            .count();
  }

  /**
   * The reporter as this report may name it: a relayed copy only says "an operator in sector X".
   */
  private String displayName(Map<Long, String> cache, ReportRecords.Report r) {
    if (r.isRelayCopy()) {
      return r.presentedOriginator();
    }
    if (r.isSimulated()) {
      return ExerciseScope.SIMULATED_MARK_JA + r.presentedOriginator();
    }
    // the name the reporter had when it sent the report (a draft: its name now)
    return r.submittedAt() == null
        ? name(cache, r.originatorOrgId())
        : names.nameJaAt(r.originatorOrgId(), r.submittedAt(), id -> name(cache, id));
  }

  /** {@link #displayName} in English: the name the reporter had then, or its anonymous form. */
  private String displayNameEn(
      Map<Long, jp.renkei.server.directory.Organisation> cache, ReportRecords.Report r) {
    if (r.isRelayCopy()) {
      return ReportRelayService.anonymousName(reference, r.sectorCode(), java.util.Locale.ENGLISH);
    }
    if (r.isSimulated()) {
      return ExerciseScope.SIMULATED_MARK_EN + r.presentedOriginator();
    }
    return names.nameAt(
        r.originatorOrgId(),
        r.submittedAt(),
        java.util.Locale.ENGLISH,
        id -> cache.computeIfAbsent(id, directory::organisation));
  }

  private String name(Map<Long, String> cache, long orgId) {
    return cache.computeIfAbsent(orgId, id -> directory.organisation(id).nameJa());
  }

  /** The policy's TLP for a stored TLP code. */
  static Tlp tlp(String code) {
    return ReportAccess.tlp(code);
  }

  /** The audience the policy judges for a report (see {@link ReportAccess#audience}). */
  static jp.renkei.engine.policy.Audience audience(
      ReportRecords.Report r, List<ReportRecords.Hop> hops) {
    return ReportAccess.audience(r, hops);
  }
}
