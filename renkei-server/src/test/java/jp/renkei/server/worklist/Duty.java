package jp.renkei.server.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;

/**
 * One person on duty, as the work-queue tests drive them: writes through the REST API with their
 * own token (the real filing, routing, relay and advisory paths), reads the queue and the counts
 * through their signed-in browser session.
 */
final class Duty {

  static final List<String> SECTIONS =
      List.of("reports", "confirm", "mine", "comments", "deliveries", "feeds");
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  final UserAccount person;
  final Http api;
  final Http web;

  Duty(UserAccount person, Http api, Http web) {
    this.person = person;
    this.api = api;
    this.web = web;
    HttpResponse<String> r = web.signIn(person.login(), Fixtures.PASSWORD);
    assertThat(r.statusCode()).as(person.login()).isEqualTo(302);
  }

  String login() {
    return person.login();
  }

  /** A report filed and submitted; {@code extra} adds JSON fields (route, scope, ...). */
  long file(String route, String tlp, String extra, String title) {
    String body =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"勘定系への不審な通信を検知。\","
            + "\"occurredAt\":\"2026-11-20T00:10:00Z\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"yes\","
            + "\"severity\":\"level3\",\"cascadePossibility\":\"unknown\",\"reportingCase\":\"case2\","
            + "\"observables\":[]},\"route\":\""
            + route
            + "\",\"tlp\":\""
            + tlp
            + "\""
            + extra
            + "}";
    return id(api.postJson("/api/v1/reports?submit=true", body), 201);
  }

  long draft(String title) {
    String body =
        "{\"content\":{\"title\":\""
            + title
            + "\",\"summary\":\"下書き\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
            + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
            + "\"severity\":\"level1\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
            + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"green\"}";
    return id(api.postJson("/api/v1/reports?submit=false", body), 201);
  }

  void read(long report) {
    ok(api.postJson("/api/v1/reports/" + report + "/read", "{}"));
  }

  void forward(long report) {
    ok(api.postJson("/api/v1/reports/" + report + "/forward", "{}"));
  }

  void comment(long report, String body) {
    ok(api.postJson("/api/v1/reports/" + report + "/comments", "{\"body\":\"" + body + "\"}"));
  }

  long relay(long report, int version) {
    ok(api.get("/api/v1/reports/" + report + "/anonymisation"));
    HttpResponse<String> r =
        api.postJson(
            "/api/v1/reports/" + report + "/relay",
            "{\"extraTerms\":[],\"version\":" + version + "}");
    ok(r);
    Matcher m = Pattern.compile("\"relayedAs\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** An advisory issued to the named organisations (codes), at {@code tlp}. */
  long advise(String tlp, String title, String... organisations) {
    String orgs = String.join("\",\"", organisations);
    return id(
        api.postJson(
            "/api/v1/advisories",
            "{\"title\":\""
                + title
                + "\",\"body\":\"対策を確認してください。\",\"tlp\":\""
                + tlp
                + "\",\"organisations\":[\""
                + orgs
                + "\"]}"),
        201);
  }

  void acknowledge(long advisory) {
    ok(api.postJson("/api/v1/advisories/" + advisory + "/acknowledge", "{}"));
  }

  /** The queue fragment the home page polls. */
  String queue() {
    HttpResponse<String> r = web.get("/worklist");
    assertThat(r.statusCode()).as(login()).isEqualTo(200);
    return r.body();
  }

  /** The navigation's counts fragment. */
  String countsFragment() {
    HttpResponse<String> r = web.get("/worklist/counts");
    assertThat(r.statusCode()).as(login()).isEqualTo(200);
    return r.body();
  }

  /** Every number the person is shown: nav total and inbox, and each section of the queue. */
  Map<String, Integer> counts() {
    String nav = countsFragment();
    String queue = queue();
    Map<String, Integer> all = new LinkedHashMap<>();
    all.put("nav", number(nav, "nav-work-count"));
    all.put("inbox", number(nav, "nav-inbox-count"));
    int sum = 0;
    for (String s : SECTIONS) {
      Integer n = numberOrNull(queue, "wl-" + s + "-count");
      if (n != null) {
        all.put(s, n);
        sum += n;
      }
    }
    assertThat(all.get("nav")).as(login() + ": the nav counts the queue").isEqualTo(sum);
    assertThat(all.get("inbox"))
        .as(login() + ": the inbox count is the reports and advisories sections")
        .isEqualTo(all.get("reports") + all.get("confirm"));
    return all;
  }

  static int number(String html, String id) {
    Integer n = numberOrNull(html, id);
    assertThat(n).as(id + " in " + html).isNotNull();
    return n;
  }

  static Integer numberOrNull(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)\\+?<").matcher(html);
    return m.find() ? Integer.parseInt(m.group(1)) : null;
  }

  private static long id(HttpResponse<String> r, int... statuses) {
    assertThat(r.statusCode()).as(r.body()).isIn(box(statuses));
    Matcher m = ID.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static Object[] box(int[] s) {
    Object[] o = new Object[s.length];
    for (int i = 0; i < s.length; i++) {
      o[i] = s[i];
    }
    return o;
  }

  private static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
  }
}
