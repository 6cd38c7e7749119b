package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * {@code renkei probe} reads the hub's assignments (which sites to probe, where, how often): an
 * answer giving a key twice is refused with where, not read as its last value (a second "url" would
 * have the probe call an address the hub's page does not show), and an answer without a site's
 * field says which, instead of ending the probe with an exception.
 */
class ProbeAssignmentsTest {

  private static final String SITE =
      "{\"id\":7,\"url\":\"https://www.example.jp/\",\"expectedStatus\":200,\"intervalSeconds\":60";

  @Test
  void readsTheSites() {
    ProbeCommand.Assignments a =
        ProbeCommand.assignments("{\"vantage\":\"tokyo\",\"sites\":[" + SITE + "}]}");
    assertThat(a.vantage()).isEqualTo("tokyo");
    assertThat(a.sites())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(7);
              assertThat(s.target().uri().toString()).isEqualTo("https://www.example.jp/");
              assertThat(s.intervalSeconds()).isEqualTo(60);
            });
  }

  @Test
  void aSiteGivingTheUrlTwiceIsRefusedWithLineAndColumn() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () ->
                ProbeCommand.assignments(
                    "{\"vantage\":\"tokyo\",\"sites\":["
                        + SITE
                        + ",\n\"url\":\"http://10.0.0.1/\"}]}"));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage())
        .startsWith("the hub's assignments give the key \"url\" twice (line 2, column ")
        .endsWith("); the sites stay as they were");
  }

  @Test
  void theSitesListGivenTwiceIsRefused() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> ProbeCommand.assignments("{\"sites\":[],\"sites\":[" + SITE + "}]}"));
    assertThat(e.getMessage()).contains("key \"sites\" twice");
  }

  @Test
  void anAnswerThatIsNotJsonOrLacksAFieldSaysWhat() {
    assertThat(
            catchThrowableOfType(
                    IllegalArgumentException.class,
                    () -> ProbeCommand.assignments("{\"sites\": [oops]}"))
                .getMessage())
        .startsWith("the hub's assignments are not JSON (line 1, column ");
    assertThat(
            catchThrowableOfType(
                    IllegalArgumentException.class, () -> ProbeCommand.assignments("{}"))
                .getMessage())
        .isEqualTo("the hub's assignments have no \"sites\" list; the sites stay as they were");
    assertThat(
            catchThrowableOfType(
                    IllegalArgumentException.class,
                    () -> ProbeCommand.assignments("{\"sites\":[{\"id\":1}]}"))
                .getMessage())
        .isEqualTo("the hub's assignments: site 1 has no \"url\"; the sites stay as they were");
  }
}
