package jp.renkei.engine.stix;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An object as served to a reader from whom some identities are withheld: every {@code _ref} naming
 * one of them is removed, and each {@code _refs} list loses them (and is removed when nothing is
 * left), so the object no longer says it was created by, sighted at or about an identity the reader
 * may not see. The object is then marked with {@value #PROPERTY} {@code true}, so that a reader
 * (and its tools) can tell the attribution was withheld by the hub and not absent from the object.
 *
 * <p>References are looked for at every depth (attack31): STIX 2.1 names a reference by the
 * property's suffix wherever the property is, and a property extension ({@code extensions} keyed by
 * an extension definition, section 7.3) holds its properties, references among them, one level down
 * ({@code "extensions":{"extension-definition--…":{"x_author_ref":"identity--…"}}}), as do
 * predefined extensions and custom properties holding objects.
 */
public final class AttributionWithheld {

  /** The custom property that marks a served object whose attribution was withheld. */
  public static final String PROPERTY = "x_renkei_attribution_withheld";

  private AttributionWithheld() {}

  /**
   * The object without its references to {@code hidden}, at any depth, marked; the same object when
   * it names none of them.
   */
  public static JsonNode strip(JsonNode object, Set<String> hidden) {
    if (!(object instanceof ObjectNode o) || hidden.isEmpty() || !walk(o, hidden, false)) {
      return object;
    }
    ObjectNode copy = o.deepCopy();
    if ("language-content".equals(o.path("type").asString(""))
        && o.path("object_ref").isString()
        && hidden.contains(o.path("object_ref").asString())) {
      // a translation of the withheld object is its content (STIX 2.1 section 7.1: its name and
      // description in other languages), withheld with it (attack31)
      copy.remove("contents");
      copy.remove("object_modified");
    }
    walk(copy, hidden, true);
    copy.put(PROPERTY, true);
    return copy;
  }

  /**
   * Whether {@code root} holds a reference to one of {@code hidden} at any depth; with {@code
   * remove}, removes each in place. Walked with a stack of its own, so that no nesting the parser
   * accepted is too deep to be looked at.
   */
  private static boolean walk(ObjectNode root, Set<String> hidden, boolean remove) {
    boolean found = false;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node instanceof ArrayNode a) {
        a.forEach(todo::push);
        continue;
      }
      if (!(node instanceof ObjectNode o)) {
        continue;
      }
      Map<String, JsonNode> replaced = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        String name = e.getKey();
        JsonNode v = e.getValue();
        if (name.endsWith("_ref") && v.isString() && hidden.contains(v.asString())) {
          found = true;
          replaced.put(name, null);
        } else if (name.endsWith("_refs") && v.isArray() && namesAny(v, hidden)) {
          found = true;
          ArrayNode kept = o.arrayNode();
          for (JsonNode x : v) {
            if (!(x.isString() && hidden.contains(x.asString()))) {
              kept.add(x);
            }
          }
          replaced.put(name, kept.isEmpty() ? null : kept);
        } else if (v.isContainer()) {
          todo.push(v);
        }
        if (found && !remove) {
          return true;
        }
      }
      replaced.forEach(
          (name, kept) -> {
            if (kept == null) {
              o.remove(name);
            } else {
              o.set(name, kept);
            }
          });
    }
    return found;
  }

  private static boolean namesAny(JsonNode list, Set<String> hidden) {
    for (JsonNode x : list) {
      if (x.isString() && hidden.contains(x.asString())) {
        return true;
      }
    }
    return false;
  }
}
