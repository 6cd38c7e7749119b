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
  void removesEveryTopLevelReferenceToAHiddenIdentityAndMarksTheObject() {
    JsonNode sighting =
        json.readTree(
            """
            {"type":"sighting","id":"sighting--1","created_by_ref":"%1$s",
             "sighting_of_ref":"indicator--1","where_sighted_refs":["%2$s","%1$s"],
             "x_opencti_created_by_ref":"%1$s","object_refs":["%1$s"],
             "extensions":{"x":{"created_by_ref":"%1$s"}}}
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
    assertThat(served.get("extensions").toString())
        .as("nested properties are not references of the object")
        .contains(HIDDEN);
    assertThat(sighting.get("created_by_ref").asString())
        .as("the stored object is not changed")
        .isEqualTo(HIDDEN);
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
