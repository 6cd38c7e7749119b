package jp.renkei.server.exercise.review;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.exercise.ConsolePage;
import jp.renkei.server.exercise.ExerciseViews;
import jp.renkei.server.exercise.RunScoring;

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
    List<ScoreRows> scores,
    Map<String, Reads> reads) {

  /** An expected action: its outcome counts over every team, and the rows of the teams shown. */
  public record ScoreRows(
      RunScoring.ExpectationScore e,
      List<RunScoring.TeamScore> shown,
      int teams,
      int met,
      int partial,
      int missed,
      int pending,
      int points) {}

  /** An inject's reads over every team, and those of the teams shown. */
  public record Reads(int delivered, int read, List<ExerciseViews.TeamRead> shown) {}

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
    boolean everyTeam = shown.size() == every.size();
    List<ScoreRows> scores =
        r.run().scores().stream()
            .map(
                e -> {
                  int[] n = new int[5];
                  for (RunScoring.TeamScore t : e.teams()) {
                    switch (t.outcome()) {
                      case MET -> n[0]++;
                      case PARTIAL -> n[1]++;
                      case MISSED -> n[2]++;
                      case PENDING -> n[3]++;
                    }
                    n[4] += t.points();
                  }
                  return new ScoreRows(
                      e,
                      everyTeam
                          ? e.teams()
                          : e.teams().stream().filter(t -> names.contains(t.team())).toList(),
                      e.teams().size(),
                      n[0],
                      n[1],
                      n[2],
                      n[3],
                      n[4]);
                })
            .toList();
    Map<String, Reads> reads = new LinkedHashMap<>();
    for (ExerciseViews.TimelineRow row : r.run().timeline()) {
      int delivered = 0;
      int read = 0;
      for (ExerciseViews.TeamRead t : row.reads()) {
        delivered += t.delivered();
        read += t.read();
      }
      reads.put(
          row.key(),
          new Reads(
              delivered,
              read,
              everyTeam
                  ? row.reads()
                  : row.reads().stream().filter(t -> names.contains(t.team())).toList()));
    }
    return new ReportPage(page, pages, every.size(), all, shown, scores, reads);
  }
}
