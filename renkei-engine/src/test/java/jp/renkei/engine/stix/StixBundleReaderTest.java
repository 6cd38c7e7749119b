package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
}
