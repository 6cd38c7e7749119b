package jp.renkei.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import jp.renkei.engine.exposure.CveReader;
import jp.renkei.engine.exposure.EpssReader;
import jp.renkei.engine.exposure.ExposureInputException;
import jp.renkei.engine.exposure.JvnReader;
import jp.renkei.engine.exposure.KevReader;
import jp.renkei.engine.exposure.NvdReader;
import jp.renkei.engine.exposure.ProductId;
import jp.renkei.engine.exposure.Versions;
import jp.renkei.engine.match.CsvMatcher;
import jp.renkei.engine.match.DnsLogMatcher;
import jp.renkei.engine.match.FieldMatcher;
import jp.renkei.engine.match.Hit;
import jp.renkei.engine.match.IndexSnapshot;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.match.IndicatorLists;
import jp.renkei.engine.match.JsonLinesMatcher;
import jp.renkei.engine.match.LogMatcher;
import jp.renkei.engine.match.MatchStats;
import jp.renkei.engine.match.SquidMatcher;
import jp.renkei.engine.match.ZeekMatcher;
import jp.renkei.engine.notice.Cidr;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;
import jp.renkei.engine.search.SearchQuery;
import jp.renkei.engine.stix.StixPattern;

/**
 * Fuzz targets for the other parsers that read outsiders' bytes: indicator lists and the log
 * formats of {@code renkei match}, the index snapshot (a file on disk another process may have
 * damaged), STIX patterns, CPE/purl names and versions, observables and search queries, CIDR
 * ranges, and the vulnerability feeds (CVE JSON 5, NVD, JVN, KEV, EPSS). Whatever the bytes, each
 * answers with a result or its own documented refusal — never another exception, a hang or a wrong
 * answer. Runs as {@link ParserFuzzTest} does (seeds replayed in every test run, fuzzed with {@code
 * JAZZER_FUZZ=1}; docs/fuzzing.md).
 */
class InputFuzzTest {

  /** Indicators the log targets look for (each type the index has a table for). */
  static final String LIST =
      "evil.example\n198.51.100.7\n203.0.113.0/24\nhttp://files.example/payload.exe\n"
          + "2001:db8::/32\nurl,https://cdn.example/a%7eb/,my-id\nmd5 d41d8cd98f00b204e9800998ecf8427e\n";

  private static final IndicatorIndex INDEX = index();

  private static IndicatorIndex index() {
    IndicatorIndex.Builder b = IndicatorIndex.builder(16);
    try {
      IndicatorLists.read(new BufferedReader(new StringReader(LIST)), "list", b);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return b.build();
  }

  /**
   * A list read from its bytes (the fast path) says the same as the list read as text, line by
   * line; a line that is not UTF-8 is refused naming the line.
   */
  @FuzzTest(maxDuration = "15s")
  void indicatorList(byte[] list) throws IOException {
    Path file = Files.createTempFile("renkei-fuzz", ".txt");
    try {
      Files.write(file, list);
      IndicatorIndex.Builder fromBytes = IndicatorIndex.builder(16);
      IndicatorLists.Loaded a;
      try {
        a = IndicatorLists.read(file, "list", fromBytes);
      } catch (IllegalArgumentException notUtf8) {
        assertThat(notUtf8.getMessage()).contains("line");
        return;
      }
      String text = utf8(list);
      if (text == null) {
        return; // the byte path took what the text path would refuse at decoding
      }
      IndicatorIndex.Builder fromText = IndicatorIndex.builder(16);
      IndicatorLists.Loaded b =
          IndicatorLists.read(new BufferedReader(new StringReader(text)), "list", fromText);
      assertThat(a).isEqualTo(b);
      IndicatorIndex x = fromBytes.build();
      IndicatorIndex y = fromText.build();
      assertThat(x.size()).isEqualTo(y.size());
      for (int i = 0; i < x.size(); i++) {
        assertThat(x.indicator(i)).isEqualTo(y.indicator(i));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Each log format over hostile lines: counts that add up, hits that name a real indicator and a
   * line that exists. The first byte picks the format.
   */
  @FuzzTest(maxDuration = "15s")
  void logLines(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    LogMatcher m =
        switch (Math.floorMod(input[0], 5)) {
          case 0 -> new SquidMatcher(INDEX);
          case 1 -> new ZeekMatcher(INDEX);
          case 2 -> new DnsLogMatcher(INDEX);
          case 3 ->
              new CsvMatcher(
                  INDEX, FieldMatcher.Fields.parse("host=host,url=url,client=src,time=ts"));
          default -> new JsonLinesMatcher(INDEX, FieldMatcher.Fields.ZEEK);
        };
    List<Hit> hits = new ArrayList<>();
    MatchStats s = m.match(new ByteArrayInputStream(input, 1, input.length - 1), hits::add);
    assertThat(s.hits()).isEqualTo(hits.size());
    assertThat(s.badLines()).isBetween(0L, s.lines());
    for (Hit h : hits) {
      assertThat(h.line()).isBetween(1L, s.lines());
      assertThat(INDEX.indicator(h.indicator())).isNotNull();
    }
  }

  /** A sound snapshot's body (after magic, version and fingerprint 42; before length and sum). */
  private static final byte[] GOOD_BODY = goodBody();

  private static byte[] goodBody() {
    try {
      Path file = Files.createTempFile("renkei-fuzz", ".renkei-index");
      try {
        IndicatorIndex.Builder b = IndicatorIndex.builder(16);
        List<IndicatorLists.Loaded> loaded =
            List.of(
                IndicatorLists.read(
                    new BufferedReader(new StringReader(LIST + "not an indicator\n")), "list", b));
        IndexSnapshot.write(file, 42L, b.build(), loaded);
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, 20, all.length - 16);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A snapshot altered but with its length and checksum made to fit (what a careless tool or an
   * attacker with write access could leave): refused with a reason, or an index that can be used
   * without failing. The input is edits to a sound snapshot's body: triples (position high, low,
   * new byte); a last single byte truncates the body to that fraction of 256, a last pair appends.
   */
  @FuzzTest(maxDuration = "15s")
  void snapshotBody(byte[] edits) throws IOException {
    byte[] body = GOOD_BODY.clone();
    int n = edits.length / 3 * 3;
    for (int i = 0; i < n; i += 3) {
      body[((edits[i] & 0xff) << 8 | (edits[i + 1] & 0xff)) % body.length] = edits[i + 2];
    }
    if (edits.length - n == 1) {
      body = java.util.Arrays.copyOf(body, body.length * (edits[n] & 0xff) / 256);
    } else if (edits.length - n == 2) {
      body = java.util.Arrays.copyOf(body, body.length + 2);
      body[body.length - 2] = edits[n];
      body[body.length - 1] = edits[n + 1];
    }
    Path file = Files.createTempFile("renkei-fuzz", ".renkei-index");
    try {
      ByteBuffer b = ByteBuffer.allocate(8 + 4 + 8 + body.length + 16);
      b.put("RENKEIX\n".getBytes(StandardCharsets.US_ASCII)).putInt(4).putLong(42L).put(body);
      int bodyLength = b.position();
      CRC32C crc = new CRC32C();
      crc.update(b.array(), 0, bodyLength);
      b.putLong(bodyLength).putLong(crc.getValue());
      Files.write(file, b.array());
      IndexSnapshot.Result r = IndexSnapshot.read(file, 42L);
      if (r.index() == null) {
        assertThat(r.problem()).isNotBlank();
        return;
      }
      IndicatorIndex index = r.index();
      for (int i = 0; i < index.size(); i++) {
        assertThat(index.indicator(i)).isNotNull();
      }
      List<Hit> hits = new ArrayList<>();
      new SquidMatcher(index)
          .match(
              new ByteArrayInputStream(
                  ("1 1 10.0.0.1 TCP_MISS/200 1 GET http://www.evil.example/x - "
                          + "HIER_DIRECT/203.0.113.9 -\n2 1 10.0.0.2 NONE/000 0 CONNECT "
                          + "[2001:db8::1]:443 - HIER_DIRECT/198.51.100.7 -\n")
                      .getBytes(StandardCharsets.US_ASCII)),
              hits::add);
      for (Hit h : hits) {
        assertThat(index.indicator(h.indicator())).isNotNull();
      }
      index.matchUrl("https://cdn.example/a~b/");
      index.matchExact("md5", "d41d8cd98f00b204e9800998ecf8427e");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** STIX patterns: observables or the reason the pattern is not supported. */
  @FuzzTest(maxDuration = "15s")
  void stixPattern(byte[] input) {
    String pattern = new String(input, StandardCharsets.UTF_8);
    StixPattern.Result r = StixPattern.parse(pattern);
    if (!r.supported()) {
      assertThat(r.unsupported()).isNotBlank();
    }
  }

  /** Observables, search queries and CIDR ranges from a stranger's text. */
  @FuzzTest(maxDuration = "15s")
  void observableText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Observables.detect(text);
    for (ObservableType t : ObservableType.values()) {
      try {
        assertThat(Observables.parse(t, text).value()).isNotNull();
      } catch (InvalidObservable refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
    try {
      SearchQuery.parse(text);
    } catch (SearchQuery.InvalidSearch refused) {
      assertThat(refused.reason()).isNotBlank();
    }
    try {
      Cidr.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  /** CPE 2.3 names, purls and version comparisons, split from the input at NUL bytes. */
  @FuzzTest(maxDuration = "15s")
  void productId(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String[] p = text.split("\0", -1);
    String cpe = p[0];
    String purl = p.length > 1 ? p[1] : null;
    String version = p.length > 2 ? p[2] : null;
    try {
      ProductId.of(cpe, purl, version);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    String other = p.length > 3 ? p[3] : "1.0";
    for (String type : new String[] {null, "semver", "deb", "rpm", "maven", "python", "git"}) {
      assertThat(Versions.compare(version == null ? cpe : version, other, type)).isNotNull();
    }
  }

  /** The vulnerability feeds; the first byte picks which reader gets the rest. */
  @FuzzTest(maxDuration = "15s")
  void knowledgeFeed(byte[] input) {
    if (input.length == 0) {
      return;
    }
    ByteArrayInputStream in = new ByteArrayInputStream(input, 1, input.length - 1);
    try {
      switch (Math.floorMod(input[0], 5)) {
        case 0 -> assertThat(CveReader.read(in, true).records()).isNotNull();
        case 1 -> assertThat(NvdReader.read(in).records()).isNotNull();
        case 2 -> assertThat(JvnReader.read(in)).isNotNull();
        case 3 -> assertThat(KevReader.read(in)).isNotNull();
        default ->
            assertThat(
                    EpssReader.read(
                            new StringReader(
                                new String(input, 1, input.length - 1, StandardCharsets.UTF_8)))
                        .scores())
                .isNotNull();
      }
    } catch (ExposureInputException refused) {
      assertThat(refused.where()).isNotNull();
      assertThat(refused.reason()).isNotNull();
    }
  }

  private static String utf8(byte[] b) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
