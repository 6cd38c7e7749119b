package jp.renkei.engine.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object as served to a reader from whom some identities are withheld: every top-level {@code
 * _ref} naming one of them is removed, and each top-level {@code _refs} list loses them (and is
 * removed when nothing is left), so the object no longer says it was created by, sighted at or
 * about an identity the reader may not see. The object is then marked with {@value #PROPERTY}
 * {@code true}, so that a reader (and its tools) can tell the attribution was withheld by the hub
 * and not absent from the object. Nested properties are left alone: the STIX 2.1 references to an
 * author or a place are top-level.
 */
public final class AttributionWithheld {

  /** The custom property that marks a served object whose attribution was withheld. */
  public static final String PROPERTY = "x_renkei_attribution_withheld";

  private AttributionWithheld() {}

  /**
   * The object without its top-level references to {@code hidden}, marked; the same object when it
   * names none of them.
   */
  public static JsonNode strip(JsonNode object, Set<String> hidden) {
    if (!(object instanceof ObjectNode o) || hidden.isEmpty()) {
      return object;
    }
    List<String> names = new ArrayList<>();
    for (String name : o.propertyNames()) {
      JsonNode v = o.get(name);
      if (name.endsWith("_ref") && v.isString() && hidden.contains(v.asString())) {
        names.add(name);
      } else if (name.endsWith("_refs") && v.isArray()) {
        for (JsonNode e : v) {
          if (e.isString() && hidden.contains(e.asString())) {
            names.add(name);
            break;
          }
        }
      }
    }
    if (names.isEmpty()) {
      return object;
    }
    ObjectNode copy = o.deepCopy();
    for (String name : names) {
      if (name.endsWith("_ref")) {
        copy.remove(name);
        continue;
      }
      ArrayNode kept = copy.arrayNode();
      for (JsonNode e : o.get(name)) {
        if (!(e.isString() && hidden.contains(e.asString()))) {
          kept.add(e);
        }
      }
      if (kept.isEmpty()) {
        copy.remove(name);
      } else {
        copy.set(name, kept);
      }
    }
    copy.put(PROPERTY, true);
    return copy;
  }
}
