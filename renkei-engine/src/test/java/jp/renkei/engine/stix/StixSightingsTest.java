package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.match.MatchSummary;
import jp.renkei.engine.policy.Tlp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StixSightingsTest {

  final StixValidator validator = new StixValidator();

  @Test
  void oneValidSightingPerStixIndicatorWithCountsAndTimesOnly() {
    ObjectNode identity =
        (ObjectNode)
            JsonMapper.builder()
                .build()
                .readTree(
                    "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"identity--0c7b5b88-8ff7-4a4d-aa9c-feb398cd0062\","
                        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                        + "\"name\":\"さくら架空銀行\",\"identity_class\":\"organization\"}");
    ObjectNode b =
        StixSightings.bundle(
            List.of(
                new MatchSummary.Row(
                    "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                    31,
                    23,
                    "1700000000.250",
                    "1700003600.000"),
                new MatchSummary.Row("list-7", 4, 1, "1700000000.0", "1700000001.0")),
            identity,
            Tlp.AMBER,
            Instant.parse("2026-11-22T00:00:00Z"));
    JsonNode objects = b.path("objects");
    assertThat(objects).hasSize(2);
    JsonNode s = objects.get(1);
    assertThat(validator.validate(s)).isEmpty();
    assertThat(s.path("count").asInt()).isEqualTo(31);
    assertThat(s.path("first_seen").asString()).isEqualTo("2023-11-14T22:13:20.250Z");
    assertThat(s.path("where_sighted_refs").get(0).asString()).startsWith("identity--");
    assertThat(s.toString()).doesNotContain("client").doesNotContain("line");

    JsonNode anonymous =
        StixSightings.bundle(
                List.of(
                    new MatchSummary.Row(
                        "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", 1, 1, "x", "y")),
                null,
                Tlp.AMBER,
                Instant.now())
            .path("objects")
            .get(0);
    assertThat(validator.validate(anonymous)).isEmpty();
    assertThat(anonymous.has("where_sighted_refs")).isFalse();
    assertThat(anonymous.has("first_seen")).isFalse();
  }
}
