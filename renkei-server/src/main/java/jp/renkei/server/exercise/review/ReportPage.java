package jp.renkei.server.exercise.review;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.exercise.ConsolePage;
import jp.renkei.server.exercise.ExerciseViews;

/**
 * The after-action report as a page: the summary and every total over all teams, with the per-team
 * rows (team totals, scores per expectation and team, reads per inject and team) one page of teams
 * at a time once a run has more teams than {@link ConsolePage#TEAMS_PER_PAGE}. A national exercise
 * has ~900 teams: all their rows made a page of ~470 kB that took over a second to render. The
 * print view ({@code all}), the PDF and the spreadsheet keep every row.
 */
public record ReportPage(
    int page,
    int pages,
    int teamCount,
    boolean all,
    List<AfterActionReport.TeamTotal> teams,
    List<ConsolePage.ScoreBlock> scores,
    Map<String, ConsolePage.ReadTotal> reads) {

  /** Whether only a part of the teams is shown (a pager and the totals are then needed). */
  public boolean paged() {
    return pages > 1 && !all;
  }

  public int perPage() {
    return ConsolePage.TEAMS_PER_PAGE;
  }

  /** The first team number shown (1-based), for the pager's text. */
  public int firstShown() {
    return teams.isEmpty() ? 0 : (all ? 1 : (page - 1) * perPage() + 1);
  }

  static ReportPage of(AfterActionReport r, int requestedPage, boolean all) {
    List<AfterActionReport.TeamTotal> every = r.teams();
    int per = ConsolePage.TEAMS_PER_PAGE;
    int pages = Math.max(1, (every.size() + per - 1) / per);
    int page = Math.min(Math.max(1, requestedPage), pages);
    List<AfterActionReport.TeamTotal> shown =
        all || pages == 1
            ? every
            : every.subList((page - 1) * per, Math.min(every.size(), page * per));
    Set<String> names = new HashSet<>();
    shown.forEach(t -> names.add(t.team()));
    java.util.function.Predicate<String> shownTeam =
        shown.size() == every.size() ? t -> true : names::contains;
    List<ConsolePage.ScoreBlock> scores =
        r.run().scores().stream().map(e -> ConsolePage.ScoreBlock.of(e, shownTeam)).toList();
    Map<String, ConsolePage.ReadTotal> reads = new LinkedHashMap<>();
    for (ExerciseViews.TimelineRow row : r.run().timeline()) {
      reads.put(row.key(), ConsolePage.ReadTotal.of(row, shownTeam));
    }
    return new ReportPage(page, pages, every.size(), all, shown, scores, reads);
  }
}
