package jp.renkei.engine.stix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exercise marking (訓練) of STIX made inside an exercise run: one fixed statement
 * marking-definition 「【訓練】」, referenced from every object's {@code object_marking_refs}, the label
 * {@code 【訓練】} on every domain object, and the run's id as {@code x_renkei_exercise_run} on every
 * object, so that a receiver who reads only one of the three still knows the object is not real.
 * {@link #isExercise} recognises any of them; exercise objects never enter a real collection.
 */
public final class ExerciseMarking {

  /** The banner and label every exercise object carries (as {@code ExerciseScope.MARK}). */
  public static final String LABEL = "【訓練】";

  /** The custom property naming the exercise run. */
  public static final String RUN_PROPERTY = "x_renkei_exercise_run";

  /** The fixed id of the exercise marking-definition (name-based, stable across hubs). */
  public static final String ID =
      "marking-definition--"
          + StixPublisher.uuid5(StixPublisher.SCO_NAMESPACE, "renkei:exercise-marking:v1");

  private static final String CREATED = "2026-11-30T00:00:00.000Z";

  private static final String STATEMENT =
      LABEL + " 演習・訓練のためのデータです。実際の脅威情報ではありません。" + " / EXERCISE data, not real threat information.";

  private ExerciseMarking() {}

  /** The marking-definition object itself (a STIX 2.1 statement marking). */
  public static ObjectNode definition() {
    ObjectNode d = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    d.put("type", "marking-definition");
    d.put("spec_version", "2.1");
    d.put("id", ID);
    d.put("created", CREATED);
    d.put("name", LABEL);
    d.put("definition_type", "statement");
    d.putObject("definition").put("statement", STATEMENT);
    return d;
  }

  /**
   * Marks every object of {@code bundle} (in place) as made in exercise run {@code runId} and adds
   * the marking-definition to it; returns the bundle.
   */
  public static ObjectNode mark(ObjectNode bundle, long runId) {
    ArrayNode objects =
        bundle.get("objects") instanceof ArrayNode a ? a : bundle.putArray("objects");
    for (JsonNode n : objects) {
      if (!(n instanceof ObjectNode o) || ID.equals(o.path("id").asString(""))) {
        continue;
      }
      o.put(RUN_PROPERTY, runId);
      if ("marking-definition".equals(o.path("type").asString(""))) {
        continue;
      }
      ArrayNode refs =
          o.get("object_marking_refs") instanceof ArrayNode r
              ? r
              : o.putArray("object_marking_refs");
      if (!contains(refs, ID)) {
        refs.add(ID);
      }
      if (isDomainObject(o)) {
        ArrayNode labels = o.get("labels") instanceof ArrayNode l ? l : o.putArray("labels");
        if (!contains(labels, LABEL)) {
          labels.add(LABEL);
        }
      }
    }
    boolean present = false;
    for (JsonNode n : objects) {
      present |= ID.equals(n.path("id").asString(""));
    }
    if (!present) {
      objects.insert(0, definition());
    }
    return bundle;
  }

  /**
   * Whether a STIX object is exercise data: the exercise marking-definition itself, an object
   * referring to it, labelled {@code 【訓練】}, or naming an exercise run.
   */
  public static boolean isExercise(JsonNode o) {
    if (o == null || !o.isObject()) {
      return false;
    }
    return ID.equals(o.path("id").asString(""))
        || o.has(RUN_PROPERTY)
        || contains(o.path("object_marking_refs"), ID)
        || contains(o.path("labels"), LABEL);
  }

  private static boolean contains(JsonNode array, String value) {
    if (array == null || !array.isArray()) {
      return false;
    }
    for (JsonNode v : array) {
      if (v.isString() && v.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** SDOs and SROs take labels; cyber observables (SCOs) do not. */
  private static boolean isDomainObject(ObjectNode o) {
    return StixTypes.specCategory(o.path("type").asString(""))
        .map(c -> c == StixTypes.Category.SDO || c == StixTypes.Category.SRO)
        .orElse(false);
  }
}
