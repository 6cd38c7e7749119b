package jp.renkei.engine.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link MailDomains#registrable}'s plain-host path ({@link MailDomains#plainRegistrable}) gives
 * what Guava's {@code InternetDomainName} gives ({@link MailDomains#guavaRegistrable}) for every
 * host.
 */
class RegistrableTest {

  /** What registrable answered before the plain-host path: Guava for every host. */
  private static String before(String host) {
    if (host == null || host.isEmpty()) {
      return host;
    }
    return MailDomains.guavaRegistrable(
        host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
  }

  private static void agree(String host) {
    assertThat(MailDomains.registrable(host)).as(host).isEqualTo(before(host));
  }

  @Test
  void hostsOfEveryShapeTheListKnows() {
    for (String h :
        List.of(
            "www.city.chiyoda.tokyo.jp",
            "city.kawasaki.jp",
            "www.city.kawasaki.jp",
            "a.b.kawasaki.jp",
            "kawasaki.jp",
            "mail.sakura-bank.co.jp",
            "co.jp",
            "jp",
            "evil.github.io",
            "github.io",
            "a.b.example.com",
            "EXAMPLE.COM",
            "Mail.Example.Co.JP",
            "www.ck",
            "a.www.ck",
            "foo.bar.ck",
            "bar.ck",
            "ck",
            "example.com.",
            "example.com..",
            ".example.com",
            "a..example.com",
            "-a.example.com",
            "a-.example.com",
            "a_b.example.com",
            "_dmarc.example.com",
            "example._com",
            "1.2.3.4",
            "192.168.0.1.example",
            "example.123",
            "example.1com",
            "localhost",
            "not a domain",
            "exa mple.com",
            "xn--p1ai",
            "xn--80ak6aa92e.xn--p1ai",
            "пример.рф",
            "例え.テスト",
            "example。com",
            "example．co．jp",
            "ünicode.example.de",
            "a".repeat(63) + ".com",
            "a".repeat(64) + ".com",
            ("a.".repeat(126)) + "com",
            ("a.".repeat(127)) + "com",
            ("abc.".repeat(62)) + "com",
            ("abc.".repeat(63)) + "com",
            "s3.amazonaws.com",
            "bucket.s3.amazonaws.com",
            "x.compute-1.amazonaws.com",
            "foo.blogspot.com",
            "-",
            ".",
            "..",
            "a")) {
      agree(h);
    }
  }

  @Test
  void randomHostsMadeOfListLabelsAndNoise() {
    String[] known = {
      "jp",
      "co",
      "ne",
      "or",
      "go",
      "ac",
      "tokyo",
      "chiyoda",
      "city",
      "kawasaki",
      "kobe",
      "com",
      "net",
      "org",
      "uk",
      "io",
      "github",
      "ck",
      "www",
      "blogspot",
      "s3",
      "amazonaws",
      "compute",
      "appspot",
      "bd",
      "er",
      "mm",
      "example",
      "paypal",
      "xn--p1ai",
      "рф",
      "xn--zckzah",
      "k12",
      "ak",
      "us",
      "pvt",
      "hokkaido",
      "sapporo",
      "lg",
      "ed",
      "gr",
      "com.br",
      "au",
      "nom",
      "kyoto",
      "jp."
    };
    String noise = "abcXYZ019-_.é。";
    Random r = new Random(20261202);
    for (int i = 0; i < 100_000; i++) {
      int labels = 1 + r.nextInt(6);
      StringBuilder h = new StringBuilder();
      for (int l = 0; l < labels; l++) {
        if (l > 0) {
          h.append('.');
        }
        if (r.nextInt(3) > 0) {
          String k = known[r.nextInt(known.length)];
          h.append(r.nextInt(10) == 0 ? k.toUpperCase(java.util.Locale.ROOT) : k);
        } else {
          int length = r.nextInt(40) == 0 ? 60 + r.nextInt(8) : r.nextInt(9);
          for (int c = 0; c < length; c++) {
            h.append(noise.charAt(r.nextInt(noise.length())));
          }
        }
      }
      if (r.nextInt(20) == 0) {
        h.append('.');
      }
      agree(h.toString());
    }
  }

  /** Dotted words of at least two labels, as hosts, links and addresses are written. */
  private static final Pattern DOTTED =
      Pattern.compile("[\\p{L}\\p{N}_-]+(?:[.。．][\\p{L}\\p{N}_-]+)+\\.?");

  /** Every dotted word of every message of the mail corpora (-Dmail.corpora=DIR); else skipped. */
  @Test
  void everyHostOfTheMailCorpora() throws IOException {
    String root = System.getProperty("mail.corpora");
    Assumptions.assumeTrue(root != null, "-Dmail.corpora=<dir from bench/mail-corpora.sh>");
    Set<String> hosts = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of(root))) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      Matcher m = DOTTED.matcher(text);
      while (m.find()) {
        hosts.add(m.group());
      }
    }
    for (String h : hosts) {
      agree(h);
      agree(h.toLowerCase(java.util.Locale.ROOT));
    }
    System.out.println(
        "RegistrableTest: " + hosts.size() + " dotted words of " + files.size() + " files agree");
    assertThat(hosts).hasSizeGreaterThan(10_000);
  }

  /**
   * The remembered answers ({@code MailDomains.REGISTRABLE}): hosts of many more shapes than the
   * table has slots, asked again and again in random order by four threads at once (slots replaced
   * under each other's reads), the long ones past the table's limit among them; every answer is
   * Guava's.
   */
  @Test
  void rememberedAnswersAreTheAnswersFromEveryThread() throws Exception {
    Random r = new Random(32);
    String[] labels = {
      "www", "mail", "co", "jp", "com", "tokyo", "s3", "amazonaws", "github", "io"
    };
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder h = new StringBuilder("h" + i);
      for (int n = r.nextInt(4); n >= 0; n--) {
        h.append('.').append(labels[r.nextInt(labels.length)]);
      }
      hosts.add(r.nextInt(10) == 0 ? h.toString().toUpperCase(java.util.Locale.ROOT) : h + "");
    }
    hosts.add("a".repeat(MailDomains.REMEMBERED_HOST - 7) + ".co.jp");
    hosts.add("a".repeat(MailDomains.REMEMBERED_HOST) + ".co.jp");
    hosts.add("sub." + "a".repeat(63) + "." + "b".repeat(300) + ".example.com.");
    List<String> expected = hosts.stream().map(RegistrableTest::before).toList();
    List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (int t = 0; t < 4; t++) {
        long seed = t;
        runs.add(
            pool.submit(
                () -> {
                  Random order = new Random(seed);
                  int wrong = 0;
                  for (int k = 0; k < 100_000; k++) {
                    int i = order.nextInt(hosts.size());
                    if (!expected.get(i).equals(MailDomains.registrable(hosts.get(i)))) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      for (java.util.concurrent.Future<Integer> run : runs) {
        assertThat(run.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < hosts.size(); i++) {
      assertThat(MailDomains.registrable(hosts.get(i))).as(hosts.get(i)).isEqualTo(expected.get(i));
    }
  }
}
