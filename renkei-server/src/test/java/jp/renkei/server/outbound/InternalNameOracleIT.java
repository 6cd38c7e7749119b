package jp.renkei.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import jp.renkei.server.config.OutboundProperties;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * attack38: the hub's resolver as an oracle. Saving a webhook URL (an organisation's admin) or a
 * monitored site (any analyst) looked the host name up with the hub's resolver and refused a name
 * that resolves to an internal address ("db.corp.internal is or resolves to a private address")
 * while it accepted a name that does not resolve: one save per name told which internal names exist
 * on the hub's network, and the delivery or probe failure said it again. Now such a save does not
 * look the name up, and a delivery's error and audit say the same of both.
 *
 * <p>The hub's network is stood in for by the guard's name lookup (this machine's resolver knows no
 * internal names): names under {@code .inside.test} resolve to 10.20.30.40, those under {@code
 * .nowhere.test} to nothing; everything else is looked up as usual.
 */
// ServerTest names its classes, so a nested configuration is imported, not found
@org.springframework.context.annotation.Import(InternalNameOracleIT.HubNetwork.class)
class InternalNameOracleIT extends ServerTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class HubNetwork {
    @Bean(destroyMethod = "close")
    @Primary
    OutboundHttp hubNetworkGuard(OutboundProperties properties) {
      return new OutboundHttp(
          properties,
          OutboundHttp.interfaceAddresses(),
          host -> {
            try {
              if (host.endsWith(".inside.test")) {
                return new InetAddress[] {
                  InetAddress.getByAddress(host, new byte[] {10, 20, 30, 40})
                };
              }
              if (host.endsWith(".nowhere.test")) {
                return new InetAddress[0];
              }
              return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
              return new InetAddress[0];
            }
          });
    }
  }

  @Autowired JdbcClient jdbc;
  @Autowired OutboundHttp guard;

  @org.junit.jupiter.api.BeforeEach
  void theHubsNetworkIsStoodIn() {
    // the guard every feature is given resolves the stand-in names (else both tests pass on main)
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> guard.checkedAddresses("db.inside.test"))
        .isInstanceOf(OutboundHttp.Refused.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> guard.checkedAddresses("db.nowhere.test"))
        .isInstanceOf(OutboundHttp.Unreachable.class);
  }

  @Test
  void savingAWebhookOrASiteTellsNothingOfHowTheHubResolvesANameInside() {
    Organisation bank = fixtures.operator("finance");
    Http admin = http().bearer(fixtures.token(fixtures.user(bank, Role.ORG_ADMIN)));
    String path = "/api/v1/organisations/" + bank.id() + "/delivery";
    HttpResponse<String> inside =
        admin.putJson(path, "{\"webhookUrl\":\"https://db.inside.test/hook\"}");
    HttpResponse<String> nowhere =
        admin.putJson(path, "{\"webhookUrl\":\"https://db.nowhere.test/hook\"}");
    assertThat(inside.statusCode())
        .as("a name resolving inside is answered as one that does not resolve: " + inside.body())
        .isEqualTo(nowhere.statusCode());
    assertThat(masked(inside.body(), "inside")).isEqualTo(masked(nowhere.body(), "nowhere"));
    // an address written as such is judged as every hub judges it (nothing of this hub's)
    HttpResponse<String> literal =
        admin.putJson(path, "{\"webhookUrl\":\"https://10.20.30.40/hook\"}");
    assertThat(literal.statusCode()).isEqualTo(400);

    UserAccount analyst = fixtures.user(bank, Role.ANALYST);
    Http api = http().bearer(fixtures.token(analyst));
    HttpResponse<String> siteInside = api.postJson("/api/v1/monitor/sites", site("inside"));
    HttpResponse<String> siteNowhere = api.postJson("/api/v1/monitor/sites", site("nowhere"));
    assertThat(siteInside.statusCode())
        .as("a monitored site: " + siteInside.body())
        .isEqualTo(siteNowhere.statusCode())
        .isEqualTo(201);
    // what the organisation's admins may read of those saves: nothing tells the two apart
    String audit = admin.get("/api/v1/audit?action=outbound.refused").body();
    assertThat(audit).doesNotContain("inside.test");
  }

  @Test
  void aDeliveryToANameResolvingInsideFailsAsOneToANameThatDoesNotResolve() {
    Organisation inside = fixtures.operator("finance");
    Organisation nowhere = fixtures.operator("finance");
    // saved before (a platform admin, or a URL saved before attack38): the delivery judges it
    jdbc.sql("update organisation set webhook_url = ?, webhook_secret = 's' where id = ?")
        .params("https://db.inside.test/hook", inside.id())
        .update();
    jdbc.sql("update organisation set webhook_url = ?, webhook_secret = 's' where id = ?")
        .params("https://db.nowhere.test/hook", nowhere.id())
        .update();
    Http nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    HttpResponse<String> r =
        nisc.postJson(
            "/api/v1/advisories",
            "{\"title\":\"oracle "
                + inside.code()
                + "\",\"body\":\"本文\",\"tlp\":\"green\",\"organisations\":[\""
                + inside.code()
                + "\",\""
                + nowhere.code()
                + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox where channel = 'webhook' and"
                                + " organisation_id in (?, ?) and last_error is not null")
                        .params(inside.id(), nowhere.id())
                        .query(Long.class)
                        .single()
                    == 2);
    String insideError = lastError(inside);
    String nowhereError = lastError(nowhere);
    assertThat(masked(insideError, "inside"))
        .as("what the organisation's admins read of the failed delivery")
        .isEqualTo(masked(nowhereError, "nowhere"));
    // and its audit entries, in the organisation's name
    List<String> insideAudit = audited(inside);
    List<String> nowhereAudit = audited(nowhere);
    assertThat(insideAudit.stream().map(d -> masked(d, "inside")).distinct().toList())
        .isEqualTo(nowhereAudit.stream().map(d -> masked(d, "nowhere")).distinct().toList());
    for (Organisation o : List.of(inside, nowhere)) {
      String seen =
          http()
              .bearer(fixtures.token(fixtures.user(o, Role.ORG_ADMIN)))
              .get("/api/v1/audit?action=outbound.refused")
              .body();
      assertThat(seen).doesNotContain("private", "resolves to");
    }
  }

  private String lastError(Organisation o) {
    return jdbc.sql(
            "select last_error from outbox where channel = 'webhook' and organisation_id = ?")
        .param(o.id())
        .query(String.class)
        .single();
  }

  private List<String> audited(Organisation o) {
    return jdbc.sql(
            "select action || ' ' || outcome || ' ' || coalesce(detail, '') from audit_event"
                + " where actor_org_id = ? and actor = 'delivery:webhook'")
        .param(o.id())
        .query(String.class)
        .list();
  }

  private static String site(String where) {
    return "{\"name\":\""
        + Fixtures.unique("site")
        + "\",\"url\":\"https://www."
        + where
        + ".test/\",\"expectedStatus\":200,"
        + "\"intervalSeconds\":3600,\"stateTlp\":\"green\",\"detailTlp\":\"amber_strict\","
        + "\"enabled\":false}";
  }

  /** The text with the name's distinct part, and a new webhook secret, made alike. */
  private static String masked(String text, String where) {
    return text.replace(where + ".test", "HOST.test")
        .replaceAll("\"newWebhookSecret\":\"[^\"]*\"", "\"newWebhookSecret\":\"SECRET\"");
  }
}
