package jp.renkei.engine.match;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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

  /** Reads {@code text} both ways and checks the byte reader gives what the text reader gives. */
  static void sameBothWays(String what, byte[] bytes) throws Exception {
    IndicatorIndex.Builder viaText = IndicatorIndex.builder(16);
    IndicatorLists.Loaded text =
        IndicatorLists.read(
            new BufferedReader(
                new java.io.InputStreamReader(
                    new java.io.ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT))),
            "l.txt",
            viaText);
    IndicatorIndex.Builder viaBytes = IndicatorIndex.builder(16);
    IndicatorLists.Loaded read = IndicatorLists.read(bytes, bytes.length, "l.txt", viaBytes);
    assertThat(read).as(what).isEqualTo(text);
    assertThat(all(viaBytes.build())).as(what).containsExactlyElementsOf(all(viaText.build()));
  }

  static List<Indicator> all(IndicatorIndex index) {
    List<Indicator> got = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      got.add(index.indicator(i));
    }
    return got;
  }

  @Test
  void theByteReaderReadsWhatTheTextReaderReads() throws Exception {
    List<String> lists =
        List.of(
            LIST,
            LIST + "\n",
            LIST.replace("\n", "\r\n"),
            LIST.replace("\n", "\r"),
            LIST.replace("\n", "\n\r"),
            "\uFEFF" + LIST, // a byte order mark stays part of the first line, as before
            "\uFEFFevil.example\r\n",
            "",
            "\n",
            "\r\n\r\n",
            "\r",
            "evil.example",
            "#only a comment",
            "\u3000evil.example\u3000\n\u2003198.51.100.1\u2003\n\u00A0192.0.2.1\n\u0085a.example",
            "\u001Cevil.example\u001F\n\u000B1.2.3.4\f\n\u0000evil.example\n",
            "evil.example\u0000\n1.2.3.4 \n\t\t# tabbed comment\n #x\n",
            "EVIL.Example.\nevil.example\nEvil.example..\n.evil.example\nevil..example\n",
            "-a.example\na-.example\na.-b.example\n_a.example\na_b.example\nx.y-\n",
            "a." + "b".repeat(63) + ".example\na." + "b".repeat(64) + ".example\n",
            "b".repeat(250) + ".example\n" + "c".repeat(2050) + "\n",
            "01.2.3.4\n1.2.3.4.\n1.2.3\n1.2.3.4.5\n256.1.1.1\n1.2.3.255\n0.0.0.0\n999\n",
            "1.2.3.4/0\n1.2.3.4/00\n1.2.3.4/08\n1.2.3.4/8\n1.2.3.4/32\n1.2.3.4/33\n1.2.3.4/\n",
            "1.2.3.4/8/9\n/8\n1.2.3.4/123\n10.1.2.3/8\n10.0.0.0/8\n1.2.3.4//8\na.b/8\n",
            "d41d8cd98f00b204e9800998ecf8427e\nD41D8CD98F00B204E9800998ECF8427E\n"
                + "da39a3ee5e6b4b0d3255bfef95601890afd80709\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                + "0".repeat(128)
                + "\n"
                + "0".repeat(32)
                + "\n"
                + "abc.def\nface.cafe\n12345678901234567890123456789012\n",
            "localhost\nexample\n1234.com\na.1234\nxn--eckwd4c7c.xn--zckzah\n",
            "domain-name evil.example\nDOMAIN-NAME,Evil.example,ID-1\nipv4-addr\t1.2.3.4\n",
            "url,http://a.example/x,\nurl , http://b.example/ , id2 \ncidr,1.2.3.0/24,\n",
            "md5,D41D8CD98F00B204E9800998ECF8427E\nsha1 zz\nfoo,bar\nevil.example,x\n",
            "http://user:pw@evil.example/p\nhttp://evil.example/@x\nhxxp://evil[.]example\n",
            "2001:db8::1\n2001:DB8::/32\n::ffff:1.2.3.4\nfe80::1%eth0\n",
            "attacker@phish.example\n例え.テスト\nhttp://例え.テスト/\névil.example\n",
            "::\n::1\n1::\n2001:0db8:0000:0000:0000:0000:0000:0001\n2001:db8:0:0:1:0:0:1\n"
                + "::ffff:102:304\n0:0:0:0:0:ffff:1.2.3.4\n1:2:3:4:5:6:7:8\n1:2:3:4:5:6:7:8:9\n"
                + "1::2::3\n:1\n1:\n12345::\nabcd:EF01::\n::ffff:0:1\n0:0:0:0:0:fffe::1\n"
                + "ABCD::/16\n:::\n1:2:3:4:5:6:7::\n::2:3:4:5:6:7:8\n0:0::0:0\n",
            "http://a.example\nHTTP://A.Example./x?y=%7e%2f\nhttps://a.example:443/\n"
                + "http://a.example:80\nhttp://a.example:8080/\nhttp://u:p@a.example/\n"
                + "http://a.example/@b\nftp://a.example/x\nhttp://-a.example/@evil.example\n"
                + "http://1.2.3.4/x\nhttp://01.2.3.4/x\nfoo://bar\na://b\n://x\nhttp://\n"
                + "http:///x\nhttp://a.example/%zz%4\nhttp://a.example,1\nevil.example:8080\n"
                + "hxxps://a.example\nhttp://a.example:+80/\nhttp://a.example:0/\n"
                + "url,http://a.example/q,x\nhttp://a.example/q,url\nhttp://a.example/\u00e9\n"
                + "1.2.3.4://x\nhttp://a.example/#frag\nhttp://a.example?q\nhttp://a.ex_ample/\n");
    for (String list : lists) {
      sameBothWays(list.length() > 60 ? list.substring(0, 60) : list, list.getBytes(UTF_8));
    }
  }

  @Test
  void theByteReaderReadsRandomLinesAsTheTextReaderDoes() throws Exception {
    // lines of the characters the quick byte path reads and those it leaves to the text path
    String chars = "abcdefxyzABCDEFXYZ0123456789....---__//::,# \t@%?=[~";
    Random rnd = new Random(12);
    for (int round = 0; round < 24; round++) {
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        int kind = rnd.nextInt(6);
        if (kind == 0) {
          list.append(rnd.nextInt(300)).append('.').append(rnd.nextInt(300)).append('.');
          list.append(rnd.nextInt(300)).append('.').append(rnd.nextInt(300));
          if (rnd.nextBoolean()) {
            list.append('/').append(rnd.nextInt(40));
          }
        } else if (kind == 4 && rnd.nextBoolean()) {
          // hex groups, some with a '::' (an address, or nearly one)
          int groups = 1 + rnd.nextInt(9);
          for (int k = 0; k < groups; k++) {
            list.append(k == 0 ? "" : rnd.nextInt(6) == 0 ? "::" : ":");
            for (int d = rnd.nextInt(6); d > 0; d--) {
              list.append("0123456789abcdefABCDEF".charAt(rnd.nextInt(rnd.nextBoolean() ? 1 : 22)));
            }
          }
        } else if (kind == 5 && rnd.nextBoolean()) {
          list.append(rnd.nextBoolean() ? "http://" : "HTTPS://");
          for (int k = rnd.nextInt(30); k > 0; k--) {
            list.append(chars.charAt(rnd.nextInt(chars.length())));
          }
        } else if (kind == 1) {
          for (int k = rnd.nextBoolean() ? 32 : 40; k > 0; k--) {
            list.append("0123456789abcdefABCDEF".charAt(rnd.nextInt(22)));
          }
        } else {
          for (int k = rnd.nextInt(kind == 2 ? 70 : 14); k > 0; k--) {
            list.append(chars.charAt(rnd.nextInt(chars.length())));
          }
        }
        list.append(rnd.nextInt(8) == 0 ? "\r\n" : "\n");
      }
      sameBothWays("round " + round, list.toString().getBytes(UTF_8));
    }
  }

  @Test
  void aListThatIsNotUtf8IsRefusedNamingTheLine() {
    byte[] list = "evil.example\n1.2.3.4\nbad\u00e9.example\n".getBytes(UTF_8);
    byte[] broken = java.util.Arrays.copyOf(list, list.length);
    broken[list.length - 10] = (byte) 0xC3; // é's first byte, then an ASCII byte: malformed
    broken[list.length - 9] = 'x';
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> IndicatorLists.read(broken, broken.length, "l.txt", b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("l.txt line 3: not UTF-8 text (save the list as UTF-8)");
  }

  @Test
  void aLongListReadFromAFileGivesWhatItsTextGives(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Random rnd = new Random(7);
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 6 * IndicatorLists.BATCH; i++) {
      list.append(
              switch (rnd.nextInt(8)) {
                case 0 -> "evil" + rnd.nextInt(9000) + ".Example.co.jp";
                case 1 -> rnd.nextInt(256) + "." + rnd.nextInt(256) + ".7." + rnd.nextInt(256);
                case 2 -> "10." + rnd.nextInt(256) + ".0.0/" + (8 + rnd.nextInt(25));
                case 3 -> "http://h" + rnd.nextInt(900) + ".example/p%7e" + rnd.nextInt(50);
                case 4 -> "domain-name,typed" + i + ".example,STIX--" + i;
                case 5 -> "2001:db8::" + Integer.toHexString(rnd.nextInt(3000));
                case 6 -> "# comment " + i;
                default -> Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong());
              })
          .append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    Path file = Files.writeString(dir.resolve("big.txt"), list);
    IndicatorIndex.Builder viaFile = IndicatorIndex.builder(16);
    IndicatorLists.Loaded read = IndicatorLists.read(file, "big.txt", viaFile);
    IndicatorIndex.Builder viaText = IndicatorIndex.builder(16);
    IndicatorLists.Loaded text =
        IndicatorLists.read(
            new BufferedReader(new StringReader(list.toString())), "big.txt", viaText);
    assertThat(read).isEqualTo(text);
    List<Indicator> got = all(viaFile.build());
    assertThat(got.size()).isGreaterThan(2 * IndicatorLists.BATCH);
    assertThat(got).containsExactlyElementsOf(all(viaText.build()));
  }
}
