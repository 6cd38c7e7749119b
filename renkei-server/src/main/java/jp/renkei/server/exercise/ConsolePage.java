package jp.renkei.server.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The controller console as a page: the console's figures unchanged, with the per-team rows (score
 * rows, read counts and players) shown one page of teams at a time, optionally narrowed by a search
 * over team, organisation, login and name. A national exercise has ~1,000 teams and ~6,600 players:
 * the page shows per-expectation and per-inject totals for all of them, and the details of {@link
 * #TEAMS_PER_PAGE} teams. A run with at most that many teams shows every row, as before.
 */
public record ConsolePage(
    ExerciseViews.Console c,
    String q,
    int page,
    int pages,
    int teamCount,
    int matchingTeams,
    List<TeamRow> teams,
    List<ExerciseViews.MemberRow> staff,
    List<ScoreBlock> scores,
    Map<String, ReadTotal> reads) {

  /** Teams shown per page (and the most shown without paging). */
  public static final int TEAMS_PER_PAGE = 50;

  /** Longest search accepted; longer input is cut. */
  public static final int MAX_QUERY = 100;

  /** A team: its organisations and players. */
  public record TeamRow(
      String team, List<String> organisations, int players, List<String> logins) {}

  /** An expected action: its totals over every team, and the rows of the teams on this page. */
  public record ScoreBlock(
      RunScoring.ExpectationScore e,
      List<RunScoring.TeamScore> shown,
      int teams,
      int met,
      int partial,
      int missed,
      int pending,
      int points) {

    /** The expectation's outcomes counted over every team, with the rows of the teams shown. */
    public static ScoreBlock of(
        RunScoring.ExpectationScore e, java.util.function.Predicate<String> shownTeam) {
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
      return new ScoreBlock(
          e,
          e.teams().stream().filter(t -> shownTeam.test(t.team())).toList(),
          e.teams().size(),
          n[0],
          n[1],
          n[2],
          n[3],
          n[4]);
    }
  }

  /** An inject's read counts over every team, and the teams of this page. */
  public record ReadTotal(int delivered, int read, List<ExerciseViews.TeamRead> shown) {

    /** The inject's reads summed over every team, with the rows of the teams shown. */
    public static ReadTotal of(
        ExerciseViews.TimelineRow row, java.util.function.Predicate<String> shownTeam) {
      int delivered = 0;
      int read = 0;
      for (ExerciseViews.TeamRead t : row.reads()) {
        delivered += t.delivered();
        read += t.read();
      }
      return new ReadTotal(
          delivered, read, row.reads().stream().filter(t -> shownTeam.test(t.team())).toList());
    }
  }

  public int perPage() {
    return TEAMS_PER_PAGE;
  }

  public int maxQuery() {
    return MAX_QUERY;
  }

  /** Whether the page shows a part of the teams (a pager and the totals are then needed). */
  public boolean paged() {
    return pages > 1 || !q.isEmpty();
  }

  static ConsolePage of(ExerciseViews.Console c, String query, int requestedPage, Locale locale) {
    String q = query == null ? "" : query.strip();
    if (q.length() > MAX_QUERY) {
      q = q.substring(0, MAX_QUERY);
    }
    String needle = q.toLowerCase(Locale.ROOT);
    Map<String, List<ExerciseViews.MemberRow>> byTeam = new TreeMap<>();
    List<ExerciseViews.MemberRow> staff = new ArrayList<>();
    for (ExerciseViews.MemberRow m : c.members()) {
      if ("player".equals(m.role())) {
        byTeam.computeIfAbsent(m.team(), k -> new ArrayList<>()).add(m);
      } else {
        staff.add(m);
      }
    }
    // teams known from scores or reads only (none should exist) are listed too
    for (RunScoring.ExpectationScore e : c.scores()) {
      e.teams().forEach(t -> byTeam.putIfAbsent(t.team(), List.of()));
    }
    for (ExerciseViews.TimelineRow r : c.timeline()) {
      r.reads().forEach(t -> byTeam.putIfAbsent(t.team(), List.of()));
    }
    List<String> matching = new ArrayList<>();
    for (Map.Entry<String, List<ExerciseViews.MemberRow>> t : byTeam.entrySet()) {
      if (needle.isEmpty() || matches(t.getKey(), t.getValue(), needle)) {
        matching.add(t.getKey());
      }
    }
    int pages = Math.max(1, (matching.size() + TEAMS_PER_PAGE - 1) / TEAMS_PER_PAGE);
    int page = Math.min(Math.max(1, requestedPage), pages);
    List<String> onPage =
        matching.subList(
            (page - 1) * TEAMS_PER_PAGE, Math.min(matching.size(), page * TEAMS_PER_PAGE));
    Set<String> shown = new LinkedHashSet<>(onPage);
    List<TeamRow> teams = new ArrayList<>();
    for (String t : onPage) {
      List<ExerciseViews.MemberRow> players = byTeam.get(t);
      teams.add(
          new TeamRow(
              t,
              players.stream().map(m -> m.organisationName(locale)).distinct().toList(),
              players.size(),
              players.stream().map(ExerciseViews.MemberRow::login).toList()));
    }
    List<ScoreBlock> scores = new ArrayList<>();
    for (RunScoring.ExpectationScore e : c.scores()) {
      scores.add(ScoreBlock.of(e, shown::contains));
    }
    Map<String, ReadTotal> reads = new LinkedHashMap<>();
    for (ExerciseViews.TimelineRow r : c.timeline()) {
      reads.put(r.key(), ReadTotal.of(r, shown::contains));
    }
    return new ConsolePage(
        c, q, page, pages, byTeam.size(), matching.size(), teams, staff, scores, reads);
  }

  private static boolean matches(
      String team, List<ExerciseViews.MemberRow> players, String needle) {
    if (team.toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    for (ExerciseViews.MemberRow m : players) {
      // either language: a controller may search in the other one
      if (contains(m.organisationNameJa(), needle)
          || contains(m.organisationNameEn(), needle)
          || contains(m.login(), needle)
          || contains(m.displayName(), needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String s, String needle) {
    return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
  }
}
