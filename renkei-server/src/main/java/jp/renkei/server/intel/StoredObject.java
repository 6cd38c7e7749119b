package jp.renkei.server.intel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.renkei.engine.policy.Tlp;

/**
 * One stored version of a STIX object, with what the policy and TAXII need about it. {@code
 * granular} says whether it names granular markings (only then may parts of it be hidden from a
 * reader). The object itself is kept as the UTF-8 bytes the database sent ({@code json}, null where
 * a query left the body out): pages write them out as they are. A row read with its body leaves
 * {@code stixId}, {@code type}, {@code specVersion} and {@code version} null (the body says them).
 */
public record StoredObject(
    long seq,
    String stixId,
    String type,
    String specVersion,
    Instant version,
    Instant dateAdded,
    Tlp tlp,
    long originatorOrg,
    Long originatorPerson,
    Long sourceAdvisory,
    boolean granular,
    byte[] json) {

  /** The object as text, or null where the query left it out. */
  public String body() {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }
}
