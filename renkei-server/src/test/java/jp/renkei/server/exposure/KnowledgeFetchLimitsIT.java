package jp.renkei.server.exposure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.directory.Role;
import jp.renkei.server.outbound.OutboundHttp;
import jp.renkei.server.support.OutsideServer;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A knowledge fetch as a whole is bounded (harden32), as a feed poll is: {@code
 * renkei.exposure.fetch.deadline} cuts off the request under way and stops every wait, {@code
 * total-bytes} stops a source that answers page after page; what was read before the stop is kept
 * and the recorded outcome says what stopped it. Real sources on 127.0.0.1 ({@link OutsideServer})
 * that trickle a page or answer pages without end; the hub's own outbound guard.
 */
class KnowledgeFetchLimitsIT extends ServerTest {

  @Autowired KnowledgeService knowledge;
  @Autowired ExposureService exposure;
  @Autowired OutboundHttp outbound;
  @Autowired JdbcClient jdbc;

  final OutsideServer source = OutsideServer.start();
  final List<String> served = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    source.close();
  }

  KnowledgeFetcher fetcher(String kind, String path, Duration deadline, long totalBytes) {
    return new KnowledgeFetcher(
        ExposureKnowledgeIT.props(
            Map.of(kind, source.url(path)), 1 << 20, Duration.ZERO, 10_000, deadline, totalBytes),
        outbound,
        knowledge,
        exposure,
        jdbc);
  }

  KnowledgeFetcher.Outcome fetchNow(KnowledgeFetcher f, String kind) {
    return f.fetchNow(fixtures.actor(fixtures.user("nisc", Role.PLATFORM_ADMIN)), kind);
  }

  String recorded(String kind) {
    return jdbc.sql("select outcome || ': ' || detail from vuln_fetch where source = ?")
        .param(kind)
        .query(String.class)
        .single();
  }

  boolean known(String kind, String cve) {
    return jdbc.sql("select count(*) from vuln_advisory where source = ? and cve_id = ?")
            .params(kind, cve)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A MyJVN page of one advisory: item {@code first} of {@code total}. */
  static String jvnPage(String cve, String product, int first, int total) {
    return ExposureKnowledgeIT.jvnDocument(cve, product)
        .replace("JVNDB-2097-000001", "JVNDB-2097-" + cve.substring(9))
        .replace("<Vulinfo><VulinfoID>BROKEN</VulinfoID><VulinfoData><Title>x</Title>", "")
        .replace("</VulinfoData></Vulinfo>\n  <status", "<status")
        .replace(
            "totalRes=\"2\" totalResRet=\"2\" firstRes=\"1\"",
            "totalRes=\"" + total + "\" totalResRet=\"1\" firstRes=\"" + first + "\"");
  }

  static int startItem(String query) {
    for (String p : query == null ? new String[0] : query.split("&")) {
      if (p.startsWith("startItem=")) {
        return Integer.parseInt(p.substring(10));
      }
    }
    return 1;
  }

  @Test
  void anNvdPageTrickledPastTheDeadlineIsCutOffAndThePagesBeforeItAreImported() {
    jdbc.sql("delete from vuln_fetch where source = 'nvd'").update();
    String product = ExposureKnowledgeIT.product();
    String first = ExposureKnowledgeIT.cve();
    source.on(
        "/nvd",
        ex -> {
          if (ex.getRequestURI().getQuery().contains("startIndex=1")) {
            source.trickle(ex, "application/json", 600); // a minute, unless cut off
          } else {
            OutsideServer.answer(
                ex,
                200,
                "application/json",
                ExposureKnowledgeIT.nvdPage(first, product, 0, 1, 2).getBytes(UTF_8));
          }
        });

    KnowledgeFetcher.Outcome o =
        fetchNow(fetcher("nvd", "/nvd?hasKev", Duration.ofSeconds(3), 512L << 20), "nvd");

    assertThat(o.outcome()).as(o.toString()).isEqualTo("failed");
    String why =
        "stopped at the fetch's deadline (3 s, renkei.exposure.fetch.deadline): the answer from"
            + " 127.0.0.1 was cut off while reading page 2; the 1 page(s) read before it were"
            + " imported (1 kept, 1 refused); read again next time";
    assertThat(o.detail()).isEqualTo(why);
    assertThat(recorded("nvd")).isEqualTo("failed: " + why);
    assertThat(known("nvd", first)).as("the page read before the stop is kept").isTrue();
    assertThat(
            jdbc.sql("select watermark from vuln_fetch where source = 'nvd'")
                .query(java.time.OffsetDateTime.class)
                .optional())
        .as("the watermark stays: the query is read again")
        .isEmpty();
    await().atMost(Duration.ofSeconds(10)).until(() -> source.cutOff() > 0);
  }

  @Test
  void aJvnPageTrickledPastTheDeadlineFailsTheFetchAndThePagesBeforeItStay() {
    String product = ExposureKnowledgeIT.product();
    source.on(
        "/jvn",
        ex -> {
          int item = startItem(ex.getRequestURI().getQuery());
          if (item >= 3) {
            source.trickle(ex, "application/xml", 600);
            return;
          }
          String cve = ExposureKnowledgeIT.cve();
          served.add(cve);
          OutsideServer.answer(
              ex, 200, "application/xml", jvnPage(cve, product, item, 1000).getBytes(UTF_8));
        });

    KnowledgeFetcher.Outcome o =
        fetchNow(fetcher("jvn", "/jvn?method=x", Duration.ofSeconds(3), 512L << 20), "jvn");

    assertThat(o.outcome()).as(o.toString()).isEqualTo("failed");
    assertThat(o.detail())
        .isEqualTo(
            "stopped at the fetch's deadline (3 s, renkei.exposure.fetch.deadline): the answer"
                + " from 127.0.0.1 was cut off while reading page 3; the 2 page(s) before it stay"
                + " imported (2 kept, 0 refused); the rest next time");
    assertThat(served).hasSize(2).allMatch(cve -> known("jvn", cve));
    await().atMost(Duration.ofSeconds(10)).until(() -> source.cutOff() > 0);
  }

  @Test
  void aSourceThatAnswersPagesWithoutEndStopsAtTotalBytesKeepingWhatItRead() {
    String product = ExposureKnowledgeIT.product();
    source.on(
        "/jvn",
        ex -> {
          String cve = ExposureKnowledgeIT.cve();
          served.add(cve);
          int item = startItem(ex.getRequestURI().getQuery());
          OutsideServer.answer(
              ex,
              200,
              "application/xml",
              jvnPage(cve, product, item, Integer.MAX_VALUE - 1).getBytes(UTF_8));
        });
    int page = jvnPage("CVE-2097-100000", product, 1, Integer.MAX_VALUE - 1).getBytes(UTF_8).length;

    KnowledgeFetcher.Outcome o =
        fetchNow(fetcher("jvn", "/jvn?method=x", Duration.ofMinutes(5), 3L * page + 1), "jvn");

    assertThat(o.outcome()).as(o.toString()).isEqualTo("imported");
    assertThat(o.detail())
        .isEqualTo("4 pages (total-bytes of " + (3L * page + 1) + "B read; the rest next time)");
    assertThat(o.kept()).isEqualTo(4);
    assertThat(served).hasSize(4).allMatch(cve -> known("jvn", cve));
  }

  @Test
  void aSingleDocumentTrickledPastTheDeadlineOrARetryAfterBeyondItFailsSayingSo() {
    jdbc.sql("delete from vuln_fetch where source = 'kev'").update();
    source.trickling("/kev.json", "application/json", 600);
    KnowledgeFetcher.Outcome cut =
        fetchNow(fetcher("kev", "/kev.json", Duration.ofSeconds(2), 512L << 20), "kev");
    assertThat(cut.outcome()).isEqualTo("failed");
    assertThat(cut.detail())
        .isEqualTo(
            "stopped at the fetch's deadline (2 s, renkei.exposure.fetch.deadline): the answer"
                + " from 127.0.0.1 was cut off");
    await().atMost(Duration.ofSeconds(10)).until(() -> source.cutOff() > 0);

    source.on(
        "/limited",
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "30");
          OutsideServer.answer(ex, 429, null, null);
        });
    KnowledgeFetcher.Outcome waited =
        fetchNow(fetcher("kev", "/limited", Duration.ofSeconds(20), 512L << 20), "kev");
    assertThat(waited.detail())
        .isEqualTo(
            "stopped at the fetch's deadline (20 s, renkei.exposure.fetch.deadline): no time left"
                + " for waiting as Retry-After asked");
    assertThat(recorded("kev")).isEqualTo("failed: " + waited.detail());
  }
}
