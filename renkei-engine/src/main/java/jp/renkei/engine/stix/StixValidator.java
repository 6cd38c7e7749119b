package jp.renkei.engine.stix;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.renkei.engine.policy.Tlp;
import tools.jackson.databind.JsonNode;

/**
 * Validates one STIX 2.1 object: against the official OASIS JSON schema of its type (bundled, never
 * fetched), then the rules the schemas cannot express — the id names the object's type and a UUID,
 * only spec version 2.1, RFC 3339 UTC timestamps that are not in the future and keep {@code
 * modified} after {@code created}, refs that point at known types (and the right type where the
 * spec says so, e.g. {@code created_by_ref} at an identity), no ref to the object itself, granular
 * marking selectors that name present properties, and TLP marking-definitions only under their
 * fixed ids. Custom ({@code x_}) properties are left to their producer. Thread-safe; compiled
 * schemas are cached per type.
 */
public final class StixValidator {

  /** One reason an object is refused, with where in the object (a JSON pointer, "" = whole). */
  public record Problem(String field, String message) {
    @Override
    public String toString() {
      return field.isEmpty() ? message : field + ": " + message;
    }
  }

  /** Timestamps further ahead than this are refused as future. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** At most this many schema problems are reported per object (the first ones). */
  static final int MAX_PROBLEMS = 10;

  static final String SCHEMA_ID_PREFIX =
      "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
  private static final String BUNDLED = "classpath:jp/renkei/engine/stix/schemas/";
  // one word then hyphenated parts, possessive: a nested repetition ("([a-z][a-z0-9]*)+") searched
  // exponentially on a long type that fails at its end, and a repeated group recursed per part
  private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9]*+(?:-[a-z0-9]++)*+-?$");
  private static final Pattern ID =
      Pattern.compile(
          "^([a-z][a-z0-9-]{1,249})--"
              + "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Map<String, List<String>> REF_TARGETS =
      Map.of(
          "created_by_ref", List.of("identity"),
          "object_marking_refs", List.of("marking-definition"),
          "marking_ref", List.of("marking-definition"),
          "observed_data_refs", List.of("observed-data"),
          "where_sighted_refs", List.of("identity", "location"),
          "sample_refs", List.of("artifact", "file"));

  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final Clock clock;

  public StixValidator() {
    this(Clock.systemUTC());
  }

  public StixValidator(Clock clock) {
    this.clock = clock;
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(SCHEMA_ID_PREFIX, BUNDLED)));
  }

  /** The problems of one object; empty when it may be stored. */
  public List<Problem> validate(JsonNode o) {
    List<Problem> problems = new ArrayList<>();
    if (!o.isObject()) {
      problems.add(new Problem("", "a STIX object must be a JSON object"));
      return problems;
    }
    String type = o.path("type").isString() ? o.path("type").asString() : null;
    String id = o.path("id").isString() ? o.path("id").asString() : null;
    if (type == null) {
      problems.add(new Problem("/type", "missing: every STIX object names its type"));
      return problems;
    }
    if (type.length() < 3 || type.length() > 250 || !TYPE.matcher(type).matches()) {
      problems.add(new Problem("/type", "'" + clip(type) + "' is not a valid STIX type name"));
      return problems;
    }
    Optional<StixTypes.Category> category = StixTypes.specCategory(type);
    if (category.isEmpty() && !isCustom(type, o)) {
      problems.add(
          new Problem(
              "/type",
              "unknown STIX 2.1 type '"
                  + type
                  + "' (custom types start with x- or are declared by a new-sdo/new-sco/new-sro"
                  + " extension)"));
      return problems;
    }
    if (id == null) {
      problems.add(new Problem("/id", "missing"));
    } else if (!ID.matcher(id).matches()) {
      problems.add(new Problem("/id", "'" + clip(id) + "' is not an identifier (type--UUID)"));
    } else if (!id.startsWith(type + "--")) {
      problems.add(new Problem("/id", "'" + id + "' does not name the object's type " + type));
    }
    JsonNode spec = o.get("spec_version");
    if (spec != null && !"2.1".equals(spec.asString(""))) {
      problems.add(
          new Problem(
              "/spec_version", "'" + clip(spec.toString()) + "' is not supported; only 2.1"));
    }
    if (problems.isEmpty()) {
      schemaProblems(type, category.orElse(StixTypes.Category.CUSTOM), o, problems);
    }
    timestampProblems(o, problems);
    refProblems(id, o, "", problems, 0);
    granularProblems(o, problems);
    if ("marking-definition".equals(type) && id != null) {
      tlpMarkingProblems(id, o, problems);
    }
    return problems;
  }

  private static boolean isCustom(String type, JsonNode o) {
    if (type.startsWith("x-")) {
      return true;
    }
    for (JsonNode ext : o.path("extensions")) {
      String kind = ext.path("extension_type").asString("");
      if (kind.equals("new-sdo") || kind.equals("new-sco") || kind.equals("new-sro")) {
        return true;
      }
    }
    return false;
  }

  private void schemaProblems(
      String type, StixTypes.Category category, JsonNode o, List<Problem> problems) {
    String path =
        category == StixTypes.Category.CUSTOM
            ? (o.has("created") ? "common/core.json" : "common/cyber-observable-core.json")
            : StixTypes.schemaPath(type);
    Schema schema =
        schemas.computeIfAbsent(
            path, p -> registry.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + p)));
    List<Error> errors = schema.validate(o);
    for (Error e : errors) {
      if (problems.size() >= MAX_PROBLEMS) {
        problems.add(new Problem("", "(further schema problems not shown)"));
        break;
      }
      String where = e.getInstanceLocation().toString();
      problems.add(new Problem(pointer(where), "schema: " + e.getMessage()));
    }
  }

  /** networknt reports locations as JSON paths ({@code $.a[0].b}); we answer JSON pointers. */
  static String pointer(String location) {
    if (location.startsWith("/")) {
      return location;
    }
    String s = location.startsWith("$") ? location.substring(1) : location;
    return s.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\['([^']*)']", ".$1").replace('.', '/');
  }

  private void timestampProblems(JsonNode o, List<Problem> problems) {
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    Instant created = timestamp(o, "created", problems);
    Instant modified = timestamp(o, "modified", problems);
    if (created != null && created.isAfter(latest)) {
      problems.add(new Problem("/created", "is in the future (" + created + ")"));
    }
    if (modified != null && modified.isAfter(latest)) {
      problems.add(new Problem("/modified", "is in the future (" + modified + ")"));
    }
    if (created != null && modified != null && modified.isBefore(created)) {
      problems.add(new Problem("/modified", "is before created"));
    }
    Instant from = timestamp(o, "valid_from", problems);
    Instant until = timestamp(o, "valid_until", problems);
    if (from != null && until != null && !until.isAfter(from)) {
      problems.add(new Problem("/valid_until", "must be later than valid_from"));
    }
    Instant first = timestamp(o, "first_seen", problems);
    Instant last = timestamp(o, "last_seen", problems);
    if (first != null && last != null && last.isBefore(first)) {
      problems.add(new Problem("/last_seen", "is before first_seen"));
    }
    Instant firstObserved = timestamp(o, "first_observed", problems);
    Instant lastObserved = timestamp(o, "last_observed", problems);
    if (firstObserved != null && lastObserved != null && lastObserved.isBefore(firstObserved)) {
      problems.add(new Problem("/last_observed", "is before first_observed"));
    }
  }

  private static Instant timestamp(JsonNode o, String field, List<Problem> problems) {
    JsonNode v = o.get(field);
    if (v == null) {
      return null;
    }
    Optional<Instant> t = StixTime.parse(v.asString(""));
    if (t.isEmpty()) {
      problems.add(
          new Problem(
              "/" + field,
              "'"
                  + clip(v.asString(v.toString()))
                  + "' is not an RFC 3339 UTC timestamp (e.g. 2026-04-01T09:30:00.000Z)"));
      return null;
    }
    return t.get();
  }

  private static final int MAX_REF_DEPTH = 16;

  /** Checks {@code *_ref} and {@code *_refs} properties at any depth. */
  private static void refProblems(
      String selfId, JsonNode node, String at, List<Problem> problems, int depth) {
    if (depth > MAX_REF_DEPTH || !node.isContainer()) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refProblems(selfId, node.get(i), at + "/" + i, problems, depth + 1);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      JsonNode v = e.getValue();
      String here = at + "/" + name;
      if (depth > 0 && at.startsWith("/extensions") && !name.endsWith("_ref")) {
        refProblems(selfId, v, here, problems, depth + 1);
        continue;
      }
      if (name.startsWith("x_")) {
        continue; // custom properties mean what their producer says (ATT&CK leaves some empty)
      }
      if (name.endsWith("_ref") && v.isString()) {
        refProblem(selfId, name, v.asString(), here, problems);
      } else if (name.endsWith("_refs") && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isString()) {
            refProblem(selfId, name, v.get(i).asString(), here + "/" + i, problems);
          }
        }
      } else if (v.isContainer()) {
        refProblems(selfId, v, here, problems, depth + 1);
      }
    }
  }

  private static void refProblem(
      String selfId, String property, String ref, String at, List<Problem> problems) {
    if (!ID.matcher(ref).matches()) {
      problems.add(new Problem(at, "'" + clip(ref) + "' is not an identifier (type--UUID)"));
      return;
    }
    if (ref.equals(selfId)) {
      problems.add(new Problem(at, "refers to the object itself (circular reference)"));
      return;
    }
    String type = ref.substring(0, ref.indexOf("--"));
    List<String> allowed = REF_TARGETS.get(property);
    if (allowed != null && !allowed.contains(type)) {
      problems.add(
          new Problem(at, "must refer to " + String.join(" or ", allowed) + ", not " + type));
    } else if (!StixTypes.referenceable(type)) {
      problems.add(new Problem(at, "refers to unknown type '" + type + "'"));
    }
  }

  private static void granularProblems(JsonNode o, List<Problem> problems) {
    JsonNode granular = o.get("granular_markings");
    if (granular == null || !granular.isArray()) {
      return;
    }
    for (int i = 0; i < granular.size(); i++) {
      JsonNode selectors = granular.get(i).path("selectors");
      for (int j = 0; j < selectors.size(); j++) {
        String selector = selectors.get(j).asString("");
        if (GranularMarkings.resolve(o, selector).isEmpty()) {
          problems.add(
              new Problem(
                  "/granular_markings/" + i + "/selectors/" + j,
                  "'" + clip(selector) + "' selects nothing in this object"));
        }
      }
    }
  }

  private static void tlpMarkingProblems(String id, JsonNode o, List<Problem> problems) {
    Optional<Tlp> named = Optional.empty();
    JsonNode ext = o.path("extensions").path(TlpMarkings.TLP2_EXTENSION);
    if (ext.isObject()) {
      named = TlpMarkings.ofTlp2Name(ext.path("tlp_2_0").asString(null));
      if (named.isEmpty()) {
        problems.add(
            new Problem(
                "/extensions/" + TlpMarkings.TLP2_EXTENSION + "/tlp_2_0",
                "must be clear, green, amber, amber+strict or red"));
        return;
      }
    } else if ("tlp".equals(o.path("definition_type").asString(""))) {
      named = TlpMarkings.ofTlp2Name(o.path("definition").path("tlp").asString(null));
    }
    if (named.isPresent()) {
      Optional<Tlp> byId = TlpMarkings.of(id);
      if (byId.isEmpty() || byId.get() != named.get()) {
        problems.add(
            new Problem(
                "/id",
                "a "
                    + named.get().label()
                    + " marking-definition must use its fixed id "
                    + TlpMarkings.idOf(named.get())));
      }
    }
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
