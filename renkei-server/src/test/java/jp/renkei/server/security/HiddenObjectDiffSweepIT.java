package jp.renkei.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.report.NewReport;
import jp.renkei.server.report.ReportFilingService;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.StixSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Oracles by difference: an organisation administrator and an analyst of an operator that takes
 * part in nothing, another sector's CEPTOAR and ministry and a response agency read every page
 * (also as an htmx swap) and API answer that takes no id (lists, totals, pagers, counts, dashboards
 * and their CSV, search, the work queue, TAXII collections and manifests with their headers),
 * plain, searched for a word and a host and sorted; then another organisation files reports
 * (TLP:AMBER to NISC, a draft, TLP:RED to a named person, GREEN scoped to its own sector) with an
 * attachment and a comment, registers a monitored site that is its own alone, receives an
 * AMBER+STRICT advisory from NISC, shares a C4TAP lure under RED and posts an AMBER+STRICT
 * indicator in the hub collection; and they read everything again. Every answer must be the same,
 * byte for byte once what changes by itself (CSRF tokens, sealed cursors; outside TAXII, the times
 * of day pages show) is set aside: a total, a page count, a sort order, a header or a length that
 * moved tells the reader that something it may not see exists. TAXII answers are compared whole,
 * their {@code X-TAXII-Date-Added-*} headers included.
 */
class HiddenObjectDiffSweepIT extends ServerTest {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired ReportFilingService filing;
  @Autowired AdvisoryService advisories;
  @Autowired C4tapService c4tap;
  @Autowired jp.renkei.server.monitor.MonitorService monitor;
  @Autowired JdbcClient jdbc;
  @Autowired jp.renkei.server.directory.DirectoryService directory;

  /** Routes whose answer is the reader's own doing or the clock's, not others' objects. */
  static final Set<String> OWN =
      Set.of("/logout", "/api/v1/probe/assignments", "/api/v1/me", "/me");

  @Test
  void noAnswerChangesWhenOthersAddObjectsTheReaderMayNotSee() throws Exception {
    Organisation own = fixtures.operator("water");
    UserAccount admin = fixtures.user(own, Role.ORG_ADMIN);
    UserAccount analyst = fixtures.user(own, Role.ANALYST);
    Organisation bank = directory.organisation("op-sakura-bank");
    UserAccount bankUser = fixtures.user(bank, Role.ANALYST);
    UserAccount niscUser = fixtures.user("nisc", Role.ANALYST);
    UserAccount niscReader = fixtures.user("nisc", Role.ANALYST);
    String bankToken = fixtures.token(bankUser);
    String word = Fixtures.unique("差分秘匿").replace("-", "");
    // short enough that the answers' token mask (32 characters or more) never hides it
    String host = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    List<String> paths = paths();
    Map<String, Reader> readers = new LinkedHashMap<>();
    // and readers with more to read: another sector's CEPTOAR and ministry, a response agency
    List<UserAccount> others =
        List.of(
            fixtures.user("c-gas", Role.ANALYST),
            fixtures.user("mlit", Role.ANALYST),
            fixtures.user("npa", Role.ANALYST));
    for (UserAccount u : concat(List.of(admin, analyst), others)) {
      Http page = http();
      page.signIn(u.login(), Fixtures.PASSWORD);
      readers.put(u.login(), new Reader(page, http().bearer(fixtures.token(u))));
    }
    List<String> queries =
        List.of(
            "",
            "?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
            "?q=" + host,
            "?sort=title&dir=asc",
            "?sort=tlp&dir=desc");

    Map<String, String> first = read(readers, paths, queries, Set.of());
    // a route that ignores a query answers it as it answers the plain path: that pair is read
    // again only plain (an answer that changes with the hidden objects changes there too)
    Set<String> ignored = new HashSet<>();
    first.forEach(
        (key, answer) -> {
          int q = key.indexOf('?');
          if (q > 0 && answer.equals(first.get(key.substring(0, q)))) {
            ignored.add(key);
          }
        });
    Map<String, String> second = read(readers, paths, queries, ignored);

    hide(bank, bankUser, bankToken, niscUser, niscReader, word, host);

    Map<String, String> after = read(readers, paths, queries, ignored);
    List<String> changed = new ArrayList<>();
    int unstable = 0;
    for (Map.Entry<String, String> e : second.entrySet()) {
      String key = e.getKey();
      // a page may show the minute it was made (the work queue's "as of", a form's default time,
      // a token's last use); TAXII answers carry only the objects' own times, compared as they are
      boolean stable = key.contains(" /taxii2/") && e.getValue().equals(first.get(key));
      String before = stable ? e.getValue() : clock(e.getValue());
      String now = stable ? after.get(key) : clock(after.get(key));
      if (key.contains("/monitor")) {
        before = probed(before);
        now = probed(now);
      }
      if (!stable) {
        unstable++;
      }
      if (!before.equals(now)) {
        changed.add(key + ":\n" + diff(before, now));
      }
      // a query is echoed in its own answer (the search box); elsewhere the words never show
      String whole = after.get(key);
      if (!key.contains("?q=") && (whole.contains(word) || whole.contains(host))) {
        changed.add(key + ": shows a hidden object's word");
      }
    }
    long ok = second.values().stream().filter(a -> a.startsWith("200\n")).count();
    assertThat(ok).as("answers read (200)").isGreaterThan(second.size() / 2);
    assertThat(changed)
        .as(
            "%d answers compared (%d more answered as their plain path), %d with the clock set aside",
            second.size(), ignored.size(), unstable)
        .isEmpty();

    // the comparison sees what it should: a GREEN report of the bank's for the whole community
    report(fixtures.actor(bankUser), word + " 共有", "green", List.of(), List.of(), true);
    Reader r = readers.get(analyst.login());
    assertThat(answer(r.page().get("/reports")))
        .isNotEqualTo(after.get(analyst.login() + " GET /reports"));
    assertThat(answer(r.api().get("/api/v1/reports", "Accept", "application/json")))
        .isNotEqualTo(after.get(analyst.login() + " GET /api/v1/reports"));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private record Reader(Http page, Http api) {}

  private List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      for (String p : info.getPathPatternsCondition().getPatternValues()) {
        if (!p.contains("{") && !OWN.contains(p)) {
          paths.add(p);
        }
      }
    }
    for (String t : List.of("sector", "incident-type", "cause", "latency")) {
      paths.add("/dashboard/" + t + ".csv");
    }
    for (String c :
        jdbc.sql(
                "select id::text from stix_collection where kind in ('hub', 'advisories') or"
                    + " sector_code = 'water'")
            .query(String.class)
            .list()) {
      paths.add("/taxii2/api/collections/" + c + "/objects/");
      paths.add("/taxii2/api/collections/" + c + "/manifest/");
      paths.add("/taxii2/api/collections/" + c + "/");
    }
    assertThat(paths).hasSizeGreaterThan(60);
    paths.sort(null);
    return paths;
  }

  /** Every answer, keyed by reader, path and query: status, the headers that matter, the body. */
  private static Map<String, String> read(
      Map<String, Reader> readers, List<String> paths, List<String> queries, Set<String> skip) {
    Map<String, String> out = new TreeMap<>();
    readers.forEach(
        (login, r) -> {
          for (String p : paths) {
            boolean api = p.startsWith("/api/") || p.startsWith("/taxii2/");
            for (String q : queries) {
              if (skip.contains(login + " GET " + p + q)) {
                continue;
              }
              HttpResponse<String> res =
                  api
                      ? r.api()
                          .get(
                              p + q,
                              "Accept",
                              p.startsWith("/taxii2/")
                                  ? "application/taxii+json;version=2.1"
                                  : "application/json")
                      : r.page().get(p + q);
              out.put(login + " GET " + p + q, answer(res));
              if (!api && q.isEmpty()) {
                out.put(
                    login + " GET (htmx) " + p,
                    answer(r.page().get(p, "HX-Request", "true", "HX-Current-URL", p)));
              }
            }
          }
        });
    return out;
  }

  private static String answer(HttpResponse<String> r) {
    StringBuilder s = new StringBuilder().append(r.statusCode()).append('\n');
    new TreeMap<>(r.headers().map())
        .forEach(
            (name, values) -> {
              String n = name.toLowerCase(java.util.Locale.ROOT);
              // hop-by-hop headers (RFC 9110 §7.6.1) tell of the connection, not the answer:
              // Tomcat closes a kept-alive connection after its 100th request, wherever that falls
              if (!n.equals("date")
                  && !n.equals("set-cookie")
                  && !n.equals("keep-alive")
                  && !n.equals("connection")) {
                s.append(n).append(": ").append(values).append('\n');
              }
            });
    return tokens(s.append('\n').append(r.body()).toString());
  }

  /** Random per answer: CSRF tokens (XOR-masked anew each time), sealed cursors, nonces. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/]{32,}={0,2}");

  private static String tokens(String s) {
    return TOKEN.matcher(s).replaceAll("TOKEN");
  }

  private static final Pattern TIME =
      Pattern.compile(
          "\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}日?(?:[T ]?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?"
              + "(?:Z|[+-]\\d{2}:?\\d{2})?|\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b"
              + "|(?:\\d+\\s*(?:秒|分|時間|日)\\s*)+(?:前|経過)"
              + "|(?:\\d+\\s*(?:s|sec|min|h|d|seconds?|minutes?|hours?|days?)\\s*)+ago");

  /** For an answer that differed between two reads with nothing added: its times set aside. */
  private static String clock(String s) {
    return TIME.matcher(s).replaceAll("TIME");
  }

  private static final Pattern MONITOR_COUNTS =
      Pattern.compile(
          "<td class=\"sites\">\\d+</td>|<nav class=\"pager\" id=\"site-pager\".*?</nav>",
          Pattern.DOTALL);

  /**
   * What of a monitor answer is compared: its status and headers (the API's {@code X-Total-Count}
   * and {@code Link}), each sector's count of sites and the site list's pager (its total). In the
   * full verify other ITs' sites are still probed while this test reads: their states, the order
   * they are listed in (the last change first), which fifty make the first page, the heat map and
   * the alerts go on changing between the reads (at 1b95f9a2 and cd5ce36a). A hidden site listed
   * changes a count; its name or address shown anywhere fails the word check on the whole answer.
   * Not compared here: a count of alerts alone.
   */
  private static String probed(String s) {
    int body = s.indexOf("\n\n");
    StringBuilder out =
        new StringBuilder(body < 0 ? s : ETAG.matcher(s.substring(0, body)).replaceAll("").strip());
    Matcher m = MONITOR_COUNTS.matcher(body < 0 ? "" : s.substring(body));
    while (m.find()) {
      out.append('\n').append(m.group());
    }
    return out.toString();
  }

  private static final Pattern ETAG = Pattern.compile("(?m)^(?:etag|content-length): .*$");

  private static String diff(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 240);
    return "  before: …"
        + a.substring(from, Math.min(a.length(), i + 240)).replaceAll("\\s+", " ")
        + "\n  after:  …"
        + b.substring(from, Math.min(b.length(), i + 240)).replaceAll("\\s+", " ");
  }

  /** Objects of the bank and NISC that an unrelated operator may not see, nor learn exist. */
  private void hide(
      Organisation bank,
      UserAccount bankUser,
      String bankToken,
      UserAccount niscUser,
      UserAccount niscReader,
      String word,
      String host)
      throws Exception {
    Actor bankActor = fixtures.actor(bankUser);
    Actor nisc = fixtures.actor(niscUser);
    long amber = report(bankActor, word + " 琥珀", "amber", List.of(), List.of(), true);
    report(bankActor, word + " 下書き", "amber", List.of(), List.of(), false);
    report(bankActor, word + " 赤", "red", List.of(), List.of(niscReader.login()), true);
    report(bankActor, word + " 緑", "green", List.of("finance"), List.of(), true);
    String at = "/api/v1/reports/" + amber + "/attachments";
    HttpResponse<String> up =
        http()
            .bearer(bankToken)
            .upload(at, at, "file", word + ".txt", word.getBytes(StandardCharsets.UTF_8));
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    HttpResponse<String> comment =
        http()
            .bearer(fixtures.token(niscUser))
            .postJson(
                "/api/v1/reports/" + amber + "/comments", "{\"body\":\"確認しました " + word + "\"}");
    assertThat(comment.statusCode()).as(comment.body()).isBetween(200, 201);
    advisories.issue(
        nisc,
        new NewAdvisory(
            word + " 情報提供",
            "本文 " + word,
            null,
            List.of(host),
            List.of(),
            "amber_strict",
            false,
            List.of(),
            List.of(),
            List.of(bank.code()),
            null,
            null,
            null));
    String eml =
        "From: attacker@"
            + host
            + "\r\nTo: staff@sakura-bank.example\r\nSubject: "
            + word
            + "\r\nMessage-ID: <"
            + UUID.randomUUID()
            + "@evil.example>\r\nDate: Tue, 1 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nhttp://"
            + host
            + "/login\r\n";
    var shared =
        c4tap.draft(
            bankActor, new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)), "red");
    c4tap.send(bankActor, shared.id());
    // a monitored site whose state and details are the bank's alone
    monitor.register(
        bankActor,
        new jp.renkei.server.monitor.NewSite(
            word + " 監視",
            "https://" + host + "/",
            200,
            null,
            300,
            "amber_strict",
            "amber_strict",
            false,
            false,
            null));
    String hub =
        jdbc.sql("select id::text from stix_collection where kind = 'hub' limit 1")
            .query(String.class)
            .single();
    String object =
        """
        {"type":"indicator","spec_version":"2.1","id":"indicator--%s","created":"2026-11-01T00:00:00.000Z",
         "modified":"2026-11-01T00:00:00.000Z","name":"%s","pattern_type":"stix",
         "pattern":"[domain-name:value = '%s']","valid_from":"2026-11-01T00:00:00Z",
         "object_marking_refs":["%s"]}
        """
            .formatted(UUID.randomUUID(), word, host, StixSamples.AMBER_STRICT);
    HttpResponse<String> posted =
        http()
            .bearer(bankToken)
            .postBytes(
                "/taxii2/api/collections/" + hub + "/objects/",
                "application/taxii+json;version=2.1",
                ("{\"objects\":[" + object + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
  }

  private long report(
      Actor actor,
      String title,
      String tlp,
      List<String> sectors,
      List<String> recipients,
      boolean submit) {
    return filing.create(
        actor,
        new NewReport(
            RouteSweepLeakIT.content(title),
            "hotline",
            null,
            false,
            tlp,
            sectors,
            List.of(),
            false,
            recipients,
            null),
        submit);
  }
}
