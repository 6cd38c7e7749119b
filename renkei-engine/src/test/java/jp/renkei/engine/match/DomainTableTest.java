package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DomainTable} with a filter as dense as issue 18's million-indicator list makes (about 14
 * bits per key) against a plain map that walks a name's suffixes: every listed name, its subdomains
 * and random names not listed give the same answer, before and after a snapshot's way of rebuilding
 * the filter.
 */
class DomainTableTest {

  static final String[] TLDS = {"com", "net", "org", "jp", "co.jp", "example", "xn--zckzah"};

  final Random rnd = new Random(19);

  String label() {
    StringBuilder b = new StringBuilder();
    for (int i = 1 + rnd.nextInt(12); i > 0; i--) {
      b.append((char) ('a' + rnd.nextInt(26)));
    }
    if (rnd.nextInt(4) == 0) {
      b.append(rnd.nextInt(100_000));
    }
    if (rnd.nextInt(8) == 0) {
      b.append("-x");
    }
    return b.toString();
  }

  String name() {
    StringBuilder b = new StringBuilder(label());
    for (int i = rnd.nextInt(3); i > 0; i--) {
      b.append('.').append(label());
    }
    return b.append('.').append(TLDS[rnd.nextInt(TLDS.length)]).toString();
  }

  /**
   * The reference: the name itself, then its suffixes at its dots, the longest first, in a map; the
   * first listed one wins (the nearest listed parent, so when a name and its parent are both
   * listed, the name's own value is the answer).
   */
  static int reference(Map<String, Integer> keys, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    Integer v = keys.get(h);
    if (v != null) {
      return v;
    }
    for (int dot = h.indexOf('.'); dot >= 0; dot = h.indexOf('.', dot + 1)) {
      v = dot < h.length() - 1 ? keys.get(h.substring(dot + 1)) : null;
      if (v != null) {
        return v;
      }
    }
    return -1;
  }

  static int lookup(DomainTable t, String host) {
    byte[] b = ("x " + host + " y").getBytes(StandardCharsets.US_ASCII);
    return t.matchHost(b, 2, 2 + host.length());
  }

  @Test
  void findsWhatAPlainMapFinds() {
    int n = 300_000;
    Map<String, Integer> keys = new HashMap<>();
    List<String> listed = new ArrayList<>();
    DomainTable t = new DomainTable(n);
    while (keys.size() < n) {
      String d = name();
      if (!keys.containsKey(d)) {
        keys.put(d, keys.size());
        listed.add(d);
        assertThat(t.put(d, keys.get(d))).isEqualTo(-1);
      }
    }
    t.trim();
    check(t, keys, listed);
    t.filter(); // as a snapshot rebuilds it
    check(t, keys, listed);
  }

  @Test
  void aNameAndItsParentBothListedAnswerTheNearest() {
    DomainTable t = new DomainTable(4);
    t.put("evil.example", 1);
    t.put("a.evil.example", 2);
    t.put("example", 3);
    t.trim();
    assertThat(lookup(t, "x.a.evil.example")).isEqualTo(2);
    assertThat(lookup(t, "A.EVIL.example")).isEqualTo(2);
    assertThat(lookup(t, "b.evil.example")).isEqualTo(1);
    assertThat(lookup(t, "evil.example")).isEqualTo(1);
    assertThat(lookup(t, "other.example")).isEqualTo(3);
    assertThat(lookup(t, "example.org")).isEqualTo(-1);
  }

  private void check(DomainTable t, Map<String, Integer> keys, List<String> listed) {
    int found = 0;
    for (String d : listed) {
      assertThat(lookup(t, d)).as(d).isEqualTo(reference(keys, d));
    }
    for (int i = 0; i < 200_000; i++) {
      String host =
          switch (rnd.nextInt(4)) {
            case 0 -> label() + "." + listed.get(rnd.nextInt(listed.size()));
            case 1 -> listed.get(rnd.nextInt(listed.size())).toUpperCase(Locale.ROOT);
            default -> name();
          };
      int want = reference(keys, host);
      assertThat(lookup(t, host)).as(host).isEqualTo(want);
      if (want >= 0) {
        found++;
      }
    }
    assertThat(found).isGreaterThan(90_000);
  }
}
