package jp.renkei.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import jp.renkei.server.outbound.OutboundHttp;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * attack38: a monitored site's probe told its owner (any analyst) why the guard refused the site's
 * name ("destination refused: db.corp.internal is or resolves to a private address") and that a
 * name did not resolve ("unknown host …"), and tried the first once and the second again: each
 * registration of a name told the analyst whether it exists on the hub's internal network. Both now
 * read alike and are tried alike. The guard's two failures are thrown as {@link
 * OutboundHttp#checkedAddresses} throws them.
 */
class HttpProbeNameOracleTest {

  private static HttpProbe probe(RuntimeException failure, int[] lookups) {
    return new HttpProbe(
        new HttpProbe.Resolver() {
          @Override
          public InetAddress[] resolve(String host) {
            lookups[0]++;
            throw failure;
          }
        },
        Duration.ofSeconds(2));
  }

  @Test
  void aNameResolvingInsideReadsAndRetriesAsANameThatDoesNotResolve() {
    int[] insideLookups = {0};
    int[] nowhereLookups = {0};
    HttpProbe.Attempts inside =
        probe(
                new OutboundHttp.Refused(
                    "destination refused: db.corp.internal is or resolves to a private address",
                    "outbound.refused.address",
                    "db.corp.internal",
                    "outbound.kind.a-private-address"),
                insideLookups)
            .probe(
                new HttpProbe.Target(URI.create("https://db.corp.internal/"), 200, null),
                2,
                Duration.ofSeconds(1));
    HttpProbe.Attempts nowhere =
        probe(new OutboundHttp.Unreachable("unknown host db.corp.internal"), nowhereLookups)
            .probe(
                new HttpProbe.Target(URI.create("https://db.corp.internal/"), 200, null),
                2,
                Duration.ofSeconds(1));
    assertThat(inside.error()).isEqualTo(nowhere.error()).doesNotContain("private");
    assertThat(inside.attempts()).isEqualTo(nowhere.attempts()).isEqualTo(3);
    assertThat(insideLookups[0]).isEqualTo(nowhereLookups[0]);

    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/monitor");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    MonitorWords words = new MonitorWords(messages, null);
    assertThat(words.error(inside.error(), Locale.ENGLISH))
        .startsWith("Destination db.corp.internal gave no address");
    assertThat(words.error(inside.error(), Locale.JAPANESE))
        .startsWith("接続先 db.corp.internal の名前から");
  }
}
