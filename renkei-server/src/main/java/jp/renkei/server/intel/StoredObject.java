package jp.renkei.server.intel;

import java.time.Instant;
import jp.renkei.engine.policy.Tlp;

/** One stored version of a STIX object, with what the policy and TAXII need about it. */
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
    String body) {}
