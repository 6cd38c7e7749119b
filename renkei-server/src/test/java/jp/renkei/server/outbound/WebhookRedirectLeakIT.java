package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
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

  HttpServer receiver;
  HttpServer elsewhere;
  final List<String> receiverSeen = new CopyOnWriteArrayList<>();
  final List<String> elsewhereSeen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void servers() throws Exception {
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext(
        "/",
        ex -> {
          elsewhereSeen.add(
              ex.getRequestMethod()
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    elsewhere.start();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          receiverSeen.add(
              ex.getRequestMethod()
                  + " "
                  + path
                  + " "
                  + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          if (path.startsWith("/away")) {
            ex.getResponseHeaders().add("Location", url(elsewhere, "/collect"));
            ex.sendResponseHeaders(307, -1);
          } else if (path.startsWith("/moved")) {
            ex.getResponseHeaders().add("Location", "/in");
            ex.sendResponseHeaders(307, -1);
          } else {
            ex.sendResponseHeaders(200, -1);
          }
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    elsewhere.stop(0);
  }

  static String url(HttpServer s, String path) {
    return "http://127.0.0.1:" + s.getAddress().getPort() + path;
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
    directory.setDelivery(Actor.cli(), away.id(), null, url(receiver, "/away"));
    directory.setDelivery(Actor.cli(), moved.id(), null, url(receiver, "/moved"));
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
    assertThat(receiverSeen).anyMatch(s -> s.startsWith("POST /away ") && s.contains(title));
    assertThat(receiverSeen).anyMatch(s -> s.startsWith("POST /in ") && s.contains(title));
    assertThat(elsewhereSeen).isEmpty();
    // the refusal is recorded, and says why without naming any address or port
    String away1 = status(away);
    assertThat(away1).contains("destination refused: a redirect to another origin");
    assertThat(away1)
        .doesNotContain("127.0.0.1", String.valueOf(elsewhere.getAddress().getPort()), "/collect");
  }
}
