package jp.renkei.server.advisory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.listing.Section;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.sharing.ExerciseScope;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情報提供: NISC (or a ministry or CEPTOAR for its own sectors) issues an advisory — one identity,
 * versions in one thread — which fans out to every recipient organisation's inbox, duty e-mail and
 * webhook in the same transaction, and tracks each recipient's confirmation (疎通確認).
 */
@Service
public class AdvisoryService {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AdvisoryService.class);

  static final int LIST_BATCH = 500;
  static final Set<String> KINDS = Set.of("update", "correction", "withdrawal");
  static final List<String> URGENCIES = List.of("normal", "urgent", "immediate");

  /** One line of a list or inbox. */
  public record Summary(
      long id,
      String title,
      String kind,
      String tlp,
      String status,
      String issuerName,
      Instant createdAt,
      Instant deliveredAt,
      Instant acknowledgedAt,
      boolean recipient,
      String issuerNameEn,
      String urgency,
      Instant confirmBy) {

    /** The issuer's name in the reader's language, as it was when the advisory was issued. */
    public String issuerName(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) && issuerNameEn != null ? issuerNameEn : issuerName;
    }

    /**
     * The recipient's state: {@code confirmed}, {@code overdue} (the deadline passed unconfirmed),
     * {@code unconfirmed}; empty for a reader that is not a recipient.
     */
    public String receipt(Instant now) {
      if (!recipient) {
        return "";
      }
      if (acknowledgedAt != null) {
        return "confirmed";
      }
      return confirmBy != null && now.isAfter(confirmBy) ? "overdue" : "unconfirmed";
    }
  }

  private final AdvisoryRepository advisories;
  private final jp.renkei.server.report.ReportService reports;
  private final SharingGate gate;
  private final DirectoryService directory;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final jp.renkei.server.directory.UserService users;
  private final Clock clock;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final jp.renkei.server.directory.OrganisationNames names;
  private final ExerciseScope.Play play;
  private final OutboxCancellation outbox;

  AdvisoryService(
      AdvisoryRepository advisories,
      jp.renkei.server.report.ReportService reports,
      SharingGate gate,
      DirectoryService directory,
      ReferenceData reference,
      AuditLog audit,
      jp.renkei.server.directory.UserService users,
      org.springframework.context.ApplicationEventPublisher events,
      Optional<Clock> clock,
      jp.renkei.server.directory.OrganisationNames names,
      ExerciseScope.Play play,
      OutboxCancellation outbox) {
    this.play = play;
    this.outbox = outbox;
    this.users = users;
    this.names = names;
    this.advisories = advisories;
    this.reports = reports;
    this.gate = gate;
    this.directory = directory;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
    this.events = events;
  }

  /** The mark put before a simulated sender's name wherever an advisory's sender is shown. */
  public static final String SIMULATED_MARK_JA =
      jp.renkei.server.sharing.ExerciseScope.SIMULATED_MARK_JA;

  public static final String SIMULATED_MARK_EN =
      jp.renkei.server.sharing.ExerciseScope.SIMULATED_MARK_EN;

  /** A simulated sender's name with its 「模擬」 mark, in the reader's language. */
  public static String simulatedName(String sender, java.util.Locale locale) {
    return ("en".equals(locale.getLanguage()) ? SIMULATED_MARK_EN : SIMULATED_MARK_JA) + sender;
  }

  /**
   * Why an exercise advisory from a simulated sender could not be issued by {@code issuer} (the
   * run's controller) to {@code orgIds} (every error), or empty if it can. Checks everything {@link
   * #issue} checks without throwing, so that the scheduler's tick never rolls back on one bad
   * inject.
   */
  public List<jp.renkei.server.failure.Refusal> simulatedRefusal(Actor issuer, NewAdvisory a) {
    if (a.organisations().isEmpty()) {
      return List.of(jp.renkei.server.failure.Refusal.of("exercise.failure.noRecipient"));
    }
    try {
      check(issuer, a);
      return List.of();
    } catch (jp.renkei.server.failure.RenkeiException e) {
      return jp.renkei.server.failure.Refusal.of(e);
    } catch (RuntimeException e) {
      log.warn("simulated advisory refused unexpectedly", e);
      return List.of(
          jp.renkei.server.failure.Refusal.of(
              "exercise.failure.unexpected", e.getClass().getSimpleName()));
    }
  }

  /**
   * Issues an exercise advisory on behalf of a simulated sender: the organisation of record is the
   * issuer's (the run's controlling organisation), the sender's name is stored and shown with a
   * 「模擬」 mark. Call {@link #simulatedRefusal} first.
   */
  @Transactional
  public long issueSimulated(Actor issuer, NewAdvisory a, String sender) {
    if (a.exerciseRunId() == null) {
      throw new IllegalArgumentException("a simulated sender only in an exercise");
    }
    long id = issue(issuer, a);
    advisories.setSimulatedSender(id, sender);
    return id;
  }

  /** The organisation codes of {@code ids} (for naming a simulated advisory's recipients). */
  public List<String> organisationCodes(java.util.Collection<Long> ids) {
    return ids.stream().distinct().map(i -> directory.organisation(i).code()).toList();
  }

  /** NISC analysts, and analysts of ministries and CEPTOARs (for their own sectors). */
  public boolean mayIssue(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      return false;
    }
    String type = directory.organisation(actor.organisationId()).typeCode();
    return type.equals("nisc") || type.equals("ministry") || type.equals("ceptoar");
  }

  /** An advisory that passed every check, with its named organisations resolved. */
  private record Checked(NewAdvisory advisory, List<String> observables, List<Long> orgIds) {}

  private Checked check(Actor actor, NewAdvisory a) {
    if (!mayIssue(actor)) {
      throw new Forbidden("error.advisory.mayNotIssue");
    }
    if (a.exerciseRunId() != null) {
      play.requirePlaying(actor, a.exerciseRunId());
    }
    // every field is checked, and every error reported at once (in the order of the form)
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    List<String> observables =
        checkContent(a.title(), a.body(), a.actions(), a.observables(), errors);
    errors.check(
        () -> {
          if (a.tlp() == null
              || !Set.of("amber_strict", "amber", "green", "clear").contains(a.tlp())) {
            throw new InvalidInput("tlp", "validation.advisory.tlp", String.valueOf(a.tlp()));
          }
        });
    errors.check(() -> checkUrgency(a.urgency(), a.confirmBy()));
    if (!a.all() && a.sectors().isEmpty() && a.types().isEmpty() && a.organisations().isEmpty()) {
      errors.add(new InvalidInput("audience", "validation.advisory.emptyAudience"));
    }
    Set<String> sectorCodes =
        reference.sectors().stream().map(s -> s.code()).collect(Collectors.toSet());
    for (String s : a.sectors()) {
      if (!sectorCodes.contains(s)) {
        errors.add(new InvalidInput("sectors", "validation.vocabulary", s));
      }
    }
    Set<String> typeCodes =
        reference.organisationTypes().stream().map(t -> t.code()).collect(Collectors.toSet());
    for (String t : a.types()) {
      if (!typeCodes.contains(t)) {
        errors.add(new InvalidInput("types", "validation.vocabulary", t));
      }
    }
    List<Long> orgIds = new ArrayList<>();
    List<Organisation> named = new ArrayList<>();
    for (String code : a.organisations()) {
      try {
        Organisation o = directory.organisation(code);
        if (!o.active()) {
          // it would never be a recipient (AdvisoryRepository leaves inactive ones out): say so
          // rather than issue to a name that receives nothing
          errors.add(new InvalidInput("organisations", "validation.organisation.inactive", code));
          continue;
        }
        named.add(o);
        orgIds.add(o.id());
      } catch (NotFound e) {
        errors.add(new InvalidInput("organisations", "validation.organisation.unknown", code));
      }
    }
    errors.check(() -> requireWithinOwnSectors(actor, a, named));
    for (Long source : a.sourceReportIds()) {
      if (source == null || !reports.canSee(actor, source)) {
        errors.add(
            new InvalidInput(
                "sourceReportIds", "validation.advisory.sourceReport", String.valueOf(source)));
      } else if (!reports.sameWork(source, a.exerciseRunId())) {
        errors.add(
            new InvalidInput(
                "sourceReportIds", "exercise.validation.sourceReport", String.valueOf(source)));
      }
    }
    errors.throwIfAny();
    return new Checked(a, observables, orgIds);
  }

  private void checkUrgency(String urgency, Instant confirmBy) {
    if (!URGENCIES.contains(urgency)) {
      throw new InvalidInput("urgency", "validation.vocabulary", String.valueOf(urgency));
    }
    if (confirmBy != null && !confirmBy.isAfter(clock.instant())) {
      throw new InvalidInput("confirmBy", "work.validation.advisory.confirmByPast");
    }
  }

  /**
   * Exactly whom the advisory would reach if issued now, after every check {@link #issue} makes;
   * nothing is written. The issuer sees this count and list before 発信.
   */
  @Transactional(readOnly = true)
  public List<Organisation> recipientsOf(Actor actor, NewAdvisory a) {
    Checked c = check(actor, a);
    AdvisoryRepository.Advisory would =
        new AdvisoryRepository.Advisory(
            0,
            actor.organisationId(),
            actor.userId(),
            a.tlp(),
            a.all(),
            a.sectors(),
            a.types(),
            c.orgIds(),
            "active",
            clock.instant(),
            a.exerciseRunId());
    return advisories.addressed(would, gate.gatedTypesNow()).stream()
        .map(x -> directory.organisation(x.organisationId()))
        .toList();
  }

  @Transactional
  public long issue(Actor actor, NewAdvisory a) {
    Checked c = check(actor, a);
    List<String> observables = c.observables();
    List<Long> orgIds = c.orgIds();
    Organisation issuer = directory.organisation(actor.organisationId());
    long id =
        advisories.insert(
            issuer.id(),
            actor.userId(),
            a.tlp(),
            a.all(),
            a.sectors(),
            a.types(),
            orgIds,
            a.exerciseRunId());
    advisories.insertVersion(
        id,
        1,
        "initial",
        a.title().strip(),
        a.body().strip(),
        blank(a.actions()),
        observables,
        a.sourceReportIds(),
        a.urgency(),
        a.confirmBy(),
        actor.userId());
    int recipients = fanOut(id, 1);
    audit.record(
        actor,
        AuditLog.Event.success(
            "advisory.issue", "advisory", id, Detail.of("advisory.issue", a.tlp(), recipients)));
    events.publishEvent(new Published(id));
    return id;
  }

  /**
   * A later version in the same thread: update, correction, or withdrawal (which ends it). The
   * version carries the current observables and source reports forward unless the issuer gives new
   * ones: {@code observables} or {@code sourceReportIds} null keeps the current ones, a list (empty
   * included) replaces them. A source must be one the issuer may see; a current source the issuer
   * may no longer see stays cited (the issuer was never shown it to keep or drop).
   */
  @Transactional
  public int addVersion(
      Actor actor,
      long id,
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sourceReportIds) {
    return addVersion(
        actor, id, kind, title, body, actions, observables, sourceReportIds, null, null);
  }

  /**
   * As {@link #addVersion(Actor, long, String, String, String, String, List, List)}, with the new
   * version's urgency (null: normal) and 疎通確認 deadline (null: none).
   */
  @Transactional
  public int addVersion(
      Actor actor,
      long id,
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sourceReportIds,
      String urgency,
      Instant confirmBy) {
    String level = urgency == null || urgency.isBlank() ? "normal" : urgency;
    AdvisoryRepository.Advisory a = visible(actor, id);
    if (actor.organisationId() == null
        || a.issuerOrgId() != actor.organisationId()
        || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.advisory.notIssuer");
    }
    if (!"active".equals(a.status())) {
      throw new Conflict("status", "error.advisory.withdrawn");
    }
    if (kind == null || !KINDS.contains(kind)) {
      throw new InvalidInput("kind", "validation.advisory.kind", String.valueOf(kind));
    }
    List<AdvisoryView.Version> versions = advisories.versions(id);
    AdvisoryView.Version current = versions.get(versions.size() - 1);
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    List<String> obs =
        checkContent(
            title,
            body,
            actions,
            observables == null ? current.observables() : observables,
            errors);
    errors.check(() -> checkUrgency(level, confirmBy));
    errors.throwIfAny();
    List<Long> sources =
        sources(actor, a.exerciseRunId(), current.sourceReportIds(), sourceReportIds);
    int n = versions.size() + 1;
    advisories.insertVersion(
        id,
        n,
        kind,
        title.strip(),
        body.strip(),
        blank(actions),
        obs,
        sources,
        level,
        confirmBy,
        actor.userId());
    if ("withdrawal".equals(kind)) {
      advisories.withdraw(id);
      // what had not gone yet is not sent; the withdrawal then goes only where an earlier version
      // did (SendTimeCheck)
      outbox.withdrawnBeforeSending(id, n);
    }
    int recipients = fanOut(id, n);
    audit.record(
        actor,
        AuditLog.Event.success(
            "advisory.version",
            "advisory",
            id,
            Detail.of(
                switch (kind) {
                  case "correction" -> "advisory.version.correction";
                  case "withdrawal" -> "advisory.version.withdrawal";
                  default -> "advisory.version.update";
                },
                n,
                recipients)));
    events.publishEvent(new Published(id));
    return n;
  }

  private List<Long> sources(
      Actor actor, Long exerciseRunId, List<Long> current, List<Long> given) {
    if (given == null) {
      return current;
    }
    List<Long> out = new ArrayList<>();
    for (Long source : given) {
      if (source == null || !reports.canSee(actor, source)) {
        throw new InvalidInput(
            "sourceReportIds", "validation.advisory.sourceReport", String.valueOf(source));
      }
      if (!reports.sameWork(source, exerciseRunId)) {
        throw new InvalidInput(
            "sourceReportIds", "exercise.validation.sourceReport", String.valueOf(source));
      }
      if (!out.contains(source)) {
        out.add(source);
      }
    }
    for (Long kept : current) {
      if (!out.contains(kept) && !reports.canSee(actor, kept)) {
        out.add(kept);
      }
    }
    return out;
  }

  /**
   * A new advisory's form prefilled from a report the actor may read, as the actor sees its latest
   * version (an anonymised copy stays anonymised): title, summary, observables, and the report as
   * the advisory's cited source. A report the actor may not see is {@link NotFound}.
   */
  public AdvisoryForm fromReport(Actor actor, long reportId) {
    if (!mayIssue(actor)) {
      throw new Forbidden("error.advisory.mayNotIssue");
    }
    jp.renkei.server.report.ReportView report = reports.view(actor, reportId);
    jp.renkei.server.report.ReportContent c = report.latest().content();
    AdvisoryForm f = new AdvisoryForm();
    // an exercise's report makes an advisory of the same exercise (【訓練】), never real work
    f.setExercise(report.exerciseRunId());
    f.setTitle(c.title());
    f.setBody(c.summary());
    f.setObservables(
        c.observables().stream()
            .map(o -> o.type() + " " + o.value())
            .collect(Collectors.joining("\n")));
    f.setSourceReports(String.valueOf(reportId));
    return f;
  }

  /** The recipient organisation confirms it received the current version. */
  @Transactional
  public void acknowledge(Actor actor, long id) {
    visible(actor, id);
    AdvisoryRepository.Recipient r =
        advisories
            .recipient(id, actor.organisationId())
            .orElseThrow(() -> new Forbidden("error.advisory.notRecipient"));
    if (advisories.acknowledge(id, r.organisationId(), actor.userId(), clock.instant()) > 0) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "advisory.acknowledge",
              "advisory",
              id,
              Detail.of("advisory.acknowledge", r.versionNo())));
    }
  }

  /** Sends a reminder to every recipient that has not confirmed; returns how many. */
  @Transactional
  public int remind(Actor actor, long id) {
    AdvisoryRepository.Advisory a = visible(actor, id);
    if (actor.organisationId() == null
        || a.issuerOrgId() != actor.organisationId()
        || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.advisory.notIssuer");
    }
    int version = advisories.versions(id).size();
    int round = advisories.nextReminderRound(id);
    advisories.queueDeliveries(id, version, "reminder", round, true);
    int reminded = advisories.markReminded(id, clock.instant());
    audit.record(
        actor,
        AuditLog.Event.success(
            "advisory.remind", "advisory", id, Detail.of("advisory.remind", reminded)));
    return reminded;
  }

  @Transactional
  public AdvisoryView view(Actor actor, long id) {
    return view(actor, id, java.util.Locale.JAPANESE);
  }

  /**
   * As {@link #view(Actor, long)}, with organisations named in {@code locale}: the issuer by the
   * name it had when it issued the advisory, the recipients by their names now.
   */
  @Transactional
  public AdvisoryView view(Actor actor, long id, java.util.Locale locale) {
    AdvisoryRepository.Advisory a = visible(actor, id);
    boolean issuerSide =
        actor.organisationId() != null && a.issuerOrgId() == actor.organisationId();
    if (!issuerSide && !"clear".equals(a.tlp())) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "advisory.read", "advisory", id, Detail.of("object.tlp", a.tlp())));
    }
    List<AdvisoryView.Version> versions = citingOnlyVisible(actor, advisories.versions(id));
    AdvisoryView.MyReceipt mine =
        actor.organisationId() == null
            ? null
            : advisories
                .recipient(id, actor.organisationId())
                .map(
                    r ->
                        new AdvisoryView.MyReceipt(
                            r.deliveredAt(),
                            r.versionNo(),
                            r.acknowledgedAt(),
                            r.versionNo() == versions.size(),
                            versions.get(versions.size() - 1).confirmBy(),
                            overdue(versions.get(versions.size() - 1), r.acknowledgedAt())))
                .orElse(null);
    AdvisoryView.Reach reach =
        issuerSide ? reach(id, versions.get(versions.size() - 1), locale) : null;
    String simulated = advisories.simulatedSenders(List.of(id)).get(id);
    return new AdvisoryView(
        a.id(),
        simulated != null
            ? simulatedName(simulated, locale)
            : names.nameAt(a.issuerOrgId(), a.createdAt(), locale),
        a.tlp(),
        a.status(),
        versions,
        mine,
        reach,
        issuerSide && actor.is(Role.ANALYST) && "active".equals(a.status()),
        a.exerciseRunId());
  }

  /**
   * The versions with only the source reports the actor may see now: a source outside the reader's
   * audience is left out as if never cited (its id is neither shown nor linked).
   */
  private List<AdvisoryView.Version> citingOnlyVisible(
      Actor actor, List<AdvisoryView.Version> versions) {
    Map<Long, Boolean> seen = new HashMap<>();
    return versions.stream()
        .map(
            v ->
                v.withSources(
                    v.sourceReportIds().stream()
                        .filter(r -> seen.computeIfAbsent(r, x -> reports.canSee(actor, x)))
                        .toList()))
        .toList();
  }

  /**
   * The titles of the cited reports the actor may see, judged again by the one policy (a source the
   * actor may not see has no entry). An exercise's report is not among them (the real lists never
   * name one): its page shows it by number.
   */
  public Map<Long, String> sourceTitles(Actor actor, List<Long> sources) {
    Map<Long, String> out = new HashMap<>();
    reports.visibleAmong(actor, sources).forEach(r -> out.put(r.id(), r.title()));
    return out;
  }

  /** Advisories the actor may see, newest first. */
  public List<Summary> list(Actor actor, int limit) {
    SharingGate.Check check = gate.check(actor);
    List<Summary> out = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    AdvisoryRepository.Advisory last = null;
    while (out.size() < limit) {
      List<AdvisoryRepository.Advisory> batch = advisories.newestFirst(last, LIST_BATCH);
      out.addAll(visibleSummaries(actor, check, batch, names, limit - out.size()));
      if (batch.size() < LIST_BATCH) {
        break;
      }
      last = batch.get(batch.size() - 1);
    }
    return out;
  }

  /**
   * Of {@code ids} (e.g. candidates a search index found), the advisories the actor may see, in the
   * order given; the others are left out as if they did not exist. Judged by the same policy as
   * {@link #list}.
   */
  public List<Summary> visibleAmong(Actor actor, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, AdvisoryRepository.Advisory> found = new HashMap<>();
    advisories.advisories(ids).forEach(a -> found.put(a.id(), a));
    List<AdvisoryRepository.Advisory> batch =
        ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    return visibleSummaries(actor, gate.check(actor), batch, new HashMap<>(), batch.size());
  }

  /** Deliveries read per statement while the advisory inbox walks newest first. */
  static final int INBOX_BATCH = 500;

  /** The fewest deliveries a batch of that walk reads. */
  static final int INBOX_MIN_BATCH = 50;

  /**
   * What was delivered to the actor's organisation, newest first (then by advisory), at most {@code
   * limit}: the deliveries are read in that order in batches, each judged by the policy, until
   * {@code limit} are kept or none are left. A delivery the actor may not see in real work (an
   * exercise's advisory) is skipped and takes no place: one read of {@code limit} deliveries judged
   * afterwards answered fewer, often none, while older visible ones existed.
   */
  public List<Summary> inbox(Actor actor, int limit) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    long org = actor.organisationId();
    SharingGate.Check check = gate.check(actor);
    Map<Long, String> names = new HashMap<>();
    List<Summary> out = new ArrayList<>();
    AdvisoryRepository.Recipient last = null;
    while (out.size() < limit) {
      // no more than the items still missing (and a few more, for those the policy leaves out)
      int ask =
          (int) Math.min(INBOX_BATCH, Math.max(INBOX_MIN_BATCH, (long) limit - out.size() + 1));
      List<AdvisoryRepository.Recipient> batch = advisories.inbox(org, last, ask);
      if (batch.isEmpty()) {
        break;
      }
      Map<Long, AdvisoryRepository.Advisory> found = new HashMap<>();
      advisories
          .advisories(batch.stream().map(AdvisoryRepository.Recipient::advisoryId).toList())
          .forEach(a -> found.put(a.id(), a));
      // in the order of delivery, as read
      List<AdvisoryRepository.Advisory> delivered =
          batch.stream()
              .map(r -> found.get(r.advisoryId()))
              .filter(java.util.Objects::nonNull)
              .toList();
      out.addAll(visibleSummaries(actor, check, delivered, names, limit - out.size()));
      if (batch.size() < ask) {
        break;
      }
      last = batch.get(batch.size() - 1);
    }
    return out;
  }

  /**
   * Advisories delivered to the actor's organisation whose receipt it has not confirmed, oldest
   * delivery first — only those the policy lets the actor see: the first {@code show} as summaries,
   * all of them (up to {@code cap}) counted, each judged as a shown one is.
   */
  public Section<Summary> toConfirm(Actor actor, int show, int cap) {
    if (actor.organisationId() == null) {
      return Section.empty();
    }
    long org = actor.organisationId();
    List<Long> visible =
        Section.visibleOf(
            limit ->
                advisories.unconfirmed(org, limit).stream()
                    .map(AdvisoryRepository.Recipient::advisoryId)
                    .toList(),
            open -> visibleIds(actor, open),
            cap);
    Map<Long, Summary> shown = summariesOf(actor, visible.stream().limit(show));
    return Section.of(visible.stream().limit(show).map(shown::get).toList(), visible.size(), cap);
  }

  /** One of the issuer's advisories with recipients that have not confirmed it yet. */
  public record Unconfirmed(
      long id, String title, int unconfirmed, int recipients, Instant oldestDelivery) {}

  /**
   * The actor's organisation's active advisories that some recipient has not confirmed (the reach
   * its issuer sees on the advisory), oldest unconfirmed delivery first: the first {@code show}
   * with their counts, all of them (up to {@code cap}) counted.
   */
  public Section<Unconfirmed> unconfirmedOfMine(Actor actor, int show, int cap) {
    if (actor.organisationId() == null) {
      return Section.empty();
    }
    long org = actor.organisationId();
    List<Long> visible =
        Section.visibleOf(
            limit -> advisories.pendingOf(org, limit), pending -> visibleIds(actor, pending), cap);
    List<Long> first = visible.stream().limit(show).toList();
    Map<Long, Summary> shown = summariesOf(actor, first.stream());
    Map<Long, AdvisoryRepository.Pending> counts =
        first.isEmpty() ? Map.of() : advisories.pending(first);
    List<Unconfirmed> items =
        first.stream()
            .map(
                id ->
                    new Unconfirmed(
                        id,
                        shown.get(id).title(),
                        counts.get(id).unconfirmed(),
                        counts.get(id).recipients(),
                        counts.get(id).oldestDelivery()))
            .toList();
    return Section.of(items, visible.size(), cap);
  }

  /**
   * A delivery by e-mail or webhook that did not go: {@code failed} (the outbox gave up: the
   * receiver refused or was unreachable at every attempt; {@code lastError} says how) or {@code
   * cancelled} (the outbox decided not to send it; {@code reason} a code the pages put in words,
   * {@code work.outbox.cancelled.<reason>}, null for a row cancelled before codes were kept, whose
   * {@code lastError} then says why).
   */
  public record UnsentDelivery(
      long advisoryId,
      String title,
      String recipientName,
      String channel,
      int attempts,
      String lastError,
      Instant queuedAt,
      String recipientNameEn,
      String status,
      String reason,
      Instant cancelledAt) {

    /** The recipient organisation's current name in the reader's language. */
    public String recipientName(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? recipientNameEn : recipientName;
    }
  }

  /**
   * Deliveries the outbox gave up on, newest first: the platform admin's of every recipient, an
   * organisation admin's of its own organisation; each only for an advisory the policy lets the
   * actor see. The first {@code show} are listed, all (up to {@code cap}) counted.
   */
  public Section<UnsentDelivery> failedDeliveries(Actor actor, int show, int cap) {
    return unsentDeliveries(actor, "failed", null, 0, show, cap);
  }

  /**
   * Deliveries the outbox cancelled (withdrawn before sending, recipient no longer in the audience,
   * ...) since {@code since}, newest first, to the same people and cut by the same policy as {@link
   * #failedDeliveries}: {@code show} of them after the first {@code skip} (a page), all up to
   * {@code cap} counted.
   */
  public Section<UnsentDelivery> cancelledDeliveries(
      Actor actor, Instant since, int skip, int show, int cap) {
    return unsentDeliveries(actor, "cancelled", since, skip, show, cap);
  }

  private Section<UnsentDelivery> unsentDeliveries(
      Actor actor, String status, Instant since, int skip, int show, int cap) {
    if (actor.organisationId() == null || !actor.is(Role.ORG_ADMIN)) {
      return Section.empty();
    }
    Long org = actor.is(Role.PLATFORM_ADMIN) ? null : actor.organisationId();
    List<AdvisoryRepository.Unsent> seen =
        Section.visibleOf(
            limit -> advisories.unsent(status, org, since, limit),
            unsent -> {
              Set<Long> visible =
                  new HashSet<>(
                      visibleIds(
                          actor,
                          unsent.stream()
                              .map(AdvisoryRepository.Unsent::advisoryId)
                              .distinct()
                              .toList()));
              return unsent.stream().filter(f -> visible.contains(f.advisoryId())).toList();
            },
            cap);
    List<AdvisoryRepository.Unsent> first = seen.stream().skip(skip).limit(show).toList();
    Map<Long, Summary> shown =
        summariesOf(actor, first.stream().map(AdvisoryRepository.Unsent::advisoryId));
    Map<Long, Organisation> orgs = new HashMap<>();
    List<UnsentDelivery> items =
        first.stream()
            .map(
                f -> {
                  Organisation o =
                      orgs.computeIfAbsent(f.organisationId(), directory::organisation);
                  return new UnsentDelivery(
                      f.advisoryId(),
                      shown.get(f.advisoryId()).title(),
                      o.nameJa(),
                      f.channel(),
                      f.attempts(),
                      f.lastError(),
                      f.createdAt(),
                      o.nameEn(),
                      f.status(),
                      f.cancelReason(),
                      f.cancelledAt());
                })
            .toList();
    return Section.of(items, seen.size(), cap);
  }

  /**
   * Of {@code ids}, in their order, those the policy lets the actor see — judged with the same
   * audience as every other advisory read, loading only the recipients the policy consults for this
   * viewer ({@link jp.renkei.engine.policy.Reach}), so judging 1,000 advisories fanned out to 200
   * organisations each reads about 1,000 rows, not 200,000.
   */
  private List<Long> visibleIds(Actor actor, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> distinct = ids.stream().distinct().toList();
    SharingGate.Check check = gate.check(actor);
    Map<Long, Set<Long>> recipients =
        advisories.recipientOrgsAmong(distinct, gate.reach(actor).consultedOrganisations());
    Set<Long> visible =
        advisories.advisories(distinct).stream()
            .filter(
                a ->
                    ExerciseScope.isReal(a.exerciseRunId())
                        && check.allows(audience(a, recipients.get(a.id()))))
            .map(AdvisoryRepository.Advisory::id)
            .collect(Collectors.toSet());
    return distinct.stream().filter(visible::contains).toList();
  }

  /** The summaries, by id, of those of the advisories the policy lets the actor see. */
  private Map<Long, Summary> summariesOf(Actor actor, java.util.stream.Stream<Long> ids) {
    List<Long> distinct = ids.distinct().toList();
    Map<Long, Summary> by = new HashMap<>();
    visibleSummaries(
            actor,
            gate.check(actor),
            advisories.advisories(distinct),
            new HashMap<>(),
            distinct.size())
        .forEach(s -> by.put(s.id(), s));
    return by;
  }

  /**
   * The summaries of the real advisories in {@code batch} that the policy lets the actor see: the
   * one judgement behind every real read path (list, search, inbox, work queue), which leaves out
   * exercise advisories (sharing.ExerciseScope).
   */
  private List<Summary> visibleSummaries(
      Actor actor,
      SharingGate.Check check,
      List<AdvisoryRepository.Advisory> batch,
      Map<Long, String> names,
      int limit) {
    return judgedSummaries(
        actor,
        check,
        batch.stream().filter(a -> ExerciseScope.isReal(a.exerciseRunId())).toList(),
        names,
        limit);
  }

  /**
   * The advisories of exercise run {@code runId} the actor may see, newest first: the exercise's
   * own list, judged by the same policy as every advisory read.
   */
  public List<Summary> inExercise(Actor actor, long runId, int limit) {
    SharingGate.Check check = gate.check(actor);
    Map<Long, String> names = new HashMap<>();
    List<Summary> out = new ArrayList<>();
    for (List<AdvisoryRepository.Advisory> batch : ofExercise(runId)) {
      if (out.size() >= limit) {
        break;
      }
      out.addAll(judgedSummaries(actor, check, batch, names, limit - out.size()));
    }
    return out;
  }

  /** Advisories of an exercise run judged per statement. */
  static final int EXERCISE_BATCH = 1_000;

  /**
   * Every advisory of exercise run {@code runId}, newest first, in batches of {@value
   * #EXERCISE_BATCH} (each read when reached). The run's advisories were read up to 5,000 and then
   * judged, so advisories a viewer may not see pushed visible ones off its list and out of the
   * evidence its checks score.
   */
  private Iterable<List<AdvisoryRepository.Advisory>> ofExercise(long runId) {
    List<Long> ids = advisories.ofExercise(runId);
    return () ->
        new java.util.Iterator<>() {
          private int from;

          @Override
          public boolean hasNext() {
            return from < ids.size();
          }

          @Override
          public List<AdvisoryRepository.Advisory> next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + EXERCISE_BATCH));
            from += chunk.size();
            return advisories.advisories(chunk).stream()
                .filter(a -> ExerciseScope.inRun(a.exerciseRunId(), runId))
                .sorted(
                    java.util.Comparator.comparing(AdvisoryRepository.Advisory::createdAt)
                        .reversed())
                .toList();
          }
        };
  }

  /** A recipient's receipt of an advisory of an exercise run. */
  public record ExerciseReceipt(
      long advisoryId,
      long issuerOrgId,
      long organisationId,
      String level,
      Instant deliveredAt,
      Instant acknowledgedAt) {}

  /**
   * The receipts of exercise run {@code runId}'s advisories that {@code viewer} may see, by the
   * advisory page's rule ({@link #recipientsShownTo}): of an advisory the viewer may see, every
   * recipient's to the issuing organisation, its own to a recipient, none to any other reader.
   */
  public List<ExerciseReceipt> receiptsInExercise(Actor viewer, long runId) {
    List<ExerciseReceipt> out = new ArrayList<>();
    if (viewer.organisationId() == null) {
      return out;
    }
    long org = viewer.organisationId();
    SharingGate.Check check = gate.check(viewer);
    for (AdvisoryRepository.Advisory a : visibleInExercise(viewer, check, runId)) {
      for (AdvisoryRepository.Recipient r : advisories.recipients(a.id())) {
        if (a.issuerOrgId() == org || r.organisationId() == org) {
          out.add(
              new ExerciseReceipt(
                  a.id(),
                  a.issuerOrgId(),
                  r.organisationId(),
                  r.level(),
                  r.deliveredAt(),
                  r.acknowledgedAt()));
        }
      }
    }
    return out;
  }

  /**
   * Per organisation, when it confirmed receipt of an advisory of run {@code runId}: only the
   * receipts {@code viewer} may see ({@link #receiptsInExercise}).
   */
  public Map<Long, List<Instant>> confirmationsInExercise(Actor viewer, long runId) {
    Map<Long, List<Instant>> out = new HashMap<>();
    for (ExerciseReceipt r : receiptsInExercise(viewer, runId)) {
      if (r.acknowledgedAt() != null) {
        out.computeIfAbsent(r.organisationId(), k -> new ArrayList<>()).add(r.acknowledgedAt());
      }
    }
    return out;
  }

  /**
   * Per organisation, when it issued an advisory in run {@code runId}, of the advisories {@code
   * viewer} may see.
   */
  public Map<Long, List<Instant>> issuesInExercise(Actor viewer, long runId) {
    Map<Long, List<Instant>> out = new HashMap<>();
    for (AdvisoryRepository.Advisory a : visibleInExercise(viewer, gate.check(viewer), runId)) {
      out.computeIfAbsent(a.issuerOrgId(), k -> new ArrayList<>()).add(a.createdAt());
    }
    return out;
  }

  private List<AdvisoryRepository.Advisory> visibleInExercise(
      Actor viewer, SharingGate.Check check, long runId) {
    List<AdvisoryRepository.Advisory> out = new ArrayList<>();
    Set<Long> consulted = gate.reach(viewer).consultedOrganisations();
    for (List<AdvisoryRepository.Advisory> batch : ofExercise(runId)) {
      if (batch.isEmpty()) {
        continue;
      }
      Map<Long, Set<Long>> recipients =
          advisories.recipientOrgsAmong(
              batch.stream().map(AdvisoryRepository.Advisory::id).toList(), consulted);
      batch.stream()
          .filter(a -> check.allows(audience(a, recipients.get(a.id()))))
          .forEach(out::add);
    }
    out.sort(java.util.Comparator.comparing(AdvisoryRepository.Advisory::createdAt));
    return out;
  }

  private List<Summary> judgedSummaries(
      Actor actor,
      SharingGate.Check check,
      List<AdvisoryRepository.Advisory> batch,
      Map<Long, String> names,
      int limit) {
    if (batch.isEmpty()) {
      return List.of();
    }
    Map<Long, Set<Long>> recipients =
        advisories.recipientOrgsAmong(
            batch.stream().map(AdvisoryRepository.Advisory::id).toList(),
            gate.reach(actor).consultedOrganisations());
    List<AdvisoryRepository.Advisory> visible =
        batch.stream()
            .filter(a -> check.allows(audience(a, recipients.get(a.id()))))
            .limit(limit)
            .toList();
    if (visible.isEmpty()) {
      return List.of();
    }
    List<Long> ids = visible.stream().map(AdvisoryRepository.Advisory::id).toList();
    Map<Long, AdvisoryRepository.Headline> headlines = advisories.headlines(ids);
    Map<Long, AdvisoryRepository.Recipient> mine =
        actor.organisationId() == null
            ? Map.of()
            : advisories.receipts(actor.organisationId(), ids);
    List<Summary> out = new ArrayList<>();
    Map<Long, jp.renkei.server.directory.Organisation> orgs = new HashMap<>();
    Map<Long, String> simulated = advisories.simulatedSenders(ids);
    for (AdvisoryRepository.Advisory a : visible) {
      AdvisoryRepository.Headline h = headlines.get(a.id());
      AdvisoryRepository.Recipient r = mine.get(a.id());
      String sender = simulated.get(a.id());
      if (sender != null) {
        out.add(
            new Summary(
                a.id(),
                h.title(),
                h.kind(),
                a.tlp(),
                a.status(),
                simulatedName(sender, java.util.Locale.JAPANESE),
                a.createdAt(),
                r == null ? null : r.deliveredAt(),
                r == null ? null : r.acknowledgedAt(),
                r != null,
                simulatedName(sender, java.util.Locale.ENGLISH),
                h.urgency(),
                h.confirmBy()));
        continue;
      }
      out.add(
          new Summary(
              a.id(),
              h.title(),
              h.kind(),
              a.tlp(),
              a.status(),
              this.names.nameJaAt(
                  a.issuerOrgId(),
                  a.createdAt(),
                  org ->
                      names.computeIfAbsent(
                          org, o -> orgs.computeIfAbsent(o, directory::organisation).nameJa())),
              a.createdAt(),
              r == null ? null : r.deliveredAt(),
              r == null ? null : r.acknowledgedAt(),
              r != null,
              this.names.nameAt(
                  a.issuerOrgId(),
                  a.createdAt(),
                  java.util.Locale.ENGLISH,
                  org -> orgs.computeIfAbsent(org, directory::organisation)),
              h.urgency(),
              h.confirmBy()));
    }
    return out;
  }

  /**
   * Writes the version's recipients and queues its e-mails and webhooks, set-based, in the caller's
   * transaction; idempotent, so running it again for the same version changes nothing.
   */
  int fanOut(long id, int versionNo) {
    AdvisoryRepository.Advisory a = advisories.advisory(id).orElseThrow();
    Instant now = clock.instant();
    advisories.fanOutRecipients(a, versionNo, now, gate.gatedTypesNow());
    advisories.queueDeliveries(id, versionNo, "delivery", 0, false);
    advisories.markFannedOut(id, versionNo, now);
    return advisories.recipients(id).size();
  }

  /** An advisory was issued or got a new version (sent after its transaction commits). */
  public record Published(long id) {}

  /**
   * What other features publish of an advisory: the whole thread and its issuer, without its source
   * reports (each has its own audience, which a publication under the advisory's cannot honour).
   * {@code stixKey} is the number its STIX ids derive from: the id it had before ids were random,
   * else its id, so published objects keep their STIX ids.
   */
  public record Publication(
      long id,
      long stixKey,
      long issuerOrgId,
      Long issuerUserId,
      String issuerName,
      String tlp,
      List<AdvisoryView.Version> versions) {}

  /**
   * The number the STIX ids of advisory {@code id} derive from (its id before ids were random, else
   * its id). Ask only after the caller may see the advisory.
   */
  public long stixKey(long id) {
    return advisories.stixKey(id);
  }

  /**
   * An advisory for publishing under its own audience (no viewer: the caller keeps it); never an
   * exercise's (so it reaches no TAXII collection, correlation or sighting).
   */
  public Optional<Publication> publication(long id) {
    return advisories
        .advisory(id)
        .filter(a -> ExerciseScope.isReal(a.exerciseRunId()))
        .map(
            a ->
                new Publication(
                    a.id(),
                    advisories.stixKey(a.id()),
                    a.issuerOrgId(),
                    a.issuerUserId(),
                    names.nameJaAt(a.issuerOrgId(), a.createdAt()),
                    a.tlp(),
                    advisories.versions(id).stream().map(v -> v.withSources(List.of())).toList()));
  }

  /**
   * An advisory's audience, for other features that publish it (its STIX objects): the same one its
   * own pages are judged by.
   */
  public Optional<Audience> audienceOf(long id) {
    Optional<AdvisoryRepository.Advisory> found = advisories.advisory(id);
    // read whether or not the advisory exists (attack30b)
    Set<Long> recipients = recipientIds(id);
    return found.map(a -> audience(a, recipients));
  }

  /** The audience the policy judges: recipients as addressed, the community as scoped. */
  Audience audience(AdvisoryRepository.Advisory a) {
    return audience(a, recipientIds(a.id()));
  }

  private Set<Long> recipientIds(long id) {
    return advisories.recipients(id).stream()
        .map(AdvisoryRepository.Recipient::organisationId)
        .collect(Collectors.toSet());
  }

  static Audience audience(AdvisoryRepository.Advisory a, Set<Long> recipients) {
    boolean scoped = !a.all();
    return new Audience(
        Marking.tlp(jp.renkei.server.sharing.Markings.tlp(a.tlp())),
        a.issuerOrgId(),
        a.issuerUserId(),
        recipients,
        Set.of(),
        scoped ? Set.copyOf(a.sectors()) : Set.of(),
        scoped ? Set.copyOf(a.types()) : Set.of(),
        Set.of());
  }

  private boolean overdue(AdvisoryView.Version current, Instant acknowledgedAt) {
    return acknowledgedAt == null
        && current.confirmBy() != null
        && clock.instant().isAfter(current.confirmBy());
  }

  private AdvisoryView.Reach reach(long id, AdvisoryView.Version current, java.util.Locale locale) {
    List<AdvisoryRepository.Recipient> all = advisories.recipients(id);
    Map<String, long[]> byLevel = new java.util.LinkedHashMap<>();
    for (String level : List.of("ministry", "ceptoar", "operator", "other")) {
      byLevel.put(level, new long[2]);
    }
    Map<Long, AdvisoryRepository.Confirmation> confirmations = new HashMap<>();
    advisories.confirmations(id).forEach(c -> confirmations.put(c.organisationId(), c));
    List<AdvisoryRepository.Delivery> deliveries =
        advisories.deliveries(id, current.number(), "delivery");
    Map<Long, Map<String, String>> delivered = states(deliveries);
    Map<Long, Map<String, String>> whyNot = cancelReasons(deliveries);
    Map<Long, Map<String, String>> reminded =
        states(advisories.deliveries(id, current.number(), "reminder"));
    List<AdvisoryView.Pending> pending = new ArrayList<>();
    List<AdvisoryView.RecipientState> states = new ArrayList<>();
    List<String> withoutDuty = new ArrayList<>();
    Map<Long, String> people = new HashMap<>();
    long total = 0;
    long totalConfirmed = 0;
    for (AdvisoryRepository.Recipient r : all) {
      Organisation org = directory.organisation(r.organisationId());
      long[] c = byLevel.get(r.level());
      c[0]++;
      total++;
      AdvisoryRepository.Confirmation confirmed = confirmations.get(r.organisationId());
      if (r.acknowledgedAt() != null) {
        c[1]++;
        totalConfirmed++;
      } else {
        pending.add(
            new AdvisoryView.Pending(org.name(locale), r.level(), r.deliveredAt(), r.remindedAt()));
      }
      if (org.dutyEmail() == null || org.dutyEmail().isBlank()) {
        withoutDuty.add(org.name(locale));
      }
      Map<String, String> sent = delivered.getOrDefault(r.organisationId(), Map.of());
      Map<String, String> why = whyNot.getOrDefault(r.organisationId(), Map.of());
      Map<String, String> reminder = reminded.getOrDefault(r.organisationId(), Map.of());
      states.add(
          new AdvisoryView.RecipientState(
              org.name(locale),
              r.level(),
              r.deliveredAt(),
              r.acknowledgedAt(),
              confirmed == null || confirmed.acknowledgedBy() == null
                  ? null
                  : people.computeIfAbsent(
                      confirmed.acknowledgedBy(),
                      u -> users.byId(u).map(x -> x.displayName()).orElse(null)),
              overdue(current, r.acknowledgedAt()),
              sent.getOrDefault("email", "none"),
              sent.getOrDefault("webhook", "none"),
              r.remindedAt(),
              r.remindedAt() == null ? null : reminderState(reminder),
              "cancelled".equals(sent.get("email")) ? why.get("email") : null,
              "cancelled".equals(sent.get("webhook")) ? why.get("webhook") : null));
    }
    long[] outbox = advisories.outboxCounts(id);
    return new AdvisoryView.Reach(
        byLevel.entrySet().stream()
            .filter(e -> e.getValue()[0] > 0)
            .map(e -> new AdvisoryView.Level(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList(),
        pending,
        outbox[0],
        outbox[1],
        outbox[2],
        outbox[3],
        new AdvisoryView.Level("total", total, totalConfirmed),
        states,
        withoutDuty,
        outbox[4]);
  }

  /** Per organisation and channel, the reason code of a cancelled delivery (when one was kept). */
  private static Map<Long, Map<String, String>> cancelReasons(
      List<AdvisoryRepository.Delivery> deliveries) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    for (AdvisoryRepository.Delivery d : deliveries) {
      if ("cancelled".equals(d.status()) && d.cancelReason() != null) {
        out.computeIfAbsent(d.organisationId(), o -> new HashMap<>())
            .putIfAbsent(d.channel(), d.cancelReason());
      }
    }
    return out;
  }

  /**
   * Per organisation and channel, what the outbox did: queued, retrying (pending after a failed
   * attempt: the sender should know the mail has not gone), sent or failed.
   */
  private static Map<Long, Map<String, String>> states(
      List<AdvisoryRepository.Delivery> deliveries) {
    Map<Long, Map<String, String>> out = new HashMap<>();
    for (AdvisoryRepository.Delivery d : deliveries) {
      String state =
          !"pending".equals(d.status()) ? d.status() : d.attempts() > 0 ? "retrying" : "queued";
      // an organisation may have several rows per channel only across targets: the worst wins
      out.computeIfAbsent(d.organisationId(), o -> new HashMap<>())
          .merge(d.channel(), state, (a, b) -> rank(a) >= rank(b) ? a : b);
    }
    return out;
  }

  private static int rank(String state) {
    return switch (state) {
      case "failed" -> 4;
      case "retrying" -> 3;
      case "queued" -> 2;
      case "cancelled" -> 0;
      default -> 1;
    };
  }

  /** A reminder's state over both channels: none when there was nowhere to send it. */
  private static String reminderState(Map<String, String> channels) {
    return channels.values().stream()
        .max(java.util.Comparator.comparingInt(AdvisoryService::rank))
        .orElse("none");
  }

  /**
   * The recipient organisations the advisory's page names to the actor: all of them to the issuing
   * organisation (its reach), its own organisation to a recipient (its receipt), none to any other
   * reader, and none at all for an advisory the actor may not see.
   */
  public List<Organisation> recipientsShownTo(Actor actor, long id) {
    java.util.Optional<AdvisoryRepository.Advisory> found = advisories.advisory(id);
    Set<Long> recipients = recipientIds(id);
    AdvisoryRepository.Advisory a =
        gate.visible(actor, found, x -> audience(x, recipients)).orElse(null);
    if (a == null || actor.organisationId() == null) {
      return List.of();
    }
    long org = actor.organisationId();
    if (a.issuerOrgId() == org) {
      return advisories.recipients(id).stream()
          .map(r -> directory.organisation(r.organisationId()))
          .toList();
    }
    return advisories.recipient(id, org).isPresent()
        ? List.of(directory.organisation(org))
        : List.of();
  }

  private AdvisoryRepository.Advisory visible(Actor actor, long id) {
    java.util.Optional<AdvisoryRepository.Advisory> found = advisories.advisory(id);
    // read whether or not the advisory exists: a hidden one and a missing one do the same work
    Set<Long> recipients = recipientIds(id);
    return gate.visible(actor, found, x -> audience(x, recipients))
        .orElseThrow(() -> new NotFound("advisory", id));
  }

  /** A ministry issues only for the sectors it supervises, a CEPTOAR only for its own sector. */
  /**
   * The sectors an organisation speaks to downward (情報提供): a ministry its sectors, a CEPTOAR (or
   * any other organisation of a sector) its own; null for NISC, which speaks to all.
   */
  private Set<String> ownSectors(Organisation issuer) {
    if (issuer.typeCode().equals("nisc")) {
      return null;
    }
    Set<String> own = new HashSet<>();
    if (issuer.typeCode().equals("ministry")) {
      reference.sectors().stream()
          .filter(s -> s.ministryCode().equals(issuer.ministryCode()))
          .forEach(s -> own.add(s.code()));
    } else if (issuer.sectorCode() != null) {
      own.add(issuer.sectorCode());
    }
    return own;
  }

  /**
   * Whether the actor's organisation reaches organisation {@code organisationId} downward: its own
   * organisation always; for an organisation that may issue advisories (NISC, a ministry, a
   * CEPTOAR), those its advisories may name — NISC any, a ministry those of its sectors, a CEPTOAR
   * those of its sector. Also whom an exercise's controller may add to a run.
   */
  public boolean reaches(Actor actor, long organisationId) {
    if (actor.organisationId() == null) {
      return false;
    }
    if (actor.organisationId() == organisationId) {
      return true;
    }
    Organisation issuer = directory.organisation(actor.organisationId());
    if (!Set.of("nisc", "ministry", "ceptoar").contains(issuer.typeCode())) {
      return false;
    }
    Set<String> own = ownSectors(issuer);
    String sector = directory.organisation(organisationId).sectorCode();
    return own == null || (sector != null && own.contains(sector));
  }

  private void requireWithinOwnSectors(Actor actor, NewAdvisory a, List<Organisation> named) {
    Set<String> own = ownSectors(directory.organisation(actor.organisationId()));
    if (own == null) {
      return;
    }
    if (a.all()
        || !a.types().isEmpty()
        || !own.containsAll(a.sectors())
        || named.stream().anyMatch(o -> o.sectorCode() == null || !own.contains(o.sectorCode()))) {
      throw new InvalidInput("audience", "validation.advisory.outsideOwnSectors");
    }
  }

  /**
   * The advisory's text fields and observables, every error added to {@code errors} (each bad
   * observable line by its row); the observables that parsed, normalised.
   */
  private static List<String> checkContent(
      String title,
      String body,
      String actions,
      List<String> observables,
      jp.renkei.server.failure.FieldErrors errors) {
    if (title == null || title.isBlank() || title.strip().length() > 200) {
      errors.add(new InvalidInput("title", "validation.required.max", 200));
    } else {
      errors.check(() -> jp.renkei.server.failure.OneLine.check("title", title));
    }
    if (body == null || body.isBlank() || body.strip().length() > 20_000) {
      errors.add(new InvalidInput("body", "validation.required.max", 20_000));
    }
    if (actions != null && actions.strip().length() > 5000) {
      errors.add(new InvalidInput("actions", "validation.required.max", 5000));
    }
    List<String> out = new ArrayList<>();
    if (observables.size() > 500) {
      errors.add(new InvalidInput("observables", "validation.report.tooManyObservables", 500));
      return out;
    }
    for (int i = 0; i < observables.size(); i++) {
      String line = observables.get(i) == null ? "" : observables.get(i).strip();
      String[] parts = line.split("\\s+", 2);
      Optional<ObservableType> type =
          parts.length == 2 ? ObservableType.fromCode(parts[0]) : Optional.empty();
      String value = type.isPresent() ? parts[1] : line;
      Optional<ObservableType> t = type.or(() -> Observables.detect(value));
      if (t.isEmpty()) {
        errors.add(
            new InvalidInput("observables[" + i + "]", "validation.observable.line", i + 1, line));
        continue;
      }
      try {
        out.add(t.get().code() + " " + Observables.parse(t.get(), value).value());
      } catch (InvalidObservable e) {
        errors.add(
            new InvalidInput(
                "observables[" + i + "]",
                "validation.observable",
                t.get().code(),
                value,
                e.reason()));
      }
    }
    return out;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
