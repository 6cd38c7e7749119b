package jp.renkei.server.exercise.survey;

import java.util.List;
import java.util.Map;
import jp.renkei.engine.exercise.review.SurveyTally;

/** What the questionnaire pages, the after-action report and its workbook show. */
public final class SurveyViews {

  private SurveyViews() {}

  /** A player's questionnaire with the player's own answer, if any. */
  public record Form(
      long runId,
      String runTitle,
      String state,
      List<Question> questions,
      Map<String, String> answers,
      boolean named,
      boolean answered) {

    public boolean open() {
      return "open".equals(state);
    }
  }

  /** A questionnaire waiting for the player (or answered and still editable). */
  public record Pending(long runId, String runTitle, boolean answered) {}

  public record Rating(Question question, SurveyTally.Distribution distribution) {}

  /** A text question's non-empty answers, in text order (never in the order given). */
  public record Texts(Question question, List<String> answers) {}

  /** A team's or organisation's figures: its answers and each rating's mean. */
  public record Group(String name, int answers, List<Double> averages) {}

  /**
   * One answer as the run's controllers see it: the author's name and organisation only if the
   * author agreed (else null), and each question's value in question order.
   */
  public record Individual(String name, String organisation, List<String> values) {}

  /** The tally for the run's controllers and evaluators. */
  public record Results(
      long runId,
      boolean attached,
      String state,
      boolean controller,
      int players,
      int answers,
      List<Question> questions,
      List<Rating> ratings,
      List<Texts> texts,
      List<Group> teams,
      List<Group> organisations,
      List<Individual> individuals) {

    public boolean open() {
      return "open".equals(state);
    }

    public int minGroup() {
      return SurveyTally.MIN_GROUP;
    }
  }
}
