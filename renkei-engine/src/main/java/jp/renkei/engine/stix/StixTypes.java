package jp.renkei.engine.stix;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object types of STIX 2.1, by category, with the schema file that describes each. Custom
 * object types are those starting with {@code x-} (STIX 2.1 §11.2) or declared by a {@code
 * new-sdo}, {@code new-sco} or {@code new-sro} extension on the object itself.
 */
public final class StixTypes {

  /** What kind of STIX object a type is. */
  public enum Category {
    SDO,
    SCO,
    SRO,
    /** marking-definition, extension-definition, language-content */
    META,
    CUSTOM
  }

  private static final Set<String> SDOS =
      Set.of(
          "attack-pattern",
          "campaign",
          "course-of-action",
          "grouping",
          "identity",
          "incident",
          "indicator",
          "infrastructure",
          "intrusion-set",
          "location",
          "malware",
          "malware-analysis",
          "note",
          "observed-data",
          "opinion",
          "report",
          "threat-actor",
          "tool",
          "vulnerability");
  private static final Set<String> SCOS =
      Set.of(
          "artifact",
          "autonomous-system",
          "directory",
          "domain-name",
          "email-addr",
          "email-message",
          "file",
          "ipv4-addr",
          "ipv6-addr",
          "mac-addr",
          "mutex",
          "network-traffic",
          "process",
          "software",
          "url",
          "user-account",
          "windows-registry-key",
          "x509-certificate");
  private static final Set<String> SROS = Set.of("relationship", "sighting");
  private static final Map<String, String> META =
      Map.of(
          "marking-definition", "common/marking-definition.json",
          "extension-definition", "common/extension-definition.json",
          "language-content", "common/language-content.json");

  private StixTypes() {}

  /** The category of a spec type, or empty for a type the spec does not define. */
  public static Optional<Category> specCategory(String type) {
    if (SDOS.contains(type)) {
      return Optional.of(Category.SDO);
    }
    if (SCOS.contains(type)) {
      return Optional.of(Category.SCO);
    }
    if (SROS.contains(type)) {
      return Optional.of(Category.SRO);
    }
    if (META.containsKey(type)) {
      return Optional.of(Category.META);
    }
    return Optional.empty();
  }

  /** Whether an id may point at objects of this type: a spec type or an {@code x-} custom one. */
  public static boolean referenceable(String type) {
    return specCategory(type).isPresent() || type.startsWith("x-");
  }

  /** The schema file (under the bundled schemas folder) of a spec type. */
  static String schemaPath(String type) {
    if (SDOS.contains(type)) {
      return "sdos/" + type + ".json";
    }
    if (SCOS.contains(type)) {
      return "observables/" + type + ".json";
    }
    if (SROS.contains(type)) {
      return "sros/" + type + ".json";
    }
    return META.get(type);
  }
}
