package jp.renkei.server.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.AudienceChange;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情報連絡: operators write reports (drafts, then 第一報, 続報, 最終報), which travel along their route
 * (CEPTOAR, then sector ministry, then NISC; or the hotline to NISC), one inbox per hop. Every read
 * goes through {@link SharingGate}; a report the viewer may not see is {@link NotFound}, whether it
 * exists or not.
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
      int versions) {}

  /** One line of an inbox. */
  public record InboxItem(
      long reportId,
      String title,
      String tlp,
      String originatorName,
      String kind,
      Instant deliveredAt,
      Instant readAt,
      Instant forwardedAt,
      boolean canForward) {}

  private final ReportRepository reports;
  private final ReportValidator validator;
  private final SharingGate gate;
  private final DirectoryService directory;
  private final UserService users;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  ReportService(
      ReportRepository reports,
      ReportValidator validator,
      SharingGate gate,
      DirectoryService directory,
      UserService users,
      ReferenceData reference,
      AuditLog audit,
      Optional<Clock> clock) {
    this.reports = reports;
    this.validator = validator;
    this.gate = gate;
    this.directory = directory;
    this.users = users;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Whether the actor may write reports: analysts and above of an organisation with a sector. */
  public boolean mayReport(Actor actor) {
    return actor.organisationId() != null
        && actor.is(Role.ANALYST)
        && directory.organisation(actor.organisationId()).sectorCode() != null;
  }

  /** Creates a report as a draft, and submits it at once when {@code submit} is set. */
  @Transactional
  public long create(Actor actor, NewReport r, boolean submit) {
    if (!mayReport(actor)) {
      throw new Forbidden("error.report.mayNotReport");
    }
    Organisation own = directory.organisation(actor.organisationId());
    ReportContent content = validator.check(r.content(), clock.instant());
    validator.code("tlp", r.tlp(), "tlp");
    Long ceptoarId = null;
    if ("ceptoar".equals(r.route())) {
      ceptoarId = ceptoarFor(own, r.ceptoarCode()).id();
    } else if (!"hotline".equals(r.route())) {
      throw new InvalidInput("route", "validation.report.route", String.valueOf(r.route()));
    }
    if (r.anonymise() && !"ceptoar".equals(r.route())) {
      throw new InvalidInput("anonymise", "validation.report.anonymiseNeedsCeptoar");
    }
    List<Long> excluded = List.of();
    if (r.excludeSupervisoryMinistry()) {
      if (!"hotline".equals(r.route())) {
        throw new InvalidInput(
            "excludeSupervisoryMinistry", "validation.report.excludeNeedsHotline");
      }
      excluded = supervisoryMinistry(own).map(o -> List.of(o.id())).orElse(List.of());
    }
    Set<String> sectors =
        reference.sectors().stream().map(s -> s.code()).collect(Collectors.toSet());
    for (String s : r.scopeSectors()) {
      if (!sectors.contains(s)) {
        throw new InvalidInput("scopeSectors", "validation.vocabulary", s);
      }
    }
    Set<String> types =
        reference.organisationTypes().stream().map(t -> t.code()).collect(Collectors.toSet());
    for (String t : r.scopeTypes()) {
      if (!types.contains(t)) {
        throw new InvalidInput("scopeTypes", "validation.vocabulary", t);
      }
    }
    List<Long> named = new ArrayList<>();
    for (String login : r.recipientLogins()) {
      try {
        named.add(users.byLogin(login).id());
      } catch (NotFound e) {
        throw new InvalidInput("recipientLogins", "validation.report.unknownLogin", login);
      }
    }
    if ("red".equals(r.tlp()) && named.isEmpty()) {
      throw new InvalidInput("recipientLogins", "validation.report.redNeedsPeople");
    }
    long id =
        reports.insert(
            own.id(),
            actor.userId(),
            own.sectorCode(),
            r.route(),
            ceptoarId,
            r.anonymise(),
            r.tlp(),
            r.scopeSectors(),
            r.scopeTypes(),
            excluded,
            named);
    reports.insertVersion(id, 1, "first", content, actor.userId());
    audit.record(actor, AuditLog.Event.success("report.create", "report", id, "draft " + r.tlp()));
    if (submit) {
      submit(actor, id);
    }
    return id;
  }

  /** Replaces a draft's content. */
  @Transactional
  public void updateDraft(Actor actor, long id, ReportContent content) {
    ReportRecords.Report r = ownReport(actor, id);
    if (!"draft".equals(r.status())) {
      throw new Conflict("status", "error.report.notDraft");
    }
    ReportContent checked = validator.check(content, clock.instant());
    reports.deleteVersions(id);
    reports.insertVersion(id, 1, "first", checked, actor.userId());
    audit.record(actor, AuditLog.Event.success("report.draft.update", "report", id, null));
  }

  /** Sends a draft as 第一報: creates the route's inboxes and delivers to the first hop. */
  @Transactional
  public void submit(Actor actor, long id) {
    ReportRecords.Report r = ownReport(actor, id);
    if (!"draft".equals(r.status())) {
      throw new Conflict("status", "error.report.notDraft");
    }
    Organisation own = directory.organisation(r.originatorOrgId());
    Organisation nisc =
        directory
            .nationalCoordinator()
            .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
    int order = 1;
    if (r.anonymise()) {
      // the original stops at the CEPTOAR; what goes on is the redacted copy it relays
      reports.insertHop(id, 1, "ceptoar", r.ceptoarId());
      Instant at = clock.instant();
      reports.submit(id, at);
      reports.deliver(reports.hops(id).get(0).id(), at);
      audit.record(
          actor, AuditLog.Event.success("report.submit", "report", id, "ceptoar, anonymised"));
      return;
    }
    if ("ceptoar".equals(r.route())) {
      reports.insertHop(id, order++, "ceptoar", r.ceptoarId());
      Organisation ministry =
          supervisoryMinistry(own)
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      reports.insertHop(id, order++, "ministry", ministry.id());
    }
    reports.insertHop(id, order, "nisc", nisc.id());
    Instant now = clock.instant();
    reports.submit(id, now);
    reports.deliver(reports.hops(id).get(0).id(), now);
    audit.record(actor, AuditLog.Event.success("report.submit", "report", id, r.route()));
  }

  /** Adds a 続報 ({@code followup}) or the 最終報 ({@code final}, which closes the report). */
  @Transactional
  public int addVersion(Actor actor, long id, String kind, ReportContent content) {
    ReportRecords.Report r = visibleReport(actor, id);
    if (!isOriginator(r, actor) || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.notOriginator");
    }
    if (!"submitted".equals(r.status())) {
      throw new Conflict("status", "error.report.notOpen");
    }
    if (!"followup".equals(kind) && !"final".equals(kind)) {
      throw new InvalidInput("kind", "validation.report.kind", String.valueOf(kind));
    }
    ReportContent checked = validator.check(content, clock.instant());
    int number = reports.versions(id).size() + 1;
    reports.insertVersion(id, number, kind, checked, actor.userId());
    if ("final".equals(kind)) {
      reports.close(id);
    }
    audit.record(
        actor, AuditLog.Event.success("report.version", "report", id, kind + " #" + number));
    return number;
  }

  /**
   * The report as the actor may see it; the read is audited unless it is the actor's own or CLEAR.
   */
  @Transactional
  public ReportView view(Actor actor, long id) {
    ReportRecords.Report r = visibleReport(actor, id);
    List<ReportRecords.Hop> hops = reports.hops(id);
    List<ReportView.Version> versions = reports.versions(id);
    boolean own = isOriginator(r, actor);
    if (!own && !"clear".equals(r.tlp())) {
      audit.record(actor, AuditLog.Event.success("report.read", "report", id, r.tlp()));
    }
    Map<Long, String> names = new HashMap<>();
    Optional<ReportRecords.Hop> mine = myHop(actor, hops);
    Instant niscAt =
        hops.stream()
            .filter(h -> "nisc".equals(h.kind()))
            .map(ReportRecords.Hop::deliveredAt)
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
        displayName(names, r),
        own,
        r.submittedAt(),
        versions,
        hops.stream()
            .map(
                h ->
                    new ReportView.HopView(
                        h.hopOrder(),
                        h.kind(),
                        name(names, h.recipientOrgId()),
                        h.deliveredAt(),
                        h.readAt(),
                        h.forwardedAt()))
            .toList(),
        reports.comments(id).stream()
            .map(c -> new ReportView.CommentView(name(names, c.orgId()), c.body(), c.createdAt()))
            .toList(),
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
                && versions.size() > relayedVersions(mine.get()),
            !"draft".equals(r.status()) && (own || mine.isPresent())),
        r.isRelayCopy());
  }

  /** Whether the actor may see the report (no audit entry: nothing is shown). */
  public boolean canSee(Actor actor, long id) {
    return reports
        .report(id)
        .map(r -> gate.canView(actor, audience(r, reports.hops(id))))
        .orElse(false);
  }

  /** The reports the actor may see, newest first, at most {@code limit}. */
  public List<Summary> list(Actor actor, int limit) {
    List<Summary> out = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    scanVisible(
        actor,
        visible -> {
          Map<Long, ReportRepository.Latest> latest =
              reports.latest(visible.stream().map(v -> v.report().id()).toList());
          for (Visible v : visible) {
            if (out.size() < limit) {
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
                      l.versionNo()));
            }
          }
          return out.size() < limit;
        });
    return out;
  }

  /**
   * The statistics NISC publishes (reports by sector, incident type and cause per fiscal quarter,
   * time from detection to NISC receipt, open reports), over the submitted reports the actor may
   * see and nothing else. A CEPTOAR's own anonymised copies are not counted again beside their
   * originals.
   */
  public ReportStatistics statistics(Actor actor) {
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
              .filter(r -> check.allows(audience(r, hops.get(r.id()))))
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

  /** The actor organisation's inbox: reports delivered to it on their route. */
  public List<InboxItem> inbox(Actor actor, int limit) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    SharingGate.Check check = gate.check(actor);
    Map<Long, String> names = new HashMap<>();
    List<InboxItem> out = new ArrayList<>();
    List<ReportRecords.Hop> delivered = reports.inbox(actor.organisationId(), limit);
    if (delivered.isEmpty()) {
      return out;
    }
    List<Long> ids = delivered.stream().map(ReportRecords.Hop::reportId).toList();
    Map<Long, ReportRecords.Report> byId = reports.reports(ids);
    Map<Long, List<ReportRecords.Hop>> hopsById = reports.hopsFor(ids);
    Map<Long, ReportRepository.Latest> latest = reports.latest(ids);
    for (ReportRecords.Hop h : delivered) {
      ReportRecords.Report r = byId.get(h.reportId());
      List<ReportRecords.Hop> hops = hopsById.get(r.id());
      if (!check.allows(audience(r, hops))) {
        continue; // narrowed after delivery
      }
      out.add(
          new InboxItem(
              r.id(),
              latest.get(r.id()).title(),
              r.tlp(),
              displayName(names, r),
              h.kind(),
              h.deliveredAt(),
              h.readAt(),
              h.forwardedAt(),
              actor.is(Role.ANALYST) && h.forwardedAt() == null && nextHop(hops, h).isPresent()));
    }
    return out;
  }

  @Transactional
  public void markRead(Actor actor, long id) {
    visibleReport(actor, id);
    ReportRecords.Hop hop =
        myHop(actor, reports.hops(id)).orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
    if (hop.readAt() == null) {
      reports.markRead(hop.id(), clock.instant());
      audit.record(actor, AuditLog.Event.success("report.receive", "report", id, hop.kind()));
    }
  }

  /**
   * Forwards the report to the next organisation on its route, optionally narrowing its TLP. A hop
   * may narrow, never widen (the originator's rule, checked by the engine).
   */
  @Transactional
  public void forward(Actor actor, long id, String narrowerTlp) {
    ReportRecords.Report r = visibleReport(actor, id);
    if (!actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.mayNotForward");
    }
    List<ReportRecords.Hop> hops = reports.hops(id);
    ReportRecords.Hop mine =
        myHop(actor, hops).orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
    if (r.anonymise()) {
      throw new Conflict("forward", "error.report.needsAnonymisation");
    }
    if (mine.forwardedAt() != null) {
      throw new Conflict("forward", "error.report.alreadyForwarded");
    }
    ReportRecords.Hop next =
        nextHop(hops, mine).orElseThrow(() -> new Conflict("forward", "error.report.endOfRoute"));
    if (narrowerTlp != null && !narrowerTlp.isBlank() && !narrowerTlp.equals(r.tlp())) {
      validator.code("tlp", narrowerTlp, "tlp");
      Audience before = audience(r, hops);
      try {
        AudienceChange.apply(
            before, before.withMarking(Marking.tlp(tlp(narrowerTlp))), actor.organisationId());
      } catch (AudienceChange.WideningRefused e) {
        throw new InvalidInput("tlp", "validation.report.widening", narrowerTlp);
      }
      if ("red".equals(narrowerTlp) && r.recipientUserIds().isEmpty()) {
        throw new InvalidInput("tlp", "validation.report.redNeedsPeople");
      }
      reports.updateTlp(id, narrowerTlp);
    }
    Instant now = clock.instant();
    if (mine.readAt() == null) {
      reports.markRead(mine.id(), now);
    }
    reports.markForwarded(mine.id(), actor.userId(), now);
    reports.deliver(next.id(), now);
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.forward",
            "report",
            id,
            mine.kind()
                + "->"
                + next.kind()
                + (narrowerTlp == null || narrowerTlp.isBlank() ? "" : " tlp=" + narrowerTlp)));
  }

  @Transactional
  public void comment(Actor actor, long id, String body) {
    ReportRecords.Report r = visibleReport(actor, id);
    boolean own = isOriginator(r, actor);
    if ("draft".equals(r.status()) || (!own && myHop(actor, reports.hops(id)).isEmpty())) {
      throw new Forbidden("error.report.notOnRoute");
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 5000) {
      throw new InvalidInput("body", "validation.required.max", 5000);
    }
    reports.insertComment(id, actor.organisationId(), actor.userId(), text);
    audit.record(actor, AuditLog.Event.success("report.comment", "report", id, null));
  }

  /**
   * The redaction the CEPTOAR secretariat would relay for the newest version not yet relayed, with
   * the extra terms it wants removed as well.
   */
  @Transactional
  public AnonymisationPreview preview(Actor actor, long id, List<String> extraTerms) {
    ReportRecords.Report r = visibleReport(actor, id);
    ReportRecords.Hop hop = relayHop(actor, r);
    List<ReportView.Version> versions = reports.versions(id);
    int next = relayedVersions(hop) + 1;
    if (next > versions.size()) {
      throw new Conflict("relay", "error.report.nothingToRelay");
    }
    ReportView.Version v = versions.get(next - 1);
    Redactor redactor = redactor(r, extraTerms);
    List<AnonymisationPreview.Field> fields = new ArrayList<>();
    ReportContent c = v.content();
    for (String[] f :
        new String[][] {
          {"title", c.title()},
          {"summary", c.summary()},
          {"responseStatus", c.responseStatus()},
          {"cascadeNote", c.cascadeNote()}
        }) {
      if (f[1] != null) {
        Redactor.Result red = redactor.redact(f[1]);
        fields.add(
            new AnonymisationPreview.Field(
                f[0],
                f[1],
                red.text(),
                red.spans().stream().map(Redactor.Span::original).toList()));
      }
    }
    List<AnonymisationPreview.ObservableLine> obs =
        c.observables().stream()
            .map(
                o ->
                    new AnonymisationPreview.ObservableLine(
                        o.type(),
                        o.value(),
                        redactor.identifies(o.type(), o.value()),
                        !redactor.identifies(o.type(), o.value()) && redactor.resembles(o.value())))
            .toList();
    return new AnonymisationPreview(
        id, v.number(), presentedOriginator(r), fields, obs, cleanTerms(extraTerms));
  }

  /**
   * Relays the newest unrelayed version as an anonymised copy: the first time, creates the copy
   * (issued by the CEPTOAR, naming the reporter only by sector) and delivers it to the sector
   * ministry then NISC's route; later, appends the version to that copy.
   *
   * @return the copy's id
   */
  @Transactional
  public long relay(Actor actor, long id, List<String> extraTerms, String narrowerTlp) {
    ReportRecords.Report r = visibleReport(actor, id);
    ReportRecords.Hop hop = relayHop(actor, r);
    List<ReportView.Version> versions = reports.versions(id);
    int next = relayedVersions(hop) + 1;
    if (next > versions.size()) {
      throw new Conflict("relay", "error.report.nothingToRelay");
    }
    String tlp = r.tlp();
    if (narrowerTlp != null && !narrowerTlp.isBlank() && !narrowerTlp.equals(tlp)) {
      validator.code("tlp", narrowerTlp, "tlp");
      if (ReportService.tlp(narrowerTlp).compareTo(ReportService.tlp(tlp)) > 0) {
        throw new InvalidInput("tlp", "validation.report.widening", narrowerTlp);
      }
      tlp = narrowerTlp;
    }
    Redactor redactor = redactor(r, extraTerms);
    Instant now = clock.instant();
    Long copyId = hop.relayedAsReportId();
    if (copyId == null) {
      Organisation reporter = directory.organisation(r.originatorOrgId());
      Organisation ministry =
          supervisoryMinistry(reporter)
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      Organisation nisc =
          directory
              .nationalCoordinator()
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      List<Long> excluded = r.excludedOrgIds();
      if ("red".equals(tlp) && r.recipientUserIds().isEmpty()) {
        throw new InvalidInput("tlp", "validation.report.redNeedsPeople");
      }
      copyId =
          reports.insertRelayCopy(
              actor.organisationId(),
              actor.userId(),
              r.sectorCode(),
              tlp,
              r.scopeSectors(),
              r.scopeTypes(),
              excluded,
              r.recipientUserIds(),
              presentedOriginator(r),
              now);
      reports.insertHop(copyId, 1, "ministry", ministry.id());
      reports.insertHop(copyId, 2, "nisc", nisc.id());
      reports.deliver(reports.hops(copyId).get(0).id(), now);
      reports.markRelayed(hop.id(), copyId);
      if (hop.readAt() == null) {
        reports.markRead(hop.id(), now);
      }
      reports.markForwarded(hop.id(), actor.userId(), now);
    }
    for (int n = next; n <= versions.size(); n++) {
      ReportView.Version v = versions.get(n - 1);
      reports.insertVersion(copyId, n, v.kind(), redacted(v.content(), redactor), actor.userId());
      if ("final".equals(v.kind())) {
        reports.close(copyId);
      }
    }
    // the copy's entry names only the copy: nothing in the log links it to the original
    audit.record(
        actor, AuditLog.Event.success("report.relay", "report", copyId, "anonymised relay"));
    return copyId;
  }

  private ReportRecords.Hop relayHop(Actor actor, ReportRecords.Report r) {
    if (!r.anonymise()) {
      throw new Conflict("relay", "error.report.notAnonymised");
    }
    if (!actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.mayNotForward");
    }
    return myHop(actor, reports.hops(r.id()))
        .filter(h -> "ceptoar".equals(h.kind()))
        .orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
  }

  private int relayedVersions(ReportRecords.Hop hop) {
    return hop.relayedAsReportId() == null ? 0 : reports.versions(hop.relayedAsReportId()).size();
  }

  private Redactor redactor(ReportRecords.Report r, List<String> extraTerms) {
    Identity identity =
        directory.redactionIdentity(r.originatorOrgId()).withExtraNames(cleanTerms(extraTerms));
    Map<Redactor.Kind, String> labels = new java.util.EnumMap<>(Redactor.Kind.class);
    labels.put(Redactor.Kind.ORGANISATION, "〔事業者〕");
    labels.put(Redactor.Kind.PERSON, "〔氏名〕");
    labels.put(Redactor.Kind.EMAIL, "〔メールアドレス〕");
    labels.put(Redactor.Kind.DOMAIN, "〔ドメイン〕");
    labels.put(Redactor.Kind.IP, "〔IPアドレス〕");
    return new Redactor(identity, labels);
  }

  /**
   * A version as it leaves the CEPTOAR: free text redacted, contact dropped, own observables gone.
   */
  private static ReportContent redacted(ReportContent c, Redactor redactor) {
    return new ReportContent(
        redactor.redact(c.title()).text(),
        redactor.redact(c.summary()).text(),
        c.occurredAt(),
        c.detectedAt(),
        c.incidentType(),
        c.causes(),
        c.serviceOutage(),
        c.severity(),
        c.responseStatus() == null ? null : redactor.redact(c.responseStatus()).text(),
        c.cascadePossibility(),
        c.cascadeNote() == null ? null : redactor.redact(c.cascadeNote()).text(),
        c.reportingCase(),
        null,
        null,
        null,
        null,
        c.observables().stream().filter(o -> !redactor.identifies(o.type(), o.value())).toList());
  }

  private String presentedOriginator(ReportRecords.Report r) {
    return reference.sector(r.sectorCode()).map(s -> s.nameJa()).orElse(r.sectorCode())
        + "分野の重要インフラ事業者";
  }

  private static List<String> cleanTerms(List<String> terms) {
    return terms == null
        ? List.of()
        : terms.stream()
            .map(String::strip)
            .filter(t -> t.length() >= 2)
            .distinct()
            .limit(50)
            .toList();
  }

  /** The audience the policy judges: a draft is its originator's alone. */
  static Audience audience(ReportRecords.Report r, List<ReportRecords.Hop> hops) {
    if ("draft".equals(r.status())) {
      return Audience.of(Marking.tlp(Tlp.RED), r.originatorOrgId(), r.originatorUserId());
    }
    Set<Long> delivered =
        hops.stream()
            .filter(h -> h.deliveredAt() != null)
            .map(ReportRecords.Hop::recipientOrgId)
            .collect(Collectors.toSet());
    if (r.anonymise()) {
      // whatever TLP the reporter chose applies to the copy; the original is for the CEPTOAR only
      return new Audience(
          Marking.tlp(Tlp.AMBER_STRICT),
          r.originatorOrgId(),
          r.originatorUserId(),
          delivered,
          Set.of(),
          Set.of(),
          Set.of(),
          Set.copyOf(r.excludedOrgIds()));
    }
    return new Audience(
        Marking.tlp(tlp(r.tlp())),
        r.originatorOrgId(),
        r.originatorUserId(),
        delivered,
        Set.copyOf(r.recipientUserIds()),
        Set.copyOf(r.scopeSectors()),
        Set.copyOf(r.scopeTypes()),
        Set.copyOf(r.excludedOrgIds()));
  }

  static Tlp tlp(String code) {
    return jp.renkei.server.sharing.Markings.tlp(code);
  }

  private ReportRecords.Report visibleReport(Actor actor, long id) {
    ReportRecords.Report r = reports.report(id).orElseThrow(() -> new NotFound("report", id));
    if (!gate.canView(actor, audience(r, reports.hops(id)))) {
      throw new NotFound("report", id);
    }
    return r;
  }

  private ReportRecords.Report ownReport(Actor actor, long id) {
    ReportRecords.Report r = visibleReport(actor, id);
    if (!isOriginator(r, actor) || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.notOriginator");
    }
    return r;
  }

  private static boolean isOriginator(ReportRecords.Report r, Actor actor) {
    return actor.organisationId() != null && r.originatorOrgId() == actor.organisationId();
  }

  private static Optional<ReportRecords.Hop> myHop(Actor actor, List<ReportRecords.Hop> hops) {
    return hops.stream()
        .filter(
            h ->
                actor.organisationId() != null
                    && h.recipientOrgId() == actor.organisationId()
                    && h.deliveredAt() != null)
        .findFirst();
  }

  private static Optional<ReportRecords.Hop> nextHop(
      List<ReportRecords.Hop> hops, ReportRecords.Hop h) {
    return hops.stream().filter(x -> x.hopOrder() == h.hopOrder() + 1).findFirst();
  }

  private Organisation ceptoarFor(Organisation own, String code) {
    List<Organisation> mine = directory.detail(own.id()).ceptoars();
    if (code == null || code.isBlank()) {
      if (mine.size() == 1) {
        return mine.get(0);
      }
      throw new InvalidInput(
          "ceptoarCode",
          mine.isEmpty() ? "validation.report.noCeptoar" : "validation.report.chooseCeptoar");
    }
    return mine.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new InvalidInput("ceptoarCode", "validation.report.notMember", code));
  }

  private Optional<Organisation> supervisoryMinistry(Organisation own) {
    return reference
        .sector(own.sectorCode())
        .flatMap(s -> directory.ministryOrganisation(s.ministryCode()));
  }

  /**
   * The reporter as this report may name it: a relayed copy only says "an operator in sector X".
   */
  private String displayName(Map<Long, String> cache, ReportRecords.Report r) {
    return r.isRelayCopy() ? r.presentedOriginator() : name(cache, r.originatorOrgId());
  }

  private String name(Map<Long, String> cache, long orgId) {
    return cache.computeIfAbsent(orgId, id -> directory.organisation(id).nameJa());
  }
}
