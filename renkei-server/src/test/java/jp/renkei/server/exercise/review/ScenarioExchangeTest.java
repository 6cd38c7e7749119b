package jp.renkei.server.exercise.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jp.renkei.server.exercise.ScenarioDocument;
import jp.renkei.server.failure.InvalidInput;
import org.junit.jupiter.api.Test;

/** A scenario file's size limits, answered before the file becomes a tree. */
class ScenarioExchangeTest {

  @Test
  void aFileOfHalfAMillionValuesIsRefusedNamingTheLimit() {
    String many =
        "{\"format\":\"renkei-exercise-scenario\",\"version\":1,\"scenario\":{\"objectives\":["
            + "0,".repeat(400_000)
            + "0]}}";
    assertThat(many.length()).isLessThan(ScenarioDocument.MAX_CHARS);
    InvalidInput e = (InvalidInput) catchThrowable(() -> ScenarioExchange.read(many));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("$");
    assertThat(e.messageKey()).isEqualTo("exercise.validation.tooManyTokens");
    assertThat(e.args()).containsExactly(ScenarioExchange.MAX_TOKENS);
  }

  @Test
  void aKeyTwiceIsRefusedNamingTheKeyAndWhere() {
    String twice =
        "{\"format\":\"renkei-exercise-scenario\",\"version\":1,\n\"scenario\":{\"title\":\"a\","
            + "\"title\":\"b\"}}";
    InvalidInput e = (InvalidInput) catchThrowable(() -> ScenarioExchange.read(twice));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("$");
    assertThat(e.messageKey()).isEqualTo("aar.json.duplicateKey");
    assertThat(e.args()).containsExactly("title", 2, 32);
  }

  @Test
  void aWrittenScenarioIsReadBack() {
    ScenarioDocument doc =
        ScenarioExchange.read(ScenarioExchange.write(ReviewFixtures.scenario("往復")));
    assertThat(doc.title()).isEqualTo("往復");
  }
}
