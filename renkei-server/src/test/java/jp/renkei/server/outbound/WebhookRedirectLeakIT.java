package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A webhook delivery carries an advisory (title, body, observables, under its TLP) to the URL its
 * organisation registered. A receiver answering 307 to another origin, even an allowed one (an
 * expired domain's parking page, a compromised proxy, a typo'd redirect rule), must not get the hub
 * to POST the advisory and its signature there: the registered receiver gets the attempt, the other
 * origin nothing, and the outbox row records the refusal without any address. A redirect within the
 * receiver's own origin is still followed. Real HTTP receivers on 127.0.0.1 (the tests' allowed
 * range), a real advisory issued through the API.
 */
class WebhookRedirectLeakIT extends ServerTest {

  @Autowired Fixtures fixtures;
  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  WebhookReceiver receiver;
  WebhookReceiver elsewhere;

  @BeforeEach
  void servers() throws Exception {
    elsewhere = WebhookReceiver.start();
    receiver = WebhookReceiver.start();
    receiver.redirect("/away", elsewhere.url("/collect"));
    receiver.redirect("/moved", "/in");
  }

  @AfterEach
  void stop() {
    receiver.close();
    elsewhere.close();
  }

  private String status(Organisation o) {
    return jdbc.sql(
            "select status || ' ' || coalesce(last_error, '-') from outbox where channel ="
                + " 'webhook' and organisation_id = ?")
        .param(o.id())
        .query(String.class)
        .optional()
        .orElse("none");
  }

  @Test
  void anAdvisoryIsNeverPostedToWhereTheReceiverRedirectsIt() {
    Organisation away = fixtures.operator("finance");
    Organisation moved = fixtures.operator("finance");
    directory.setDelivery(Actor.cli(), away.id(), null, receiver.url("/away"));
    directory.setDelivery(Actor.cli(), moved.id(), null, receiver.url("/moved"));
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    String title = "redirect " + away.code();
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\""
                + title
                + "\",\"body\":\"本文 secret-body\",\"tlp\":\"amber\",\"observables\":[\"domain-name"
                + " c2.redirect.example\"],\"organisations\":[\""
                + away.code()
                + "\",\""
                + moved.code()
                + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !status(away).endsWith(" -") && status(moved).startsWith("sent"));

    // the registered receiver got both attempts; the other origin got nothing
    assertThat(receiver.requests())
        .anyMatch(
            q -> q.method().equals("POST") && q.path().equals("/away") && q.body().contains(title));
    assertThat(receiver.requests())
        .anyMatch(
            q -> q.method().equals("POST") && q.path().equals("/in") && q.body().contains(title));
    assertThat(elsewhere.requests()).isEmpty();
    // the refusal is recorded, and says why without naming any address or port
    String away1 = status(away);
    assertThat(away1).contains("destination refused: a redirect to another origin");
    assertThat(away1).doesNotContain("127.0.0.1", String.valueOf(elsewhere.port()), "/collect");
  }
}
