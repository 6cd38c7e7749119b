package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ExerciseMarkingTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode bundle() {
    return (ObjectNode)
        JSON.readTree(
            """
            {"type":"bundle","id":"bundle--6f4b4e1c-7f2e-4a43-9c0a-0b7c2f8b1a11","objects":[
             {"type":"indicator","spec_version":"2.1","id":"indicator--0a6b8f8e-3c1d-4e55-9f4d-6d0e2b7c1a22",
              "created":"2026-11-30T00:00:00.000Z","modified":"2026-11-30T00:00:00.000Z","pattern_type":"stix",
              "pattern":"[domain-name:value = 'evil.example']","valid_from":"2026-11-30T00:00:00Z",
              "object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]},
             {"type":"domain-name","spec_version":"2.1","id":"domain-name--1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a55",
              "value":"evil.example"}]}
            """);
  }

  @Test
  void marksEveryObjectAndAddsTheDefinitionOnce() {
    ObjectNode b = ExerciseMarking.mark(ExerciseMarking.mark(bundle(), 42), 42);
    List<JsonNode> objects = b.get("objects").valueStream().toList();
    assertThat(objects).hasSize(3);
    assertThat(objects.get(0).path("id").asString()).isEqualTo(ExerciseMarking.ID);
    assertThat(objects.get(0).path("definition").path("statement").asString()).startsWith("【訓練】");
    JsonNode indicator = objects.get(1);
    assertThat(indicator.path("object_marking_refs").valueStream().map(JsonNode::asString))
        .containsExactly(
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", ExerciseMarking.ID);
    assertThat(indicator.path("labels").valueStream().map(JsonNode::asString))
        .containsExactly("【訓練】");
    assertThat(indicator.path("x_renkei_exercise_run").asLong()).isEqualTo(42);
    // an observable takes the marking and the run, not labels (SCOs have none)
    JsonNode domain = objects.get(2);
    assertThat(domain.has("labels")).isFalse();
    assertThat(domain.path("x_renkei_exercise_run").asLong()).isEqualTo(42);
    assertThat(objects).allMatch(ExerciseMarking::isExercise);
    // and the marked bundle still validates as STIX 2.1
    StixValidator v = new StixValidator();
    for (JsonNode o : objects) {
      assertThat(v.validate(o)).as(o.path("id").asString()).isEmpty();
    }
  }

  @Test
  void recognisesAnyOneOfTheThreeSignsAndNothingElse() {
    ObjectNode plain = (ObjectNode) bundle().get("objects").get(0);
    assertThat(ExerciseMarking.isExercise(plain)).isFalse();
    assertThat(ExerciseMarking.isExercise(plain.deepCopy().put("x_renkei_exercise_run", 1)))
        .isTrue();
    ObjectNode labelled = plain.deepCopy();
    labelled.putArray("labels").add("【訓練】");
    assertThat(ExerciseMarking.isExercise(labelled)).isTrue();
    ObjectNode referring = plain.deepCopy();
    referring.withArray("object_marking_refs").add(ExerciseMarking.ID);
    assertThat(ExerciseMarking.isExercise(referring)).isTrue();
    assertThat(ExerciseMarking.isExercise(ExerciseMarking.definition())).isTrue();
  }
}
