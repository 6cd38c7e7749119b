package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.server.intel.MisnamedIdentities.Flagged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code renkei stix misnamed}'s three forms keep a stored name from breaking the listing. */
class MisnamedListingTest {

  static final Flagged ONE =
      new Flagged(
          "identity--6b0b8b6c-0000-4000-8000-000000000001",
          "=HYPERLINK(\"x\"), Bank A\tSOC\n",
          7,
          "op-b",
          "事業者B",
          "Operator B, Inc.",
          "unit",
          3,
          1,
          0);

  private static String print(MisnamedListing.Format format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MisnamedListing.print(
        List.of(ONE), format, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasAHeaderAndDefusesANameThatLooksLikeAFormula() {
    String[] lines = print(MisnamedListing.Format.csv).split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("stix_id,name,rule,organisation_id,organisation_code");
    assertThat(lines[1])
        .isEqualTo(
            "identity--6b0b8b6c-0000-4000-8000-000000000001,\"'=HYPERLINK(\"\"x\"\"), Bank A\tSOC\n"
                + "\",unit,7,op-b,事業者B,\"Operator B, Inc.\",3,1,0");
  }

  @Test
  void textIsOneLinePerIdentity() {
    String text = print(MisnamedListing.Format.text);
    assertThat(text.split("\n")).hasSize(1);
    assertThat(text.split("\t")).hasSize(10);
  }

  @Test
  void textShowsAFormatCharacterThatWouldReorderTheLineByItsCode() {
    // a right-to-left override in a stored name turns the rest of the terminal line around: the
    // organisation's code and counts would read as another's (attack32)
    Flagged rlo =
        new Flagged(
            "identity--6b0b8b6c-0000-4000-8000-000000000002",
            "Bank A\u202e0\t1\u001b[2K",
            7,
            "op-b",
            "事業者B",
            "Operator B, Inc.",
            "unit",
            3,
            1,
            0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MisnamedListing.print(
        List.of(rlo),
        MisnamedListing.Format.text,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\u202e").doesNotContain("\u001b").contains("Bank A\\u202e0 1");
  }

  @Test
  void jsonNamesTheOrganisationAndTheReferences() {
    JsonNode a = JsonMapper.builder().build().readTree(print(MisnamedListing.Format.json));
    assertThat(a.size()).isEqualTo(1);
    assertThat(a.get(0).path("name").asString()).isEqualTo(ONE.name());
    assertThat(a.get(0).path("organisation").path("code").asString()).isEqualTo("op-b");
    assertThat(a.get(0).path("referenced_by").path("created_by_ref").asLong()).isEqualTo(3);
  }
}
