package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * {@code renkei mail analyze --share} reads the hub's answer to a draft (its id, range and what was
 * taken out) before it sends the draft: an answer giving a key twice is refused with where, not
 * read as its last value (a second "id" would have another draft sent).
 */
class MailShareAnswerTest {

  @Test
  void anAnswerGivingTheIdTwiceIsRefusedWithLineAndColumn() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () ->
                MailCommand.Analyze.hubAnswer(
                    "{\"id\":12,\"range\":\"AMBER\",\n \"removed\":[],\"id\":99}"));
    assertThat(e).as("refused").isNotNull();
    // the column just after the second "id" (its colon)
    assertThat(e.getMessage())
        .isEqualTo(
            "--share: the hub's answer gives the key \"id\" twice (line 2, column 19); nothing"
                + " was sent");
  }

  @Test
  void aKeyGivenTwiceInANestedObjectIsRefusedToo() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () ->
                MailCommand.Analyze.hubAnswer(
                    "{\"id\":12,\"removed\":[{\"a\":1,\"a\":2}],\"range\":\"RED\"}"));
    assertThat(e.getMessage()).contains("key \"a\" twice (line 1, column ");
  }

  @Test
  void aKeysControlCharactersAreNotWrittenToTheTerminal() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> MailCommand.Analyze.hubAnswer("{\"\\u001b[31mx\":1,\"\\u001b[31mx\":2}"));
    assertThat(e.getMessage()).doesNotContain("\u001b").contains("\\u001b[31mx");
  }

  @Test
  void anAnswerThatIsNotJsonSaysWhere() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> MailCommand.Analyze.hubAnswer("{\"id\":12,\n\"range\": AMBER}"));
    assertThat(e.getMessage())
        .startsWith("--share: the hub's answer is not JSON (line 2, column ")
        .endsWith("); nothing was sent");
  }

  @Test
  void aWellFormedAnswerIsRead() {
    var draft =
        MailCommand.Analyze.hubAnswer(
            "{\"id\":12,\"range\":\"AMBER\",\"removed\":[\"recipient a@b.example\"]}");
    assertThat(draft.path("id").asLong()).isEqualTo(12);
    assertThat(draft.path("removed").get(0).asString()).isEqualTo("recipient a@b.example");
  }
}
