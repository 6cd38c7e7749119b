package jp.renkei.server.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.NewAdvisory;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.OutsideServer;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A knowledge source that trickles its answer holds nothing but its own fetch (outbound31): the
 * scheduled fetch ran on the instance's scheduling thread, and a KEV or NVD answer trickled a byte
 * at a time held advisory e-mail for up to {@code renkei.outbound.max-exchange-time} (10 min) per
 * request. A real HTTP server on 127.0.0.1; the fetch is started as the server starts it (the
 * scheduler's {@code fetchDue} on the instance's {@code TaskScheduler}).
 */
class SlowKnowledgeSourceIT extends ServerTest {

  static final OutsideServer KEV =
      OutsideServer.start().trickling("/kev.json", "application/json", 600);

  @DynamicPropertySource
  static void trickling(DynamicPropertyRegistry registry) {
    registry.add("renkei.exposure.fetch.enabled", () -> "true");
    registry.add("renkei.exposure.fetch.kev-url", () -> KEV.url("/kev.json"));
    // the test starts the fetch itself, once
    registry.add("renkei.exposure.fetch.check-interval", () -> "1h");
    registry.add("renkei.outbound.max-exchange-time", () -> "6s");
  }

  @AfterAll
  static void stop() {
    KEV.close();
  }

  @Autowired KnowledgeFetchScheduler knowledge;
  @Autowired TaskScheduler scheduler;
  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  String outcome() {
    return jdbc.sql(
            "select outcome || ': ' || coalesce(detail, '') from vuln_fetch where source = 'kev' and outcome is not null")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void aTricklingSourceHoldsNoAdvisoryEmail() throws Exception {
    jdbc.sql("delete from vuln_fetch where source = 'kev'").update();
    scheduler.schedule(knowledge::fetchDue, Instant.now());
    await().atMost(Duration.ofSeconds(20)).until(() -> KEV.started() > 0);

    Organisation bank = fixtures.operator("finance");
    String duty = Fixtures.unique("duty-kev") + "@slow-source.example";
    directory.setDelivery(Actor.cli(), bank.id(), duty, null);
    String title = Fixtures.unique("知識の取得中の情報提供");
    advisories.issue(
        fixtures.actor(fixtures.user("nisc", Role.ANALYST)),
        new NewAdvisory(
            title,
            "本文",
            null,
            List.of(),
            List.of(),
            "green",
            false,
            List.of(),
            List.of(),
            List.of(bank.code()),
            "normal",
            null,
            null));
    await().atMost(Duration.ofSeconds(20)).until(() -> !mailTextsTo(duty).isEmpty());
    assertThat(KEV.cutOff()).as("the e-mail went while the source was still trickling").isZero();

    // the fetch itself ends at the exchange's deadline, recorded as failed
    await().atMost(Duration.ofSeconds(30)).until(() -> outcome() != null);
    assertThat(outcome()).startsWith("failed: ");
    await().atMost(Duration.ofSeconds(10)).until(() -> KEV.cutOff() > 0);
  }
}
