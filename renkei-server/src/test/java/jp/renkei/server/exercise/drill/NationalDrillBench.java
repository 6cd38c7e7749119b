package jp.renkei.server.exercise.drill;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national-scale drill (issue 15, docs/benchmarks.md): a directory of the FY2023 national
 * exercise's size (seed 003: 819 organisations, 6,574 people), a 情報提供訓練 for every sector — started
 * by the batch code and, in the same run, by the previous code (participants and members added one
 * by one, kept here as the baseline) — then the inject to all delivered by the real scheduler,
 * players answering (each organisation confirms the advisory, players open the inject), and the
 * controller's console, drill page and after-action report timed over HTTP, against the same pages
 * of a one-sector drill. Not part of the test run (its name matches neither *Test nor *IT); run it
 * with
 *
 * <pre>
 * ./mvnw -q -o -pl renkei-server -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=NationalDrillBench -Dbench.orgs=780 -Dbench.users=6500
 * </pre>
 *
 * It prints its numbers and asserts nothing about time.
 */
class NationalDrillBench extends ServerTest {

  static final int ORGS = Integer.getInteger("bench.orgs", 780);
  static final int USERS = Integer.getInteger("bench.users", 6500);
  static final int PAIRS = Integer.getInteger("bench.pairs", 2);

  /** With -Dbench.national=true: exactly this many organisations and players (issue 15). */
  static final boolean NATIONAL = Boolean.getBoolean("bench.national");

  static final int TOTAL_ORGS = Integer.getInteger("bench.totalOrgs", 1000);
  static final int PLAYERS = Integer.getInteger("bench.players", 6600);
  static final int FILERS = Integer.getInteger("bench.filers", 300);
  static final int RUNS = Integer.getInteger("bench.runs", 10);

  /**
   * With -Dbench.filesOnly=true the national exercise times only the after-action downloads (the
   * pages and services are left out: under heavy load their 30 s client timed out).
   */
  static final boolean FILES_ONLY = Boolean.getBoolean("bench.filesOnly");

  /** Timed downloads of the after-action PDF and workbook (after one warm-up request). */
  static final int FILE_RUNS = Integer.getInteger("bench.fileRuns", 3);

  @Autowired DrillService drills;
  @Autowired DrillRepository repo;
  @Autowired ExerciseService exercises;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired jp.renkei.server.report.ReportFilingService filing;
  @Autowired jp.renkei.server.exercise.review.AfterAction afterAction;

  @Test
  void nationalDrill() throws Exception {
    if (NATIONAL) {
      nationalExercise();
      return;
    }
    List<String> sectors =
        jdbc.sql("select code from sector order by code").query(String.class).list();
    String hash =
        jdbc.sql("select password_hash from app_user where id = ?")
            .param(fixtures.user("nisc", Role.MEMBER).id())
            .query(String.class)
            .single();
    long t0 = System.nanoTime();
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code, duty_email)"
                + " select 'nat-op-' || g, '全国演習事業者 ' || g, 'National operator ' || g,"
                + " 'operator', (?::text[])[1 + g % ?], 'duty' || g || '@nat.example'"
                + " from generate_series(1, ?) g")
        .params(sectors.toArray(String[]::new), sectors.size(), ORGS)
        .update();
    jdbc.sql(
            "insert into app_user (login, display_name, email, organisation_id, role,"
                + " password_hash) select 'nat.u' || g, '演習 利用者 ' || g, 'nat.u' || g ||"
                + " '@nat.example', o.id, case when g % 3 = 0 then 'analyst' else 'member' end, ?"
                + " from generate_series(1, ?) g join organisation o on o.code = 'nat-op-' || (1"
                + " + g % ?)")
        .params(hash, USERS, ORGS)
        .update();
    jdbc.sql("analyze").update();
    int orgs = jdbc.sql("select count(*) from organisation").query(Integer.class).single();
    int users = jdbc.sql("select count(*) from app_user").query(Integer.class).single();
    System.out.printf(
        "BENCH seeded: %d organisations, %d users in the directory (%.1f s)%n",
        orgs, users, (System.nanoTime() - t0) / 1e9);

    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(niscUser);
    long last = 0;
    for (int i = 0; i < PAIRS; i++) {
      long s = System.nanoTime();
      long old = previousStart(nisc, sectors);
      double oldMs = (System.nanoTime() - s) / 1e6;
      waitDelivered(drillRun(old));
      s = System.nanoTime();
      last = drills.start(nisc, "provision", sectors);
      double newMs = (System.nanoTime() - s) / 1e6;
      int members = members(drillRun(last));
      System.out.printf(
          "BENCH start, all %d sectors, %d players: previous code %.0f ms, batch %.0f ms"
              + " (ratio %.3f)%n",
          sectors.size(), members, oldMs, newMs, newMs / oldMs);
      waitDelivered(drillRun(last));
    }

    // players answer: every participant organisation confirms the advisory; players open inject 1
    long run = drillRun(last);
    long advisory = advisories.inExercise(nisc, run, 1).get(0).id();
    List<Actor> confirmers =
        jdbc.sql(
                "select distinct on (u.organisation_id) u.id, u.login, u.organisation_id, u.role"
                    + " from exercise_member m join app_user u on u.id = m.user_id where m.run_id"
                    + " = ? and u.role = 'analyst' order by u.organisation_id, u.id")
            .param(run)
            .query(
                (rs, n) ->
                    new Actor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        Role.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                        "web",
                        "127.0.0.1"))
            .list();
    long s = System.nanoTime();
    int refused = 0;
    for (Actor a : confirmers) {
      try {
        advisories.acknowledge(a, advisory);
      } catch (jp.renkei.server.failure.Forbidden notAddressed) {
        refused++; // a member organisation the advisory does not address
      }
    }
    System.out.printf("BENCH confirmations refused (not addressed): %d%n", refused);
    double ackMs = (System.nanoTime() - s) / 1e6;
    System.out.printf(
        "BENCH %d organisations confirm the advisory: %.0f ms (%.1f ms each)%n",
        confirmers.size(), ackMs, ackMs / confirmers.size());
    List<Actor> openers = confirmers.subList(0, Math.min(1000, confirmers.size()));
    s = System.nanoTime();
    for (Actor a : openers) {
      exercises.play(a, run);
    }
    double playMs = (System.nanoTime() - s) / 1e6;
    System.out.printf(
        "BENCH %d players open the exercise page (inject marked read): %.0f ms (%.1f ms each)%n",
        openers.size(), playMs, playMs / openers.size());

    // the controller's pages, national against one sector in the same run
    long small = drills.start(nisc, "provision", List.of("aviation"));
    waitDelivered(drillRun(small));
    Http web = http();
    web.signIn(niscUser.login(), Fixtures.PASSWORD);
    for (long d : new long[] {small, last}) {
      long r = drillRun(d);
      String label = (d == small ? "one sector, " : "national, ") + members(r) + " players";
      page(web, label, "/exercises/" + r + "/console");
      page(web, label, "/exercises/drills/" + d);
      page(web, label, "/exercises/" + r + "/report");
    }
  }

  private void page(Http web, String label, String path) {
    web.get(path);
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long s = System.nanoTime();
      HttpResponse<String> r = web.get(path);
      ms[i] = (System.nanoTime() - s) / 1e6;
      if (r.statusCode() != 200) {
        throw new AssertionError(path + ": " + r.statusCode());
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        "BENCH %-32s %-40s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
        label,
        path.replaceAll("[0-9]{4,}", "{id}"),
        ms[ms.length / 2],
        ms[(int) Math.ceil(ms.length * 0.95) - 1],
        ms[ms.length - 1]);
  }

  /**
   * Times a download ({@link #FILE_RUNS} requests after one warm-up) with its own client: a
   * national PDF may take longer than the test client's 30 s. A refusal is printed with its status,
   * not thrown: the bench says what the hub answered.
   */
  private void download(Http web, String label, String path) throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10))
            .build();
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
            .header("Cookie", web.cookieHeader())
            .timeout(java.time.Duration.ofMinutes(10))
            .GET()
            .build();
    double[] ms = new double[FILE_RUNS + 1];
    int size = 0;
    for (int i = 0; i <= FILE_RUNS; i++) {
      long s = System.nanoTime();
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      ms[i] = (System.nanoTime() - s) / 1e6;
      if (r.statusCode() != 200) {
        System.out.printf(
            "BENCH %-32s %-40s refused %d after %.0f ms: %s%n",
            label,
            path.replaceAll("[0-9]{4,}", "{id}"),
            r.statusCode(),
            ms[i],
            new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .strip());
        return;
      }
      size = r.body().length;
    }
    double first = ms[0];
    double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
    Arrays.sort(timed);
    System.out.printf(
        "BENCH %-32s %-40s first %7.1f ms  p50 %7.1f ms  max %7.1f ms  %d bytes%n",
        label,
        path.replaceAll("[0-9]{4,}", "{id}"),
        first,
        timed[timed.length / 2],
        timed[timed.length - 1],
        size);
  }

  private long drillRun(long drill) {
    return repo.drill(drill).orElseThrow().runId();
  }

  private int members(long run) {
    return jdbc.sql("select count(*) from exercise_member where run_id = ? and role = 'player'")
        .param(run)
        .query(Integer.class)
        .single();
  }

  /** Waits for the scheduler to deliver inject 1 to every player; prints how long after start. */
  private void waitDelivered(long run) throws InterruptedException {
    int players = members(run);
    Instant started =
        jdbc.sql("select started_at from exercise_drill where run_id = ?")
            .param(run)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      var done =
          jdbc.sql(
                  "select count(*), max(delivered_at) from exercise_delivery where run_id = ? and"
                      + " inject_key = '1'")
              .param(run)
              .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)})
              .single();
      if ((int) done[0] >= players) {
        Instant at = ((java.sql.Timestamp) done[1]).toInstant();
        System.out.printf(
            "BENCH inject 1 delivered to %d players, the last %.2f s after the drill started%n",
            players, java.time.Duration.between(started, at).toMillis() / 1000.0);
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("inject 1 not delivered to all within 120 s");
  }

  /**
   * Issue 15's national exercise: exactly {@link #TOTAL_ORGS} organisations and {@link #PLAYERS}
   * players. A national 情報連絡訓練 (all sectors) is played first — {@link #FILERS} operators file an
   * exercise report to NISC — then a second run of the same scenario (so the after-action report
   * compares with the first) is started by the controller: its inject to every operator's players
   * is delivered by the start itself, {@link #FILERS} operators file again and the automatic
   * expectation (report_filed) scores live. Then the console, drill page and after-action report
   * are timed in process (the service) and over HTTP (service and page).
   */
  private void nationalExercise() throws Exception {
    List<String> sectors =
        jdbc.sql("select code from sector order by code").query(String.class).list();
    String hash =
        jdbc.sql("select password_hash from app_user where id = ?")
            .param(fixtures.user("nisc", Role.MEMBER).id())
            .query(String.class)
            .single();
    int before = jdbc.sql("select count(*) from organisation").query(Integer.class).single();
    int addOrgs = TOTAL_ORGS - before;
    jdbc.sql(
            "insert into organisation (code, name_ja, name_en, type_code, sector_code, duty_email)"
                + " select 'nat-op-' || g, '全国演習事業者 ' || g, 'National operator ' || g,"
                + " 'operator', (?::text[])[1 + g % ?], 'duty' || g || '@nat.example'"
                + " from generate_series(1, ?) g")
        .params(sectors.toArray(String[]::new), sectors.size(), addOrgs)
        .update();
    // players are the enabled users of the drill's ministries, CEPTOARs and operators (as the
    // drill picks them from the advisory's recipients), but the controller
    UserAccount controller = fixtures.user("nisc", Role.ANALYST);
    Long[] participants =
        advisories
            .recipientsOf(
                fixtures.actor(controller),
                DrillService.drillAdvisory(DrillService.template("liaison"), sectors, null))
            .stream()
            .filter(o -> Set.of("ministry", "ceptoar", "operator").contains(o.typeCode()))
            .map(Organisation::id)
            .toArray(Long[]::new);
    int existing =
        jdbc.sql("select count(*) from app_user where enabled and organisation_id = any(?)")
            .param(participants)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into app_user (login, display_name, email, organisation_id, role,"
                + " password_hash) select 'nat.u' || g, '演習 利用者 ' || g, 'nat.u' || g ||"
                + " '@nat.example', o.id, case when g % 3 = 0 then 'analyst' else 'member' end, ?"
                + " from generate_series(1, ?) g join organisation o on o.code = 'nat-op-' || (1"
                + " + g % ?)")
        .params(hash, PLAYERS - existing, addOrgs)
        .update();
    jdbc.sql("analyze").update();
    System.out.printf(
        "BENCH seeded: %d organisations, %d users%n",
        jdbc.sql("select count(*) from organisation").query(Integer.class).single(),
        jdbc.sql("select count(*) from app_user").query(Integer.class).single());

    UserAccount niscUser = controller;
    Actor nisc = fixtures.actor(niscUser);
    long drill = drills.start(nisc, "liaison", sectors);
    long first = drillRun(drill);
    System.out.printf("BENCH national drill: %d players%n", members(first));
    waitSent(first);
    List<Actor> filers = filers(first);
    fileReports(filers, first);

    // the second run of the same scenario, started by its controller
    long scenario =
        jdbc.sql("select scenario_id from exercise_run where id = ?")
            .param(first)
            .query(Long.class)
            .single();
    long run = exercises.createRun(nisc, scenario, "全国演習（二回目）", 1, false);
    Map<Long, String> teams = new LinkedHashMap<>();
    jdbc.sql(
            "select distinct u.organisation_id, m.team from exercise_member m join app_user u"
                + " on u.id = m.user_id where m.run_id = ? and m.role = 'player'")
        .param(first)
        .query(
            rs -> {
              teams.put(rs.getLong(1), rs.getString(2));
            });
    exercises.addPlayersOf(nisc, run, teams, niscUser.id());
    int players = members(run);
    Instant started = Instant.now();
    long s = System.nanoTime();
    exercises.control(nisc, run, "start");
    double startMs = (System.nanoTime() - s) / 1e6;
    var done =
        jdbc.sql(
                "select count(*), count(distinct user_id), max(delivered_at) from"
                    + " exercise_delivery where run_id = ? and inject_key = '1'")
            .param(run)
            .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getTimestamp(3)})
            .single();
    System.out.printf(
        "BENCH run 2: %d organisations' teams, %d players; start (with the delivery of inject 1"
            + " to %d operator players) %.0f ms, last delivered_at %.2f s after the start call%n",
        teams.size(),
        players,
        (int) done[1],
        startMs,
        java.time.Duration.between(started, ((java.sql.Timestamp) done[2]).toInstant()).toMillis()
            / 1000.0);
    fileReports(filers(run), run);
    var console = exercises.console(nisc, run);
    long met =
        console.scores().stream()
            .flatMap(e -> e.teams().stream())
            .filter(t -> t.outcome() == jp.renkei.engine.exercise.Outcome.MET)
            .count();
    System.out.printf(
        "BENCH scoring live: %d teams met 1-1 (report_filed) on the console, points %d/%d%n",
        met, console.points(), console.maxPoints());

    Http web = http();
    web.signIn(niscUser.login(), Fixtures.PASSWORD);
    String label = "national, " + players + " players";
    if (FILES_ONLY) {
      download(web, label, "/exercises/" + run + "/report.xlsx");
      download(web, label, "/exercises/" + run + "/report.pdf");
      return;
    }
    // in process: the services alone
    time("service console", () -> exercises.console(nisc, run));
    time("service after-action", () -> afterAction.report(nisc, run));
    time("service drill page", () -> drills.result(nisc, drill, Locale.JAPANESE));

    page(web, label, "/exercises/" + run + "/console");
    page(web, label, "/exercises/drills/" + drill);
    page(web, label, "/exercises/" + run + "/report");
    // the print view: every team's rows (the page before paging; a baseline without paging
    // ignores the parameter and serves its only page)
    page(web, label, "/exercises/" + run + "/report?all=true");
    page(web, label, "/exercises/" + first + "/console");
    // the after-action report's downloads: every team's rows, with the first run compared
    download(web, label, "/exercises/" + run + "/report.xlsx");
    download(web, label, "/exercises/" + run + "/report.pdf");
    System.out.printf(
        "BENCH page sizes: console %d chars, after-action %d chars (print view %d), drill %d"
            + " chars%n",
        web.get("/exercises/" + run + "/console").body().length(),
        web.get("/exercises/" + run + "/report").body().length(),
        web.get("/exercises/" + run + "/report?all=true").body().length(),
        web.get("/exercises/drills/" + drill).body().length());
  }

  /** Waits for the scheduler to send inject 1 (to the operators' players); prints when. */
  private void waitSent(long run) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean sent =
          jdbc.sql(
                  "select exists (select 1 from exercise_inject_state where run_id = ? and"
                      + " inject_key = '1' and state = 'sent')")
              .param(run)
              .query(Boolean.class)
              .single();
      if (sent) {
        var done =
            jdbc.sql(
                    "select count(*), max(d.delivered_at) - min(x.started_at) from"
                        + " exercise_delivery d join exercise_drill x on x.run_id = d.run_id where"
                        + " d.run_id = ? and d.inject_key = '1'")
                .param(run)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)})
                .single();
        System.out.printf(
            "BENCH inject 1 delivered to %d players, the last %s after the drill started%n",
            done[0], done[1]);
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("inject 1 not sent within 120 s");
  }

  /** One analyst of each of the first {@link #FILERS} operator organisations playing in the run. */
  private List<Actor> filers(long run) {
    return jdbc.sql(
            "select distinct on (u.organisation_id) u.id, u.login, u.organisation_id, u.role"
                + " from exercise_member m join app_user u on u.id = m.user_id join organisation"
                + " o on o.id = u.organisation_id where m.run_id = ? and m.role = 'player' and"
                + " u.role = 'analyst' and o.type_code = 'operator' order by u.organisation_id,"
                + " u.id limit ?")
        .params(run, FILERS)
        .query(
            (rs, n) ->
                new Actor(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    Role.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                    "web",
                    "127.0.0.1"))
        .list();
  }

  /** Each filer files a 情報連絡 (第一報) to NISC inside the run. */
  private void fileReports(List<Actor> filers, long run) {
    long s = System.nanoTime();
    for (Actor a : filers) {
      filing.create(
          a,
          new jp.renkei.server.report.NewReport(
              DrillIT.content("全国演習 情報連絡 " + a.login()),
              "hotline",
              null,
              false,
              "amber",
              List.of(),
              List.of(),
              false,
              List.of(),
              run),
          true);
    }
    double ms = (System.nanoTime() - s) / 1e6;
    System.out.printf(
        "BENCH %d operators file an exercise report: %.0f ms (%.1f ms each)%n",
        filers.size(), ms, ms / filers.size());
  }

  private void time(String label, Runnable r) {
    r.run();
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long s = System.nanoTime();
      r.run();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "BENCH %-32s p50 %7.1f ms  p95 %7.1f ms%n",
        label, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]);
  }

  /**
   * The baseline: DrillService.start as it was before the batch inserts (main at cc3c0fe), one
   * participant row and one member (with its user look-up and audit entry) at a time.
   */
  private long previousStart(Actor actor, List<String> chosen) {
    Organisation own = directory.organisation(actor.organisationId());
    Instant now = Instant.now();
    int year = jp.renkei.engine.exercise.drill.DrillStats.fiscalYear(now);
    ScenarioDocument doc = DrillService.template("provision");
    long scenario = exercises.createScenario(actor, doc);
    long run = exercises.createRun(actor, scenario, doc.title() + " " + year, 1, false);
    Map<Long, String> levels = new LinkedHashMap<>();
    for (Organisation o :
        advisories.recipientsOf(actor, DrillService.drillAdvisory(doc, chosen, null))) {
      if (Set.of("ministry", "ceptoar", "operator").contains(o.typeCode())) {
        levels.put(o.id(), o.typeCode());
      }
    }
    long drill = repo.insert(run, "provision", own.id(), actor.userId(), year, chosen, now);
    for (Map.Entry<Long, String> e : levels.entrySet()) {
      Organisation o = directory.organisation(e.getKey());
      jdbc.sql(
              "insert into exercise_drill_participant (drill_id, organisation_id, level,"
                  + " duty_email) values (?,?,?,?) on conflict do nothing")
          .params(drill, o.id(), e.getValue(), o.dutyEmail())
          .update();
    }
    Map<Long, String> codes = new LinkedHashMap<>();
    levels.keySet().forEach(id -> codes.put(id, directory.organisation(id).code()));
    for (Long org : levels.keySet()) {
      List<String> logins =
          jdbc.sql(
                  "select login from app_user where enabled and organisation_id = any(?) order by"
                      + " login")
              .param(new Long[] {org})
              .query(String.class)
              .list();
      for (String login : logins) {
        if (!login.equals(actor.login())) {
          exercises.addMember(actor, run, login, "player", codes.get(org), "");
        }
      }
    }
    exercises.control(actor, run, "start");
    advisories.issue(actor, DrillService.drillAdvisory(doc, chosen, run));
    return drill;
  }
}
