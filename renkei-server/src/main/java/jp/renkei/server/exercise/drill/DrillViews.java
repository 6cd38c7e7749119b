package jp.renkei.server.exercise.drill;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.exercise.drill.DrillStats;

/** What the CEPTOAR drill pages and API show. */
public final class DrillViews {

  private DrillViews() {}

  /** A drill as listed to one of its members. */
  public record Summary(
      long id, long runId, String kind, int fiscalYear, Instant startedAt, String myRole) {}

  /**
   * One participant at one level, as the viewer may see it: the contact data the drill used (the
   * duty address when it started) and whether it has changed since.
   */
  public record Row(
      String organisationName,
      String level,
      String contactUsed,
      boolean contactChanged,
      Instant reachedAt,
      Instant confirmedAt,
      Long minutesToConfirm) {

    public boolean confirmed() {
      return confirmedAt != null;
    }
  }

  /** An earlier drill of the same kind: its fiscal year and levels. */
  public record Earlier(
      long id, int fiscalYear, Instant startedAt, List<DrillStats.Level> levels) {}

  /** How many participants answered the self-check sheet, and how many said yes per question. */
  public record Tally(int answered, int participants, List<Integer> yes) {}

  /** The drill's result page. */
  public record Result(
      long id,
      long runId,
      String kind,
      int fiscalYear,
      Instant startedAt,
      boolean controller,
      List<DrillStats.Level> levels,
      List<Row> rows,
      int questions,
      List<Boolean> myAnswers,
      boolean mayAnswer,
      Tally tally,
      List<Earlier> earlier) {

    /** The rows of those who did not confirm. */
    public List<Row> unconfirmed() {
      return rows.stream().filter(r -> !r.confirmed()).toList();
    }
  }
}
