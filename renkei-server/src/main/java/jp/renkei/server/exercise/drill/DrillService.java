package jp.renkei.server.exercise.drill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.renkei.engine.exercise.drill.Contact;
import jp.renkei.engine.exercise.drill.DrillStats;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.exercise.ScenarioTemplates;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.report.ReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CEPTOAR drill (セプター訓練) in one click: 情報提供訓練 issues an exercise advisory on the real advisory
 * flow (NISC → ministry → CEPTOAR → operator), 情報連絡訓練 asks the operators for a report on the real
 * report flow (operator → CEPTOAR → ministry → NISC). Every number comes from the run's advisories
 * and reports as the sharing policy shows them: the aggregates as the drill's organiser may see
 * them, each row as the viewer may see it; a participant is shown its own row and the aggregates
 * only.
 */
@Service
public class DrillService {

  /** The drill kinds: 情報提供訓練 and 情報連絡訓練. */
  public static final List<String> KINDS = List.of("provision", "liaison");

  /** The number of yes/no questions on the self-check sheet (drill.selfcheck.q1 …). */
  public static final int QUESTIONS = 5;

  static final Map<String, List<String>> LEVELS =
      Map.of(
          "provision", List.of("ministry", "ceptoar", "operator"),
          "liaison", List.of("operator", "ceptoar", "ministry", "nisc"));

  private static final Set<String> CONSOLE_ROLES = Set.of("controller", "evaluator", "observer");

  private final DrillRepository repo;
  private final ExerciseService exercises;
  private final AdvisoryService advisories;
  private final ReportService reports;
  private final DirectoryService directory;
  private final UserService users;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  DrillService(
      DrillRepository repo,
      ExerciseService exercises,
      AdvisoryService advisories,
      ReportService reports,
      DirectoryService directory,
      UserService users,
      ReferenceData reference,
      AuditLog audit,
      Optional<Clock> clock) {
    this.repo = repo;
    this.exercises = exercises;
    this.advisories = advisories;
    this.reports = reports;
    this.directory = directory;
    this.users = users;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Whether the actor may start a drill: an analyst of the national coordinator. */
  public boolean mayStart(Actor actor) {
    return actor.userId() != null
        && actor.organisationId() != null
        && actor.is(Role.ANALYST)
        && "nisc".equals(directory.organisation(actor.organisationId()).typeCode());
  }

  /** The shipped template a drill of {@code kind} runs. */
  public static ScenarioDocument template(String kind) {
    return ScenarioTemplates.document("ceptoar-drill-" + kind);
  }

  /**
   * Starts a drill of {@code kind} for the organisations of {@code sectors} (their ministries,
   * CEPTOARs and operators): a run of the shipped template controlled by the actor, every user of
   * those organisations a player (team: the organisation's code), their duty addresses recorded as
   * used. 情報提供訓練 issues its exercise advisory at once. Only a national coordinator's analyst starts
   * a drill.
   */
  @Transactional
  public long start(Actor actor, String kind, List<String> sectors) {
    if (!mayStart(actor)) {
      throw new Forbidden("drill.error.mayNotStart");
    }
    Organisation own = directory.organisation(actor.organisationId());
    if (kind == null || !KINDS.contains(kind)) {
      throw new InvalidInput("kind", "drill.validation.kind", String.valueOf(kind));
    }
    List<String> chosen = sectors == null ? List.of() : sectors.stream().distinct().toList();
    if (chosen.isEmpty()) {
      throw new InvalidInput("sectors", "drill.validation.noSector");
    }
    for (String s : chosen) {
      if (reference.sector(s).isEmpty()) {
        throw new InvalidInput("sectors", "drill.validation.sector", s);
      }
    }
    Instant now = clock.instant();
    int year = DrillStats.fiscalYear(now);
    ScenarioDocument doc = template(kind);
    long scenario = exercises.createScenario(actor, doc);
    long run = exercises.createRun(actor, scenario, doc.title() + " " + year, 1, false);
    Map<Organisation, String> levels = new LinkedHashMap<>();
    for (Organisation o : advisories.recipientsOf(actor, drillAdvisory(doc, chosen, null))) {
      if (Set.of("ministry", "ceptoar", "operator").contains(o.typeCode())) {
        levels.put(o, o.typeCode());
      }
    }
    if ("liaison".equals(kind)) {
      levels.put(own, "nisc");
    }
    long drill = repo.insert(run, kind, own.id(), actor.userId(), year, chosen, now);
    // a national drill reaches ~800 organisations and ~6,500 users: one statement each
    repo.addParticipants(drill, levels);
    Map<Long, String> teams = new LinkedHashMap<>();
    levels.keySet().forEach(o -> teams.put(o.id(), o.code()));
    exercises.addPlayersOf(actor, run, teams, actor.userId());
    exercises.control(actor, run, "start");
    if ("provision".equals(kind)) {
      advisories.issue(actor, drillAdvisory(doc, chosen, run));
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.drill.start",
            "exercise_drill",
            drill,
            Detail.of("exercise.drill.start", kind, chosen)));
    return drill;
  }

  /** The exercise advisory of a drill (run null: to preview its recipients). */
  static NewAdvisory drillAdvisory(ScenarioDocument doc, List<String> sectors, Long run) {
    var inject = doc.injects().get(0);
    return new NewAdvisory(
        inject.title(),
        inject.content(),
        null,
        List.of(),
        List.of(),
        "green",
        false,
        sectors,
        List.of(),
        List.of(),
        null,
        null,
        run);
  }

  /** The drills the actor is a member of, newest first. */
  public List<DrillViews.Summary> drills(Actor actor) {
    if (actor.userId() == null) {
      return List.of();
    }
    return repo.drillsOf(actor.userId()).stream()
        .map(
            d ->
                new DrillViews.Summary(
                    d.id(),
                    d.runId(),
                    d.kind(),
                    d.fiscalYear(),
                    d.startedAt(),
                    exercises.roleIn(actor, d.runId()).orElse(null)))
        .toList();
  }

  /**
   * A drill's result for one of its members ({@link NotFound} for anyone else): the levels as the
   * organiser may see them; the rows — every participant's to the run's controllers, evaluators and
   * observers, its own to a participant — as the viewer may see them; the self-check sheet; and the
   * earlier drills of the same kind the viewer was a member of.
   */
  @Transactional(readOnly = true)
  public DrillViews.Result result(Actor viewer, long id, Locale locale) {
    DrillRepository.Drill d = memberOf(viewer, id);
    String role = exercises.roleIn(viewer, d.runId()).orElseThrow();
    boolean console = CONSOLE_ROLES.contains(role);
    List<DrillRepository.Participant> participants = repo.participants(id);
    long own = viewer.organisationId() == null ? -1 : viewer.organisationId();
    List<DrillRepository.Participant> shown =
        participants.stream().filter(p -> console || p.organisationId() == own).toList();
    Map<String, Contact> seen = new HashMap<>();
    for (Contact c : contacts(d, viewer, participants)) {
      seen.merge(c.organisationId() + "\u0000" + c.level(), c, DrillService::earliest);
    }
    List<DrillViews.Row> rows = new ArrayList<>();
    for (DrillRepository.Participant p : shown) {
      Contact c = seen.get(p.organisationId() + "\u0000" + p.level());
      Organisation o = directory.organisation(p.organisationId());
      rows.add(
          new DrillViews.Row(
              o.name(locale),
              p.level(),
              p.dutyEmail(),
              !Objects.equals(p.dutyEmail(), o.dutyEmail()),
              c == null ? null : c.reachedAt(),
              c == null ? null : c.confirmedAt(),
              c == null || c.timeToConfirm() == null ? null : c.timeToConfirm().toMinutes()));
    }
    // by level in the drill's order (as its level table), then by name in the reader's language
    List<String> levelOrder = LEVELS.getOrDefault(d.kind(), List.of());
    rows.sort(
        java.util.Comparator.comparingInt(
                (DrillViews.Row r) ->
                    levelOrder.contains(r.level())
                        ? levelOrder.indexOf(r.level())
                        : levelOrder.size())
            .thenComparing(
                DrillViews.Row::organisationName,
                java.util.Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
    List<DrillRepository.SelfCheck> checks = repo.selfChecks(id);
    List<Boolean> mine =
        checks.stream()
            .filter(c -> c.organisationId() == own)
            .findFirst()
            .map(DrillRepository.SelfCheck::answers)
            .orElse(null);
    DrillViews.Tally tally = null;
    if (console) {
      List<Integer> yes = new ArrayList<>();
      for (int q = 0; q < QUESTIONS; q++) {
        int n = q;
        yes.add((int) checks.stream().filter(c -> Boolean.TRUE.equals(c.answers().get(n))).count());
      }
      tally =
          new DrillViews.Tally(
              checks.size(),
              (int) participants.stream().map(p -> p.organisationId()).distinct().count(),
              yes);
    }
    List<DrillViews.Earlier> earlier = new ArrayList<>();
    for (DrillRepository.Drill e : repo.earlier(d)) {
      if (exercises.roleIn(viewer, e.runId()).isPresent()) {
        earlier.add(new DrillViews.Earlier(e.id(), e.fiscalYear(), e.startedAt(), levels(e)));
      }
    }
    return new DrillViews.Result(
        d.id(),
        d.runId(),
        d.kind(),
        d.fiscalYear(),
        d.startedAt(),
        console,
        levels(d),
        rows,
        QUESTIONS,
        mine,
        participants.stream().anyMatch(p -> p.organisationId() == own) && "player".equals(role),
        tally,
        earlier);
  }

  /**
   * The drill when the actor is a member of its run, else {@link NotFound}; the membership is read
   * whether or not the drill exists (of a run no drill has when it does not), so a drill of a run
   * one is not in and one that never existed do the same work (attack30b).
   */
  private DrillRepository.Drill memberOf(Actor actor, long id) {
    java.util.Optional<DrillRepository.Drill> d = repo.drill(id);
    boolean member =
        exercises.roleIn(actor, d.map(DrillRepository.Drill::runId).orElse(-1L)).isPresent();
    return d.filter(x -> member).orElseThrow(() -> new NotFound("exercise_drill", id));
  }

  /** A participant's self-check sheet: one yes/no answer per question, answered by its own user. */
  @Transactional
  public void answerSelfCheck(Actor actor, long id, List<Boolean> answers) {
    DrillRepository.Drill d = memberOf(actor, id);
    long own = actor.organisationId() == null ? -1 : actor.organisationId();
    if (repo.participants(id).stream().noneMatch(p -> p.organisationId() == own)) {
      throw new Forbidden("drill.error.notParticipant");
    }
    if (answers == null
        || answers.size() != QUESTIONS
        || answers.stream().anyMatch(Objects::isNull)) {
      throw new InvalidInput("answers", "drill.validation.answers", QUESTIONS);
    }
    repo.saveSelfCheck(id, own, List.copyOf(answers), actor.userId(), clock.instant());
    audit.record(actor, AuditLog.Event.success("exercise.drill.selfcheck", "exercise_drill", id));
  }

  /** The levels of a drill as its organiser may see them (every participant is a target). */
  private List<DrillStats.Level> levels(DrillRepository.Drill d) {
    Actor judge =
        users
            .byId(d.createdBy())
            .map(u -> new Actor(u.id(), u.login(), u.organisationId(), u.role(), "system", null))
            .orElseGet(() -> new Actor(null, "drill", null, null, "system", null));
    List<DrillRepository.Participant> participants = repo.participants(d.id());
    List<Contact> all = new ArrayList<>(contacts(d, judge, participants));
    Set<String> reached = new java.util.HashSet<>();
    all.forEach(c -> reached.add(c.organisationId() + "\u0000" + c.level()));
    for (DrillRepository.Participant p : participants) {
      if (!reached.contains(p.organisationId() + "\u0000" + p.level())) {
        all.add(new Contact(p.organisationId(), p.level(), null, null));
      }
    }
    return DrillStats.byLevel(LEVELS.get(d.kind()), all);
  }

  /** What {@code viewer} may see of the participants' contacts, through the features' policy. */
  private List<Contact> contacts(
      DrillRepository.Drill d, Actor viewer, List<DrillRepository.Participant> participants) {
    Map<Long, String> levelOf = new HashMap<>();
    participants.forEach(p -> levelOf.put(p.organisationId(), p.level()));
    List<Contact> out = new ArrayList<>();
    if ("provision".equals(d.kind())) {
      for (AdvisoryService.ExerciseReceipt r : advisories.receiptsInExercise(viewer, d.runId())) {
        String level = levelOf.get(r.organisationId());
        if (level != null) {
          out.add(new Contact(r.organisationId(), level, r.deliveredAt(), r.acknowledgedAt()));
        }
      }
      return out;
    }
    for (ReportService.ExerciseHop h : reports.hopsInExercise(viewer, d.runId())) {
      String sender = levelOf.get(h.originatorOrgId());
      if (!h.relayCopy() && "operator".equals(sender)) {
        out.add(new Contact(h.originatorOrgId(), "operator", d.startedAt(), h.submittedAt()));
      }
      // an anonymised relay: the copy is the CEPTOAR's own report, sent when it relayed; the
      // operator behind it is credited only where the viewer may read the original
      if (h.relayCopy() && "ceptoar".equals(sender)) {
        out.add(new Contact(h.originatorOrgId(), "ceptoar", d.startedAt(), h.submittedAt()));
      }
      String level = levelOf.get(h.recipientOrgId());
      if (level != null && h.deliveredAt() != null) {
        out.add(
            new Contact(
                h.recipientOrgId(),
                level,
                h.deliveredAt(),
                h.readAt() != null ? h.readAt() : h.forwardedAt()));
      }
    }
    return out;
  }

  private static Contact earliest(Contact a, Contact b) {
    if (!a.confirmed()) {
      return b.confirmed() || a.reachedAt() == null ? b : a;
    }
    if (!b.confirmed()) {
      return a;
    }
    return a.timeToConfirm().compareTo(b.timeToConfirm()) <= 0 ? a : b;
  }
}
