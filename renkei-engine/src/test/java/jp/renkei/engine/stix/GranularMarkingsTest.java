package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GranularMarkingsTest {

  static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
  static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

  final JsonNode report =
      JsonMapper.builder()
          .build()
          .readTree(
              """
              {"type":"report","id":"report--1","name":"n","description":"secret detail",
               "labels":["a","b","c"],
               "external_references":[{"source_name":"x","url":"https://internal.example/1"}],
               "granular_markings":[
                 {"marking_ref":"%s","selectors":["description","labels.[0]","labels.[2]",
                   "external_references.[0].url"]},
                 {"marking_ref":"%s","selectors":["name"]}]}
              """
                  .formatted(RED, GREEN));

  @Test
  void removesWhatTheReaderMayNotSee() {
    JsonNode seen = GranularMarkings.redact(report, ref -> !ref.equals(RED));
    assertThat(seen.has("description")).isFalse();
    assertThat(seen.path("labels").toString()).isEqualTo("[\"b\"]");
    assertThat(seen.path("external_references").get(0).has("url")).isFalse();
    assertThat(seen.path("name").asString()).isEqualTo("n");
    assertThat(report.has("description")).as("the stored object is untouched").isTrue();
  }

  @Test
  void returnsTheObjectItselfWhenAllIsVisible() {
    assertThat(GranularMarkings.redact(report, ref -> true)).isSameAs(report);
  }
}
