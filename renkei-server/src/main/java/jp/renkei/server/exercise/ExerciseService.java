package jp.renkei.server.exercise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.Inject;
import jp.renkei.engine.exercise.InjectSchedule;
import jp.renkei.engine.exercise.Outcome;
import jp.renkei.engine.exercise.Phase;
import jp.renkei.engine.exercise.RunClock;
import jp.renkei.engine.exercise.Scenario;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.failure.Refusal;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.sharing.ExerciseScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exercises: scenarios private to their planning organisation, runs with their members (コントローラー,
 * イバリュエーター, プレーヤー in teams, 見学), the run's clock, the delivery of due injects to the players'
 * exercise inbox, and the scores. Players answer with the real report and advisory flows; what they
 * create carries the run ({@link ExerciseScope}) and is judged by the sharing policy as always. A
 * run nobody may see answers {@link NotFound}.
 */
@Service
public class ExerciseService {

  static final Set<String> ROLES = Set.of("controller", "evaluator", "player", "observer");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final ExerciseRepository repo;
  private final UserService users;
  private final ReportService reports;
  private final AdvisoryService advisories;
  private final AuditLog audit;
  private final Clock clock;
  private final ExerciseMail mail;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final jp.renkei.server.report.ReportFilingService filing;

  ExerciseService(
      ExerciseRepository repo,
      UserService users,
      ReportService reports,
      jp.renkei.server.report.ReportFilingService filing,
      AdvisoryService advisories,
      AuditLog audit,
      Optional<Clock> clock,
      ExerciseMail mail,
      org.springframework.context.ApplicationEventPublisher events) {
    this.mail = mail;
    this.events = events;
    this.filing = filing;
    this.repo = repo;
    this.users = users;
    this.reports = reports;
    this.advisories = advisories;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  // ---- scenarios

  /** Stores a scenario for the actor's organisation (analysts plan), after the engine checks it. */
  @Transactional
  public long createScenario(Actor actor, ScenarioDocument doc) {
    requireAnalyst(actor);
    Scenario s = doc.toScenario();
    String json = JSON.writeValueAsString(doc);
    if (json.length() > ScenarioDocument.MAX_CHARS) {
      throw new InvalidInput(
          "document", "exercise.validation.tooLarge", ScenarioDocument.MAX_CHARS);
    }
    long id = repo.insertScenario(actor.organisationId(), actor.userId(), s.title(), json);
    audit.record(
        actor, AuditLog.Event.success("exercise.scenario.create", "exercise_scenario", id));
    return id;
  }

  /**
   * Replaces a scenario of the actor's organisation (an import of its 状況付与票) in one statement,
   * refused once a run of it has started: the runs played keep the scenario they played.
   */
  @Transactional
  public void replaceScenario(Actor actor, long id, ScenarioDocument doc) {
    requireAnalyst(actor);
    ownScenario(actor, id);
    Scenario s = doc.toScenario();
    String json = JSON.writeValueAsString(doc);
    if (json.length() > ScenarioDocument.MAX_CHARS) {
      throw new InvalidInput(
          "document", "exercise.validation.tooLarge", ScenarioDocument.MAX_CHARS);
    }
    if (repo.scenarioPlayed(id)) {
      throw new Conflict("document", "aar.error.scenarioPlayed");
    }
    repo.updateScenario(id, s.title(), json);
    audit.record(
        actor, AuditLog.Event.success("exercise.scenario.replace", "exercise_scenario", id));
  }

  /**
   * Renames a scenario of the actor's organisation (its title only; played runs keep their scores
   * and are still compared with later runs of it: runs are matched by scenario, not by name).
   */
  @Transactional
  public void renameScenario(Actor actor, long id, String title) {
    requireAnalyst(actor);
    ScenarioDocument old = document(ownScenario(actor, id));
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200) {
      throw new InvalidInput("scenarioTitle", "exercise.validation.scenarioTitle");
    }
    ScenarioDocument doc =
        new ScenarioDocument(
            t, old.purpose(), old.objectives(), old.phases(), old.injects(), old.survey());
    repo.updateScenario(id, t, JSON.writeValueAsString(doc));
    audit.record(
        actor, AuditLog.Event.success("exercise.scenario.rename", "exercise_scenario", id));
  }

  /**
   * Attaches the 事後アンケート to a scenario of the actor's organisation, or takes it off ({@code survey}
   * null). Allowed once the scenario has been played too: each run keeps the copy it was made with,
   * so only runs made from now on get the new questions.
   */
  @Transactional
  public void setScenarioSurvey(Actor actor, long id, ScenarioDocument.SurveyDoc survey) {
    requireAnalyst(actor);
    ScenarioDocument old = document(ownScenario(actor, id));
    ScenarioDocument doc =
        new ScenarioDocument(
            old.title(), old.purpose(), old.objectives(), old.phases(), old.injects(), survey);
    Scenario s = doc.toScenario();
    String json = JSON.writeValueAsString(doc);
    if (json.length() > ScenarioDocument.MAX_CHARS) {
      throw new InvalidInput(
          "document", "exercise.validation.tooLarge", ScenarioDocument.MAX_CHARS);
    }
    repo.updateScenario(id, s.title(), json);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.scenario.survey",
            "exercise_scenario",
            id,
            Detail.of(
                survey == null
                    ? "exercise.scenario.survey.removed"
                    : "exercise.scenario.survey.attached")));
  }

  /** The scenarios of the actor's organisation (they are private to it). */
  public List<ExerciseViews.ScenarioSummary> scenarios(Actor actor) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    return repo.scenariosOf(actor.organisationId()).stream()
        .map(
            r -> {
              Scenario s = document(r).toScenario();
              return new ExerciseViews.ScenarioSummary(
                  r.id(), r.title(), s.injects().size(), s.maxPoints(), r.createdAt());
            })
        .toList();
  }

  /** A scenario of the actor's organisation. */
  public ScenarioDocument scenario(Actor actor, long id) {
    return document(ownScenario(actor, id));
  }

  private ExerciseRepository.ScenarioRow ownScenario(Actor actor, long id) {
    return repo.scenario(id)
        .filter(r -> actor.organisationId() != null && r.ownerOrgId() == actor.organisationId())
        .orElseThrow(() -> new NotFound("exercise_scenario", id));
  }

  private static ScenarioDocument document(ExerciseRepository.ScenarioRow r) {
    return JSON.readValue(r.document(), ScenarioDocument.class);
  }

  // ---- runs and members

  /** A new run of one of the organisation's scenarios; its creator controls it. */
  @Transactional
  public long createRun(
      Actor actor, long scenarioId, String title, int speed, boolean emailAllowed) {
    requireAnalyst(actor);
    ExerciseRepository.ScenarioRow s = ownScenario(actor, scenarioId);
    if (speed < 1 || speed > RunClock.MAX_SPEED) {
      throw new InvalidInput("speed", "exercise.validation.speed", RunClock.MAX_SPEED);
    }
    String t = title == null || title.isBlank() ? s.title() : title.strip();
    if (t.length() > 200) {
      throw new InvalidInput("title", "exercise.validation.title");
    }
    long id =
        repo.insertRun(s.id(), actor.organisationId(), actor.userId(), t, speed, emailAllowed);
    repo.upsertMember(id, actor.userId(), "controller", "", "");
    audit.record(actor, AuditLog.Event.success("exercise.run.create", "exercise_run", id));
    ScenarioDocument doc = document(s);
    if (doc.survey() != null) {
      events.publishEvent(new RunCreated(id, actor, doc.objectives(), doc.survey()));
    }
    return id;
  }

  /**
   * A run was made from a scenario with a 事後アンケート: the questionnaire feature copies it to the run
   * (in the same transaction).
   */
  public record RunCreated(
      long runId, Actor actor, List<String> objectives, ScenarioDocument.SurveyDoc survey) {}

  /**
   * Adds (or changes) a member; the controller decides who plays, among the people its organisation
   * reaches ({@link AdvisoryService#reaches}).
   */
  @Transactional
  public void addMember(
      Actor actor, long runId, String login, String role, String team, String playedRole) {
    requireRole(actor, runId, "controller");
    if (role == null || !ROLES.contains(role)) {
      throw new InvalidInput("role", "exercise.validation.role", String.valueOf(role));
    }
    String t = team == null ? "" : team.strip();
    String p = playedRole == null ? "" : playedRole.strip();
    if ("player".equals(role) && t.isEmpty()) {
      throw new InvalidInput("team", "exercise.validation.team");
    }
    if (t.length() > 100 || p.length() > 100) {
      throw new InvalidInput("team", "exercise.validation.team");
    }
    // only people the controller's organisation reaches (its own; for NISC, a ministry or a
    // CEPTOAR, the organisations its advisories may name): a run's members are shown by name and
    // organisation on its console and may be e-mailed its injects, so adding anyone would let any
    // analyst test which logins exist and have the hub mail them. Someone out of reach is answered
    // exactly as an unknown login.
    UserAccount u =
        users
            .findByLogin(login == null ? "" : login.strip())
            .filter(UserAccount::enabled)
            .filter(x -> advisories.reaches(actor, x.organisationId()))
            .orElseThrow(() -> new InvalidInput("login", "exercise.validation.login", login));
    // a player who answered the 事後アンケート keeps the role and team of the answer: otherwise a
    // controller could move one player out of the players (or into a team of their own) and see
    // which anonymous answer left the list (or the team's figures), i.e. who wrote it
    if (repo.answeredSurvey(runId, u.id())
        && repo.member(runId, u.id())
            .filter(m -> !m.role().equals(role) || !m.team().equals(t))
            .isPresent()) {
      throw new Conflict("login", "exercise.validation.memberAnswered", u.login());
    }
    repo.upsertMember(runId, u.id(), role, t, p);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.member",
            "exercise_run",
            runId,
            Detail.of("exercise.member.one", u.login(), role)));
  }

  /**
   * Makes every enabled user of each organisation of {@code teamByOrganisation} a player of the run
   * in the organisation's team, except user {@code except} (the controller), in one statement (a
   * national drill adds ~6,500 users); one audit entry with the count. Returns how many were added.
   */
  @Transactional
  public int addPlayersOf(
      Actor actor, long runId, Map<Long, String> teamByOrganisation, long except) {
    requireRole(actor, runId, "controller");
    for (String t : teamByOrganisation.values()) {
      if (t == null || t.isBlank() || t.strip().length() > 100) {
        throw new InvalidInput("team", "exercise.validation.team");
      }
    }
    int n = repo.addPlayersOf(runId, teamByOrganisation, except);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.member",
            "exercise_run",
            runId,
            Detail.of("exercise.member.teams", n, teamByOrganisation.size())));
    return n;
  }

  /** The runs the actor is a member of, and those of the actor's organisation. */
  public List<ExerciseViews.RunSummary> runs(Actor actor) {
    if (actor.userId() == null || actor.organisationId() == null) {
      return List.of();
    }
    Map<Long, String> titles = new HashMap<>();
    List<ExerciseViews.RunSummary> out = new ArrayList<>();
    for (ExerciseRepository.RunRow r : repo.runsFor(actor.userId(), actor.organisationId())) {
      String my = repo.roleOf(r.id(), actor.userId()).orElse(null);
      if (my == null && !actor.is(Role.ANALYST)) {
        continue;
      }
      String st =
          titles.computeIfAbsent(
              r.scenarioId(), id -> repo.scenario(id).map(x -> x.title()).orElse(""));
      out.add(new ExerciseViews.RunSummary(r.id(), r.title(), st, r.state(), r.speed(), my));
    }
    return out;
  }

  // ---- the clock

  /** start, pause, resume or stop. */
  @Transactional
  public void control(Actor actor, long runId, String action) {
    requireRole(actor, runId, "controller");
    ExerciseRepository.RunRow run = repo.lockRun(runId).orElseThrow();
    RunClock c = RunClocks.read(run);
    Instant now = clock.instant();
    try {
      c =
          switch (action == null ? "" : action) {
            case "start" -> c.start(now);
            case "pause" -> c.pause(now);
            case "resume" -> c.resume(now);
            case "stop" -> c.stop(now);
            default -> throw new InvalidInput("action", "exercise.validation.action", action);
          };
    } catch (RunClock.IllegalTransition e) {
      throw new Conflict("action", "exercise.error.transition", action, e.from().name());
    }
    repo.saveClock(runId, c.state().name(), c.speed(), RunClocks.segments(c));
    audit.record(actor, AuditLog.Event.success("exercise.run." + action, "exercise_run", runId));
    if (c.state() == RunClock.State.RUNNING) {
      tickRun(repo.lockRun(runId).orElseThrow(), now);
    }
  }

  /**
   * Schedules the start of a run not started yet: the scheduler starts it at {@code at} (a future
   * instant); null cancels the schedule.
   */
  @Transactional
  public void scheduleStart(Actor actor, long runId, Instant at) {
    requireRole(actor, runId, "controller");
    ExerciseRepository.RunRow run = repo.lockRun(runId).orElseThrow();
    if (!run.state().equals("NOT_STARTED")) {
      throw new Conflict("startAt", "exercise.error.transition", "schedule", run.state());
    }
    if (at != null && !at.isAfter(clock.instant())) {
      throw new InvalidInput("startAt", "exercise.validation.startAt");
    }
    repo.scheduleStart(runId, at);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.run.schedule",
            "exercise_run",
            runId,
            at == null
                ? Detail.of("exercise.run.schedule.cancel")
                : Detail.of("exercise.run.schedule.at", at)));
  }

  /** Runs the rest of the timeline {@code speed} times faster than real time (1 to 600). */
  @Transactional
  public void speed(Actor actor, long runId, int speed) {
    requireRole(actor, runId, "controller");
    ExerciseRepository.RunRow run = repo.lockRun(runId).orElseThrow();
    RunClock c;
    try {
      c = RunClocks.read(run).withSpeed(clock.instant(), speed);
    } catch (RunClock.IllegalTransition e) {
      throw new Conflict("speed", "exercise.error.transition", "speed", e.from().name());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("speed", "exercise.validation.speed", RunClock.MAX_SPEED);
    }
    repo.saveClock(runId, c.state().name(), c.speed(), RunClocks.segments(c));
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.run.speed", "exercise_run", runId, Detail.of("exercise.run.speed", speed)));
  }

  /** Releases an inject that waits for the controller's command. */
  @Transactional
  public void command(Actor actor, long runId, String injectKey) {
    requireRole(actor, runId, "controller");
    ExerciseRepository.RunRow run = repo.lockRun(runId).orElseThrow();
    Scenario s = scenarioOf(run);
    Inject i =
        s.inject(injectKey == null ? "" : injectKey)
            .filter(Inject::onCommand)
            .orElseThrow(() -> new InvalidInput("inject", "exercise.validation.inject", injectKey));
    if (!run.state().equals("RUNNING") && !run.state().equals("PAUSED")) {
      // before the start the timeline has no time to send it at; after the end nobody plays
      throw new Conflict("inject", "exercise.error.commandNotRunning", i.key());
    }
    Instant now = clock.instant();
    repo.command(runId, i.key(), now);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.inject.command",
            "exercise_run",
            runId,
            Detail.of("exercise.inject.command", i.key())));
    if (run.state().equals("RUNNING")) {
      tickRun(run, now);
    }
  }

  /** An evaluator's mark on one team's result. */
  @Transactional
  public void mark(
      Actor actor, long runId, String expectationKey, String team, String outcome, String note) {
    String my = requireRole(actor, runId, "controller", "evaluator");
    ExerciseRepository.RunRow run = repo.run(runId).orElseThrow();
    Scenario s = scenarioOf(run);
    if (expectationKey == null || s.injectOf(expectationKey).isEmpty()) {
      throw new InvalidInput("expectation", "exercise.validation.expectation", expectationKey);
    }
    Outcome o;
    try {
      o =
          Outcome.valueOf(
              outcome == null ? "" : outcome.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      o = Outcome.PENDING;
    }
    if (o == Outcome.PENDING) {
      throw new InvalidInput("outcome", "exercise.validation.outcome", outcome);
    }
    boolean knownTeam =
        repo.members(runId).stream()
            .anyMatch(m -> "player".equals(m.role()) && m.team().equals(team));
    if (!knownTeam) {
      throw new InvalidInput("team", "exercise.validation.team");
    }
    String n = note == null || note.isBlank() ? null : note.strip();
    if (n != null && n.length() > 2000) {
      throw new InvalidInput("note", "exercise.validation.note");
    }
    repo.upsertMark(runId, expectationKey, team, o.name(), n, actor.userId(), clock.instant());
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.mark",
            "exercise_run",
            runId,
            Detail.of("exercise.mark", my, expectationKey, team, o)));
  }

  // ---- delivering injects

  /**
   * Delivers every inject due now in every running run (each run locked while it is ticked, so
   * several instances never deliver twice). Returns the number of injects sent.
   */
  @Transactional
  public int tick(Instant now) {
    int sent = 0;
    for (ExerciseRepository.RunRow due : repo.lockDueToStart(now)) {
      RunClock c = RunClocks.read(due).start(due.startAt());
      repo.saveClock(due.id(), c.state().name(), c.speed(), RunClocks.segments(c));
      audit.record(
          new Actor(null, "scheduler", null, null, "system", null),
          AuditLog.Event.success(
              "exercise.run.start",
              "exercise_run",
              due.id(),
              Detail.of("exercise.run.start.scheduled")));
    }
    for (ExerciseRepository.RunRow run : repo.lockRunning()) {
      sent += tickRun(run, now);
    }
    return sent;
  }

  private int tickRun(ExerciseRepository.RunRow run, Instant now) {
    Scenario s = scenarioOf(run);
    RunClock c = RunClocks.read(run);
    List<ExerciseRepository.InjectState> states = repo.injectStates(run.id());
    Set<String> done = new HashSet<>();
    Set<String> commanded = new HashSet<>();
    for (ExerciseRepository.InjectState st : states) {
      (st.state().equals("commanded") ? commanded : done).add(st.injectKey());
    }
    List<ExerciseRepository.Member> members = repo.members(run.id());
    Map<String, Outcome> outcomes = Map.of();
    if (s.injects().stream().anyMatch(i -> i.dependsOn() != null && !done.contains(i.key()))) {
      outcomes =
          RunScoring.overall(
              RunScoring.score(
                  s,
                  c,
                  members,
                  states,
                  repo.deliveries(run.id()),
                  repo.marks(run.id()),
                  evidence(judge(run), run.id(), s),
                  now));
    }
    InjectSchedule.Decision d = InjectSchedule.at(s, c, now, done, commanded, outcomes);
    long offset = c.elapsed(now).toSeconds();
    for (Inject i : d.due()) {
      List<Long> reached =
          members.stream()
              .filter(m -> "player".equals(m.role()))
              .filter(m -> i.reaches(RunScoring.participant(m)))
              .map(ExerciseRepository.Member::userId)
              .toList();
      repo.deliver(run.id(), i.key(), reached, now, offset);
      Set<Long> reachedSet = new HashSet<>(reached);
      if (i.channel() == jp.renkei.engine.exercise.Channel.EMAIL) {
        mail.queue(run, i, members.stream().filter(m -> reachedSet.contains(m.userId())).toList());
      }
      repo.settleInject(run.id(), i.key(), "sent", now, offset);
      if (i.channel() == jp.renkei.engine.exercise.Channel.SIMULATED_ADVISORY) {
        List<Refusal> refused = simulatedAdvisory(run, i, members, reachedSet);
        if (!refused.isEmpty()) {
          repo.failInject(run.id(), i.key(), refused);
        }
      }
      if (i.channel() == jp.renkei.engine.exercise.Channel.SIMULATED_REPORT) {
        List<Refusal> refused = simulatedReport(run, i, members, reached);
        if (!refused.isEmpty()) {
          repo.failInject(run.id(), i.key(), refused);
        }
      }
    }
    for (Inject i : d.skipped()) {
      repo.settleInject(run.id(), i.key(), "skipped", now, offset);
    }
    return d.due().size();
  }

  /**
   * Issues the inject as a real exercise advisory from its simulated sender, to the organisations
   * of the players it reaches, by the run's creator through the advisory feature's own service.
   * Everything {@code issue} checks is checked first, so a refusal never rolls the tick back: it is
   * returned (and recorded on the console) instead.
   */
  private List<Refusal> simulatedAdvisory(
      ExerciseRepository.RunRow run,
      Inject i,
      List<ExerciseRepository.Member> members,
      Set<Long> reached) {
    Actor issuer = judge(run);
    if (issuer.userId() == null) {
      return List.of(Refusal.of("exercise.failure.creatorGone"));
    }
    List<String> orgs =
        advisories.organisationCodes(
            members.stream()
                .filter(m -> reached.contains(m.userId()))
                .map(ExerciseRepository.Member::organisationId)
                .toList());
    jp.renkei.server.advisory.NewAdvisory a =
        new jp.renkei.server.advisory.NewAdvisory(
            i.title(),
            i.content() == null || i.content().isBlank() ? i.title() : i.content(),
            null,
            List.of(),
            List.of(),
            "amber",
            false,
            List.of(),
            List.of(),
            orgs,
            "normal",
            null,
            run.id());
    List<Refusal> refusal = advisories.simulatedRefusal(issuer, a);
    if (refusal.isEmpty()) {
      advisories.issueSimulated(
          issuer, a, i.sender() == null || i.sender().isBlank() ? "?" : i.sender());
    }
    return refusal;
  }

  /**
   * Sends the inject as a real exercise report (情報連絡) from its simulated sender into the inbox of
   * each entry point of the organisations its players belong to (an operator's CEPTOAR, a CEPTOAR,
   * a ministry, NISC: {@code ReportFilingService.simulatedEntry}), through the report feature's own
   * filing (which checks everything first and never throws for a refusal). Returns why some
   * organisation could not be reached, if any (recorded on the console; the others still receive
   * theirs).
   */
  private List<Refusal> simulatedReport(
      ExerciseRepository.RunRow run,
      Inject i,
      List<ExerciseRepository.Member> members,
      List<Long> reached) {
    List<Long> orgs =
        members.stream()
            .filter(m -> reached.contains(m.userId()))
            .map(ExerciseRepository.Member::organisationId)
            .distinct()
            .toList();
    if (orgs.isEmpty()) {
      return List.of(Refusal.of("exercise.failure.noRecipient"));
    }
    Actor issuer = judge(run);
    List<Refusal> refusals = new ArrayList<>();
    // one report per entry point: an operator and its CEPTOAR both reached share the CEPTOAR's
    Set<Long> entries = new java.util.LinkedHashSet<>();
    for (Long org : orgs) {
      jp.renkei.server.report.ReportFilingService.Entry e = filing.simulatedEntry(org);
      if (e.refusal() != null) {
        refusals.add(e.refusal());
      } else {
        entries.add(e.organisationId());
      }
    }
    String sector =
        i.targets().stream()
            .filter(t -> t.kind() == jp.renkei.engine.exercise.Target.Kind.SECTOR)
            .map(jp.renkei.engine.exercise.Target::value)
            .findFirst()
            .orElse(null);
    for (Long org : entries) {
      jp.renkei.server.report.ReportFilingService.Simulated r =
          filing.fileSimulated(issuer, run.id(), org, sector, i.sender(), i.title(), i.content());
      if (r.refusal() != null) {
        refusals.add(r.refusal());
      }
    }
    return refusals;
  }

  /** Whether the run's scenario checks forwarded reports (the evidence is read only then). */
  private static boolean forwardChecked(Scenario s) {
    return s.injects().stream()
        .flatMap(x -> x.expectations().stream())
        .anyMatch(e -> e.check() == Check.REPORT_FORWARDED);
  }

  /**
   * What {@code viewer} may see the run's organisations do: only objects the sharing policy shows
   * it, through the report and advisory features' own read paths.
   */
  private RunScoring.Evidence evidence(Actor viewer, long runId, Scenario s) {
    Map<Check, Map<Long, List<Instant>>> m = new EnumMap<>(Check.class);
    m.put(Check.REPORT_FILED, reports.submissionsInExercise(viewer, runId));
    if (forwardChecked(s)) {
      m.put(Check.REPORT_FORWARDED, reports.forwardsInExercise(viewer, runId));
    }
    m.put(Check.ADVISORY_ISSUED, advisories.issuesInExercise(viewer, runId));
    m.put(Check.ADVISORY_CONFIRMED, advisories.confirmationsInExercise(viewer, runId));
    return new RunScoring.Evidence(m);
  }

  /**
   * Whose view the scheduler scores a run by, for the injects that depend on a score: the run's
   * creator (its first controller), so that what goes out never depends on objects the controllers
   * may not see. A run whose creator is gone scores on no flow evidence at all.
   */
  private Actor judge(ExerciseRepository.RunRow run) {
    return repo.creator(run.id())
        .flatMap(users::byId)
        .map(u -> new Actor(u.id(), u.login(), u.organisationId(), u.role(), "system", null))
        .orElseGet(() -> new Actor(null, "scheduler", null, null, "system", null));
  }

  private Scenario scenarioOf(ExerciseRepository.RunRow run) {
    return document(repo.scenario(run.scenarioId()).orElseThrow()).toScenario();
  }

  // ---- pages

  /**
   * The actor's role in the run if it may open the console (controller, evaluator, observer): the
   * console's own access check — {@link NotFound} for anyone not in the run, {@link Forbidden} for
   * a player — without building the console (pages that show other parts of a run ask this).
   */
  public String consoleRole(Actor actor, long runId) {
    return requireRole(actor, runId, "controller", "evaluator", "observer");
  }

  /** A run's scores as its console shows them to the viewer, and the viewer's role in the run. */
  public record Scores(String role, List<RunScoring.ExpectationScore> scores) {}

  /**
   * The scores of the run exactly as its console shows them to the actor (the console's access
   * check, the same evidence through the sharing policy), without the timeline and member rows: the
   * after-action report compares earlier runs by these figures only.
   */
  @Transactional(readOnly = true)
  public Scores scores(Actor actor, long runId) {
    String my = consoleRole(actor, runId);
    ExerciseRepository.RunRow run = repo.run(runId).orElseThrow();
    Scenario scenario = scenarioOf(run);
    return new Scores(
        my,
        RunScoring.score(
            scenario,
            RunClocks.read(run),
            repo.members(runId),
            repo.injectStates(runId),
            repo.deliveries(runId),
            repo.marks(runId),
            evidence(actor, runId, scenario),
            clock.instant()));
  }

  /** The controller console: controllers, evaluators and observers of the run. */
  @Transactional(readOnly = true)
  public ExerciseViews.Console console(Actor actor, long runId) {
    String my = requireRole(actor, runId, "controller", "evaluator", "observer");
    ExerciseRepository.RunRow run = repo.run(runId).orElseThrow();
    ExerciseRepository.ScenarioRow sr = repo.scenario(run.scenarioId()).orElseThrow();
    Scenario s = document(sr).toScenario();
    RunClock c = RunClocks.read(run);
    Instant now = clock.instant();
    Duration elapsed = c.elapsed(now);
    List<ExerciseRepository.Member> members = repo.members(runId);
    List<ExerciseRepository.InjectState> states = repo.injectStates(runId);
    List<ExerciseRepository.Delivery> deliveries = repo.deliveries(runId);
    List<RunScoring.ExpectationScore> scores =
        RunScoring.score(
            s, c, members, states, deliveries, repo.marks(runId), evidence(actor, runId, s), now);
    Map<String, ExerciseRepository.InjectState> stateOf = new HashMap<>();
    states.forEach(x -> stateOf.put(x.injectKey(), x));
    Map<Long, String> teamOf = new HashMap<>();
    members.forEach(m -> teamOf.put(m.userId(), m.team()));
    // Delivered / read per inject and team, counted in one pass over the deliveries.
    Map<String, Map<String, int[]>> readsOf = new HashMap<>();
    for (ExerciseRepository.Delivery d : deliveries) {
      int[] n =
          readsOf
              .computeIfAbsent(d.injectKey(), k -> new java.util.TreeMap<>())
              .computeIfAbsent(teamOf.getOrDefault(d.userId(), ""), k -> new int[2]);
      n[0]++;
      if (d.readAt() != null) {
        n[1]++;
      }
    }
    List<ExerciseViews.TimelineRow> timeline = new ArrayList<>();
    Map<String, List<Refusal>> failures = repo.injectFailures(runId);
    for (Inject i : s.injects()) {
      ExerciseRepository.InjectState st = stateOf.get(i.key());
      Map<String, int[]> reads = readsOf.getOrDefault(i.key(), Map.of());
      timeline.add(
          new ExerciseViews.TimelineRow(
              i.key(),
              i.offset().toMinutes(),
              i.title(),
              i.sender(),
              i.channel().name(),
              i.targets().stream()
                  .map(
                      t ->
                          t.kind().name().toLowerCase(java.util.Locale.ROOT)
                              + (t.value().isEmpty() ? "" : ":" + t.value()))
                  .collect(Collectors.joining(", ")),
              i.onCommand(),
              st == null ? (i.onCommand() ? "waiting" : "pending") : st.state(),
              st == null && !i.onCommand() ? c.realInstantOf(i.offset()).orElse(null) : null,
              st != null && !"commanded".equals(st.state()) ? st.at() : null,
              reads.entrySet().stream()
                  .map(
                      e -> new ExerciseViews.TeamRead(e.getKey(), e.getValue()[0], e.getValue()[1]))
                  .toList(),
              i.content(),
              failures.get(i.key())));
    }
    Optional<Phase> phase = s.phaseAt(elapsed);
    return new ExerciseViews.Console(
        run.id(),
        run.title(),
        s.title(),
        run.state(),
        run.speed(),
        run.emailAllowed(),
        elapsed,
        phase.map(Phase::title).orElse(null),
        phase.map(Phase::discussionPrompts).orElse(List.of()),
        s.objectives(),
        timeline,
        scores,
        scores.stream()
            .flatMap(x -> x.teams().stream())
            .mapToInt(RunScoring.TeamScore::points)
            .sum(),
        s.maxPoints()
            * Math.max(
                1,
                (int)
                    members.stream()
                        .filter(m -> "player".equals(m.role()))
                        .map(m -> m.team())
                        .distinct()
                        .count()),
        members.stream()
            .map(
                m ->
                    new ExerciseViews.MemberRow(
                        m.login(),
                        m.displayName(),
                        m.organisationNameJa(),
                        m.organisationNameEn(),
                        m.role(),
                        m.team(),
                        m.playedRole()))
            .toList(),
        "controller".equals(my),
        "controller".equals(my) || "evaluator".equals(my),
        run.startAt());
  }

  /**
   * A member's page of the run: the injects the actor received (now read), and the exercise's
   * objects.
   */
  @Transactional
  public ExerciseViews.Play play(Actor actor, long runId) {
    return play(actor, runId, true);
  }

  /**
   * A member's page of the run; {@code recordRead} false shows the injects without recording that
   * the member read them (a page reached from another site: the read scores, so only the member's
   * own reading may count).
   */
  public ExerciseViews.Play play(Actor actor, long runId, boolean recordRead) {
    String my = requireRole(actor, runId, "player", "controller", "evaluator", "observer");
    ExerciseRepository.RunRow run = repo.run(runId).orElseThrow();
    Scenario s = scenarioOf(run);
    RunClock c = RunClocks.read(run);
    ExerciseRepository.Member me = repo.member(runId, actor.userId()).orElseThrow();
    List<ExerciseViews.Message> messages = new ArrayList<>();
    for (ExerciseRepository.Delivery d : repo.deliveriesTo(runId, actor.userId())) {
      s.inject(d.injectKey())
          .ifPresent(
              i ->
                  messages.add(
                      new ExerciseViews.Message(
                          i.key(),
                          i.title(),
                          i.sender(),
                          i.channel().name(),
                          i.content(),
                          d.deliveredAt(),
                          d.exerciseOffsetSeconds() / 60)));
    }
    if (recordRead) {
      repo.markRead(runId, actor.userId(), clock.instant());
    }
    Optional<Phase> phase = s.phaseAt(c.elapsed(clock.instant()));
    return new ExerciseViews.Play(
        run.id(),
        run.title(),
        run.state(),
        my,
        me.team(),
        me.playedRole(),
        phase.map(Phase::title).orElse(null),
        phase.map(Phase::discussionPrompts).orElse(List.of()),
        messages,
        reports.inExercise(actor, runId, 100),
        advisories.inExercise(actor, runId, 100),
        ("player".equals(my) || "controller".equals(my))
            && (run.state().equals("RUNNING") || run.state().equals("PAUSED")));
  }

  // ---- access

  /** The actor's role in run {@code runId}, if it is a member (the drill pages ask). */
  public Optional<String> roleIn(Actor actor, long runId) {
    return actor.userId() == null ? Optional.empty() : repo.roleOf(runId, actor.userId());
  }

  /** Records that the member read every inject delivered to them so far (the page's own button). */
  public void markRead(Actor actor, long runId) {
    requireRole(actor, runId, "player", "controller", "evaluator", "observer");
    repo.markRead(runId, actor.userId(), clock.instant());
  }

  private String requireRole(Actor actor, long runId, String... allowed) {
    return ExercisePlay.requireRole(repo, actor, runId, allowed);
  }

  private static void requireAnalyst(Actor actor) {
    if (actor.organisationId() == null || actor.userId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("exercise.error.mayNotPlan");
    }
  }
}
