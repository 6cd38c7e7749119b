package jp.renkei.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import org.junit.jupiter.api.Test;

/**
 * Reading a list takes the quick path for the common forms and {@code Observables} for the rest:
 * the indicators are those {@code Observables} makes of each line, bad lines are reported with
 * their number and reason, and the good lines around them are kept.
 */
class IndicatorListsTest {

  static final String LIST =
      String.join(
          "\n",
          "# a comment",
          "",
          "  Evil.Example.COM.  ",
          "192.0.2.1",
          "\t198.51.100.77/24",
          "http://Bad.Example.com./a%7e?q=%2f",
          "hxxp://bad[.]example.org/x",
          "c2[.]example(.)net",
          "d41d8cd98f00b204e9800998ecf8427e",
          "D41D8CD98F00B204E9800998ECF8427F",
          "2001:db8::1",
          "2001:db8::/32",
          "attacker@phish.example",
          "256.1.1.1",
          "例え.テスト",
          "xn--eckwd4c7c.xn--zckzah",
          "http://例え.テスト/",
          "domain-name localhost",
          "domain-name,Typed.Example,STIX--1",
          "cidr,10.1.2.3/8",
          "ipv4-addr 01.2.3.4",
          "url,http://a.example:8080/p",
          "md5 abc",
          "not an indicator at all",
          "   # indented comment",
          "1.2.3.4/33",
          "evil.example.com");

  @Test
  void keepsTheGoodLinesAndReportsTheBadOnesWithTheirNumbers() throws Exception {
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    IndicatorLists.Loaded loaded =
        IndicatorLists.read(new BufferedReader(new StringReader(LIST)), "l.txt", b);
    IndicatorIndex index = b.build();

    assertThat(loaded.lines()).isEqualTo(27);
    assertThat(loaded.firstRejected())
        .extracting(IndicatorLists.Rejected::line)
        .containsExactly(14L, 15L, 17L, 21L, 23L, 24L, 26L);
    assertThat(loaded.firstRejected().get(0).reason()).isEqualTo("not a recognisable indicator");
    assertThat(loaded.firstRejected().get(3).reason()).contains("not a dotted-quad");
    assertThat(loaded.rejected()).isEqualTo(7);

    List<Indicator> got = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      got.add(index.indicator(i));
    }
    assertThat(got).containsExactlyElementsOf(reference(LIST, "l.txt"));
    assertThat(got)
        .extracting(Indicator::value)
        .contains(
            "evil.example.com",
            "198.51.100.0/24",
            "http://bad.example.com/a~?q=%2F",
            "http://bad.example.org/x",
            "d41d8cd98f00b204e9800998ecf8427f",
            "10.0.0.0/8");
  }

  @Test
  void idsAreTheSourceAndLineWhateverTheSourceIsCalled() throws Exception {
    // list lines are kept as line numbers of a run from one source, not as id strings
    for (String source : List.of("", "feed:2024", "C:\\lists\\x.txt", "a:0", "l.txt")) {
      IndicatorIndex.Builder b = IndicatorIndex.builder(16);
      IndicatorLists.read(new BufferedReader(new StringReader(LIST)), source, b);
      IndicatorLists.read(new BufferedReader(new StringReader(LIST)), source + "2", b);
      IndicatorIndex index = b.build();
      List<Indicator> got = new ArrayList<>();
      for (int i = 0; i < index.size(); i++) {
        got.add(index.indicator(i));
      }
      assertThat(got).as(source).containsExactlyElementsOf(reference(LIST, source));
    }
  }

  @Test
  void aLongListIsReadAsOneLineAtATimeGivesIt() throws Exception {
    // longer than the part put into the index on the reading thread: the rest goes through the
    // second thread, in batches, and must come out in the same order with the same ids
    java.util.Random rnd = new java.util.Random(18);
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 5 * IndicatorLists.BATCH + 123; i++) {
      list.append(
              switch (rnd.nextInt(12)) {
                case 0 -> "d" + rnd.nextInt(3000) + ".Example.com";
                case 1 -> "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + ".0/24";
                case 2 -> "2001:db8::" + Integer.toHexString(rnd.nextInt(4000)) + "/120";
                case 3 -> "url,hxxp://u" + rnd.nextInt(2000) + "[.]example/p?q=%7e,feed:" + i;
                case 4 -> "not an indicator " + i;
                case 5 -> "# comment";
                case 6 -> "";
                case 7 -> "ipv4-addr 300.1.1." + rnd.nextInt(9);
                case 8 -> "domain-name,x" + i + ".example,STIX--" + i;
                case 9 -> "2001:DB8:0:0::" + Integer.toHexString(rnd.nextInt(4000));
                case 10 -> "http://h" + rnd.nextInt(500) + ".example/" + rnd.nextInt(9);
                default -> rnd.nextInt(256) + "." + rnd.nextInt(256) + ".1." + rnd.nextInt(256);
              })
          .append('\n');
    }
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    IndicatorLists.Loaded loaded =
        IndicatorLists.read(new BufferedReader(new StringReader(list.toString())), "big", b);
    IndicatorIndex index = b.build();
    List<Indicator> got = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      got.add(index.indicator(i));
    }
    List<Indicator> expected = reference(list.toString(), "big");
    assertThat(got.size()).isGreaterThan(2 * IndicatorLists.BATCH);
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(loaded.rejected()).isGreaterThan(IndicatorLists.MAX_REJECTED_KEPT);
    assertThat(loaded.firstRejected()).hasSize(IndicatorLists.MAX_REJECTED_KEPT);
  }

  /** What the list gives through {@code Observables} alone, one line at a time. */
  static List<Indicator> reference(String list, String source) {
    List<Indicator> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    String[] lines = list.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String id = source + ":" + (i + 1);
      String value = t;
      Optional<ObservableType> type;
      String[] csv = t.split(",", -1);
      String[] words = t.split("\\s+", 2);
      if (csv.length >= 2 && ObservableType.fromCode(csv[0].strip()).isPresent()) {
        type = ObservableType.fromCode(csv[0].strip());
        value = csv[1].strip();
        id = csv.length >= 3 ? csv[2].strip() : id;
      } else if (words.length == 2 && ObservableType.fromCode(words[0]).isPresent()) {
        type = ObservableType.fromCode(words[0]);
        value = words[1].strip();
      } else {
        type = Observables.detect(value);
      }
      if (type.isEmpty()) {
        continue;
      }
      try {
        String normal = Observables.parse(type.get(), value).value();
        if (seen.add(type.get() + " " + normal)) {
          out.add(new Indicator(id, type.get().code(), normal));
        }
      } catch (InvalidObservable e) {
        // rejected
      }
    }
    return out;
  }

  @Test
  void theTypeWordEndsAtTheSameCharactersAsBefore() {
    // the six characters the reader used to search for each character of a line
    String before = " \t\n\u000B\f\r";
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      assertThat(IndicatorLists.isSpace(c)).as("U+%04X", (int) c).isEqualTo(before.indexOf(c) >= 0);
    }
  }
}
