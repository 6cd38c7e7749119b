package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A site's alert e-mail is queued to its owner and, while the owner shares the site's details with
 * its coordinators, to its CEPTOAR (attack35). Between the queueing and the send the owner stops
 * sharing, or the CEPTOAR is deactivated: the CEPTOAR's duty mailbox (real SMTP, GreenMail) then
 * receives nothing of the site — not its name, its address or the alert — while the owner's alert
 * goes. The sender runs only when the test calls it (its schedule is an hour in this class's
 * context), so the order of narrowing and sending does not depend on timing.
 */
@TestPropertySource(
    properties = {
      "renkei.monitor.enabled=false",
      "renkei.monitor.sustain=0s",
      "renkei.monitor.timeout=1s",
      "renkei.monitor.retries=1",
      "renkei.monitor.quorum=1",
      // a context of this class's own (as SlowMailServerIT's): its senders sleep an hour
      "renkei.test.attack35=monitor-narrowed"
    })
class MonitorAlertNarrowedIT extends ServerTest {

  @Autowired MonitorService monitor;
  @Autowired MonitorRuntime runtime;
  @Autowired MonitorNotifier notifier;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  static LoopbackSite site;

  @BeforeAll
  static void start() throws Exception {
    // before this class's context starts: its senders run only when the test calls them
    System.setProperty(SENDER_POLL_PROPERTY, "1h");
    site = LoopbackSite.http();
    site.mode = LoopbackSite.Mode.FAIL;
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty(SENDER_POLL_PROPERTY);
    site.close();
  }

  record Setup(Organisation ceptoar, UserAccount owner, String ceptoarDuty, String ownerDuty) {}

  Setup setup() {
    String code = Fixtures.unique("c-mon");
    Organisation ceptoar =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "監視試験セプター " + code,
                "Monitor test CEPTOAR " + code,
                "ceptoar",
                "finance",
                null,
                null,
                List.of()));
    String memberCode = Fixtures.unique("op-mon");
    Organisation member =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                memberCode,
                "監視試験事業者 " + memberCode,
                "Monitor test operator " + memberCode,
                "operator",
                "finance",
                null,
                null,
                List.of(code)));
    String ceptoarDuty = code + "@mon-ceptoar.example";
    String ownerDuty = memberCode + "@mon-owner.example";
    directory.setDelivery(Actor.cli(), ceptoar.id(), ceptoarDuty, null);
    directory.setDelivery(Actor.cli(), member.id(), ownerDuty, null);
    return new Setup(ceptoar, fixtures.user(member, Role.ANALYST), ceptoarDuty, ownerDuty);
  }

  NewSite newSite(String name, boolean toCoordinators) {
    return new NewSite(
        name,
        "http://127.0.0.1:" + site.port() + "/" + name,
        200,
        "OK",
        60,
        "green",
        "amber",
        toCoordinators,
        true,
        null);
  }

  /** Registers a site shared with coordinators, takes it down: its alert is queued to both. */
  long downAndQueued(Setup s, String name) {
    long id = monitor.register(fixtures.actor(s.owner()), newSite(name, true));
    runtime.probeNow(id);
    runtime.probeNow(id);
    String pending =
        "select count(*) from monitor_delivery d join monitor_alert a on a.id = d.alert_id"
            + " where a.site_id = ? and d.organisation_id = ? and d.status = 'pending'";
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.sql(pending).params(id, s.ceptoar().id()).query(Long.class).single() > 0);
    assertThat(jdbc.sql(pending).params(id, s.owner().organisationId()).query(Long.class).single())
        .isPositive();
    return id;
  }

  static List<String> receivedBy(String address) throws Exception {
    List<String> out = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      for (var r : m.getAllRecipients()) {
        if (r.toString().contains(address)) {
          out.add(m.getSubject() + "\n" + m.getContent());
        }
      }
    }
    return out;
  }

  void sendAndAssert(Setup s, String name) throws Exception {
    notifier.sendDue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> receivedBy(s.ownerDuty()).stream().anyMatch(t -> t.contains(name)));
    assertThat(String.join("\n", receivedBy(s.ceptoarDuty())))
        .doesNotContain(name)
        .doesNotContain("127.0.0.1:" + site.port() + "/" + name);
    assertThat(
            jdbc.sql(
                    "select d.status from monitor_delivery d join monitor_alert a on a.id ="
                        + " d.alert_id join monitor_site t on t.id = a.site_id where t.name = ?"
                        + " and d.organisation_id = ?")
                .params(name, s.ceptoar().id())
                .query(String.class)
                .list())
        .isNotEmpty()
        .doesNotContain("sent", "pending");
  }

  @Test
  void anAlertQueuedToTheCeptoarIsNotSentOnceTheOwnerStoppedSharingDetails() throws Exception {
    Setup s = setup();
    String name = Fixtures.unique("mon-narrow");
    long id = downAndQueued(s, name);
    monitor.update(fixtures.actor(s.owner()), id, newSite(name, false));
    sendAndAssert(s, name);
  }

  @Test
  void anAlertQueuedToTheCeptoarIsNotSentOnceTheCeptoarWasDeactivated() throws Exception {
    Setup s = setup();
    String name = Fixtures.unique("mon-deact");
    downAndQueued(s, name);
    directory.setActive(Actor.cli(), s.ceptoar().id(), false);
    sendAndAssert(s, name);
  }
}
