package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StixValidatorTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  final StixValidator validator = new StixValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  static final String INDICATOR =
      """
      {"type":"indicator","spec_version":"2.1",
       "id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
       "created":"2026-04-01T09:30:00.000Z","modified":"2026-04-01T09:30:00.000Z",
       "name":"C2 of the pension-fund case","pattern_type":"stix",
       "pattern":"[domain-name:value = 'c2.example.net']","valid_from":"2026-04-01T09:30:00Z",
       "object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}
      """;

  static ObjectNode obj(String json) {
    return (ObjectNode) JSON.readTree(json);
  }

  List<String> problems(JsonNode o) {
    return validator.validate(o).stream().map(StixValidator.Problem::toString).toList();
  }

  @Test
  void aValidIndicatorPasses() {
    assertThat(validator.validate(obj(INDICATOR))).isEmpty();
  }

  @Test
  void schemaViolationsNameTheField() {
    ObjectNode o = obj(INDICATOR);
    o.remove("pattern");
    assertThat(problems(o)).anySatisfy(p -> assertThat(p).contains("pattern"));
  }

  @Test
  void idMustNameTheType() {
    ObjectNode o = obj(INDICATOR);
    o.put("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
    assertThat(problems(o))
        .contains(
            "/id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' does not name the object's type"
                + " indicator");
    o.put("id", "indicator--not-a-uuid");
    assertThat(problems(o))
        .anySatisfy(p -> assertThat(p).startsWith("/id:").contains("type--UUID"));
  }

  @Test
  void unknownTypesAreRefusedButCustomOnesAccepted() {
    ObjectNode o = obj(INDICATOR);
    o.put("type", "indicater");
    assertThat(problems(o))
        .singleElement()
        .asString()
        .contains("unknown STIX 2.1 type 'indicater'");
    ObjectNode custom =
        obj(
            """
            {"type":"x-mitre-tactic","spec_version":"2.1",
             "id":"x-mitre-tactic--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2026-04-01T09:30:00.000Z","modified":"2026-04-01T09:30:00.000Z",
             "name":"Initial Access"}
            """);
    assertThat(validator.validate(custom)).isEmpty();
  }

  @Test
  void timestampsMustBeRfc3339UtcNotFutureAndOrdered() {
    ObjectNode o = obj(INDICATOR);
    o.put("created", "2026-04-01 09:30:00");
    assertThat(problems(o)).anySatisfy(p -> assertThat(p).startsWith("/created:"));
    o = obj(INDICATOR);
    o.put("created", "2027-01-01T00:00:00Z");
    o.put("modified", "2027-01-01T00:00:00Z");
    assertThat(problems(o)).contains("/created: is in the future (2027-01-01T00:00:00Z)");
    o = obj(INDICATOR);
    o.put("modified", "2026-03-01T00:00:00Z");
    assertThat(problems(o)).contains("/modified: is before created");
    o = obj(INDICATOR);
    o.put("valid_until", "2026-03-01T00:00:00Z");
    assertThat(problems(o)).contains("/valid_until: must be later than valid_from");
  }

  @Test
  void refsMustPointAtTheRightKnownTypes() {
    ObjectNode o = obj(INDICATOR);
    o.put("created_by_ref", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3e");
    assertThat(problems(o)).contains("/created_by_ref: must refer to identity, not malware");
    o = obj(INDICATOR);
    o.putArray("object_marking_refs").add("marking-definition--nope");
    assertThat(problems(o)).anySatisfy(p -> assertThat(p).startsWith("/object_marking_refs/0:"));
    ObjectNode rel =
        obj(
            """
            {"type":"relationship","spec_version":"2.1",
             "id":"relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
             "created":"2026-04-01T09:30:00.000Z","modified":"2026-04-01T09:30:00.000Z",
             "relationship_type":"indicates",
             "source_ref":"relationship--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd30",
             "target_ref":"malwear--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd31"}
            """);
    assertThat(problems(rel))
        .contains(
            "/source_ref: refers to the object itself (circular reference)",
            "/target_ref: refers to unknown type 'malwear'");
  }

  @Test
  void onlyVersion21() {
    ObjectNode o = obj(INDICATOR);
    o.put("spec_version", "2.0");
    assertThat(problems(o)).singleElement().asString().contains("only 2.1");
  }

  @Test
  void tlpMarkingDefinitionsOnlyUnderTheirFixedIds() {
    ObjectNode fake =
        obj(
            """
            {"type":"marking-definition","spec_version":"2.1",
             "id":"marking-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2022-10-01T00:00:00.000Z","name":"TLP:CLEAR",
             "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":
               {"extension_type":"property-extension","tlp_2_0":"clear"}}}
            """);
    assertThat(problems(fake))
        .contains(
            "/id: a TLP:CLEAR marking-definition must use its fixed id"
                + " marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    fake.put("id", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    assertThat(validator.validate(fake)).isEmpty();
  }

  @Test
  void granularSelectorsMustSelectSomething() {
    ObjectNode o = obj(INDICATOR);
    o.putArray("granular_markings")
        .addObject()
        .put("marking_ref", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1")
        .putArray("selectors")
        .add("name")
        .add("description");
    assertThat(problems(o))
        .containsExactly(
            "/granular_markings/0/selectors/1: 'description' selects nothing in this" + " object");
  }

  @Test
  void everyOasisExampleAndAttackObjectIsValid() throws Exception {
    Path data = Path.of("../../shared/data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isDirectory(data.resolve("attack")), "shared/data not present");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(data.resolve("stix-examples"))) {
      s.forEach(files::add);
    }
    files.add(data.resolve("attack/ics-attack.json"));
    files.add(data.resolve("attack/mobile-attack-17.1.json"));
    files.add(data.resolve("stix-common-objects/combined-tlp2-and-identities.bundle.json"));
    StixValidator now = new StixValidator();
    List<String> failures = new ArrayList<>();
    int[] count = {0};
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        StixBundleReader.Result r =
            StixBundleReader.read(
                in,
                new StixBundleReader.Sink() {
                  @Override
                  public void object(int index, long line, JsonNode o) {
                    count[0]++;
                    List<StixValidator.Problem> p = now.validate(o);
                    if (!p.isEmpty()) {
                      failures.add(f.getFileName() + " " + o.path("id").asString() + " " + p);
                    }
                  }

                  @Override
                  public void rejected(int index, long line, String message) {
                    failures.add(f.getFileName() + " #" + index + " " + message);
                  }
                });
        assertThat(r.broken()).isNull();
      }
    }
    assertThat(count[0]).isGreaterThan(3900);
    assertThat(failures).isEmpty();
  }
}
