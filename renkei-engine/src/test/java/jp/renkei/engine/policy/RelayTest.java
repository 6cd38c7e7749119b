package jp.renkei.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayTest {

  @Test
  void anAmberStrictObjectIsKeptForTheRecipientOrganisationAlone() {
    assertThat(Relay.kept(Optional.of(Tlp.AMBER_STRICT), List.of(), false, Tlp.AMBER, Tlp.CLEAR))
        .contains(Tlp.RED);
    assertThat(Relay.kept(Optional.of(Tlp.AMBER_STRICT), List.of(), false, Tlp.GREEN, Tlp.GREEN))
        .contains(Tlp.RED);
  }

  @Test
  void anObjectWithAPartMarkedAmberStrictIsKeptForTheRecipientOrganisationAlone() {
    assertThat(
            Relay.kept(
                Optional.of(Tlp.GREEN),
                List.of(Tlp.CLEAR, Tlp.AMBER_STRICT),
                false,
                Tlp.AMBER,
                Tlp.CLEAR))
        .contains(Tlp.RED);
    assertThat(Relay.kept(Optional.empty(), List.of(Tlp.AMBER_STRICT), false, Tlp.GREEN, Tlp.GREEN))
        .contains(Tlp.RED);
  }

  /**
   * attack29c: RED is for the people the peer named; kept at RED here the subscription's whole
   * organisation read it (the originator organisation reads its own objects), and so a part.
   */
  @Test
  void aRedObjectOrOneWithARedPartIsNotKept() {
    assertThat(Relay.kept(Optional.of(Tlp.RED), List.of(), false, Tlp.GREEN, Tlp.CLEAR)).isEmpty();
    assertThat(Relay.kept(Optional.of(Tlp.AMBER), List.of(Tlp.RED), false, Tlp.GREEN, Tlp.GREEN))
        .isEmpty();
    assertThat(Relay.kept(Optional.empty(), List.of(Tlp.RED), false, Tlp.CLEAR, Tlp.CLEAR))
        .isEmpty();
  }

  /**
   * attack29c: a marking this hub cannot read (a C4TAP range, a peer's own definition) is no
   * absence of marking: it does not take the subscription's choice for unmarked objects.
   */
  @Test
  void anObjectUnderOnlyAMarkingThisHubCannotReadIsKeptForTheRecipientOrganisationAlone() {
    assertThat(Relay.kept(Optional.empty(), List.of(), true, Tlp.GREEN, Tlp.CLEAR))
        .contains(Tlp.RED);
    assertThat(Relay.kept(Optional.empty(), List.of(), true, Tlp.AMBER, Tlp.GREEN))
        .contains(Tlp.RED);
    // a part under such a marking, in an object GREEN otherwise
    assertThat(Relay.kept(Optional.of(Tlp.GREEN), List.of(), true, Tlp.AMBER, Tlp.GREEN))
        .contains(Tlp.RED);
  }

  @Test
  void otherMarkingsAreKeptNarrowedToTheWidest() {
    assertThat(Relay.kept(Optional.of(Tlp.GREEN), List.of(), false, Tlp.AMBER, Tlp.AMBER))
        .contains(Tlp.AMBER);
    assertThat(Relay.kept(Optional.of(Tlp.CLEAR), List.of(), false, Tlp.AMBER, Tlp.GREEN))
        .contains(Tlp.GREEN);
    assertThat(Relay.kept(Optional.of(Tlp.AMBER), List.of(Tlp.GREEN), false, Tlp.GREEN, Tlp.GREEN))
        .contains(Tlp.AMBER);
  }

  @Test
  void anUnmarkedObjectTakesTheSubscriptionsChoice() {
    assertThat(Relay.kept(Optional.empty(), List.of(), false, Tlp.AMBER, Tlp.GREEN))
        .contains(Tlp.AMBER);
    assertThat(Relay.kept(Optional.empty(), List.of(), false, Tlp.AMBER_STRICT, Tlp.GREEN))
        .contains(Tlp.AMBER_STRICT);
    assertThat(Relay.kept(Optional.empty(), List.of(), false, Tlp.CLEAR, Tlp.GREEN))
        .contains(Tlp.GREEN);
  }
}
