package jp.renkei.server.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.report.ReportService;

/** What the exercise pages and the REST API show. */
public final class ExerciseViews {

  private ExerciseViews() {}

  /** A scenario in its owner's list. */
  public record ScenarioSummary(
      long id, String title, int injects, int maxPoints, Instant createdAt) {}

  /** A run as listed, with the viewer's role in it (null: of the owning organisation only). */
  public record RunSummary(
      long id, String title, String scenarioTitle, String state, int speed, String myRole) {}

  /** A member of a run. */
  public record MemberRow(
      String login,
      String displayName,
      String organisationNameJa,
      String organisationNameEn,
      String role,
      String team,
      String playedRole) {

    /** The member's organisation in the reader's language. */
    public String organisationName(java.util.Locale locale) {
      return "en".equals(locale.getLanguage()) ? organisationNameEn : organisationNameJa;
    }
  }

  /** How many of a team's players an inject reached and how many of them opened it. */
  public record TeamRead(String team, int delivered, int read) {}

  /** One inject on the controller's timeline. */
  public record TimelineRow(
      String key,
      long minute,
      String title,
      String sender,
      String channel,
      String targets,
      boolean onCommand,
      String state,
      Instant due,
      Instant sentAt,
      List<TeamRead> reads,
      String content,
      List<jp.renkei.server.failure.Refusal> failure) {

    /** Whether the inject goes out as a real exercise object from a simulated sender. */
    public boolean simulated() {
      return channel.startsWith("SIMULATED_");
    }
  }

  /** The controller console (コントローラー画面). */
  public record Console(
      long id,
      String title,
      String scenarioTitle,
      String state,
      int speed,
      boolean emailAllowed,
      Duration elapsed,
      String phase,
      List<String> prompts,
      List<String> objectives,
      List<TimelineRow> timeline,
      List<RunScoring.ExpectationScore> scores,
      int points,
      int maxPoints,
      List<MemberRow> members,
      boolean controller,
      boolean evaluator,
      Instant scheduledStart) {

    /** Exercise time in whole minutes, as the console shows it. */
    public long elapsedMinutes() {
      return elapsed.toMinutes();
    }

    /** The timeline row of inject {@code key}, or null. */
    public TimelineRow inject(String key) {
      return timeline.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }
  }

  /** An inject as a player received it. */
  public record Message(
      String key,
      String title,
      String sender,
      String channel,
      String content,
      Instant deliveredAt,
      long minute) {}

  /** A player's (or observer's) page of a run. */
  public record Play(
      long id,
      String title,
      String state,
      String role,
      String team,
      String playedRole,
      String phase,
      List<String> prompts,
      List<Message> messages,
      List<ReportService.Summary> reports,
      List<AdvisoryService.Summary> advisories,
      boolean mayWrite) {}
}
