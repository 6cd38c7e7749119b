package jp.renkei.server.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * The adversary's view of identifiers (issue 12, item 5): ids in URLs and API bodies are random, so
 * the ids a reader sees neither order the objects nor count the ones it may not see.
 */
class RandomIdsIT extends ServerTest {

  static final long LOW = 1L << 52;
  static final long HIGH = 1L << 53;
  static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  Http api(UserAccount u) {
    return http().bearer(fixtures.token(u));
  }

  Http browser(UserAccount u) {
    Http b = http();
    b.signIn(u.login(), jp.renkei.server.support.Fixtures.PASSWORD);
    return b;
  }

  static List<Long> reversed(List<Long> ids) {
    List<Long> out = new ArrayList<>(ids);
    java.util.Collections.reverse(out);
    return out;
  }

  static long idOf(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\":(\\d{16})[,}]").matcher(created.body());
    assertThat(m.find()).as("a 16-digit JSON number: " + created.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** The ids in a list body, in the order listed, that are among {@code ours}. */
  static List<Long> listed(String body, List<Long> ours) {
    List<Long> out = new ArrayList<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      long id = Long.parseLong(m.group(1));
      if (ours.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  static String report(String title) {
    return "{\"content\":{\"title\":\""
        + title
        + "\",\"summary\":\"不審な通信を検知。\",\"detectedAt\":\"2026-11-20T00:30:00Z\","
        + "\"incidentType\":\"unavailability\",\"causes\":[\"ddos\"],\"serviceOutage\":\"no\","
        + "\"severity\":\"level1\",\"cascadePossibility\":\"no\",\"reportingCase\":\"case3\","
        + "\"observables\":[]},\"route\":\"hotline\",\"tlp\":\"amber_strict\"}";
  }

  /** Random, 16 digits, JSON-safe; in filing order neither increasing nor decreasing; far apart. */
  static void assertCountNothing(List<Long> inFilingOrder) {
    assertThat(inFilingOrder).doesNotHaveDuplicates();
    for (long id : inFilingOrder) {
      assertThat(id).isBetween(LOW, HIGH - 1);
    }
    // n random ids come out sorted (either way) with probability 2/n!: 8.3 % for four, so the
    // order is judged only on lists long enough for chance not to decide (2/8! = 0.005 %)
    if (inFilingOrder.size() >= 8) {
      assertThat(inFilingOrder)
          .isNotEqualTo(inFilingOrder.stream().sorted().toList())
          .isNotEqualTo(inFilingOrder.stream().sorted((a, b) -> Long.compare(b, a)).toList());
    }
    for (int i = 0; i < inFilingOrder.size(); i++) {
      for (int j = i + 1; j < inFilingOrder.size(); j++) {
        assertThat(Math.abs(inFilingOrder.get(i) - inFilingOrder.get(j)))
            .as("ids filed one after another are not neighbours")
            .isGreaterThan(1L << 20);
      }
    }
  }

  @Test
  void reportIdsAreRandomAndTheReadersListIsNewestFirstWithoutCountingItsHiddenNeighbours() {
    UserAccount reader = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    UserAccount other = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    List<Long> filed = new ArrayList<>();
    List<Long> own = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // every other one is filed by another operator, AMBER+STRICT on the hotline: the reader may
      // not see it, and must not be able to count it between its own
      UserAccount author = i % 2 == 0 ? reader : other;
      long id = idOf(api(author).postJson("/api/v1/reports?submit=true", report("乱数 id " + i)));
      filed.add(id);
      if (author == reader) {
        own.add(id);
      }
    }
    assertCountNothing(filed);
    assertCountNothing(own);

    Http api = api(reader);
    assertThat(listed(api.get("/api/v1/reports?limit=200").body(), filed))
        .containsExactlyElementsOf(reversed(own));
    for (long id : filed) {
      assertThat(api.get("/api/v1/reports/" + id).statusCode())
          .isEqualTo(own.contains(id) ? 200 : 404);
    }
    // a draft's page links its 16-digit id whole
    long draft = idOf(api.postJson("/api/v1/reports?submit=false", report("下書き")));
    assertThat(draft).isBetween(LOW, HIGH - 1);
    assertThat(browser(reader).get("/reports/" + draft).body())
        .contains("/reports/" + draft + "/edit");
  }

  @Test
  void advisoryIdsAreRandomAndListedNewestFirst() {
    Organisation operator = fixtures.operator("finance");
    Http nisc = api(fixtures.user("nisc", Role.ANALYST));
    List<Long> issued = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      issued.add(
          idOf(
              nisc.postJson(
                  "/api/v1/advisories",
                  "{\"title\":\"乱数 id の注意喚起 "
                      + i
                      + "\",\"body\":\"本文\",\"tlp\":\"amber\",\"organisations\":[\""
                      + operator.code()
                      + "\"]}")));
    }
    assertCountNothing(issued);
    Http reader = api(fixtures.user(operator, Role.MEMBER));
    assertThat(listed(reader.get("/api/v1/advisories?limit=200").body(), issued))
        .containsExactlyElementsOf(reversed(issued));
    assertThat(reader.get("/api/v1/advisories/" + issued.get(3)).body())
        .contains("\"id\":" + issued.get(3));
  }

  @Test
  void theAuditShowsNoSequenceNumbersOrHashesAndPagesByOpaqueCursors() {
    Organisation operator = fixtures.operator("finance");
    UserAccount admin = fixtures.user(operator, Role.ORG_ADMIN);
    UserAccount author = fixtures.user(operator, Role.ANALYST);
    for (int i = 0; i < 5; i++) {
      idOf(api(author).postJson("/api/v1/reports?submit=true", report("監査の頁 " + i)));
    }
    Http api = api(admin);
    String whole = api.get("/api/v1/audit?action=report.&limit=500").body();
    assertThat(whole).doesNotContain("\"seq\"", "\"hash\"", "prev");
    List<String> all = entries(whole);
    assertThat(all).hasSizeGreaterThanOrEqualTo(5);

    List<String> paged = new ArrayList<>();
    String before = null;
    while (true) {
      String body =
          api.get(
                  "/api/v1/audit?action=report.&limit=2"
                      + (before == null
                          ? ""
                          : "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8)))
              .body();
      List<String> page = entries(body);
      paged.addAll(page);
      if (page.size() < 2) {
        break;
      }
      Matcher c = Pattern.compile("\"cursor\":\"([^\"]+)\"").matcher(body);
      String last = null;
      while (c.find()) {
        last = c.group(1);
      }
      before = last;
    }
    // newest first, nothing skipped or repeated across pages
    assertThat(paged).containsExactlyElementsOf(all);

    assertThat(api.get("/api/v1/audit?before=41").statusCode()).isEqualTo(400);
    String forged = before.substring(0, before.length() - 2) + (before.endsWith("A") ? "BB" : "AA");
    assertThat(api.get("/api/v1/audit?before=" + forged).statusCode()).isEqualTo(400);
    String page = browser(admin).get("/admin/audit?action=report.").body();
    assertThat(page).doesNotContain("番号").contains("report.create");
  }

  /** Each entry's time and target, in the order listed. */
  static List<String> entries(String body) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"occurredAt\":\"([^\"]+)\".*?\"targetId\":\"([^\"]*)\"").matcher(body);
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2));
    }
    return out;
  }
}
