package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StixBundleReaderTest {

  final List<String> seen = new ArrayList<>();

  StixBundleReader.Result read(String json) {
    return StixBundleReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        new StixBundleReader.Sink() {
          @Override
          public void object(int index, long line, JsonNode object) {
            seen.add(index + "@" + line + ":" + object.path("id").asString());
          }

          @Override
          public void rejected(int index, long line, String message) {
            seen.add(index + "@" + line + " rejected: " + message);
          }
        });
  }

  @Test
  void readsBundlesEnvelopesAndArrays() {
    assertThat(
            read(
                "{\"type\":\"bundle\",\"id\":\"bundle--x\",\"objects\":[{\"id\":\"a\"},\n{\"id\":\"b\"}]}"))
        .isEqualTo(new StixBundleReader.Result(2, null));
    assertThat(read("{\"more\":false,\"objects\":[{\"id\":\"c\"}]}").broken()).isNull();
    assertThat(read("[{\"id\":\"d\"}]").broken()).isNull();
    assertThat(seen).containsExactly("0@1:a", "1@2:b", "0@1:c", "0@1:d");
  }

  @Test
  void keepsWhatCameBeforeBrokenJsonAndSaysWhere() {
    StixBundleReader.Result r = read("{\"objects\":[{\"id\":\"a\"},\n{\"id\":\"b\",}]}");
    assertThat(seen).containsExactly("0@1:a");
    assertThat(r.broken()).startsWith("broken JSON at line 2, column").contains("object #1");
  }

  @Test
  void rejectsNonObjectsAndGoesOn() {
    assertThat(read("[1, \"x\", {\"id\":\"a\"}]").broken()).isNull();
    assertThat(seen)
        .containsExactly(
            "0@1 rejected: not a JSON object but a number",
            "1@1 rejected: not a JSON object but a string",
            "2@1:a");
  }

  @Test
  void saysWhatIsWrongWithTheWholeInput() {
    assertThat(read("").broken()).isEqualTo("the input is empty");
    assertThat(read("\"x\"").broken()).contains("not a STIX bundle");
    assertThat(read("{\"type\":\"indicator\",\"id\":\"indicator--1\"}").broken())
        .startsWith("a single indicator object, not a bundle");
    assertThat(read("{\"objects\":[{\"id\":\"a\"}").broken()).contains("broken JSON");
  }

  @Test
  void deepNestingIsRefusedWithItsLimit() {
    String deep = "[".repeat(100) + "]".repeat(100);
    StixBundleReader.Result r = read("{\"objects\":[{\"id\":\"a\",\"x\":" + deep + "}]}");
    assertThat(r.broken())
        .contains("nesting depth")
        .contains(String.valueOf(StixBundleReader.MAX_DEPTH));
  }

  @Test
  void anObjectOfTooManyTokensIsRejectedWhileReadAndTheNextOneIsRead() {
    // 250,000 empty objects are 750 KB, well under the byte limit, but would be 250,000 nodes
    String many = "{},".repeat(250_000) + "{}";
    StixBundleReader.Result r =
        read("{\"objects\":[{\"id\":\"a\",\"x\":[" + many + "]},\n{\"id\":\"b\"}]}");
    assertThat(r).isEqualTo(new StixBundleReader.Result(2, null));
    assertThat(seen)
        .containsExactly(
            "0@1 rejected: object of more than 200000 JSON tokens exceeds the limit of 200000"
                + " (names, values and brackets)",
            "1@2:b");
  }

  @Test
  void anObjectOverTheByteLimitIsRejectedBeforeItIsWhollyRead() {
    String text = "\"" + "a".repeat(1000) + "\",";
    String big = text.repeat(5_000) + "\"z\"";
    StixBundleReader.Result r =
        read("[{\"id\":\"a\",\"x\":[" + big + "]},{\"id\":\"b\"},{\"id\":\"c\",\"x\":[1]}]");
    assertThat(r.broken()).isNull();
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0))
        .matches("0@1 rejected: object of \\d+ bytes exceeds the limit of 4194304");
    assertThat(seen.subList(1, 3)).containsExactly("1@1:b", "2@1:c");
  }

  @Test
  void aHugeObjectOfEmptyObjectsCostsLittleMemoryToRefuse() {
    // 30 MiB of "{}," read as a tree would allocate well over a gigabyte of nodes
    byte[] start = "{\"objects\":[{\"id\":\"a\",\"x\":[".getBytes(StandardCharsets.UTF_8);
    byte[] end = "{}]},{\"id\":\"b\"}]}".getBytes(StandardCharsets.UTF_8);
    int n = 10_000_000;
    byte[] all = new byte[start.length + 3 * n + end.length];
    System.arraycopy(start, 0, all, 0, start.length);
    for (int i = 0; i < n; i++) {
      all[start.length + 3 * i] = '{';
      all[start.length + 3 * i + 1] = '}';
      all[start.length + 3 * i + 2] = ',';
    }
    System.arraycopy(end, 0, all, start.length + 3 * n, end.length);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    StixBundleReader.Result r =
        StixBundleReader.read(
            new ByteArrayInputStream(all),
            new StixBundleReader.Sink() {
              @Override
              public void object(int index, long line, JsonNode object) {
                seen.add(object.path("id").asString());
              }

              @Override
              public void rejected(int index, long line, String message) {
                seen.add(message);
              }
            });
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(r.broken()).isNull();
    assertThat(seen).hasSize(2).endsWith("b");
    // X
    // the budget's 200,000 nodes and the parser's buffers: tens of megabytes, not gigabytes
    assertThat(allocated).isLessThan(200L << 20);
  }

  @Test
  void anObjectWithAKeyTwiceIsRejectedNamingTheObjectAndTheKeyAndTheNextOneIsRead() {
    // the hub would keep the last value, a peer may take the first: nobody may be told two things
    StixBundleReader.Result r =
        read(
            "{\"objects\":[{\"type\":\"indicator\",\"id\":\"indicator--1\","
                + "\"object_marking_refs\":[\"marking-definition--green\"],"
                + "\"object_marking_refs\":[\"marking-definition--red\"]},\n"
                + "{\"id\":\"indicator--2\",\"type\":\"indicator\",\"id\":\"indicator--3\"},\n"
                + "{\"id\":\"indicator--4\",\"x\":{\"a\":1,\"b\":{\"c\":1,\"c\":2}}},\n"
                + "{\"id\":\"indicator--5\",\"x\":[{\"c\":1},{\"c\":2}]}]}");
    assertThat(r).isEqualTo(new StixBundleReader.Result(4, null));
    assertThat(seen)
        .containsExactly(
            "0@1 rejected: indicator--1: the key \"object_marking_refs\" appears twice in the"
                + " object; JSON readers differ in which value they take, so each key must appear"
                + " once",
            "1@2 rejected: indicator--2: the key \"id\" appears twice in the object; JSON readers"
                + " differ in which value they take, so each key must appear once",
            "2@3 rejected: indicator--4: the key \"x.b.c\" appears twice in the object; JSON"
                + " readers differ in which value they take, so each key must appear once",
            "3@4:indicator--5");
  }

  @Test
  void theIdOfAnObjectIsNamedEvenWhenItComesAfterTheRepeatedKey() {
    read("[{\"a\":1,\"a\":2,\"id\":\"indicator--9\"},{\"a\":1,\"a\":2}]");
    assertThat(seen)
        .containsExactly(
            "0@1 rejected: indicator--9: the key \"a\" appears twice in the object; JSON readers"
                + " differ in which value they take, so each key must appear once",
            "1@1 rejected: the key \"a\" appears twice in the object; JSON readers differ in"
                + " which value they take, so each key must appear once");
  }

  @Test
  void aBundleWithTwoObjectsArraysIsBroken() {
    StixBundleReader.Result r =
        read(
            "{\"type\":\"bundle\",\"objects\":[{\"id\":\"a\"}],\"id\":\"bundle--1\","
                + "\n\"objects\":[{\"id\":\"b\"}]}");
    assertThat(r.broken())
        .isEqualTo(
            "the key \"objects\" appears twice in the bundle (line 2): JSON readers differ in"
                + " which array they take; only the first was read");
    assertThat(seen).containsExactly("0@1:a");
  }

  @Test
  void theRepeatedKeysPathGoesThroughArraysAndALongKeyIsCut() {
    String key = "k".repeat(1000);
    read(
        "[{\"id\":\"report--1\",\"x\":[{\"c\":1},{\"c\":1,\"c\":2}]},"
            + "{\"id\":\"report--2\",\""
            + key
            + "\":1,\""
            + key
            + "\":2}]");
    assertThat(seen.get(0)).startsWith("0@1 rejected: report--1: the key \"x[1].c\" appears twice");
    assertThat(seen.get(1))
        .startsWith("1@1 rejected: report--2: the key \"" + "k".repeat(200) + "…\" appears twice");
  }

  @Test
  void aKeyRepeatedAfterManyOthersIsFoundAndManyDistinctKeysAreFine() {
    StringBuilder many = new StringBuilder("{\"id\":\"note--1\"");
    for (int k = 0; k < 40; k++) {
      many.append(",\"k").append(k).append("\":").append(k);
    }
    String distinct = many + "}";
    String repeated = many + ",\"k5\":0}";
    read("[" + distinct + "," + repeated + "]");
    assertThat(seen.get(0)).isEqualTo("0@1:note--1");
    assertThat(seen.get(1)).startsWith("1@1 rejected: note--1: the key \"k5\" appears twice");
  }
}
