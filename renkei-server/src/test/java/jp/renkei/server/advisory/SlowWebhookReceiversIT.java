package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.OutsideServer;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slow webhook receivers hold neither advisory e-mail nor other receivers (outbound31). Real HTTP
 * receivers on 127.0.0.1 trickle their answer a byte every 100 ms, each byte inside the webhook
 * timeout (1 s here), until the hub cuts them off at the whole-exchange deadline (3 s here); the
 * real outbox sender and GreenMail. Before, every webhook was posted on the one scheduling thread:
 * an e-mail queued behind N slow receivers waited N × 3 s (N × 15 s with the default settings).
 */
class SlowWebhookReceiversIT extends ServerTest {

  static final int SLOW = 6;

  @DynamicPropertySource
  static void shortTimeout(DynamicPropertyRegistry registry) {
    registry.add("renkei.notify.webhook-timeout", () -> "1s");
    registry.add("renkei.notify.webhook-threads", () -> "4");
  }

  @Autowired AdvisoryService advisories;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;
  @Autowired jp.renkei.server.config.NotifyProperties notify;

  /** Trickles under /slow (a byte every 100 ms for 30 s); records and accepts the rest. */
  OutsideServer receiver;

  final List<String> fast = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    receiver =
        OutsideServer.start()
            .trickling("/slow", null, 300)
            .on(
                "/",
                ex -> {
                  ex.getRequestBody().readAllBytes();
                  fast.add(ex.getRequestURI().getPath());
                  OutsideServer.answer(ex, 204, null, null);
                });
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  String url(String path) {
    return receiver.url(path);
  }

  /** A green advisory to the organisations, with nothing but its title and body. */
  static NewAdvisory advisory(String title, List<Organisation> to) {
    return new NewAdvisory(
        title,
        "本文",
        null,
        List.of(),
        List.of(),
        "green",
        false,
        List.of(),
        List.of(),
        to.stream().map(Organisation::code).toList(),
        "normal",
        null,
        null);
  }

  long pending(long advisory, Organisation to, String channel) {
    return jdbc.sql(
            "select count(*) from outbox where advisory_id = ? and organisation_id = ? and channel = ?"
                + " and status = 'pending'")
        .params(advisory, to.id(), channel)
        .query(Long.class)
        .single();
  }

  @Test
  void slowReceiversDelayNeitherAdvisoryEmailNorAFastReceiver() throws Exception {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    List<Organisation> slow = new ArrayList<>();
    for (int i = 0; i < SLOW; i++) {
      Organisation o = fixtures.operator("finance");
      directory.setDelivery(Actor.cli(), o.id(), null, url("/slow/" + o.code()));
      slow.add(o);
    }
    // the slow receivers' advisory first: its rows are due before the e-mail's
    advisories.issue(nisc, advisory(Fixtures.unique("slow receivers"), slow));
    await().atMost(Duration.ofSeconds(20)).until(() -> receiver.active() > 0);

    Organisation mailOnly = fixtures.operator("finance");
    String duty = Fixtures.unique("duty-slow") + "@receivers.example";
    directory.setDelivery(Actor.cli(), mailOnly.id(), duty, null);
    Organisation quick = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), quick.id(), null, url("/fast/" + quick.code()));
    String title = Fixtures.unique("急ぎの情報提供");
    long issued = System.nanoTime();
    long id = advisories.issue(nisc, advisory(title, List.of(mailOnly, quick)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> pending(id, mailOnly, "email") == 0 && pending(id, quick, "webhook") == 0);
    int endedMeanwhile = receiver.cutOff();
    long delayMillis = (System.nanoTime() - issued) / 1_000_000;
    System.out.printf(
        "BENCH outbound31: %d slow webhook receivers (trickling, 1-s timeout): the e-mail and the"
            + " fast webhook went %d ms after issuing; %d of the slow deliveries had ended%n",
        SLOW, delayMillis, endedMeanwhile);
    assertThat(mailTextsTo(duty)).singleElement().asString().contains(title);
    assertThat(fast).contains("/fast/" + quick.code());
    assertThat(endedMeanwhile)
        .as("the e-mail and the fast webhook went while slow receivers were still trickling")
        .isLessThan(SLOW);

    // every slow receiver is cut off at its deadline and its row backs off
    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.cutOff() >= SLOW);
    for (Organisation o : slow) {
      assertThat(
              jdbc.sql(
                      "select last_error from outbox where organisation_id = ? and channel = 'webhook'")
                  .param(o.id())
                  .query(String.class)
                  .single())
          .startsWith("no complete answer before the exchange's deadline");
    }
  }

  @Test
  void aSlowReceiverGetsOneDeliveryAtATimeAndIsLeftAloneAfterItFails() {
    Actor nisc = fixtures.actor(fixtures.user("nisc", Role.ANALYST));
    Organisation o = fixtures.operator("finance");
    String path = "/slow/" + o.code();
    directory.setDelivery(Actor.cli(), o.id(), null, url(path));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(advisories.issue(nisc, advisory(Fixtures.unique("one at a time"), List.of(o))));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.cutOff() >= 1);
    // a fast receiver's delivery issued after the failure goes at once ...
    Organisation quick = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), quick.id(), null, url("/fast/" + quick.code()));
    long later =
        advisories.issue(nisc, advisory(Fixtures.unique("after the failure"), List.of(quick)));
    await().atMost(Duration.ofSeconds(30)).until(() -> pending(later, quick, "webhook") == 0);
    // ... while the failed receiver's other rows wait for its back-off (30 s): not tried at all
    assertThat(receiver.connections(path)).isEqualTo(1);
    assertThat(receiver.mostConcurrent(path)).isEqualTo(1);
    long untried =
        ids.stream()
            .filter(
                a ->
                    jdbc.sql(
                                "select attempts from outbox where advisory_id = ? and organisation_id = ?"
                                    + " and status = 'pending'")
                            .params(a, o.id())
                            .query(Integer.class)
                            .single()
                        == 0)
            .count();
    assertThat(untried).isEqualTo(2);
    // the back-off is the hub's, kept in the database (harden32): another instance, or this one
    // restarted, leaves the receiver alone too
    assertThat(jp.renkei.server.outbound.OtherInstance.heldWebhookReceivers(notify, jdbc))
        .contains(o.id());
  }
}
