package jp.renkei.engine.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.policy.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * What a store indexes about a (valid) STIX object.
 *
 * @param version the object's version: {@code modified}, else {@code created}, else null (an SCO or
 *     other unversioned object, whose version is the time it was added)
 */
public record StixMeta(
    String id,
    String type,
    StixTypes.Category category,
    String specVersion,
    Instant created,
    Instant modified,
    Instant version,
    String createdByRef,
    List<String> markingRefs,
    boolean revoked) {

  public static StixMeta of(JsonNode o) {
    String type = o.path("type").asString();
    StixTypes.Category category = StixTypes.specCategory(type).orElse(StixTypes.Category.CUSTOM);
    Instant created = StixTime.parse(o.path("created").asString(null)).orElse(null);
    Instant modified = StixTime.parse(o.path("modified").asString(null)).orElse(null);
    List<String> markings = new ArrayList<>();
    for (JsonNode m : o.path("object_marking_refs")) {
      markings.add(m.asString());
    }
    return new StixMeta(
        o.path("id").asString(),
        type,
        category,
        o.path("spec_version").asString("2.1"),
        created,
        modified,
        modified != null ? modified : created,
        o.path("created_by_ref").asString(null),
        List.copyOf(markings),
        o.path("revoked").asBoolean(false));
  }

  /** The object-level TLP, if a TLP marking is among its markings (the narrowest one). */
  public Optional<Tlp> tlp() {
    return TlpMarkings.narrowest(markingRefs);
  }
}
