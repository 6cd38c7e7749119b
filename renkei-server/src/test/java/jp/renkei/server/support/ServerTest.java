package jp.renkei.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import jp.renkei.server.RenkeiApplication;
import jp.renkei.server.demo.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the server's integration tests: the whole application on a random port, backed by one
 * real embedded PostgreSQL per test JVM (in a temporary data directory, fsync off), with the demo
 * directory loaded. Tests create what they change through {@link Fixtures}, with unique names, so
 * they do not depend on each other or on order.
 */
@org.springframework.context.annotation.Import({Fixtures.class, CheapPasswordHashing.class})
@SpringBootTest(
    classes = RenkeiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// every test signs in from 127.0.0.1: the per-address limit would couple them (SignInThrottleIT
// tests it in a context of its own, overriding this)
@org.springframework.test.context.TestPropertySource(
    properties = {
      "renkei.security.client-failure-limit=100000",
      // discovery probes only what a test starts on loopback, never on the hub's own cadence
      "renkei.discovery.schedule=false"
    })
public abstract class ServerTest {

  static final Path DATA_DIR;

  /** A real SMTP server for the whole test JVM; advisory e-mails land here. */
  public static final com.icegreen.greenmail.util.GreenMail MAIL;

  static {
    try {
      DATA_DIR = TestFiles.directory("renkei-test-");
      int port;
      try (java.net.ServerSocket s =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      MAIL =
          new com.icegreen.greenmail.util.GreenMail(
              new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
      MAIL.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The subject and text of every message {@link #MAIL} received for {@code address} (its first
   * recipient), in the order they arrived.
   */
  public static java.util.List<String> mailTextsTo(String address) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (jakarta.mail.internet.MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        out.add(m.getSubject() + "\n" + m.getContent());
      }
    }
    return out;
  }

  /** The one range outbound requests may reach in tests; 127.0.0.2 and the rest stay refused. */
  public static final String ALLOWED_OUTBOUND_RANGE = "127.0.0.1/32";

  /** A test class may slow the outbox sender down by setting this before the context starts. */
  protected static final String SENDER_POLL_PROPERTY = "renkei.test.sender-poll";

  /**
   * A test class may send its instance's mail to another server (a slow one) by setting this to its
   * port before the context starts, and clearing it after.
   */
  protected static final String MAIL_PORT_PROPERTY = "renkei.test.mail-port";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("renkei.data-dir", DATA_DIR::toString);
    registry.add("renkei.database.embedded-fsync", () -> "false");
    // small enough that a test can exceed it cheaply (the default is 32 MiB)
    registry.add("renkei.taxii.max-content-length", () -> "1048576");
    // webhook receivers and the remote hub of the tests listen on 127.0.0.1 over plain http: the
    // hub refuses both by default (docs/security.md), so the tests allow exactly that address
    registry.add("renkei.outbound.allow-ranges", () -> ALLOWED_OUTBOUND_RANGE);
    registry.add("renkei.outbound.allow-http", () -> "true");
    // tests poll feeds themselves (pollNow, pollDue), never behind their back
    registry.add("renkei.feeds.check-interval", () -> "1h");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add(
        "spring.mail.port", () -> Integer.getInteger(MAIL_PORT_PROPERTY, MAIL.getSmtp().getPort()));
    registry.add(
        "renkei.notify.poll-interval", () -> System.getProperty(SENDER_POLL_PROPERTY, "200ms"));
  }

  @LocalServerPort protected int port;
  @Autowired protected DemoData demo;
  @Autowired protected Fixtures fixtures;

  @BeforeEach
  void demoDirectory() {
    if (demo.databaseIsEmpty()) {
      demo.load();
    }
  }

  protected Http http() {
    return new Http(port);
  }
}
