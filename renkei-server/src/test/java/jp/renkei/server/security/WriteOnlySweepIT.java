package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.ExerciseService;
import jp.renkei.server.exercise.ScenarioTemplates;
import jp.renkei.server.exercise.survey.SurveyService;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.security.RouteSweepLeakIT.Ids;
import jp.renkei.server.security.RouteSweepLeakIT.Kind;
import jp.renkei.server.security.RouteSweepLeakIT.Route;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API write (POST, PUT, PATCH, DELETE under {@code /api/v1} that a token needs scope {@code
 * write} for), taken from Spring's handler mapping, called with a token of scope {@code write}
 * without {@code read} by people of an organisation on that organisation's own objects — reports,
 * advisories it received, its monitored site, findings, NOTICE, follow-up issues, exercise runs —
 * with plausible bodies: no successful answer may carry a body (attack28: the writes on a site, a
 * finding, a NOTICE outcome, an issue or a survey answered with the object after attack27 had
 * withheld those of reports and advisories). A refusal may name what was wrong, never an object's
 * title. The routes marked {@link AnswersWithoutRead} are listed here, each by name, so a new one
 * is a decision made in review.
 */
class WriteOnlySweepIT extends ServerTest {

  /** The only writes that answer a token without read, and why (see their annotation). */
  static final Set<String> ANSWERING = Set.of("POST /api/v1/mail/analyze", "POST /api/v1/c4tap");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired JdbcClient jdbc;
  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired ExerciseService exercises;
  @Autowired ScenarioTemplates templates;
  @Autowired SurveyService surveys;

  @Test
  void noWriteAnswersATokenThatMayNotReadWithABody() {
    Map<Route, HandlerMethod> routes = writes();
    String mark = Fixtures.unique("書込専用SWEEP");
    Organisation bank = directory.organisation("op-sakura-bank");
    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    UserAccount admin = fixtures.user(bank, Role.ORG_ADMIN);
    UserAccount nisc = fixtures.user("nisc", Role.ANALYST);
    Ids own = ownObjects(mark, bank, analyst, admin, nisc);

    Map<String, Integer> succeeded = new TreeMap<>();
    List<String> leaks = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (UserAccount who : List.of(admin, analyst, nisc)) {
      Http writeOnly = http().bearer(fixtures.token(who, EnumSet.of(TokenScope.WRITE)));
      for (var e : routes.entrySet()) {
        Route r = e.getKey();
        String path = RouteSweepLeakIT.fill(r.pattern(), own, 0);
        HttpResponse<String> a = call(r, path, writeOnly);
        String name = r.method() + " " + r.pattern();
        log.append(who.login())
            .append(' ')
            .append(r.method())
            .append(' ')
            .append(path)
            .append(" -> ")
            .append(a.statusCode())
            .append('\n');
        boolean ok = a.statusCode() >= 200 && a.statusCode() < 300;
        if (ok) {
          succeeded.merge(name, 1, Integer::sum);
        }
        if (ANSWERING.contains(name)) {
          continue;
        }
        if (ok && !a.body().isEmpty()) {
          leaks.add(name + " -> " + a.statusCode() + " with a body: " + cut(a.body()));
        } else if (ok && a.statusCode() == 200) {
          leaks.add(name + " -> 200 (a withheld answer is 204)");
        }
        for (String s : own.secrets) {
          if (a.body().contains(s) || a.headers().map().toString().contains(s)) {
            leaks.add(name + " -> " + a.statusCode() + " names " + s + ": " + cut(a.body()));
          }
        }
      }
    }
    System.out.println("WriteOnlySweepIT\n" + log);
    assertThat(leaks).as("writes that answered a token without read").isEmpty();
    // the sweep reached the writes it is about: each succeeded and was answered without a body
    assertThat(succeeded.keySet())
        .as("writes that succeeded for a token without read")
        .contains(
            "POST /api/v1/reports",
            "POST /api/v1/reports/{id}/comments",
            "POST /api/v1/advisories/{id}/acknowledge",
            "PUT /api/v1/monitor/sites/{id}",
            "POST /api/v1/exposure/findings/{id}/workflow",
            "POST /api/v1/notice/notices/{id}/outcome",
            "PUT /api/v1/exercises/issues/{id}/progress",
            "PUT /api/v1/exercises/runs/{id}/survey",
            "PUT /api/v1/exercises/runs/{id}/survey/state");
  }

  /** The marked routes are exactly those this test names (a new one is decided in review). */
  @Test
  void theWritesThatAnswerATokenWithoutReadAreNamed() {
    Set<String> marked = new TreeSet<>();
    for (var e : mapping.getHandlerMethods().entrySet()) {
      AnswersWithoutRead a = e.getValue().getMethodAnnotation(AnswersWithoutRead.class);
      if (a == null) {
        continue;
      }
      assertThat(a.value()).isNotBlank();
      for (String p : e.getKey().getPathPatternsCondition().getPatternValues()) {
        for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
          marked.add(m.name() + " " + p);
        }
      }
    }
    assertThat(marked).containsExactlyInAnyOrderElementsOf(ANSWERING);
  }

  /** Every API write a token needs scope {@code write} (alone) for. */
  private Map<Route, HandlerMethod> writes() {
    Map<Route, HandlerMethod> out = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      for (String p : e.getKey().getPathPatternsCondition().getPatternValues()) {
        if (!p.startsWith("/api/v1/")) {
          continue;
        }
        Set<RequestMethod> ms = e.getKey().getMethodsCondition().getMethods();
        for (RequestMethod m : ms.isEmpty() ? Set.of(RequestMethod.POST) : ms) {
          if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) {
            continue;
          }
          if (TokenScopeRules.rule(m.name(), p).isPlainWrite()) {
            out.put(new Route(p, m.name()), e.getValue());
          }
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(40);
    // deletions last, so the objects are there for every other write
    Map<Route, HandlerMethod> sorted = new LinkedHashMap<>();
    out.entrySet().stream()
        .sorted(
            java.util.Comparator.comparing(
                    (Map.Entry<Route, HandlerMethod> e) -> e.getKey().method().equals("DELETE"))
                .thenComparing(e -> e.getKey().pattern())
                .thenComparing(e -> e.getKey().method()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Objects of the bank's own (and NISC's advisory to it), with titles that must never show. */
  private Ids ownObjects(
      String mark,
      Organisation bank,
      UserAccount analyst,
      UserAccount admin,
      UserAccount niscUser) {
    Ids ids = new Ids();
    ids.secrets.add(mark);
    Actor bankActor = fixtures.actor(analyst);
    Actor nisc = fixtures.actor(niscUser);
    long report =
        filing.create(
            bankActor,
            new NewReport(
                RouteSweepLeakIT.content(mark + " 報告"),
                "hotline",
                null,
                false,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            true);
    ids.put(Kind.REPORT, RouteSweepLeakIT.NEVER, Long.toString(report));
    Http bankApi = http().bearer(fixtures.token(analyst));
    String at = "/api/v1/reports/" + report + "/attachments";
    HttpResponse<String> up =
        bankApi.upload(
            at, at, "file", mark + ".txt", ("ログ " + mark).getBytes(StandardCharsets.UTF_8));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    Matcher am = Pattern.compile("\"id\":(\\d+)").matcher(up.body());
    assertThat(am.find()).isTrue();
    ids.put(Kind.ATTACHMENT, "4503599627370499", am.group(1));
    long advisory =
        advisories.issue(
            nisc,
            new NewAdvisory(
                mark + " 情報提供",
                "本文 " + mark,
                null,
                List.of(),
                List.of(),
                "green",
                true,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null));
    ids.put(Kind.ADVISORY, RouteSweepLeakIT.NEVER, Long.toString(advisory));
    ids.put(Kind.ADVISORY_DRAFT, RouteSweepLeakIT.NEVER, RouteSweepLeakIT.NEVER);
    ids.put(Kind.C4TAP, "987654321", "987654321");
    long scenario = one("select min(id) from exercise_scenario");
    ids.put(Kind.SCENARIO, RouteSweepLeakIT.NEVER, Long.toString(scenario));
    long run = endedRunWithOpenSurvey(mark, nisc, analyst, admin);
    ids.put(Kind.RUN, RouteSweepLeakIT.NEVER, Long.toString(run));
    ids.put(Kind.DRILL, RouteSweepLeakIT.NEVER, RouteSweepLeakIT.NEVER);
    long issue =
        one(
            "insert into exercise_issue (run_id, title, owner_org_id, due_on) values (?,?,?,"
                + " current_date + 30) returning id",
            run,
            mark + " 課題",
            bank.id());
    ids.put(Kind.ISSUE, "987654321", Long.toString(issue));
    ids.put(Kind.STIX, "indicator--00000000-0000-4000-8000-000000000000", "x");
    ids.put(Kind.COLLECTION, "00000000-0000-4000-8000-000000000000", "x");
    ids.put(Kind.TAXII_STATUS, "00000000-0000-4000-8000-000000000000", "x");
    ids.put(Kind.FEED, "987654321", "987654321");
    long site =
        one(
            "insert into monitor_site (organisation_id, name, url) values (?, ?,"
                + " 'https://www.sakura-bank.example/sweep') returning id",
            bank.id(),
            mark + " サイト");
    ids.put(Kind.SITE, "987654321", Long.toString(site));
    ids.put(Kind.ALERT, "987654321", "987654321");
    ids.put(Kind.VANTAGE, "987654321", "987654321");
    ids.put(Kind.USER, "987654321", Long.toString(analyst.id()));
    ids.put(Kind.TOKEN, "987654321", "987654321");
    long survey =
        one(
            "insert into notice_survey (reporter_id, source, surveyed, month, notified, unrouted,"
                + " submitted_by) values (null, 'hub', 1, date_trunc('month', now()), 1, 0,"
                + " 'sweep') returning id");
    long notice =
        one(
            "insert into notice (survey_id, holder_id, holder_kind, matched_range, address,"
                + " observed_at, observation, month) values (?, ?, 'operator', '192.0.2.0/24',"
                + " '192.0.2.7', now(), ?, date_trunc('month', now())) returning id",
            survey,
            bank.id(),
            mark + " 観測");
    ids.put(Kind.NOTICE, RouteSweepLeakIT.NEVER, Long.toString(notice));
    ids.put(Kind.SCOPE, RouteSweepLeakIT.NEVER, RouteSweepLeakIT.NEVER);
    ids.put(Kind.DISCOVERED, RouteSweepLeakIT.NEVER, RouteSweepLeakIT.NEVER);
    ids.put(
        Kind.FINDING,
        RouteSweepLeakIT.NEVER,
        Long.toString(
            one("select min(id) from exposure_finding where organisation_id = ?", bank.id())));
    ids.put(Kind.EXPOSURE_NOTICE, RouteSweepLeakIT.NEVER, RouteSweepLeakIT.NEVER);
    ids.put(Kind.HELD, "AAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAA");
    ids.put(Kind.ORGANISATION, RouteSweepLeakIT.NEVER, Long.toString(bank.id()));
    ids.put(Kind.ORGANISATION_CODE, "none", bank.code());
    return ids;
  }

  /**
   * A run NISC's analyst controls and the bank's analyst and admin played, stopped, with its
   * questionnaire open: the survey's answer (the players) and state (the controller) then succeed.
   */
  private long endedRunWithOpenSurvey(
      String mark, Actor nisc, UserAccount analyst, UserAccount admin) {
    long scenario = templates.copy(nisc, ScenarioTemplates.NAMES.get(0));
    long run = exercises.createRun(nisc, scenario, mark + " 演習", 1, false);
    for (UserAccount u : List.of(analyst, admin)) {
      exercises.addMember(nisc, run, u.login(), "player", "bank", "");
    }
    if (one("select count(*) from exercise_survey where run_id = ?", run) == 0) {
      surveys.attach(nisc, run, "");
    }
    exercises.control(nisc, run, "start");
    exercises.control(nisc, run, "stop");
    return run;
  }

  /** Bodies for the writes whose shape the route sweep's plausible fields do not make. */
  static final Map<String, String> BODIES =
      Map.of(
          "/api/v1/reports",
          "{\"content\":{\"title\":\"sweep\",\"summary\":\"s\","
              + "\"detectedAt\":\"2026-11-20T00:30:00Z\",\"incidentType\":\"unavailability\","
              + "\"causes\":[\"ddos\"],\"serviceOutage\":\"no\",\"severity\":\"level2\","
              + "\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
              + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber\"}",
          "/api/v1/exposure/findings/{id}/workflow",
          "{\"status\":\"in_progress\"}",
          "/api/v1/exercises/runs/{id}/survey",
          "{\"answers\":{\"satisfaction\":\"4\",\"comments\":\"sweep\"},\"named\":false}",
          "/api/v1/exercises/runs/{id}/survey/state",
          "{\"state\":\"open\"}",
          "/api/v1/notice/notices/{id}/outcome",
          "{\"warnedHow\":\"email\",\"warnedOn\":\"2026-11-20\",\"outcome\":\"warned\","
              + "\"note\":\"sweep\"}");

  /** As the route sweep calls it, with a site's address in the body (a site's update needs one). */
  private static HttpResponse<String> call(Route r, String path, Http api) {
    if (r.method().equals("DELETE") || path.endsWith("/attachments")) {
      return RouteSweepLeakIT.call(r, path, null, api, null, false);
    }
    String body = BODIES.get(r.pattern());
    if (body == null) {
      body =
          RouteSweepLeakIT.json(path)
              .replaceFirst("\\{", "{\"url\":\"https://www.sakura-bank.example/sweep\",");
    }
    return r.method().equals("PUT") ? api.putJson(path, body) : api.postJson(path, body);
  }

  private long one(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
