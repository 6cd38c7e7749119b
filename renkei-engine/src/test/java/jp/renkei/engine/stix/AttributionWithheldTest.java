package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AttributionWithheldTest {

  static final String HIDDEN = "identity--00000000-0000-4000-8000-000000000001";
  static final String SHOWN = "identity--00000000-0000-4000-8000-000000000002";
  final JsonMapper json = JsonMapper.builder().build();

  @Test
  void removesEveryReferenceToAHiddenIdentityAndMarksTheObject() {
    JsonNode sighting =
        json.readTree(
            """
            {"type":"sighting","id":"sighting--1","created_by_ref":"%1$s",
             "sighting_of_ref":"indicator--1","where_sighted_refs":["%2$s","%1$s"],
             "x_opencti_created_by_ref":"%1$s","object_refs":["%1$s"],
             "extensions":{"extension-definition--1":{"extension_type":"property-extension",
               "x_analyst_ref":"%1$s","x_seen_refs":["%1$s","%2$s"],"x_sources_refs":["%1$s"]}}}
            """
                .formatted(HIDDEN, SHOWN));

    JsonNode served = AttributionWithheld.strip(sighting, Set.of(HIDDEN));

    assertThat(served.has("created_by_ref")).isFalse();
    assertThat(served.has("x_opencti_created_by_ref")).isFalse();
    assertThat(served.has("object_refs")).as("a list left empty is removed").isFalse();
    assertThat(served.get("where_sighted_refs").size()).isEqualTo(1);
    assertThat(served.get("where_sighted_refs").get(0).asString()).isEqualTo(SHOWN);
    assertThat(served.get("sighting_of_ref").asString()).isEqualTo("indicator--1");
    assertThat(served.get(AttributionWithheld.PROPERTY).asBoolean()).isTrue();
    // attack31: a property extension's properties are the object's, one level down (STIX 2.1
    // section 7.3); its references were served whole
    JsonNode extension = served.get("extensions").get("extension-definition--1");
    assertThat(served.get("extensions").toString()).doesNotContain(HIDDEN);
    assertThat(extension.has("x_analyst_ref")).isFalse();
    assertThat(extension.has("x_sources_refs")).isFalse();
    assertThat(extension.get("x_seen_refs").size()).isEqualTo(1);
    assertThat(extension.get("extension_type").asString()).isEqualTo("property-extension");
    assertThat(sighting.get("created_by_ref").asString())
        .as("the stored object is not changed")
        .isEqualTo(HIDDEN);
  }

  /**
   * A reference however deep (custom properties holding objects in lists in objects) is found, and
   * only the reference goes: the nesting's other values stay.
   */
  @Test
  void aReferenceNestedDeepInCustomPropertiesIsRemovedToo() {
    StringBuilder deep = new StringBuilder("{\"x_by_ref\":\"" + HIDDEN + "\",\"keep\":1}");
    for (int i = 0; i < 200; i++) {
      deep.insert(0, "{\"x_level\":[").append("]}");
    }
    JsonNode note =
        json.readTree("{\"type\":\"note\",\"id\":\"note--1\",\"x_provenance\":" + deep + "}");

    JsonNode served = AttributionWithheld.strip(note, Set.of(HIDDEN));

    assertThat(served.toString()).doesNotContain(HIDDEN).contains("\"keep\":1");
    assertThat(served.get(AttributionWithheld.PROPERTY).asBoolean()).isTrue();
    assertThat(note.toString()).as("the stored object is not changed").contains(HIDDEN);
  }

  /**
   * A translation of a hidden identity carries its name in other languages: served without it, and
   * without the reference; a translation of another object keeps its contents.
   */
  @Test
  void aTranslationOfAHiddenIdentityLosesItsContents() {
    String template =
        """
        {"type":"language-content","id":"language-content--1","object_ref":"%s",
         "object_modified":"2025-06-01T00:00:00.000Z","contents":{"ja":{"name":"B銀行 CSIRT"}}}
        """;
    JsonNode ofHidden = json.readTree(template.formatted(HIDDEN));
    JsonNode ofShown = json.readTree(template.formatted(SHOWN));

    JsonNode served = AttributionWithheld.strip(ofHidden, Set.of(HIDDEN));

    assertThat(served.toString()).doesNotContain(HIDDEN, "B銀行", "object_modified");
    assertThat(served.get(AttributionWithheld.PROPERTY).asBoolean()).isTrue();
    assertThat(AttributionWithheld.strip(ofShown, Set.of(HIDDEN))).isSameAs(ofShown);
  }

  @Test
  void anObjectNamingNoHiddenIdentityIsServedAsItIs() {
    JsonNode indicator =
        json.readTree(
            """
            {"type":"indicator","id":"indicator--1","created_by_ref":"%s",
             "description":"mentions %s in text only"}
            """
                .formatted(SHOWN, HIDDEN));

    assertThat(AttributionWithheld.strip(indicator, Set.of(HIDDEN))).isSameAs(indicator);
    assertThat(AttributionWithheld.strip(indicator, Set.of())).isSameAs(indicator);
  }
}
