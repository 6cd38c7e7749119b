package jp.renkei.engine.stix;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.engine.match.MatchSummary;
import jp.renkei.engine.policy.Tlp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an operator tells the hub after matching: one STIX {@code sighting} per STIX indicator that
 * hit — how often ({@code count}), first and last seen — and nothing else: no log line, no internal
 * host. With an identity it says who saw it; anonymous sightings carry none (the hub still knows
 * the submitter, as with any post, and shows others only what the policy allows).
 */
public final class StixSightings {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StixSightings() {}

  /**
   * A bundle of sightings for the rows of {@link MatchSummary#byIndicatorId()} whose key is a STIX
   * indicator id; other rows (plain lists) have nothing to refer to and are left out.
   *
   * @param identity the operator's identity object (with {@code id}), or null for anonymous
   */
  public static ObjectNode bundle(
      List<MatchSummary.Row> rows, ObjectNode identity, Tlp tlp, Instant now) {
    ArrayNode objects = JSON.createArrayNode();
    String marking = TlpMarkings.idOf(tlp);
    if (identity != null) {
      objects.add(identity);
    }
    String created = StixTime.format(now);
    for (MatchSummary.Row r : rows) {
      if (!r.key().startsWith("indicator--")) {
        continue;
      }
      ObjectNode s = objects.addObject();
      s.put("type", "sighting");
      s.put("spec_version", "2.1");
      s.put("id", "sighting--" + UUID.randomUUID());
      s.put("created", created);
      s.put("modified", created);
      s.put("sighting_of_ref", r.key());
      s.put("count", (int) Math.min(999_999_999, r.hits()));
      Optional<Instant> first = time(r.firstSeen());
      Optional<Instant> last = time(r.lastSeen());
      if (first.isPresent() && last.isPresent() && !last.get().isBefore(first.get())) {
        s.put("first_seen", StixTime.format(first.get()));
        s.put("last_seen", StixTime.format(last.get()));
      }
      if (identity != null) {
        s.put("created_by_ref", identity.path("id").asString());
        s.putArray("where_sighted_refs").add(identity.path("id").asString());
      }
      s.putArray("object_marking_refs").add(marking);
    }
    ObjectNode b = JSON.createObjectNode();
    b.put("type", "bundle");
    b.put("id", "bundle--" + UUID.randomUUID());
    b.set("objects", objects);
    return b;
  }

  /** A log's time as an instant: epoch seconds (Squid, Zeek) or ISO 8601; else empty. */
  static Optional<Instant> time(String logTime) {
    if (logTime == null || logTime.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigDecimal seconds = new BigDecimal(logTime);
      return Optional.of(
          Instant.ofEpochSecond(
              seconds.longValue(),
              seconds.remainder(BigDecimal.ONE).movePointRight(9).abs().longValue()));
    } catch (NumberFormatException | ArithmeticException e) {
      // not epoch seconds
    }
    try {
      return Optional.of(Instant.parse(logTime));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
