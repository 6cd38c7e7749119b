package jp.renkei.server.exercise.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the run: lessons learned by category and the 課題 found, each owned by one of the run's
 * organisations with a due date, closed when done. Only the run's controllers and evaluators read
 * and write them (through the console's access check); the planner's exercise list shows the open
 * ones of the runs they follow, overdue ones marked.
 */
@Service
public class FollowUp {

  /** Categories of lessons learned, in the order offered. */
  public static final List<String> CATEGORIES =
      List.of("communication", "decision", "procedure", "technical", "other");

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final AfterAction access;
  private final FollowUpRepository repo;
  private final ReviewRepository runs;
  private final AuditLog audit;
  private final Clock clock;

  FollowUp(
      AfterAction access,
      FollowUpRepository repo,
      ReviewRepository runs,
      AuditLog audit,
      Optional<Clock> clock) {
    this.access = access;
    this.repo = repo;
    this.runs = runs;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** A 課題 as shown, with whether it is past its due date and still open. */
  public record IssueView(
      long id,
      long runId,
      String runTitle,
      String title,
      String ownerJa,
      String ownerEn,
      LocalDate dueOn,
      String state,
      boolean overdue,
      String progressNote,
      java.time.Instant progressAt) {

    /** The owner organisation in the reader's language. */
    public String owner(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? ownerEn : ownerJa;
    }
  }

  /** What the after-action page shows and offers. */
  public record View(
      List<FollowUpRepository.Lesson> lessons,
      List<IssueView> issues,
      List<ReviewRepository.MemberOrganisation> owners) {

    public List<String> categories() {
      return CATEGORIES;
    }
  }

  /**
   * The run's lessons, 課題 and the owner choice, organisations ordered by name in {@code locale}.
   */
  public View view(Actor actor, long runId, java.util.Locale locale) {
    access.requireReview(actor, runId);
    return new View(
        repo.lessons(runId),
        repo.issues(runId).stream().map(this::view).toList(),
        runs.memberOrganisations(runId, locale));
  }

  @Transactional
  public void addLesson(Actor actor, long runId, String category, String body) {
    access.requireReview(actor, runId);
    FieldErrors errors = new FieldErrors();
    String c = category == null ? "" : category.strip();
    String b = body == null ? "" : body.strip();
    errors.check(
        () -> {
          if (!CATEGORIES.contains(c)) {
            throw new InvalidInput("category", "aar.lesson.category");
          }
        });
    errors.check(() -> text("body", b, 4000));
    errors.throwIfAny();
    repo.addLesson(runId, c, b, actor.userId());
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.lesson", "exercise_run", runId, Detail.of("exercise.lesson", c)));
  }

  @Transactional
  public void addIssue(Actor actor, long runId, String title, Long ownerOrg, String due) {
    access.requireReview(actor, runId);
    FieldErrors errors = new FieldErrors();
    String t = title == null ? "" : title.strip();
    errors.check(() -> text("title", t, 500));
    errors.check(
        () -> {
          if (ownerOrg == null || !runs.isMemberOrganisation(runId, ownerOrg)) {
            throw new InvalidInput("owner", "aar.issue.owner");
          }
        });
    LocalDate[] d = new LocalDate[1];
    errors.check(
        () -> {
          try {
            d[0] = LocalDate.parse(due == null ? "" : due.strip());
          } catch (DateTimeParseException e) {
            throw new InvalidInput("due", "aar.issue.due");
          }
        });
    errors.throwIfAny();
    repo.addIssue(runId, t, ownerOrg, d[0], actor.userId());
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.issue", "exercise_run", runId, Detail.of("exercise.issue", t)));
  }

  @Transactional
  public void setIssueState(Actor actor, long runId, long issueId, String state) {
    access.requireReview(actor, runId);
    if (!"open".equals(state) && !"closed".equals(state)) {
      throw new InvalidInput("state", "aar.issue.state");
    }
    if (!repo.setState(runId, issueId, state, clock.instant())) {
      throw new NotFound("exercise_issue", issueId);
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.issue." + state,
            "exercise_run",
            runId,
            Detail.of("exercise.issue.id", issueId)));
  }

  /** Open 課題 of the runs the actor controls or evaluates (at most 50), earliest due first. */
  public List<IssueView> openIssues(Actor actor) {
    if (actor.userId() == null) {
      return List.of();
    }
    return repo.openIssuesFollowedBy(actor.userId(), 50).stream().map(this::view).toList();
  }

  /**
   * The 課題 owned by the actor's organisation (at most 100): open ones only, or all, open first.
   * Users of other organisations see none of them (only the run's controllers and evaluators do, on
   * the after-action report).
   */
  public List<IssueView> ownIssues(Actor actor, boolean openOnly) {
    if (actor.userId() == null || actor.organisationId() == null) {
      return List.of();
    }
    return repo.ownedBy(actor.organisationId(), openOnly, 100).stream().map(this::view).toList();
  }

  /**
   * The owner organisation's follow-up of a 課題: its state ({@code open}/{@code closed}, or null to
   * keep it) and progress note (at most 2,000 characters, or null to keep it), by an analyst of the
   * organisation. A 課題 of another organisation is {@link NotFound}, as one that does not exist.
   */
  @Transactional
  public IssueView updateOwn(Actor actor, long issueId, String state, String note) {
    if (actor.userId() == null || actor.organisationId() == null) {
      throw new NotFound("exercise_issue", issueId);
    }
    FollowUpRepository.Issue issue =
        repo.owned(issueId, actor.organisationId())
            .orElseThrow(() -> new NotFound("exercise_issue", issueId));
    if (!actor.is(jp.renkei.server.directory.Role.ANALYST)) {
      throw new jp.renkei.server.failure.Forbidden("exercise.issue.error.role");
    }
    FieldErrors errors = new FieldErrors();
    String n = note == null ? null : note.strip();
    errors.check(
        () -> {
          if (state != null && !"open".equals(state) && !"closed".equals(state)) {
            throw new InvalidInput("state", "aar.issue.state");
          }
        });
    errors.check(
        () -> {
          if (n != null && n.length() > 2000) {
            throw new InvalidInput("note", "aar.text", 2000);
          }
        });
    errors.check(
        () -> {
          if (state == null && n == null) {
            throw new InvalidInput("state", "exercise.issue.error.nothing");
          }
        });
    errors.throwIfAny();
    if (state != null && !state.equals(issue.state())) {
      repo.setOwnedState(issueId, state, clock.instant());
    }
    if (n != null) {
      repo.setProgress(issueId, n, actor.userId(), clock.instant());
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "exercise.issue.progress",
            "exercise_run",
            issue.runId(),
            state == null
                ? Detail.of("exercise.issue.progress", issueId)
                : Detail.of("exercise.issue.progress.state", issueId, state)));
    return repo.owned(issueId, actor.organisationId()).map(this::view).orElseThrow();
  }

  private IssueView view(FollowUpRepository.Issue i) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), JST);
    return new IssueView(
        i.id(),
        i.runId(),
        i.runTitle(),
        i.title(),
        i.ownerNameJa(),
        i.ownerNameEn(),
        i.dueOn(),
        i.state(),
        "open".equals(i.state()) && i.dueOn().isBefore(today),
        i.progressNote(),
        i.progressAt());
  }

  private static void text(String field, String value, int max) {
    if (value.isEmpty() || value.length() > max) {
      throw new InvalidInput(field, "aar.text", max);
    }
  }
}
