package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.exercise.drill.DrillService;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.mail.HeldMessages;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportContent;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.SamePath;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StatementLog;
import jp.renkei.server.support.StixSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the hub that takes an id in its path, taken from Spring's own handler mapping,
 * called by an organisation administrator of an unrelated operator with the ids of objects of every
 * kind that belong to other organisations and that it may not see, and with ids that never existed:
 * pages with the session and its CSRF token (also as htmx), {@code /api/v1} and TAXII with an API
 * token of every scope, reads and writes with plausible bodies. For each route the answer for the
 * hidden id must be the answer for the missing one (status and body, the ids written as {@code ID})
 * and its headers (but the date and a CSP nonce), the hub must send PostgreSQL the same statements
 * for both (attack30b: the work done tells them apart by time, {@link SamePath}), no answer may
 * carry a hidden title, and no write may change a row. A new route whose path variable this test
 * cannot fill fails it (see {@link #kind}), so future routes are swept too. The server's log during
 * the sweep (every refusal, and the background jobs running meanwhile) must not carry a hidden
 * title either.
 *
 * <p>The hub's own probe schedule is off in this context (the one {@code MonitorIdsLeakIT} uses),
 * but other cached contexts share the database and may keep probing: a site's state and the alerts
 * the monitor raises or clears are left out of the comparison of writes (see {@link #snapshot}).
 */
@ExtendWith(OutputCaptureExtension.class)
@org.springframework.test.context.TestPropertySource(
    properties = {"renkei.monitor.enabled=false", "renkei.monitor.quorum=1"})
@org.springframework.context.annotation.Import(StatementLog.class)
class RouteSweepLeakIT extends ServerTest {

  /** What a path variable names. */
  enum Kind {
    REPORT,
    ATTACHMENT,
    ADVISORY,
    ADVISORY_DRAFT,
    C4TAP,
    SCENARIO,
    RUN,
    ISSUE,
    DRILL,
    STIX,
    COLLECTION,
    TAXII_STATUS,
    FEED,
    SITE,
    ALERT,
    VANTAGE,
    USER,
    TOKEN,
    NOTICE,
    SCOPE,
    DISCOVERED,
    FINDING,
    EXPOSURE_NOTICE,
    /** A message held after its analysis for its uploader to share (a key, not a number). */
    HELD,
    /** Organisations are public (the directory): compared with an organisation that has nothing. */
    ORGANISATION,
    ORGANISATION_CODE,
    /** Fixed values that name no one's object: the TAXII root, reference data, a CSV's name. */
    FIXED
  }

  static final String NEVER = "4503599627370497";
  static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?\\}");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired JdbcClient jdbc;
  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;
  @Autowired C4tapService c4tap;
  @Autowired HeldMessages held;
  @Autowired DrillService drills;
  @Autowired DirectoryService directory;

  /** The kind of object a path variable names, or null when this test does not know it. */
  static Kind kind(String pattern, String variable) {
    switch (variable) {
      case "root":
      case "table":
        return Kind.FIXED;
      case "name":
        return pattern.startsWith("/api/v1/reference/vocabularies/") ? Kind.FIXED : null;
      case "attachmentId":
        return Kind.ATTACHMENT;
      case "objectId":
      case "stixId":
        return Kind.STIX;
      case "issue":
        return Kind.ISSUE;
      case "key":
        return pattern.startsWith("/mail/held/") ? Kind.HELD : null;
      case "runId":
        return pattern.startsWith("/c4tap/exercise/") ? Kind.RUN : null;
      case "code":
        if (pattern.contains("/warning-lists/{code}")) {
          return Kind.FIXED;
        }
        return pattern.startsWith("/api/v1/organisations/{code}") ? Kind.ORGANISATION_CODE : null;
      case "id":
        break;
      default:
        return null;
    }
    String[][] prefixes = {
      {"/taxii2/{root}/status/", "TAXII_STATUS"},
      {"/taxii2/{root}/collections/", "COLLECTION"},
      {"/api/v1/reports/", "REPORT"},
      {"/reports/", "REPORT"},
      {"/advisories/drafts/", "ADVISORY_DRAFT"},
      {"/api/v1/advisories/", "ADVISORY"},
      {"/advisories/", "ADVISORY"},
      {"/api/v1/exercises/scenarios/", "SCENARIO"},
      {"/exercises/scenarios/", "SCENARIO"},
      {"/api/v1/exercises/drills/", "DRILL"},
      {"/exercises/drills/", "DRILL"},
      {"/api/v1/exercises/issues/", "ISSUE"},
      {"/api/v1/exercises/runs/", "RUN"},
      {"/exercises/", "RUN"},
      {"/mail/c4tap/", "C4TAP"},
      {"/c4tap/", "C4TAP"},
      {"/api/v1/c4tap/", "C4TAP"},
      {"/api/v1/indicators/", "STIX"},
      {"/admin/feeds/", "FEED"},
      {"/api/v1/feeds/", "FEED"},
      {"/api/v1/monitor/vantage-points/", "VANTAGE"},
      {"/monitor/vantage/", "VANTAGE"},
      {"/api/v1/monitor/sites/", "SITE"},
      {"/monitor/sites/", "SITE"},
      {"/monitor/alerts/", "ALERT"},
      {"/api/v1/organisations/", "ORGANISATION"},
      {"/admin/organisations/", "ORGANISATION"},
      {"/directory/", "ORGANISATION"},
      {"/exposure/organisations/", "ORGANISATION"},
      {"/api/v1/exposure/organisations/", "ORGANISATION"},
      {"/api/v1/users/", "USER"},
      {"/admin/users/", "USER"},
      {"/api/v1/tokens/", "TOKEN"},
      {"/account/tokens/", "TOKEN"},
      {"/notice/", "NOTICE"},
      {"/api/v1/notice/notices/", "NOTICE"},
      {"/api/v1/exposure/scope/", "SCOPE"},
      {"/exposure/scope/", "SCOPE"},
      {"/api/v1/exposure/discovered/", "DISCOVERED"},
      {"/exposure/discovered/", "DISCOVERED"},
      {"/api/v1/exposure/findings/", "FINDING"},
      {"/exposure/findings/", "FINDING"},
      {"/exposure/notices/", "EXPOSURE_NOTICE"},
    };
    for (String[] p : prefixes) {
      if (pattern.startsWith(p[0] + "{id")) {
        return Kind.valueOf(p[1]);
      }
    }
    return null;
  }

  /** One route: a pattern and a method. */
  record Route(String pattern, String method) {
    boolean api() {
      return pattern.startsWith("/api/") || pattern.startsWith("/taxii2/");
    }
  }

  /** Ids per kind: the hidden ones, the missing one, and what hidden ones must never show. */
  static final class Ids {
    final Map<Kind, List<String>> hidden = new EnumMap<>(Kind.class);
    final Map<Kind, String> missing = new EnumMap<>(Kind.class);
    final Set<String> secrets = new LinkedHashSet<>();
    final List<String> normalise = new ArrayList<>();

    void put(Kind k, String missingId, String... hiddenIds) {
      hidden.put(k, List.of(hiddenIds));
      missing.put(k, missingId);
      normalise.add(missingId);
      normalise.addAll(List.of(hiddenIds));
    }
  }

  /** Every route with a path variable; fails naming those this test cannot fill. */
  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String p : info.getPathPatternsCondition().getPatternValues()) {
        Matcher m = VARIABLE.matcher(p);
        boolean any = false;
        while (m.find()) {
          any = true;
          if (kind(p, m.group(1)) == null) {
            unknown.add(p + " {" + m.group(1) + "}");
          }
        }
        if (!any) {
          continue;
        }
        if (methods.isEmpty()) {
          routes.add(new Route(p, "GET"));
          routes.add(new Route(p, "POST"));
        } else {
          for (RequestMethod rm : methods) {
            routes.add(new Route(p, rm.name()));
          }
        }
      }
    }
    assertThat(unknown)
        .as(
            "routes whose path variables RouteSweepLeakIT does not know how to fill: teach"
                + " RouteSweepLeakIT.kind the kind of object each names, and give it a hidden one")
        .isEmpty();
    assertThat(routes).hasSizeGreaterThan(100);
    routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
    return routes;
  }

  @Test
  void everyRouteAnswersAHiddenObjectAsOneThatNeverExisted(CapturedOutput output) throws Exception {
    List<Route> routes = routes();
    Ids ids = hiddenObjects();
    int from = output.getAll().length();
    // an organisation administrator of an operator that takes part in nothing
    Organisation own = fixtures.operator("water");
    sweep("unrelated", routes, ids, fixtures.user(own, Role.ORG_ADMIN));
    // an analyst of another sector's CEPTOAR, who may issue advisories and relay reports
    sweep("ceptoar", routes, ids, fixtures.user("c-gas", Role.ANALYST));
    assertLogCarriesNoSecret(output.getAll().substring(from), ids);
  }

  /**
   * The lines of {@code log} that carry a hidden title (as written, or in the lower-case ASCII form
   * host names are made of): none may.
   */
  static void assertLogCarriesNoSecret(String log, Ids ids) {
    Set<String> forms = new LinkedHashSet<>();
    for (String s : ids.secrets) {
      forms.add(s);
      String ascii = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "");
      if (ascii.length() >= 8) {
        forms.add(ascii);
      }
    }
    List<String> leaks = new ArrayList<>();
    for (String line : log.split("\\R")) {
      for (String f : forms) {
        if (line.toLowerCase(java.util.Locale.ROOT)
            .contains(f.toLowerCase(java.util.Locale.ROOT))) {
          leaks.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
          break;
        }
      }
    }
    assertThat(leaks).as("log lines carrying a hidden title during the sweep").isEmpty();
  }

  /**
   * Alert ids are seen by each site's owner (the form that makes a report of one): sequential over
   * every site of the hub, two of them counted the alerts of sites the owner may not see raised in
   * between. They are random (V286), in the range of {@code random_id()}.
   */
  @Test
  void monitorAlertIdsCountNothing() {
    long site = one("select min(id) from monitor_site");
    List<Long> alerts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      alerts.add(
          one(
              "insert into monitor_alert (site_id, kind, raised_at, cleared_at) values (?,"
                  + " 'slow', now(), now()) returning id",
              site));
    }
    assertThat(alerts).allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(1L << 52));
    assertThat(alerts.get(1) - alerts.get(0)).isNotEqualTo(1L);
  }

  /** The kind of object a numeric request parameter names, or null when unknown. */
  static Kind parameterKind(String pattern, String name) {
    return switch (name) {
      case "fromReport" -> Kind.REPORT;
      case "draft" -> pattern.startsWith("/advisories") ? Kind.ADVISORY_DRAFT : null;
      case "exercise", "exerciseRunId" -> Kind.RUN;
      case "scenario" -> Kind.SCENARIO;
      case "attachments" -> Kind.ATTACHMENT;
      case "isp", "owner", "surveyed", "organisation" -> Kind.ORGANISATION;
      case "before" -> Kind.FIXED; // a point in a list, not an object
      default -> null;
    };
  }

  /**
   * Ids in request parameters: every handler parameter bound from the query or a form field whose
   * type is a number (an id), found by reflection, called with a hidden object's id and with a
   * missing one (as for path variables). A new numeric parameter this test cannot place fails it.
   */
  @Test
  void everyIdInARequestParameterAnswersAHiddenObjectAsOneThatNeverExisted() throws Exception {
    List<Use> uses = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    for (var e : mapping.getHandlerMethods().entrySet()) {
      for (org.springframework.core.MethodParameter mp : e.getValue().getMethodParameters()) {
        var rp =
            mp.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        Class<?> t = mp.getParameterType();
        boolean number =
            t == long.class
                || t == Long.class
                || (List.class.isAssignableFrom(t)
                    && mp.getGenericParameterType().getTypeName().contains("Long"));
        if (rp == null || !number) {
          continue;
        }
        String name =
            !rp.name().isEmpty()
                ? rp.name()
                : !rp.value().isEmpty() ? rp.value() : String.valueOf(mp.getParameterName());
        for (String p : e.getKey().getPathPatternsCondition().getPatternValues()) {
          Kind k = parameterKind(p, name);
          if (k == null) {
            unknown.add(p + " ?" + name);
            continue;
          }
          if (k == Kind.FIXED) {
            continue;
          }
          Set<RequestMethod> ms = e.getKey().getMethodsCondition().getMethods();
          for (RequestMethod m : ms.isEmpty() ? Set.of(RequestMethod.GET) : ms) {
            uses.add(new Use(p, m.name(), name, k));
          }
        }
      }
    }
    assertThat(unknown)
        .as("numeric request parameters RouteSweepLeakIT does not know: teach parameterKind")
        .isEmpty();
    assertThat(uses).isNotEmpty();

    Ids ids = hiddenObjects();
    for (UserAccount attacker :
        List.of(
            fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN),
            fixtures.user("c-gas", Role.ANALYST))) {
      parameterSweep(uses, ids, attacker);
    }
  }

  record Use(String pattern, String method, String param, Kind kind) {}

  private void parameterSweep(List<Use> uses, Ids ids, UserAccount attacker) throws Exception {
    Http page = http();
    page.signIn(attacker.login(), Fixtures.PASSWORD);
    String csrf = page.csrf("/");
    Http api = http().bearer(fixtures.token(attacker));
    Map<String, String> before = snapshot(attacker.organisationId());
    List<String> problems = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (Use u : uses) {
      if (u.pattern().contains("{")) {
        // the path's own variables as a missing object's: only the parameter differs
        continue;
      }
      Route r = new Route(u.pattern(), u.method());
      String missing = ids.missing.get(u.kind());
      for (String hidden : ids.hidden.get(u.kind())) {
        String hq = u.pattern() + "?" + u.param() + "=" + hidden;
        String xq = u.pattern() + "?" + u.param() + "=" + missing;
        SamePath.Work<HttpResponse<String>> hw =
            SamePath.of(() -> call(r, hq, page, api, csrf, false));
        SamePath.Work<HttpResponse<String>> xw =
            SamePath.of(() -> call(r, xq, page, api, csrf, false));
        HttpResponse<String> h = hw.answer();
        HttpResponse<String> x = xw.answer();
        sameWork(u.method() + " " + hq, hw, xw, problems);
        log.append(u.method())
            .append(' ')
            .append(hq)
            .append(" -> ")
            .append(h.statusCode())
            .append(" / missing ")
            .append(x.statusCode())
            .append('\n');
        compare(u.method() + " " + hq, h, x, ids, problems);
      }
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "route-sweep-parameters-" + attacker.login() + ".txt"),
        log.toString());
    problems.addAll(writesTookEffect(before, attacker.organisationId()));
    assertThat(problems).as("%d parameter uses", uses.size()).isEmpty();
  }

  /**
   * Ids inside JSON bodies: a run from a hidden scenario, an advisory citing a hidden report or
   * played in a hidden run, a report filed into a hidden run. Each answers as for a missing id, for
   * an unrelated operator's administrator and for another sector's CEPTOAR analyst (who may issue
   * advisories), and creates nothing.
   */
  @Test
  void idsInsideJsonBodiesAnswerAHiddenObjectAsOneThatNeverExisted() throws Exception {
    Ids ids = hiddenObjects();
    String report =
        "{\"content\":{\"title\":\"sweep\",\"summary\":\"sweep\","
            + "\"detectedAt\":\"2026-11-30T00:00:00Z\",\"incidentType\":\"malware\","
            + "\"causes\":[\"suspicious_mail\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"level2\",\"cascadePossibility\":\"unknown\","
            + "\"reportingCase\":\"case3\"},\"route\":\"hotline\",\"tlp\":\"amber\","
            + "\"exerciseRunId\":%s}";
    String advisory = "{\"title\":\"sweep\",\"body\":\"sweep\",\"tlp\":\"green\",\"all\":true,%s}";
    String[][] bodies = {
      {"/api/v1/exercises/runs", "{\"scenarioId\":%s,\"title\":\"sweep\"}", "SCENARIO"},
      {"/api/v1/advisories", advisory.formatted("\"sourceReportIds\":[%s]"), "REPORT"},
      {"/api/v1/advisories", advisory.formatted("\"exerciseRunId\":%s"), "RUN"},
      {"/api/v1/reports", report, "RUN"},
    };
    List<String> problems = new ArrayList<>();
    for (UserAccount attacker :
        List.of(
            fixtures.user(fixtures.operator("water"), Role.ORG_ADMIN),
            fixtures.user("c-gas", Role.ANALYST))) {
      Http api = http().bearer(fixtures.token(attacker));
      Map<String, String> before = snapshot(attacker.organisationId());
      for (String[] b : bodies) {
        Kind k = Kind.valueOf(b[2]);
        SamePath.Work<HttpResponse<String>> xw =
            SamePath.of(() -> api.postJson(b[0], b[1].formatted(ids.missing.get(k))));
        HttpResponse<String> x = xw.answer();
        for (String hidden : ids.hidden.get(k)) {
          SamePath.Work<HttpResponse<String>> hw =
              SamePath.of(() -> api.postJson(b[0], b[1].formatted(hidden)));
          HttpResponse<String> h = hw.answer();
          String where = attacker.login() + " POST " + b[0] + " " + b[1].formatted(hidden);
          sameWork(where, hw, xw, problems);
          compare(where, h, x, ids, problems);
          if (h.statusCode() < 400) {
            problems.add(where + ": accepted (" + h.statusCode() + ")");
          }
        }
      }
      problems.addAll(writesTookEffect(before, attacker.organisationId()));
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Every route that writes (any method but GET), with and without a path variable, called with a
   * signed-in session but without the CSRF token, as a page would be from another site: all 403,
   * nothing changed, the API's session-authenticated writes included.
   */
  @Test
  void noRouteWritesForASessionWithoutItsCsrfToken() {
    routes(); // every path variable known
    Organisation own = fixtures.operator("water");
    UserAccount user = fixtures.user(own, Role.ORG_ADMIN);
    Http page = http();
    page.signIn(user.login(), Fixtures.PASSWORD);
    Ids ids = new Ids();
    for (Kind k : Kind.values()) {
      ids.put(k, NEVER);
    }
    Map<String, String> before = snapshot(own.id());
    List<String> problems = new ArrayList<>();
    int calls = 0;
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      for (String p : info.getPathPatternsCondition().getPatternValues()) {
        if (p.startsWith("/taxii2/")) {
          continue; // tokens only, no cookie is honoured there
        }
        for (RequestMethod rm : info.getMethodsCondition().getMethods()) {
          if (rm == RequestMethod.GET || rm == RequestMethod.HEAD) {
            continue;
          }
          Route r = new Route(p, rm.name());
          String path = fill(p, ids, -1);
          HttpResponse<String> a =
              switch (rm.name()) {
                case "DELETE" -> page.delete(path);
                case "PUT" -> page.putJson(path, JSON);
                default ->
                    r.api()
                        ? page.postJson(path, JSON)
                        : page.postFormRaw(path, new LinkedHashMap<>(FORM));
              };
          calls++;
          if (a.statusCode() != 403) {
            problems.add(
                rm
                    + " "
                    + path
                    + " without the CSRF token: "
                    + a.statusCode()
                    + " "
                    + cut(a.body()));
          }
        }
      }
    }
    assertThat(writesTookEffect(before, own.id())).isEmpty();
    assertThat(problems).as("%d calls", calls).isEmpty();
  }

  /**
   * A colleague of a TLP:RED report's named recipient: NISC, on the report's route, but not named.
   * The report, its attachment and every action on them answer as for a report that never existed.
   */
  @Test
  void aRedReportsRecipientsColleagueLearnsNothingThroughAnyReportRoute() throws Exception {
    List<Route> routes = routes();
    String mark = Fixtures.unique("赤SWEEP");
    UserAccount bankUser = fixtures.user("op-sakura-bank", Role.ANALYST);
    UserAccount named = fixtures.user("nisc", Role.ANALYST);
    long report =
        filing.create(
            fixtures.actor(bankUser),
            new NewReport(
                content(mark + " 報告"),
                "hotline",
                null,
                false,
                "red",
                List.of(),
                List.of(),
                false,
                List.of(named.login()),
                null),
            true);
    Http bankApi = http().bearer(fixtures.token(bankUser));
    String at = "/api/v1/reports/" + report + "/attachments";
    HttpResponse<String> up =
        bankApi.upload(at, at, "file", mark + ".txt", mark.getBytes(StandardCharsets.UTF_8));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    Matcher am = Pattern.compile("\"id\":(\\d+)").matcher(up.body());
    assertThat(am.find()).isTrue();
    Ids ids = new Ids();
    ids.secrets.add(mark);
    ids.put(Kind.REPORT, NEVER, Long.toString(report));
    ids.put(Kind.ATTACHMENT, "4503599627370499", am.group(1));
    // the named recipient reads it: the report is real and on NISC's route
    Http namedApi = http().bearer(fixtures.token(named));
    assertThat(namedApi.get("/api/v1/reports/" + report).body()).contains(mark);

    UserAccount colleague = fixtures.user("nisc", Role.ANALYST);
    sweep("colleague", routes, ids, colleague);
  }

  /**
   * Calls every route whose main kind {@code ids} has, with each hidden id and with a missing one,
   * as {@code attacker} (pages with its session, the API and TAXII with a token of every scope).
   */
  private void sweep(String name, List<Route> routes, Ids ids, UserAccount attacker)
      throws Exception {
    Http page = http();
    page.signIn(attacker.login(), Fixtures.PASSWORD);
    String csrf = page.csrf("/");
    Http api = http().bearer(fixtures.token(attacker));

    Map<String, String> before = snapshot(attacker.organisationId());
    List<String> problems = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    StringBuilder work = new StringBuilder();
    int calls = 0;
    for (Route r : routes) {
      List<String> vars = new ArrayList<>();
      Matcher m = VARIABLE.matcher(r.pattern());
      while (m.find()) {
        vars.add(m.group(1));
      }
      // the hidden objects of the route's main kind (its last variable), one at a time
      Kind main = kind(r.pattern(), vars.get(vars.size() - 1));
      if (main == Kind.FIXED || !ids.hidden.containsKey(main)) {
        continue;
      }
      if (vars.stream()
          .anyMatch(
              v -> {
                Kind k = kind(r.pattern(), v);
                return k != Kind.FIXED && !ids.hidden.containsKey(k);
              })) {
        continue;
      }
      String missingPath = fill(r.pattern(), ids, -1);
      List<String> hidden = ids.hidden.get(main);
      for (int i = 0; i < hidden.size(); i++) {
        String hiddenPath = fill(r.pattern(), ids, i);
        for (boolean htmx :
            r.api() || !r.method().equals("GET")
                ? new boolean[] {false}
                : new boolean[] {false, true}) {
          SamePath.Work<HttpResponse<String>> hw =
              SamePath.of(() -> call(r, hiddenPath, page, api, csrf, htmx));
          SamePath.Work<HttpResponse<String>> xw =
              SamePath.of(() -> call(r, missingPath, page, api, csrf, htmx));
          HttpResponse<String> h = hw.answer();
          HttpResponse<String> x = xw.answer();
          calls += 2;
          String where = r.method() + " " + hiddenPath + (htmx ? " (htmx)" : "");
          String differs = sameWork(where, hw, xw, problems);
          if (differs != null) {
            work.append(r.method())
                .append(' ')
                .append(r.pattern())
                .append(htmx ? " (htmx)" : "")
                .append(" [")
                .append(main)
                .append(' ')
                .append(i)
                .append("]: ")
                .append(differs)
                .append('\n');
          }
          log.append(where)
              .append(" -> ")
              .append(h.statusCode())
              .append(" / missing ")
              .append(x.statusCode())
              .append(": ")
              .append(cut(x.body()).replace("\n", " "), 0, Math.min(120, cut(x.body()).length()))
              .append('\n');
          compare(where, h, x, ids, problems);
        }
      }
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "route-sweep-" + name + ".txt"), log.toString());
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "route-sweep-work-" + name + ".txt"), work.toString());
    problems.addAll(writesTookEffect(before, attacker.organisationId()));
    assertThat(problems)
        .as("%s: %d routes, %d calls; what a hidden object changed", name, routes.size(), calls)
        .isEmpty();
  }

  /**
   * What tells a hidden id from a missing one in a pair of answers: a 5xx, a different status, a
   * different body once the ids are written as {@code ID}, or a hidden text in the body or headers.
   */
  private static void compare(
      String where,
      HttpResponse<String> h,
      HttpResponse<String> x,
      Ids ids,
      List<String> problems) {
    if (h.statusCode() >= 500 || x.statusCode() >= 500) {
      problems.add(where + ": " + h.statusCode() + " / " + x.statusCode() + " (a 5xx)");
    } else if (h.statusCode() != x.statusCode()) {
      problems.add(
          where
              + ": status "
              + h.statusCode()
              + " for the hidden id, "
              + x.statusCode()
              + " for a missing one\n   hidden: "
              + cut(h.body())
              + "\n   missing: "
              + cut(x.body()));
    } else {
      String hb = normalised(h, ids);
      String xb = normalised(x, ids);
      if (!hb.equals(xb)) {
        problems.add(
            where
                + ": bodies differ\n   hidden: "
                + diff(hb, xb)
                + "\n   missing: "
                + diff(xb, hb));
      }
      // every header too (attack30b): caching validators (ETag, Last-Modified), htmx's HX-*, a
      // download's name and length
      String hh = headers(h, ids);
      String xh = headers(x, ids);
      if (!hh.equals(xh)) {
        problems.add(
            where
                + ": headers differ\n   hidden: "
                + diff(hh, xh)
                + "\n   missing: "
                + diff(xh, hh));
      }
    }
    for (String s : ids.secrets) {
      if (h.body().contains(s) || h.headers().toString().contains(s)) {
        problems.add(where + ": the answer carries the hidden '" + s + "'");
      }
    }
  }

  /**
   * Whether the hub did the same work for the hidden id as for the missing one (attack30b): the
   * same statements to PostgreSQL, in the same order ({@link SamePath}). Otherwise a problem is
   * added and the difference returned: an attacker timing many requests tells the two apart by the
   * extra round trips (a route that reads a hidden object's recipients before judging it).
   */
  private static String sameWork(
      String where,
      SamePath.Work<HttpResponse<String>> hidden,
      SamePath.Work<HttpResponse<String>> missing,
      List<String> problems) {
    String differs = SamePath.difference(hidden.statements(), missing.statements());
    if (differs != null) {
      problems.add(where + ": the hub did other work for the hidden id: " + differs);
    }
    return differs;
  }

  /** The tables whose rows changed since {@code before} (the sweep's writes that took effect). */
  private List<String> writesTookEffect(Map<String, String> before, long ownOrg) {
    Map<String, String> after = snapshot(ownOrg);
    List<String> changed = new ArrayList<>();
    // keys are tables, and single alerts (a new alert is the monitor's, see snapshot)
    for (String table : before.keySet()) {
      if (!before.get(table).equals(after.get(table))) {
        changed.add("a write took effect: table " + table + " changed during the sweep");
      }
    }
    return changed;
  }

  private static String cut(String s) {
    s = s.replaceAll("\\s+", " ");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** The first place where {@code a} differs from {@code b}, with a little context. */
  private static String diff(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 80);
    return "…" + a.substring(from, Math.min(a.length(), i + 160)).replaceAll("\\s+", " ") + "…";
  }

  private static final Pattern TOKENS =
      Pattern.compile(
          "(name=\"_csrf\" value=\"|<meta name=\"_csrf\" content=\"|nonce=\"|\"csrf\":\")[^\"]*\"");

  private static String normalised(HttpResponse<String> r, Ids ids) {
    String b = r.body() + "\nLocation: " + r.headers().firstValue("Location").orElse("");
    b = TOKENS.matcher(b).replaceAll("$1TOKEN\"");
    // longest first, so that no id is replaced inside a longer one
    List<String> all = new ArrayList<>(ids.normalise);
    all.sort((p, q) -> q.length() - p.length());
    for (String s : all) {
      b =
          Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(s) + "(?![0-9A-Za-z])")
              .matcher(b)
              .replaceAll("ID");
    }
    return b;
  }

  /**
   * The headers of an answer, but its date, a CSP nonce, the connection's own and its length: the
   * bodies are compared with their ids written {@code ID}, so equal bodies differ in length only by
   * the ids asked for.
   */
  private static String headers(HttpResponse<String> r, Ids ids) {
    java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
    r.headers()
        .map()
        .forEach(
            (name, values) -> {
              String n = name.toLowerCase(java.util.Locale.ROOT);
              // the connection's own headers: Tomcat closes a kept-alive connection after so many
              // requests, whichever they are
              if (n.equals("date")
                  || n.equals("content-length")
                  || n.equals("connection")
                  || n.equals("keep-alive")) {
                return;
              }
              out.put(n, String.join("\n", values).replaceAll("'nonce-[^']*'", "'nonce-X'"));
            });
    String all = out.toString();
    List<String> every = new ArrayList<>(ids.normalise);
    every.sort((p, q) -> q.length() - p.length());
    for (String s : every) {
      all =
          Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(s) + "(?![0-9A-Za-z])")
              .matcher(all)
              .replaceAll("ID");
    }
    return all;
  }

  /** The pattern with every variable filled: the {@code i}th hidden object, or missing ones. */
  static String fill(String pattern, Ids ids, int i) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Kind k = kind(pattern, m.group(1));
      String v;
      if (k == Kind.FIXED) {
        v =
            switch (m.group(1)) {
              case "root" -> "api";
              case "table" -> "sector";
              case "name" -> "incident-types";
              default -> "hub";
            };
      } else if (i < 0) {
        v = ids.missing.get(k);
      } else {
        List<String> h = ids.hidden.get(k);
        v = h.get(Math.min(i, h.size() - 1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    if (pattern.startsWith("/intel/objects/")) {
      // the indicator's page names the collection it is read from
      List<String> c = ids.hidden.get(Kind.COLLECTION);
      out.append("?collection=")
          .append(i < 0 || c == null ? ids.missing.get(Kind.COLLECTION) : c.get(0));
    }
    return out.toString();
  }

  static final String JSON =
      """
      {"body":"sweep","title":"sweep","kind":"followup","reason":"sweep","comment":"sweep",
       "note":"sweep","name":"sweep","action":"start","tlp":"green","outcome":"remediated",
       "state":"closed","status":"done","enabled":false,"role":"member","text":"sweep",
       "answers":[true,true],"lessons":"sweep","progress":"sweep","team":"t","login":"bank.analyst"}
      """;

  static final Map<String, String> FORM =
      Map.ofEntries(
          Map.entry("body", "sweep"),
          Map.entry("title", "sweep"),
          Map.entry("kind", "followup"),
          Map.entry("reason", "sweep"),
          Map.entry("comment", "sweep"),
          Map.entry("note", "sweep"),
          Map.entry("name", "sweep"),
          Map.entry("action", "start"),
          Map.entry("tlp", "green"),
          Map.entry("outcome", "remediated"),
          Map.entry("state", "closed"),
          Map.entry("status", "done"),
          Map.entry("enabled", "false"),
          Map.entry("role", "member"),
          Map.entry("text", "sweep"),
          Map.entry("version", "1"),
          Map.entry("lessons", "sweep"),
          Map.entry("progress", "sweep"),
          Map.entry("login", "bank.analyst"),
          Map.entry("expectation", "1-1"),
          Map.entry("team", "sweep"));

  static HttpResponse<String> call(
      Route r, String path, Http page, Http api, String csrf, boolean htmx) {
    Http who = r.api() ? api : page;
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (!r.method().equals("GET") && bare.endsWith("/attachments")) {
      // the upload itself, as multipart (an attachment of the hidden report)
      Map<String, String> fields = r.api() ? Map.of() : Map.of("_csrf", csrf);
      return who.uploadWith(
          r.api() ? path : "/", path, "file", "sweep.txt", "sweep".getBytes(), fields);
    }
    switch (r.method()) {
      case "GET":
        return htmx ? who.get(path, "HX-Request", "true") : who.get(path);
      case "DELETE":
        return who.delete(path);
      case "PUT":
        return who.putJson(path, json(bare));
      default:
        if (r.api()) {
          return who.postJson(path, json(bare));
        }
        Map<String, String> f = new LinkedHashMap<>(FORM);
        if (bare.endsWith("/members")) {
          f.put("role", "player");
        }
        f.put("_csrf", csrf);
        return who.postFormRaw(path, f);
    }
  }

  /** The JSON body for a route: the plausible fields of all, or the shape a route insists on. */
  static String json(String path) {
    if (path.endsWith("/survey")) {
      return "{\"answers\":{\"1\":\"sweep\"},\"named\":false}";
    }
    if (path.endsWith("/sites") && path.contains("/vantage-points/")) {
      return "{\"all\":true,\"siteIds\":[]}";
    }
    if (path.endsWith("/members")) {
      return JSON.replace("\"role\":\"member\"", "\"role\":\"player\"");
    }
    return JSON;
  }

  /** Row fingerprints of the tables the sweep could write to (not the attacker's own rows). */
  private Map<String, String> snapshot(long ownOrg) {
    String[] tables = {
      "report",
      "report_version",
      "report_hop",
      "report_comment",
      "report_attachment",
      "report_relay_attachment",
      "report_redaction_term",
      "advisory",
      "advisory_version",
      "advisory_recipient",
      "advisory_draft",
      "c4tap_submission",
      "exercise_scenario",
      "exercise_run",
      "exercise_member",
      "exercise_mark",
      "exercise_issue",
      "exercise_issue_progress",
      "exercise_lesson",
      "exercise_survey",
      "exercise_survey_answer",
      "exercise_drill",
      "exercise_drill_selfcheck",
      "stix_object",
      "stix_collection",
      "taxii_feed",
      "monitor_site",
      "monitor_vantage",
      "monitor_vantage_site",
      "notice",
      "notice_participation",
      "exposure_scope",
      "discovery_asset",
      "exposure_finding",
      "exposure_finding_state",
      "exposure_finding_event",
      "exposure_notice",
      "exposure_notice_reader",
      "organisation",
      "organisation_identity",
      "warning_list_entry"
    };
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : tables) {
      // a site's state columns are the monitor's own writes (below)
      String row =
          t.equals("monitor_site")
              ? "(to_jsonb(x) - 'state' - 'regional' - 'state_since')::text"
              : "x::text";
      out.put(
          t,
          jdbc.sql(
                  "select md5(coalesce(string_agg("
                      + row
                      + ", '|' order by "
                      + row
                      + "), '')) from "
                      + t
                      + " x")
              .query(String.class)
              .single());
    }
    // Every test context of this JVM shares one database, and a cached context with the probe
    // schedule on keeps probing the sites it knows while this test runs (this class's own context
    // has it off): its probes change a site's state, raise new alerts and clear open ones. Those
    // are the hub's writes, not the attacker's; every alert that existed before is compared by
    // row (so one deleted or changed by a route is caught), its clearing time aside.
    jdbc.sql("select id, (to_jsonb(x) - 'cleared_at')::text from monitor_alert x")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> out.put("monitor_alert " + rs.getLong(1), rs.getString(2)));
    out.put(
        "app_user",
        jdbc.sql(
                "select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from app_user"
                    + " x where organisation_id <> ?")
            .param(ownOrg)
            .query(String.class)
            .single());
    out.put(
        "api_token",
        jdbc.sql(
                "select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from"
                    + " api_token x where user_id not in (select id from app_user where"
                    + " organisation_id = ?)")
            .param(ownOrg)
            .query(String.class)
            .single());
    return out;
  }

  private long one(String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new AssertionError("no hidden object for the sweep: " + sql));
  }

  static ReportContent content(String title) {
    return Fixtures.reportContent(title);
  }

  /** Objects of every kind that belong to others and that the attacker may not see. */
  private Ids hiddenObjects() throws Exception {
    Ids ids = new Ids();
    String mark = Fixtures.unique("秘匿SWEEP");
    ids.secrets.add(mark);
    Organisation bank = directory.organisation("op-sakura-bank");
    UserAccount bankUser = fixtures.user(bank, Role.ANALYST);
    Actor bankActor = fixtures.actor(bankUser);
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    Actor nisc = fixtures.actor(niscUser);
    Http bankApi = http().bearer(fixtures.token(bankUser));

    // reports: one sent to NISC alone (TLP:AMBER on the hotline), one a draft
    long report =
        filing.create(
            bankActor,
            new NewReport(
                content(mark + " 報告"),
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
    long draft =
        filing.create(
            bankActor,
            new NewReport(
                content(mark + " 下書き"),
                "hotline",
                null,
                false,
                "amber",
                List.of(),
                List.of(),
                false,
                List.of(),
                null),
            false);
    ids.put(Kind.REPORT, NEVER, Long.toString(report), Long.toString(draft));
    String at = "/api/v1/reports/" + report + "/attachments";
    HttpResponse<String> up =
        bankApi.upload(
            at, at, "file", mark + ".txt", ("ログ " + mark).getBytes(StandardCharsets.UTF_8));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    Matcher am = Pattern.compile("\"id\":(\\d+)").matcher(up.body());
    assertThat(am.find()).isTrue();
    ids.put(Kind.ATTACHMENT, "4503599627370499", am.group(1));

    // an advisory to the bank alone, and a draft of NISC's
    long advisory =
        advisories.issue(
            nisc,
            new NewAdvisory(
                mark + " 情報提供",
                "本文 " + mark,
                null,
                List.of(),
                List.of(),
                "amber_strict",
                false,
                List.of(),
                List.of(),
                List.of("op-sakura-bank"),
                null,
                null,
                null));
    long advisoryDraft =
        one(
            "insert into advisory_draft (issuer_org_id, created_by, title, body) values (?,?,?,?)"
                + " returning id",
            niscUser.organisationId(),
            niscUser.id(),
            mark + " 下書き",
            "本文");
    ids.put(Kind.ADVISORY, NEVER, Long.toString(advisory));
    ids.put(Kind.ADVISORY_DRAFT, NEVER, Long.toString(advisoryDraft));

    // C4TAP: a draft and a share under RED
    String eml =
        "From: attacker@evil.example\r\nTo: staff@sakura-bank.example\r\nSubject: "
            + mark
            + "\r\nMessage-ID: <"
            + UUID.randomUUID()
            + "@evil.example>\r\nDate: Tue, 1 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhttp://login.evil.example/\r\n";
    var c4Draft =
        c4tap.draft(
            bankActor, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)), "red");
    var c4Shared =
        c4tap.draft(
            bankActor, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)), "red");
    c4tap.send(bankActor, c4Shared.id());
    ids.put(Kind.C4TAP, "987654321", Long.toString(c4Draft.id()), Long.toString(c4Shared.id()));

    // exercises: NISC's demo scenario, runs and issues; a drill of the finance sector
    long scenario = one("select min(id) from exercise_scenario");
    ids.put(Kind.SCENARIO, NEVER, Long.toString(scenario));
    List<Long> runs =
        jdbc.sql("select id from exercise_run order by created_at limit 2")
            .query(Long.class)
            .list();
    assertThat(runs).isNotEmpty();
    ids.put(Kind.RUN, NEVER, runs.stream().map(String::valueOf).toArray(String[]::new));
    for (long run : runs) {
      ids.secrets.add(
          jdbc.sql("select title from exercise_run where id = ?")
              .param(run)
              .query(String.class)
              .single());
    }
    long drill = drills.start(nisc, "liaison", List.of("finance"));
    ids.put(Kind.DRILL, NEVER, Long.toString(drill));
    long issue =
        one(
            "insert into exercise_issue (run_id, title, owner_org_id, due_on) values (?,?,?,"
                + " current_date + 30) returning id",
            runs.get(0),
            mark + " 課題",
            bank.id());
    ids.put(Kind.ISSUE, "987654321", Long.toString(issue));

    // STIX: an indicator in the bank's own collection, posted over TAXII (and its status)
    String collection =
        jdbc.sql(
                "select id::text from stix_collection where kind = 'organisation' and"
                    + " organisation_id = ?")
            .param(bank.id())
            .query(String.class)
            .single();
    String indicator = "indicator--" + UUID.randomUUID();
    String object =
        """
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-11-01T00:00:00.000Z",
         "modified":"2026-11-01T00:00:00.000Z","name":"%s","pattern_type":"stix",
         "pattern":"[domain-name:value = '%s.example']","valid_from":"2026-11-01T00:00:00Z",
         "object_marking_refs":["%s"]}
        """
            .formatted(indicator, mark, "c2-" + UUID.randomUUID(), StixSamples.AMBER_STRICT);
    HttpResponse<String> posted =
        bankApi.postBytes(
            "/taxii2/api/collections/" + collection + "/objects/",
            "application/taxii+json;version=2.1",
            ("{\"objects\":[" + object + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    Matcher sm = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(posted.body());
    assertThat(sm.find()).as(posted.body()).isTrue();
    ids.put(Kind.STIX, "indicator--" + UUID.randomUUID(), indicator);
    ids.put(Kind.COLLECTION, UUID.randomUUID().toString(), collection);
    ids.put(Kind.TAXII_STATUS, UUID.randomUUID().toString(), sm.group(1));

    // a feed (platform administrators only)
    UserAccount admin = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    String hub =
        jdbc.sql("select id::text from stix_collection where kind = 'hub' limit 1")
            .query(String.class)
            .single();
    HttpResponse<String> feed =
        http()
            .bearer(fixtures.token(admin))
            .postJson(
                "/api/v1/feeds",
                """
                {"name":"%s","apiRoot":"https://feeds.example/taxii2/api/",
                 "remoteCollection":"%s","authKind":"none","localCollection":"%s"}
                """
                    .formatted(mark, UUID.randomUUID(), hub));
    assertThat(feed.statusCode()).as(feed.body()).isEqualTo(201);
    Matcher fm = Pattern.compile("\"id\":(\\d+)").matcher(feed.body());
    assertThat(fm.find()).isTrue();
    ids.put(Kind.FEED, "987654321", fm.group(1));

    // the web monitor: a site whose state and detail are the owner's alone, an alert of it
    long site =
        one(
            "select min(id) from monitor_site where state_tlp = 'amber_strict' and detail_tlp ="
                + " 'amber_strict'");
    long alert =
        one(
            "insert into monitor_alert (site_id, kind, raised_at, cleared_at, detail) values (?, 'down', now(),"
                + " now(), ?) returning id",
            site,
            mark);
    ids.put(Kind.SITE, "987654321", Long.toString(site));
    ids.put(Kind.ALERT, "987654321", Long.toString(alert));
    ids.put(Kind.VANTAGE, "987654321", Long.toString(one("select min(id) from monitor_vantage")));

    // people and tokens of the bank
    fixtures.token(bankUser);
    ids.put(Kind.USER, "987654321", Long.toString(bankUser.id()));
    ids.put(
        Kind.TOKEN,
        "987654321",
        Long.toString(one("select min(id) from api_token where user_id = ?", bankUser.id())));

    // NOTICE and exposure of the bank
    ids.put(
        Kind.NOTICE,
        NEVER,
        Long.toString(one("select min(id) from notice where holder_id <> ?", bank.id())));
    ids.put(
        Kind.SCOPE,
        NEVER,
        Long.toString(
            one(
                "insert into exposure_scope (organisation_id, kind, value, token, declared_by)"
                    + " values (?, 'domain', ?, 'sweep-token', 'bank') returning id",
                bank.id(),
                mark.toLowerCase().replaceAll("[^a-z0-9-]", "") + "-scope.example")));
    ids.put(
        Kind.DISCOVERED,
        NEVER,
        Long.toString(
            one(
                "insert into discovery_asset (organisation_id, kind, value) values (?, 'host', ?)"
                    + " returning id",
                bank.id(),
                "host-" + UUID.randomUUID() + ".example")));
    ids.put(
        Kind.FINDING,
        NEVER,
        Long.toString(
            one("select min(id) from exposure_finding where organisation_id = ?", bank.id())));
    ids.put(
        Kind.EXPOSURE_NOTICE,
        NEVER,
        Long.toString(
            one(
                "insert into exposure_notice (organisation_id, cve_id, findings) values (?, ?, 1)"
                    + " returning id",
                bank.id(),
                "CVE-2099-" + (100000 + (int) (Math.random() * 800000)))));

    // organisations are public: the bank against an organisation with nothing
    String twinCode = Fixtures.unique("twin");
    Organisation twin =
        directory.create(
            Actor.cli(),
            new jp.renkei.server.directory.NewOrganisation(
                twinCode,
                "双子事業者 " + twinCode,
                "Twin operator " + twinCode,
                "operator",
                "finance",
                null,
                null,
                List.of("c-bank")));
    ids.hidden.put(Kind.ORGANISATION, List.of(Long.toString(bank.id())));
    ids.missing.put(Kind.ORGANISATION, Long.toString(twin.id()));
    ids.hidden.put(Kind.ORGANISATION_CODE, List.of(bank.code()));
    ids.missing.put(Kind.ORGANISATION_CODE, twin.code());
    for (Organisation o : List.of(bank, twin)) {
      ids.normalise.addAll(List.of(Long.toString(o.id()), o.code(), o.nameJa(), o.nameEn()));
    }
    // an uploaded message the bank's analyst holds to share from its verdict
    String heldKey =
        held.hold(
            bankActor,
            "sweep.eml",
            ("From: a@bank.example\r\nSubject: " + mark + "\r\n\r\n" + mark + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(heldKey).isNotNull();
    ids.put(Kind.HELD, "AAAAAAAAAAAAAAAAAAAAAAAA", heldKey);
    for (Kind k : Kind.values()) {
      if (k != Kind.FIXED) {
        assertThat(ids.hidden).as("a hidden object of kind " + k).containsKey(k);
      }
    }
    return ids;
  }
}
