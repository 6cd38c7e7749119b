package jp.renkei.engine.stix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 granular markings (§7.2.3): a marking that applies to selected properties of an object
 * only, with selectors such as {@code description}, {@code labels.[1]} or {@code
 * external_references.[0].url}. Serving an object, the properties under a marking the reader may
 * not see are removed.
 */
public final class GranularMarkings {

  private GranularMarkings() {}

  /** Where a selector points: the container and the key or index inside it. */
  record Target(JsonNode container, String key, int index) {}

  /** Resolves a selector against an object; empty when it selects nothing. */
  static Optional<Target> resolve(JsonNode object, String selector) {
    if (selector == null || selector.isEmpty()) {
      return Optional.empty();
    }
    String[] steps = selector.split("\\.", -1);
    JsonNode container = object;
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      boolean last = i == steps.length - 1;
      if (step.startsWith("[") && step.endsWith("]")) {
        if (!container.isArray()) {
          return Optional.empty();
        }
        int index;
        try {
          index = Integer.parseInt(step.substring(1, step.length() - 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (index < 0 || index >= container.size()) {
          return Optional.empty();
        }
        if (last) {
          return Optional.of(new Target(container, null, index));
        }
        container = container.get(index);
      } else {
        if (!container.isObject() || !container.has(step)) {
          return Optional.empty();
        }
        if (last) {
          return Optional.of(new Target(container, step, -1));
        }
        container = container.get(step);
      }
    }
    return Optional.empty();
  }

  /**
   * A copy of the object without the properties whose granular marking the reader may not see.
   *
   * @param visible whether the reader may see what a marking ref marks
   * @return the object itself when nothing is hidden
   */
  public static JsonNode redact(JsonNode object, Predicate<String> visible) {
    JsonNode granular = object.get("granular_markings");
    if (granular == null || !granular.isArray() || granular.isEmpty()) {
      return object;
    }
    List<String> hidden = new ArrayList<>();
    for (JsonNode g : granular) {
      String ref = g.path("marking_ref").asString(null);
      if (ref != null && !visible.test(ref)) {
        for (JsonNode s : g.path("selectors")) {
          hidden.add(s.asString(""));
        }
      }
    }
    if (hidden.isEmpty()) {
      return object;
    }
    ObjectNode copy = (ObjectNode) object.deepCopy();
    List<Target> targets = new ArrayList<>();
    for (String selector : hidden) {
      resolve(copy, selector).ifPresent(targets::add);
    }
    // array elements last-first, so removing one does not shift the next one's index
    targets.sort(Comparator.comparingInt(Target::index).reversed());
    for (Target t : targets) {
      if (t.key() != null) {
        ((ObjectNode) t.container()).remove(t.key());
      } else if (t.index() < t.container().size()) {
        ((ArrayNode) t.container()).remove(t.index());
      }
    }
    return copy;
  }
}
