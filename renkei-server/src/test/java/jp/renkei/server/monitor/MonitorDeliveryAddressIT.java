package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.RefusingSmtp;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A monitor alert e-mail refused by the mail server: the error MonitorNotifier keeps on its
 * delivery row carries no part of the refused duty address, however it is written, as the outbox's
 * does (OutboxAddressIT). While the test runs, the JVM's mail server is a real SMTP conversation on
 * GreenMail's port that refuses every recipient the way Postfix does, echoing it in its 550.
 */
@TestPropertySource(
    properties = {
      "renkei.monitor.enabled=false",
      "renkei.monitor.sustain=0s",
      "renkei.monitor.timeout=1s",
      "renkei.monitor.retries=1",
      "renkei.monitor.quorum=1"
    })
class MonitorDeliveryAddressIT extends ServerTest {

  @Autowired MonitorService monitor;
  @Autowired MonitorRuntime runtime;
  @Autowired JdbcClient jdbc;

  static LoopbackSite site;

  @BeforeAll
  static void start() throws Exception {
    site = LoopbackSite.http();
    site.mode = LoopbackSite.Mode.FAIL;
  }

  @AfterAll
  static void stop() throws Exception {
    site.close();
  }

  /** The error stored for the alert e-mail of a site down, sent to {@code duty}. */
  private String storedError(String duty) {
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    jdbc.sql("update organisation set duty_email = ? where id = ?")
        .params(duty, u.organisationId())
        .update();
    long id =
        monitor.register(
            fixtures.actor(u),
            new NewSite(
                Fixtures.unique("site"),
                "http://127.0.0.1:" + site.port() + "/",
                200,
                "OK",
                60,
                "green",
                "amber_strict",
                false,
                true,
                null));
    runtime.probeNow(id);
    runtime.probeNow(id);
    String select =
        "select d.last_error from monitor_delivery d join monitor_alert a on a.id = d.alert_id"
            + " where a.site_id = ? and d.channel = 'email' and d.last_error is not null";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql(select).param(id).query(String.class).optional().isPresent());
    return jdbc.sql(select).param(id).query(String.class).list().get(0);
  }

  @Test
  void aRefusedDutyAddressIsNotKeptInTheDeliveryError() throws Exception {
    StringBuilder longHost = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      longHost.append("l").append(i).append('.');
    }
    record Odd(String address, List<String> parts) {}
    List<Odd> odd =
        List.of(
            new Odd("duty.officer@example.jp", List.of("duty.officer", "example.jp")),
            new Odd("\"duty officer\"@example.jp", List.of("duty officer", "example.jp")),
            new Odd("soc#night@example.jp", List.of("soc#", "night", "example.jp")),
            new Odd("duty@mailhost", List.of("duty", "mailhost")),
            new Odd("duty@[192.0.2.44]", List.of("duty", "192.0.2.44")),
            new Odd("担当者@例え.日本", List.of("担当者", "例え")),
            new Odd("a@" + longHost + "jp", List.of("l0.l1", "l299")));
    int port = MAIL.getSmtp().getPort();
    MAIL.stop();
    java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
    RefusingSmtp refusing = new RefusingSmtp(port);
    try {
      for (Odd o : odd) {
        errors.put(o.address(), storedError(o.address()));
      }
    } finally {
      refusing.close();
      MAIL.start();
    }
    for (Odd o : odd) {
      String error = errors.get(o.address());
      if (o.address().startsWith("duty.officer")) {
        // the hub's mail went to the refusing server, which named the address in its reply
        assertThat(error).as(o.address()).contains("550", "<address>");
      }
      for (String part : o.parts()) {
        String asRead =
            new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(error).as(o.address()).doesNotContain(part, asRead);
      }
    }
  }
}
