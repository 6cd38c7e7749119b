package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 (exposure6): the scheduled NVD fetch reads only what changed since the last successful
 * fetch (the NVD CVE API 2.0's {@code lastModStartDate}/{@code lastModEndDate}), against a loopback
 * server answering NVD-shaped pages, through the server's own fetcher as configured: the parameters
 * it sends, paging, the pause between pages, a 503 in the middle of a window that leaves the
 * watermark and the knowledge as they were and raises the failure in the platform admins' work
 * queue until a later fetch succeeds, and a gap over 120 days that falls back to the whole query.
 */
class NvdIncrementalFetchIT extends ServerTest {

  static final HttpServer NVD;

  /** The queries the loopback NVD received, decoded, with when each arrived. */
  static final List<Map.Entry<Long, Map<String, String>>> REQUESTS = new CopyOnWriteArrayList<>();

  /** How the loopback NVD answers a request (its decoded parameters): status and body. */
  static final AtomicReference<
          java.util.function.Function<Map<String, String>, Map.Entry<Integer, String>>>
      ANSWER = new AtomicReference<>();

  /** The Retry-After the loopback NVD sends with a 403 or 429 (none when null). */
  static final AtomicReference<String> RETRY_AFTER = new AtomicReference<>();

  static {
    try {
      NVD = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NVD.createContext(
        "/rest/json/cves/2.0",
        ex -> {
          Map<String, String> q = new LinkedHashMap<>();
          String raw = ex.getRequestURI().getRawQuery();
          for (String part : raw == null ? new String[0] : raw.split("&")) {
            int eq = part.indexOf('=');
            q.put(
                URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), UTF_8),
                eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), UTF_8));
          }
          REQUESTS.add(Map.entry(System.nanoTime(), q));
          Map.Entry<Integer, String> a = ANSWER.get().apply(q);
          String retry = RETRY_AFTER.get();
          ExposureKnowledgeIT.answer(
              ex,
              a.getKey(),
              a.getValue().getBytes(UTF_8),
              retry != null && (a.getKey() == 403 || a.getKey() == 429)
                  ? Map.of("Retry-After", retry)
                  : Map.of());
          ex.close();
        });
    NVD.start();
  }

  @DynamicPropertySource
  static void nvd(DynamicPropertyRegistry registry) {
    registry.add(
        "renkei.exposure.fetch.nvd-url",
        () ->
            "http://127.0.0.1:"
                + NVD.getAddress().getPort()
                + "/rest/json/cves/2.0?hasKev&resultsPerPage=1");
    registry.add("renkei.exposure.fetch.nvd-interval", () -> "300ms");
    registry.add("renkei.exposure.fetch.max-pages", () -> "3");
  }

  @AfterAll
  static void stop() {
    NVD.stop(0);
  }

  @Autowired KnowledgeFetcher fetcher;
  @Autowired JdbcClient jdbc;

  OffsetDateTime watermark() {
    return jdbc.sql("select watermark from vuln_fetch where source = 'nvd'")
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
        .single();
  }

  boolean known(String cve) {
    return jdbc.sql("select count(*) from vuln_advisory where source = 'nvd' and cve_id = ?")
            .param(cve)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Page {@code startIndex} of a query answering one CVE a page. */
  static Map.Entry<Integer, String> page(Map<String, String> q, String product, String... cves) {
    int start = Integer.parseInt(q.getOrDefault("startIndex", "0"));
    return Map.entry(200, ExposureKnowledgeIT.nvdPage(cves[start], product, start, 1, cves.length));
  }

  String queue(Http h) {
    return h.get("/worklist").body();
  }

  @Test
  void fetchesOnlyWhatChangedSinceTheLastSuccessAndAFailureChangesNothing() throws Exception {
    jdbc.sql("delete from vuln_fetch where source = 'nvd'").update();
    UserAccount adminUser = fixtures.user("nisc", Role.PLATFORM_ADMIN);
    Actor admin = fixtures.actor(adminUser);
    Http adminPage = http();
    assertThat(adminPage.signIn(adminUser.login(), Fixtures.PASSWORD).statusCode()).isLessThan(400);
    String product = ExposureKnowledgeIT.product();
    String cve1 = ExposureKnowledgeIT.cve();
    String cve2 = ExposureKnowledgeIT.cve();
    String cve3 = ExposureKnowledgeIT.cve();

    // the first fetch: no watermark yet, the configured query whole, page by page
    ANSWER.set(q -> page(q, product, cve1));
    REQUESTS.clear();
    KnowledgeFetcher.Outcome first = fetcher.fetchNow(admin, "nvd");
    assertThat(first.outcome()).as(first.toString()).isEqualTo("imported");
    assertThat(REQUESTS).hasSize(1);
    assertThat(REQUESTS.get(0).getValue())
        .containsKeys("hasKev", "resultsPerPage")
        .doesNotContainKeys("lastModStartDate", "lastModEndDate", "startIndex");
    assertThat(known(cve1)).isTrue();
    OffsetDateTime mark = watermark();
    assertThat(mark).isNotNull();

    // the next fetch asks for the window from the watermark to now; its second page answers 503
    ANSWER.set(
        q -> q.containsKey("startIndex") ? Map.entry(503, "") : page(q, product, cve2, cve3));
    REQUESTS.clear();
    KnowledgeFetcher.Outcome failed = fetcher.fetchNow(admin, "nvd");
    assertThat(failed.outcome()).isEqualTo("failed");
    assertThat(failed.detail()).isEqualTo("HTTP 503 from 127.0.0.1");
    Map<String, String> windowed = REQUESTS.get(0).getValue();
    assertThat(windowed).containsKeys("hasKev", "resultsPerPage", "lastModEndDate");
    String start = windowed.get("lastModStartDate");
    assertThat(OffsetDateTime.parse(start).toInstant()).isEqualTo(mark.toInstant());
    assertThat(start).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
    Instant end = OffsetDateTime.parse(windowed.get("lastModEndDate")).toInstant();
    assertThat(end).isAfterOrEqualTo(mark.toInstant());
    assertThat(REQUESTS.get(1).getValue()).containsEntry("startIndex", "1");
    // the page read before the failure is not imported, the watermark did not move
    assertThat(known(cve2)).isFalse();
    assertThat(watermark()).isEqualTo(mark);
    // the platform admins see it in their work queue (and on the admin page), nobody else does
    assertThat(queue(adminPage))
        .contains("id=\"wl-fetches\"", "id=\"wl-fetch-nvd\"", "HTTP 503 from 127.0.0.1");
    Http analyst = http();
    analyst.signIn(fixtures.user("nisc", Role.ANALYST).login(), Fixtures.PASSWORD);
    assertThat(queue(analyst)).doesNotContain("wl-fetches");

    // the next fetch reads the same window again, whole, a polite pause between its pages
    ANSWER.set(q -> page(q, product, cve2, cve3));
    REQUESTS.clear();
    KnowledgeFetcher.Outcome again = fetcher.fetchNow(admin, "nvd");
    assertThat(again.outcome()).as(again.toString()).isEqualTo("imported");
    assertThat(again.kept()).isEqualTo(2);
    assertThat(REQUESTS).hasSize(2);
    assertThat(REQUESTS.get(0).getValue()).containsEntry("lastModStartDate", start);
    assertThat(REQUESTS.get(1).getValue())
        .containsEntry("lastModStartDate", start)
        .containsEntry("startIndex", "1");
    long gapMillis = (REQUESTS.get(1).getKey() - REQUESTS.get(0).getKey()) / 1_000_000;
    assertThat(gapMillis).isGreaterThanOrEqualTo(300);
    assertThat(known(cve2)).isTrue();
    assertThat(known(cve3)).isTrue();
    assertThat(watermark()).isAfter(mark);
    // a success clears the work queue's item
    assertThat(queue(adminPage)).doesNotContain("wl-fetch-nvd");

    // a gap longer than the API's 120 days: the configured query whole again
    jdbc.sql("update vuln_fetch set watermark = ? where source = 'nvd'")
        .params(java.sql.Timestamp.from(Instant.now().minus(121, ChronoUnit.DAYS)))
        .update();
    ANSWER.set(q -> page(q, product, cve1));
    REQUESTS.clear();
    assertThat(fetcher.fetchNow(admin, "nvd").outcome()).isEqualTo("imported");
    assertThat(REQUESTS.get(0).getValue()).doesNotContainKey("lastModStartDate");
    assertThat(watermark().toInstant()).isAfter(Instant.now().minus(1, ChronoUnit.HOURS));
  }

  @Test
  void aRateLimitAnswerIsWaitedOutWithinTheCapAndOtherwiseFailsTheWindowCleanly() throws Exception {
    jdbc.sql("delete from vuln_fetch where source = 'nvd'").update();
    Actor admin = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String product = ExposureKnowledgeIT.product();
    String cve1 = ExposureKnowledgeIT.cve();
    String cve2 = ExposureKnowledgeIT.cve();
    String cve3 = ExposureKnowledgeIT.cve();
    ANSWER.set(q -> page(q, product, cve1));
    assertThat(fetcher.fetchNow(admin, "nvd").outcome()).isEqualTo("imported");
    OffsetDateTime mark = watermark();
    try {
      // a 429 with Retry-After: 1 on the second page: waited out, then the window is read whole
      java.util.concurrent.atomic.AtomicInteger asked =
          new java.util.concurrent.atomic.AtomicInteger();
      RETRY_AFTER.set("1");
      ANSWER.set(
          q ->
              q.containsKey("startIndex") && asked.getAndIncrement() == 0
                  ? Map.entry(429, "")
                  : page(q, product, cve1, cve2));
      REQUESTS.clear();
      KnowledgeFetcher.Outcome waited = fetcher.fetchNow(admin, "nvd");
      assertThat(waited.outcome()).as(waited.toString()).isEqualTo("imported");
      assertThat(REQUESTS).hasSize(3);
      assertThat(REQUESTS.get(2).getValue()).containsEntry("startIndex", "1");
      assertThat((REQUESTS.get(2).getKey() - REQUESTS.get(1).getKey()) / 1_000_000)
          .isGreaterThanOrEqualTo(1000);
      assertThat(known(cve2)).isTrue();
      OffsetDateTime moved = watermark();
      assertThat(moved).isAfter(mark);

      // a Retry-After beyond the cap (here an HTTP date an hour ahead, on a 403): not waited for;
      // the fetch fails with the reason, nothing of the window is imported, the watermark stays
      RETRY_AFTER.set(
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
              java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1)));
      ANSWER.set(
          q -> q.containsKey("startIndex") ? Map.entry(403, "") : page(q, product, cve3, cve2));
      REQUESTS.clear();
      KnowledgeFetcher.Outcome refused = fetcher.fetchNow(admin, "nvd");
      assertThat(refused.outcome()).isEqualTo("failed");
      assertThat(refused.detail())
          .startsWith("HTTP 403 from 127.0.0.1: Retry-After ")
          .endsWith("s is longer than the 60 s a fetch waits; read again at the next fetch");
      assertThat(REQUESTS).hasSize(2); // not asked again
      assertThat(known(cve3)).isFalse();
      assertThat(watermark()).isEqualTo(moved);

      // refused again after each wait: the fetch gives up after two waits, cleanly
      RETRY_AFTER.set("0");
      ANSWER.set(q -> Map.entry(429, ""));
      REQUESTS.clear();
      KnowledgeFetcher.Outcome gaveUp = fetcher.fetchNow(admin, "nvd");
      assertThat(gaveUp.detail())
          .isEqualTo(
              "HTTP 429 from 127.0.0.1 again after waiting 2 times as Retry-After asked;"
                  + " read again at the next fetch");
      assertThat(REQUESTS).hasSize(3);
      assertThat(watermark()).isEqualTo(moved);
    } finally {
      RETRY_AFTER.set(null);
    }
  }

  @Test
  void aWindowWithMorePagesThanMaxPagesIsShortenedAndTheWatermarkAdvancesByWhatWasRead() {
    Actor admin = fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN));
    String product = ExposureKnowledgeIT.product();
    // eight CVEs modified 9, 8, … 2 days ago; the loopback NVD answers a window with those
    // modified inside it, one a page; max-pages is 3 here
    Instant now = Instant.now();
    Map<String, Instant> modified = new LinkedHashMap<>();
    for (int days = 9; days >= 2; days--) {
      modified.put(ExposureKnowledgeIT.cve(), now.minus(days, ChronoUnit.DAYS));
    }
    ANSWER.set(
        q -> {
          Instant from = OffsetDateTime.parse(q.get("lastModStartDate")).toInstant();
          Instant to = OffsetDateTime.parse(q.get("lastModEndDate")).toInstant();
          List<String> in =
              modified.entrySet().stream()
                  .filter(e -> !e.getValue().isBefore(from) && !e.getValue().isAfter(to))
                  .map(Map.Entry::getKey)
                  .toList();
          int start = Integer.parseInt(q.getOrDefault("startIndex", "0"));
          return Map.entry(
              200, ExposureKnowledgeIT.nvdPage(in.get(start), product, start, 1, in.size()));
        });
    jdbc.sql("delete from vuln_fetch where source = 'nvd'").update();
    jdbc.sql("insert into vuln_fetch (source, url, watermark) values ('nvd', ?, ?)")
        .params(
            "http://127.0.0.1:"
                + NVD.getAddress().getPort()
                + "/rest/json/cves/2.0?hasKev&resultsPerPage=1",
            java.sql.Timestamp.from(now.minus(10, ChronoUnit.DAYS)))
        .update();
    List<String> cves = List.copyOf(modified.keySet());
    OffsetDateTime before = watermark();
    int fetches = 0;
    while (!cves.stream().allMatch(this::known)) {
      assertThat(++fetches).as("fetches").isLessThanOrEqualTo(5);
      REQUESTS.clear();
      KnowledgeFetcher.Outcome o = fetcher.fetchNow(admin, "nvd");
      assertThat(o.outcome()).as(o.toString()).isEqualTo("imported");
      // the window read whole ends at the new watermark, which moved; each page read is imported
      OffsetDateTime mark = watermark();
      assertThat(mark).isAfter(before);
      Map<String, String> last = REQUESTS.get(REQUESTS.size() - 1).getValue();
      assertThat(OffsetDateTime.parse(last.get("lastModEndDate")).toInstant())
          .isEqualTo(mark.toInstant());
      for (String cve : cves) {
        assertThat(known(cve)).as(cve).isEqualTo(!modified.get(cve).isAfter(mark.toInstant()));
      }
      if (!mark.toInstant().isBefore(now)) {
        assertThat(o.detail()).doesNotContain("shortened");
      } else {
        assertThat(o.detail()).contains("window shortened to max-pages");
      }
      before = mark;
    }
    // more than one fetch was needed (8 pages in 10 days, 3 a fetch), each moved the watermark
    assertThat(fetches).isGreaterThan(2);
  }
}
