package jp.renkei.server.exposure.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.TokenScope;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.TXTRecord;

/**
 * Scope verification by a DNS TXT record (a DNS server this test starts on loopback) or an admin's
 * confirmation, and discovery probing only servers this test starts on loopback — with the
 * attacker's attempts: a declared but unverified range is never touched (the servers count every
 * connection), a name of the verified domain that resolves outside scope is refused, another
 * organisation's scope and findings answer as ids that never existed.
 */
class ScopeDiscoveryIT extends ServerTest {

  @Autowired ScopeService scopes;
  @Autowired DiscoveryService discovery;
  @Autowired jp.renkei.server.notice.NoticeHubChecks hubChecks;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** A TCP server on loopback that counts connections and greets (TLS when given a context). */
  static final class Counting implements AutoCloseable {
    final ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();

    Counting(SSLContext tls, String greeting) throws IOException {
      server =
          tls == null
              ? new ServerSocket(0, 20, InetAddress.getLoopbackAddress())
              : tls.getServerSocketFactory()
                  .createServerSocket(0, 20, InetAddress.getLoopbackAddress());
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                    if (s instanceof SSLSocket ssl) {
                      ssl.startHandshake();
                    } else if (greeting != null) {
                      s.getOutputStream().write(greeting.getBytes(StandardCharsets.US_ASCII));
                      s.getOutputStream().flush();
                    }
                  } catch (IOException e) {
                    // next
                  }
                }
              });
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static SSLContext tls(String... names) throws Exception {
    Path dir = TestFiles.directory("scope-tls-");
    Path ks = dir.resolve("k.p12");
    StringBuilder san = new StringBuilder();
    for (String n : names) {
      san.append(san.isEmpty() ? "SAN=" : ",").append("dns:").append(n);
    }
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keyalg",
                "EC",
                "-alias",
                "s",
                "-dname",
                "CN=" + names[0],
                "-ext",
                san.toString(),
                "-validity",
                "40",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor()).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(ks.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    Files.deleteIfExists(ks);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  @Test
  void aConfirmedRangeTheHubsOutboundGuardRefusesIsNeverProbed() throws Exception {
    // an admin confirms a loopback range by mistake: verified scope is necessary, not sufficient
    Organisation owner = fixtures.operator("ict");
    Actor a = fixtures.actor(fixtures.user(owner, Role.ANALYST));
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket inside = new ServerSocket(0, 20, InetAddress.getByName("127.0.0.2"))) {
      Thread t =
          new Thread(
              () -> {
                while (!inside.isClosed()) {
                  try {
                    Socket s = inside.accept();
                    accepted.incrementAndGet();
                    s.close();
                  } catch (IOException e) {
                    // closed
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      ScopeService.ScopeRow range = scopes.declare(a, "range", "127.0.0.2/32");
      scopes.confirm(Actor.cli(), range.id());
      DnsLookup lookup =
          DnsLookup.at(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 9), Duration.ofSeconds(1));
      DiscoveryService.Run run =
          discovery.run(
              owner.id(), "enumeration", List.of(inside.getLocalPort()), List.of(), lookup);
      assertThat(run.probes()).isZero();
      assertThat(run.refusals())
          .anySatisfy(r -> assertThat(r).contains("127.0.0.2").contains("outbound guard"));
      assertThat(accepted.get()).isZero();
    }
  }

  @Test
  void verifiesByTxtThenDiscoversOnlyInsideVerifiedScope() throws Exception {
    Organisation owner = fixtures.operator("ict");
    UserAccount analyst = fixtures.user(owner, Role.ANALYST);
    Actor a = fixtures.actor(analyst);
    String domain = Fixtures.unique("d").toLowerCase() + ".example";
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    try (LoopbackDns dns = new LoopbackDns();
        Counting web = new Counting(tls("www." + domain, "api." + domain, "far." + domain), null);
        Counting mail = new Counting(null, "220 mail." + domain + " ESMTP test\r\n")) {
      DnsLookup lookup = DnsLookup.at(dns.address(), Duration.ofSeconds(2));
      ScopeService.ScopeRow d = scopes.declare(a, "domain", domain.toUpperCase() + ".");
      assertThat(d.value()).isEqualTo(domain);
      assertThat(d.challengeName()).isEqualTo("_renkei-challenge." + domain);

      // not published yet; then published with a wrong token; then right
      assertThatThrownBy(() -> scopes.verifyByDns(a, d.id(), lookup))
          .isInstanceOf(InvalidInput.class);
      dns.add(
          new TXTRecord(
              LoopbackDns.name(d.challengeName()),
              LoopbackDns.in(),
              60,
              "renkei-verification=wrong"));
      assertThatThrownBy(() -> scopes.verifyByDns(a, d.id(), lookup))
          .isInstanceOf(InvalidInput.class);
      // each failed attempt is on the record, although the request itself is refused
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where action = 'scope.verify'"
                          + " and outcome = 'failure' and target_id = ?")
                  .param(String.valueOf(d.id()))
                  .query(Long.class)
                  .single())
          .isEqualTo(2);
      dns.add(
          new TXTRecord(
              LoopbackDns.name(d.challengeName()), LoopbackDns.in(), 60, d.challengeValue()));
      assertThat(scopes.verifyByDns(a, d.id(), lookup).verifiedHow()).isEqualTo("dns");

      dns.add(new ARecord(LoopbackDns.name(domain), LoopbackDns.in(), 60, lo));
      dns.add(new ARecord(LoopbackDns.name("www." + domain), LoopbackDns.in(), 60, lo));
      dns.add(new ARecord(LoopbackDns.name("api." + domain), LoopbackDns.in(), 60, lo));
      // a name of the verified domain pointed at someone else's server
      dns.add(
          new ARecord(
              LoopbackDns.name("far." + domain),
              LoopbackDns.in(),
              60,
              InetAddress.getByName("203.0.113.9")));

      // the range is declared but not verified: nothing is probed
      ScopeService.ScopeRow range = scopes.declare(a, "range", "127.0.0.1/32");
      List<Integer> ports = List.of(web.port(), mail.port());
      DiscoveryService.Run none =
          discovery.run(owner.id(), "discovery", ports, List.of(web.port()), lookup);
      DiscoveryService.Run none2 =
          discovery.run(owner.id(), "enumeration", ports, List.of(web.port()), lookup);
      assertThat(none.found()).isZero();
      assertThat(none2.probes()).isZero();
      assertThat(none.refusals())
          .contains(domain + " resolves to 127.0.0.1, outside the verified ranges");
      assertThat(web.accepted.get() + mail.accepted.get()).isZero();

      // another analyst cannot confirm; a platform admin can
      assertThatThrownBy(() -> scopes.confirm(a, range.id())).isInstanceOf(NotFound.class);
      scopes.confirm(Actor.cli(), range.id());

      DiscoveryService.Run run =
          discovery.run(owner.id(), "discovery", ports, List.of(web.port()), lookup);
      assertThat(run.refusals())
          .contains("far." + domain + " resolves to 203.0.113.9, outside the verified ranges");
      DiscoveryService.Run en =
          discovery.run(owner.id(), "enumeration", ports, List.of(web.port()), lookup);
      assertThat(en.found()).isGreaterThanOrEqualTo(2);
      List<DiscoveryService.Found> found = discovery.found(a, owner.id());
      assertThat(found)
          .extracting(DiscoveryService.Found::value)
          .contains(domain, "www." + domain, "api." + domain, "127.0.0.1");
      assertThat(found).extracting(DiscoveryService.Found::value).doesNotContain("far." + domain);
      DiscoveryService.Found tlsFacts =
          found.stream()
              .filter(f -> f.value().equals("www." + domain) && f.port() == web.port())
              .findFirst()
              .orElseThrow();
      assertThat(tlsFacts.facts())
          .contains("\"tlsProtocol\":\"TLSv1.")
          .contains("certificateExpires")
          .contains("api." + domain);
      DiscoveryService.Found banner =
          found.stream()
              .filter(f -> f.value().equals("127.0.0.1") && f.port() == mail.port())
              .findFirst()
              .orElseThrow();
      assertThat(banner.facts()).contains("220 mail." + domain + " ESMTP test");
      assertThat(banner.state()).isEqualTo("discovered");
      discovery.decide(a, banner.id(), true);
      assertThat(discovery.found(a, owner.id()))
          .filteredOn(f -> f.id() == banner.id())
          .extracting(DiscoveryService.Found::state)
          .containsExactly("confirmed");

      // the hub's own check feeds NOTICE: the "risky" port (the loopback mail server standing in
      // for telnet: the default risky ports need root to bind) open on the verified address
      // becomes one notification to the owner, marked as from the hub, with its evidence
      java.time.Instant since = java.time.Instant.now().minusSeconds(600);
      assertThat(
              jdbc.sql(
                      "select count(*) from notice n join notice_survey s on s.id = n.survey_id"
                          + " where n.holder_id = ? and s.source = 'hub'")
                  .param(owner.id())
                  .query(Integer.class)
                  .single())
          .as("the default risky ports are not the test servers'")
          .isZero();
      assertThat(hubChecks.fromEnumeration(owner.id(), en.id(), since, List.of(mail.port())))
          .isOne();
      assertThat(hubChecks.fromEnumeration(owner.id(), en.id(), since, List.of(mail.port())))
          .as("no duplicate while the first is open")
          .isZero();
      var hubNotice =
          jdbc.sql(
                  "select n.id, n.address, n.port, n.observation, n.holder_kind from notice n"
                      + " join notice_survey s on s.id = n.survey_id"
                      + " where n.holder_id = ? and s.source = 'hub'")
              .param(owner.id())
              .query(
                  (rs, i) ->
                      List.of(
                          rs.getLong(1),
                          rs.getString(2),
                          rs.getInt(3),
                          rs.getString(4),
                          rs.getString(5)))
              .single();
      assertThat(hubNotice.get(1)).isEqualTo("127.0.0.1");
      assertThat(hubNotice.get(2)).isEqualTo(mail.port());
      assertThat((String) hubNotice.get(3))
          .contains("Renkei のハブによる確認", "220 mail." + domain + " ESMTP test");
      assertThat(hubNotice.get(4)).isEqualTo("operator");
      Http ownNotice = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ)));
      assertThat(ownNotice.get("/api/v1/notice/notices/" + hubNotice.get(0)).body())
          .contains("\"source\":\"hub\"");

      // the attacker: another operator's analyst
      UserAccount other = fixtures.user(fixtures.operator("ict"), Role.ANALYST);
      Http h = http().bearer(fixtures.token(other, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
      assertThat(h.get("/api/v1/exposure/organisations/" + owner.id() + "/scope").statusCode())
          .isEqualTo(404);
      assertThat(
              h.postJson("/api/v1/exposure/discovered/" + banner.id() + "/dismiss", "{}")
                  .statusCode())
          .isEqualTo(404);
      assertThat(h.postJson("/api/v1/exposure/scope/" + range.id() + "/confirm", "{}").statusCode())
          .isEqualTo(404);
      assertThat(h.postJson("/api/v1/exposure/scope/" + d.id() + "/verify", "{}").statusCode())
          .isEqualTo(404);
      // and its own view lists nothing of the owner's
      assertThat(h.get("/api/v1/exposure/discovered").body()).doesNotContain(domain);
      assertThat(h.get("/api/v1/notice/notices/" + hubNotice.get(0)).statusCode()).isEqualTo(404);
      assertThat(h.get("/api/v1/notice/notices").body()).doesNotContain(domain);
      Http own = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ)));
      assertThat(own.get("/api/v1/exposure/scope").body())
          .contains(domain)
          .contains("renkei-verification=");
    }
  }

  @Test
  void badDeclarationsSayWhatIsWrong() {
    UserAccount analyst = fixtures.user(fixtures.operator("ict"), Role.ANALYST);
    Http h = http().bearer(fixtures.token(analyst, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));
    var r1 =
        h.postJson("/api/v1/exposure/scope", "{\"kind\":\"range\",\"value\":\"192.0.2.1/24\"}");
    assertThat(r1.statusCode()).isEqualTo(400);
    assertThat(r1.body()).contains("host bits set");
    var r2 = h.postJson("/api/v1/exposure/scope", "{\"kind\":\"domain\",\"value\":\"localhost\"}");
    assertThat(r2.statusCode()).isEqualTo(400);
    var r3 = h.postJson("/api/v1/exposure/scope", "{\"kind\":\"ports\",\"value\":\"x\"}");
    assertThat(r3.statusCode()).isEqualTo(400);
    assertThat(r3.body()).contains("ports");
  }
}
