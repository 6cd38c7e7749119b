package jp.renkei.server.report;

import static jp.renkei.server.report.ReportAccess.isOriginator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.sharing.ExerciseScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情報連絡 as its reporter writes it: a draft, the 第一報 that sets the report on its route (CEPTOAR, then
 * sector ministry, then NISC; or the hotline to NISC; an anonymised report stops at the CEPTOAR,
 * which relays a copy), then 続報 and the 最終報. Only the originating organisation's analysts write.
 */
@Service
public class ReportFilingService {

  private final ReportRepository reports;
  private final ReportValidator validator;
  private final DirectoryService directory;
  private final UserService users;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;
  private final ReportAccess access;
  private final ExerciseScope.Play play;

  ReportFilingService(
      ReportRepository reports,
      ReportValidator validator,
      DirectoryService directory,
      UserService users,
      ReferenceData reference,
      AuditLog audit,
      Optional<Clock> clock,
      ReportAccess access,
      ExerciseScope.Play play) {
    this.reports = reports;
    this.validator = validator;
    this.directory = directory;
    this.users = users;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
    this.access = access;
    this.play = play;
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
    if (r.exerciseRunId() != null) {
      play.requirePlaying(actor, r.exerciseRunId());
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
      excluded = access.supervisoryMinistry(own).map(o -> List.of(o.id())).orElse(List.of());
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
    // a named reader must be someone the report reaches; an unknown login is refused the same
    // way as anyone else's, so the answer never tells which logins exist
    Set<Long> reached = new java.util.HashSet<>();
    reached.add(own.id());
    if (ceptoarId != null) {
      reached.add(ceptoarId);
    }
    if (!r.anonymise()) {
      directory.nationalCoordinator().ifPresent(o -> reached.add(o.id()));
      if (ceptoarId != null) {
        access.supervisoryMinistry(own).ifPresent(o -> reached.add(o.id()));
      }
    }
    List<Long> named = new ArrayList<>();
    for (String login : r.recipientLogins()) {
      java.util.Optional<jp.renkei.server.directory.UserAccount> person =
          users.findByLogin(login).filter(u -> u.enabled() && reached.contains(u.organisationId()));
      if (person.isEmpty()) {
        throw new InvalidInput(
            "recipientLogins", "validation.report.recipientNotAddressable", login);
      }
      named.add(person.get().id());
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
            named,
            r.exerciseRunId());
    reports.insertVersion(id, 1, "first", content, actor.userId(), clock.instant());
    audit.record(
        actor,
        AuditLog.Event.success("report.create", "report", id, Detail.of("report.create", r.tlp())));
    if (submit) {
      submit(actor, id);
    }
    return id;
  }

  /** The outcome of {@link #fileSimulated}: the report's id, or why it could not be filed. */
  public record Simulated(Long reportId, jp.renkei.server.failure.Refusal refusal) {}

  /**
   * Where a simulated report for organisation {@code orgId} enters the report route (operator →
   * CEPTOAR → ministry → NISC): at an operator's CEPTOAR (the operator then reads it as a member of
   * the recipient CEPTOAR, the way operators learn of others' reports), at a CEPTOAR, at a ministry
   * or at NISC. {@code organisationId} is the organisation whose inbox receives it, or {@code
   * refusal} says why there is none.
   */
  public record Entry(Long organisationId, jp.renkei.server.failure.Refusal refusal) {}

  /** The entry point of a simulated report for organisation {@code orgId} ({@link Entry}). */
  public Entry simulatedEntry(long orgId) {
    Organisation o = directory.organisation(orgId);
    if ("operator".equals(o.typeCode())) {
      List<Organisation> ceptoars =
          directory.detail(o.id()).ceptoars().stream()
              .sorted(
                  // an active CEPTOAR before an inactive one (attack29b): fileSimulated refuses
                  // a route through an inactive one
                  java.util.Comparator.comparing((Organisation c) -> !c.active())
                      .thenComparing(
                          (Organisation c) ->
                              !java.util.Objects.equals(c.sectorCode(), o.sectorCode()))
                      .thenComparing(Organisation::code))
              .toList();
      return ceptoars.isEmpty()
          ? new Entry(
              null, jp.renkei.server.failure.Refusal.of("exercise.failure.noCeptoar", o.code()))
          : new Entry(ceptoars.get(0).id(), null);
    }
    boolean nisc = directory.nationalCoordinator().filter(n -> n.id() == o.id()).isPresent();
    if (nisc || "ceptoar".equals(o.typeCode()) || "ministry".equals(o.typeCode())) {
      return new Entry(o.id(), null);
    }
    // at an operator's CEPTOAR, a CEPTOAR, a ministry or NISC only
    return new Entry(
        null, jp.renkei.server.failure.Refusal.of("exercise.failure.notOnRoute", o.code()));
  }

  /**
   * Files an exercise report on behalf of a simulated sender (an inject's 発信元, e.g. 「A社（模擬）」) and
   * sends it as 第一報 into the inbox of its entry point ({@link #simulatedEntry} of {@code orgId}),
   * on the route every report takes from there: at a CEPTOAR the whole route (CEPTOAR, its sector's
   * ministry, NISC); at a ministry (as if a CEPTOAR had forwarded it) the ministry then NISC, the
   * report's sector the first the ministry supervises; at NISC (as if relayed up to it) NISC alone,
   * in {@code sectorHint} if it is a sector (the inject's), else the first sector. Above the
   * CEPTOAR no CEPTOAR is named: the simulated sender's is not an organisation of this hub. The
   * organisation of record is the issuer's (the run's controlling organisation); the sender's name
   * is stored and shown with a 【模擬】 mark. The report carries run {@code runId}, so no real read
   * path ever shows it, and the sharing policy judges it as any report (TLP:AMBER: its originator,
   * the organisations it has reached and the members of a CEPTOAR it has reached). Nothing is
   * thrown for a refusal: everything is checked first and the reason returned, so that the
   * exercise's tick never rolls back on one bad inject.
   */
  @Transactional
  public Simulated fileSimulated(
      Actor issuer,
      long runId,
      long orgId,
      String sectorHint,
      String sender,
      String title,
      String text) {
    if (issuer.userId() == null || issuer.organisationId() == null) {
      return new Simulated(
          null, jp.renkei.server.failure.Refusal.of("exercise.failure.creatorGone"));
    }
    Entry entry = simulatedEntry(orgId);
    if (entry.refusal() != null) {
      return new Simulated(null, entry.refusal());
    }
    Organisation at = directory.organisation(entry.organisationId());
    Optional<Organisation> nisc = directory.nationalCoordinator();
    if (nisc.isEmpty()) {
      return new Simulated(
          null, jp.renkei.server.failure.Refusal.of("exercise.failure.routeIncomplete", at.code()));
    }
    List<Organisation> hops = new ArrayList<>();
    String sector;
    if ("ceptoar".equals(at.typeCode())) {
      Optional<Organisation> ministry = access.supervisoryMinistry(at);
      if (at.sectorCode() == null || ministry.isEmpty()) {
        return new Simulated(
            null,
            jp.renkei.server.failure.Refusal.of("exercise.failure.routeIncomplete", at.code()));
      }
      hops.add(at);
      hops.add(ministry.get());
      sector = at.sectorCode();
    } else if (at.id() != nisc.get().id()) {
      sector =
          reference.sectors().stream()
              .filter(x -> at.ministryCode() != null && at.ministryCode().equals(x.ministryCode()))
              .map(x -> x.code())
              .findFirst()
              .orElse(null);
      if (sector == null) {
        return new Simulated(
            null, jp.renkei.server.failure.Refusal.of("exercise.failure.noSector", at.code()));
      }
      hops.add(at);
    } else {
      sector =
          reference.sector(sectorHint == null ? "" : sectorHint).isPresent()
              ? sectorHint
              : reference.sectors().get(0).code();
    }
    hops.add(nisc.get());
    // every hop active, as a real report's route is judged at submission (attack29b): an inactive
    // one holds the report where nobody can read or forward it
    for (Organisation hop : hops) {
      if (!hop.active()) {
        return new Simulated(
            null, jp.renkei.server.failure.Refusal.of("exercise.failure.inactiveHop", hop.code()));
      }
    }
    String name = sender == null || sender.isBlank() ? "?" : sender.strip();
    if (name.length() > SIMULATED_SENDER_MAX) {
      name = name.substring(0, SIMULATED_SENDER_MAX);
    }
    Instant now = clock.instant();
    String heading = title == null || title.isBlank() ? name : title.strip();
    ReportContent content;
    try {
      content =
          validator.check(
              new ReportContent(
                  heading.length() > 200 ? heading.substring(0, 200) : heading,
                  text == null || text.isBlank() ? heading : text.strip(),
                  null,
                  now,
                  "precursor",
                  List.of("unknown"),
                  "unknown",
                  "level2",
                  null,
                  "unknown",
                  null,
                  "case3",
                  null,
                  null,
                  null,
                  null,
                  List.of()),
              now);
    } catch (jp.renkei.server.failure.InvalidInput e) {
      // the field of the report the inject's text does not fit (its length, most likely)
      return new Simulated(
          null, jp.renkei.server.failure.Refusal.of("exercise.failure.notAReport", e.field()));
    }
    boolean atCeptoar = "ceptoar".equals(at.typeCode());
    long id =
        reports.insert(
            issuer.organisationId(),
            issuer.userId(),
            sector,
            "ceptoar",
            atCeptoar ? at.id() : null,
            false,
            "amber",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            runId);
    reports.setSimulatedSender(id, name);
    reports.insertVersion(id, 1, "first", content, issuer.userId(), clock.instant());
    int order = 1;
    for (Organisation hop : hops) {
      String kind =
          hop.id() == nisc.get().id()
              ? "nisc"
              : "ceptoar".equals(hop.typeCode()) ? "ceptoar" : "ministry";
      reports.insertHop(id, order++, kind, hop.id());
    }
    reports.submit(id, now);
    reports.deliver(reports.hops(id).get(0).id(), now);
    audit.record(
        issuer,
        AuditLog.Event.success(
            "report.submit", "report", id, Detail.of("report.submit.simulated", at.code(), runId)));
    return new Simulated(id, null);
  }

  /** The longest simulated sender's name a report keeps. */
  static final int SIMULATED_SENDER_MAX = 200;

  /** Replaces a draft's content. */
  @Transactional
  public void updateDraft(Actor actor, long id, ReportContent content) {
    ReportRecords.Report r = access.ownReport(actor, id);
    if (!"draft".equals(r.status())) {
      throw new Conflict("status", "error.report.notDraft");
    }
    ReportContent checked = validator.check(content, clock.instant());
    reports.deleteVersions(id);
    reports.insertVersion(id, 1, "first", checked, actor.userId(), clock.instant());
    audit.record(actor, AuditLog.Event.success("report.draft.update", "report", id));
  }

  /**
   * Deletes a draft (never sent, so nobody but its organisation ever saw it); a sent report stays.
   */
  @Transactional
  public void deleteDraft(Actor actor, long id) {
    ReportRecords.Report r = access.ownReport(actor, id);
    if (!"draft".equals(r.status())) {
      throw new Conflict("status", "error.report.notDraft");
    }
    reports.deleteDraft(id);
    audit.record(actor, AuditLog.Event.success("report.draft.delete", "report", id));
  }

  /** Sends a draft as 第一報: creates the route's inboxes and delivers to the first hop. */
  @Transactional
  public void submit(Actor actor, long id) {
    ReportRecords.Report r = access.ownReport(actor, id);
    if (!"draft".equals(r.status())) {
      throw new Conflict("status", "error.report.notDraft");
    }
    Organisation own = directory.organisation(r.originatorOrgId());
    if (r.ceptoarId() != null) {
      Organisation ceptoar = directory.organisation(r.ceptoarId());
      if (!ceptoar.active()) {
        // deactivated since the draft was saved: its people could neither read nor forward it
        throw new InvalidInput("ceptoarCode", "validation.organisation.inactive", ceptoar.code());
      }
    }
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
          actor,
          AuditLog.Event.success(
              "report.submit", "report", id, Detail.of("report.submit.anonymised")));
      return;
    }
    requireActive("route", nisc);
    if ("ceptoar".equals(r.route())) {
      Organisation ministry =
          access
              .supervisoryMinistry(own)
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      requireActive("route", ministry);
      reports.insertHop(id, order++, "ceptoar", r.ceptoarId());
      reports.insertHop(id, order++, "ministry", ministry.id());
    }
    reports.insertHop(id, order, "nisc", nisc.id());
    Instant now = clock.instant();
    reports.submit(id, now);
    reports.deliver(reports.hops(id).get(0).id(), now);
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.submit", "report", id, Detail.of("report.submit.route", r.route())));
  }

  /** Adds a 続報 ({@code followup}) or the 最終報 ({@code final}, which closes the report). */
  @Transactional
  public int addVersion(Actor actor, long id, String kind, ReportContent content) {
    ReportRecords.Report r = access.visibleReport(actor, id);
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
    reports.insertVersion(id, number, kind, checked, actor.userId(), clock.instant());
    if ("final".equals(kind)) {
      reports.close(id);
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.version",
            "report",
            id,
            Detail.of(
                "final".equals(kind) ? "report.version.final" : "report.version.followup",
                number)));
    return number;
  }

  /**
   * Every hop of the route the sender chose must be active (attack28c; deact28 checked only the
   * CEPTOAR): an inactive ministry or NISC would hold the report where nobody can read or forward
   * it, and it would reach its people again on reactivation. That an organisation is inactive is
   * what the directory already shows every member.
   */
  private static void requireActive(String field, Organisation hop) {
    if (!hop.active()) {
      throw new InvalidInput(field, "validation.organisation.inactive", hop.code());
    }
  }

  private Organisation ceptoarFor(Organisation own, String code) {
    List<Organisation> all = directory.detail(own.id()).ceptoars();
    List<Organisation> mine = all.stream().filter(Organisation::active).toList();
    if (code == null || code.isBlank()) {
      if (mine.size() == 1) {
        return mine.get(0);
      }
      throw new InvalidInput(
          "ceptoarCode",
          mine.isEmpty() ? "validation.report.noCeptoar" : "validation.report.chooseCeptoar");
    }
    Organisation chosen =
        all.stream()
            .filter(c -> c.code().equals(code))
            .findFirst()
            .orElseThrow(
                () -> new InvalidInput("ceptoarCode", "validation.report.notMember", code));
    if (!chosen.active()) {
      // its people can neither read nor forward: the report would stop there unseen
      throw new InvalidInput("ceptoarCode", "validation.organisation.inactive", code);
    }
    return chosen;
  }
}
