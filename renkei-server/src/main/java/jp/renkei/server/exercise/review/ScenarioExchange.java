package jp.renkei.server.exercise.review;

import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.exercise.Channel;
import jp.renkei.engine.exercise.Check;
import jp.renkei.engine.exercise.Target;
import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole scenario as JSON to share between hubs: {@code {"format": "renkei-exercise-scenario",
 * "version": 1, "scenario": {...}}} where the scenario is {@link ScenarioDocument}. Reading checks
 * the shape of every element (the optional {@code survey}, the 事後アンケート runs start with, included)
 * and reports every error at once, each with its JSON path ({@code $.scenario.injects[2].minute});
 * then the engine checks the scenario as a whole (unique keys, dependencies), naming the path of
 * the element it refuses.
 */
public final class ScenarioExchange {

  public static final String FORMAT = "renkei-exercise-scenario";
  public static final int VERSION = 1;

  /**
   * JSON tokens (names, values, brackets) one scenario file may hold: a scenario of 500 injects is
   * some 30,000; a file of {@link ScenarioDocument#MAX_CHARS} characters of {@code [0,0,...]} would
   * otherwise be half a million tree nodes.
   */
  public static final int MAX_TOKENS = 200_000;

  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).build())
                  // a key twice: another hub's reader may keep the other value
                  .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  private ScenarioExchange() {}

  public static String write(ScenarioDocument doc) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.set("scenario", JSON.valueToTree(doc));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  /** The scenario in {@code text}, or every error with its JSON path. */
  public static ScenarioDocument read(String text) {
    if (text.length() > ScenarioDocument.MAX_CHARS) {
      throw new InvalidInput("$", "exercise.validation.tooLarge", ScenarioDocument.MAX_CHARS);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      throw new InvalidInput("$", "exercise.validation.tooManyTokens", MAX_TOKENS);
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String twice = jp.renkei.server.failure.DuplicateKeys.key(e);
      if (twice != null) {
        throw new InvalidInput(
            "$",
            "aar.json.duplicateKey",
            twice,
            loc == null ? 0 : loc.getLineNr(),
            loc == null ? 0 : loc.getColumnNr());
      }
      throw new InvalidInput(
          "$",
          "aar.json.syntax",
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    }
    FieldErrors errors = new FieldErrors();
    if (root == null || !root.isObject()) {
      throw new InvalidInput("$", "aar.json.type", "$", "object");
    }
    if (!FORMAT.equals(root.path("format").asString(""))) {
      errors.add(new InvalidInput("$.format", "aar.json.format", "$.format", FORMAT));
    }
    if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
      errors.add(new InvalidInput("$.version", "aar.json.version", "$.version", VERSION));
    }
    JsonNode s = root.path("scenario");
    Shape shape = new Shape(errors);
    if (shape.object(s, "$.scenario")) {
      shape.only(
          s, "$.scenario", Set.of("title", "purpose", "objectives", "phases", "injects", "survey"));
      JsonNode survey = s.path("survey");
      if (!survey.isMissingNode()
          && !survey.isNull()
          && shape.object(survey, "$.scenario.survey")) {
        shape.only(survey, "$.scenario.survey", Set.of("questions", "ratings"));
        shape.strings(survey, "$.scenario.survey", "questions");
        shape.strings(survey, "$.scenario.survey", "ratings");
      }
      shape.string(s, "$.scenario", "title", true, 200);
      shape.string(s, "$.scenario", "purpose", false, 10_000);
      shape.strings(s, "$.scenario", "objectives");
      shape.each(
          s,
          "$.scenario",
          "phases",
          (p, at) -> {
            shape.only(p, at, Set.of("title", "startMinute", "prompts"));
            shape.string(p, at, "title", true, 200);
            shape.integer(p, at, "startMinute", true);
            shape.strings(p, at, "prompts");
          });
      shape.each(
          s,
          "$.scenario",
          "injects",
          (i, at) -> {
            shape.only(
                i,
                at,
                Set.of(
                    "key",
                    "minute",
                    "targets",
                    "sender",
                    "channel",
                    "title",
                    "content",
                    "expectations",
                    "onCommand",
                    "dependsOn",
                    "dependsOnOutcomes"));
            shape.string(i, at, "key", true, 40);
            shape.integer(i, at, "minute", true);
            shape.each(
                i,
                at,
                "targets",
                (t, tat) -> {
                  shape.only(t, tat, Set.of("kind", "value"));
                  shape.choice(t, tat, "kind", Target.Kind.class);
                  shape.string(t, tat, "value", false, 200);
                });
            shape.string(i, at, "sender", true, InjectSheet.MAX_SHORT);
            shape.choice(i, at, "channel", Channel.class);
            shape.string(i, at, "title", true, InjectSheet.MAX_SHORT);
            shape.string(i, at, "content", true, InjectSheet.MAX_TEXT);
            shape.bool(i, at, "onCommand");
            shape.string(i, at, "dependsOn", false, 40);
            shape.strings(i, at, "dependsOnOutcomes");
            shape.each(
                i,
                at,
                "expectations",
                (e, eat) -> {
                  shape.only(
                      e, eat, Set.of("key", "description", "targetMinutes", "points", "check"));
                  shape.string(e, eat, "key", true, 40);
                  shape.string(e, eat, "description", true, InjectSheet.MAX_TEXT);
                  shape.integer(e, eat, "targetMinutes", true);
                  shape.integer(e, eat, "points", true);
                  shape.string(e, eat, "check", false, 40);
                  if (e.path("check").isString() && !e.path("check").asString().isBlank()) {
                    shape.choice(e, eat, "check", Check.class);
                  }
                });
          });
    }
    errors.throwIfAny();
    ScenarioDocument doc = JSON.treeToValue(s, ScenarioDocument.class);
    Map<String, String> pathOf = new java.util.HashMap<>();
    for (int i = 0; i < doc.injects().size(); i++) {
      ScenarioDocument.InjectDoc inject = doc.injects().get(i);
      String at = "$.scenario.injects[" + i + "]";
      pathOf.putIfAbsent(inject.key(), at);
      List<ScenarioDocument.ExpectationDoc> es =
          inject.expectations() == null ? List.of() : inject.expectations();
      for (int j = 0; j < es.size(); j++) {
        pathOf.putIfAbsent(es.get(j).key(), at + ".expectations[" + j + "]");
      }
    }
    pathOf.putIfAbsent("survey", "$.scenario.survey");
    checkWhole(doc, key -> pathOf.getOrDefault(key, "$.scenario"));
    return doc;
  }

  /**
   * The engine's checks of the scenario as a whole; its refusal is re-raised on the place {@code
   * where} gives for the inject or expectation key it names.
   */
  static void checkWhole(ScenarioDocument doc, java.util.function.UnaryOperator<String> where) {
    try {
      doc.toScenario();
    } catch (InvalidInput e) {
      Object[] args = e.args();
      String element = args.length > 0 ? String.valueOf(args[0]) : "";
      String key = element.replaceFirst("^(inject|expectation|phase) ", "");
      String reason = args.length > 1 ? String.valueOf(args[1]) : "";
      throw new InvalidInput(where.apply(key), "aar.import.scenario", where.apply(key), reason);
    }
  }

  /** Checks of the JSON shape that keep every error. */
  private static final class Shape {
    private final FieldErrors errors;

    Shape(FieldErrors errors) {
      this.errors = errors;
    }

    interface Each {
      void check(JsonNode node, String at);
    }

    private void error(String at, String key, Object... more) {
      Object[] args = new Object[1 + more.length];
      args[0] = at;
      System.arraycopy(more, 0, args, 1, more.length);
      errors.add(new InvalidInput(at, key, args));
    }

    boolean object(JsonNode n, String at) {
      if (!n.isObject()) {
        error(at, n.isMissingNode() ? "aar.json.required" : "aar.json.type", "object");
        return false;
      }
      return true;
    }

    void only(JsonNode n, String at, Set<String> names) {
      for (String name : n.propertyNames()) {
        if (!names.contains(name)) {
          error(at + "." + name, "aar.json.unknown");
        }
      }
    }

    void string(JsonNode n, String at, String name, boolean required, int max) {
      JsonNode v = n.path(name);
      String p = at + "." + name;
      if (v.isMissingNode() || v.isNull()) {
        if (required) {
          error(p, "aar.json.required", "string");
        }
      } else if (!v.isString()) {
        error(p, "aar.json.type", "string");
      } else if (v.asString().length() > max) {
        error(p, "aar.json.tooLong", max);
      } else if (required && v.asString().isBlank()) {
        error(p, "aar.json.required", "string");
      }
    }

    void integer(JsonNode n, String at, String name, boolean required) {
      JsonNode v = n.path(name);
      String p = at + "." + name;
      if (v.isMissingNode() || v.isNull()) {
        if (required) {
          error(p, "aar.json.required", "integer");
        }
      } else if (!v.isInt()) {
        error(p, "aar.json.type", "integer");
      } else if (v.asInt() < 0 || v.asInt() > 100_000) {
        error(p, "aar.json.range", 0, 100_000);
      }
    }

    <E extends Enum<E>> void choice(JsonNode n, String at, String name, Class<E> type) {
      string(n, at, name, true, 40);
      JsonNode v = n.path(name);
      if (v.isString() && !v.asString().isBlank()) {
        try {
          Enum.valueOf(type, v.asString().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          error(
              at + "." + name,
              "aar.json.unknownValue",
              java.util.Arrays.stream(type.getEnumConstants())
                  .map(x -> x.name().toLowerCase(java.util.Locale.ROOT))
                  .collect(java.util.stream.Collectors.joining(", ")));
        }
      }
    }

    void bool(JsonNode n, String at, String name) {
      JsonNode v = n.path(name);
      if (!v.isMissingNode() && !v.isNull() && !v.isBoolean()) {
        error(at + "." + name, "aar.json.type", "boolean");
      }
    }

    void strings(JsonNode n, String at, String name) {
      JsonNode v = n.path(name);
      String p = at + "." + name;
      if (v.isMissingNode() || v.isNull()) {
        return;
      }
      if (!v.isArray()) {
        error(p, "aar.json.type", "array");
        return;
      }
      for (int i = 0; i < v.size(); i++) {
        if (!v.get(i).isString() || v.get(i).asString().length() > InjectSheet.MAX_TEXT) {
          error(p + "[" + i + "]", "aar.json.type", "string");
        }
      }
    }

    void each(JsonNode n, String at, String name, Each check) {
      JsonNode v = n.path(name);
      String p = at + "." + name;
      if (v.isMissingNode() || v.isNull()) {
        return;
      }
      if (!v.isArray()) {
        error(p, "aar.json.type", "array");
        return;
      }
      for (int i = 0; i < v.size(); i++) {
        String ip = p + "[" + i + "]";
        if (object(v.get(i), ip)) {
          check.check(v.get(i), ip);
        }
      }
    }
  }
}
