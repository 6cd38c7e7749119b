package jp.renkei.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayTest {

  @Test
  void anAmberStrictObjectIsKeptForTheRecipientOrganisationAlone() {
    assertThat(Relay.kept(Optional.of(Tlp.AMBER_STRICT), List.of(), Tlp.AMBER, Tlp.CLEAR))
        .isEqualTo(Tlp.RED);
    assertThat(Relay.kept(Optional.of(Tlp.AMBER_STRICT), List.of(), Tlp.GREEN, Tlp.GREEN))
        .isEqualTo(Tlp.RED);
  }

  @Test
  void anObjectWithAPartMarkedAmberStrictIsKeptForTheRecipientOrganisationAlone() {
    assertThat(
            Relay.kept(
                Optional.of(Tlp.GREEN), List.of(Tlp.CLEAR, Tlp.AMBER_STRICT), Tlp.AMBER, Tlp.CLEAR))
        .isEqualTo(Tlp.RED);
    assertThat(Relay.kept(Optional.empty(), List.of(Tlp.AMBER_STRICT), Tlp.GREEN, Tlp.GREEN))
        .isEqualTo(Tlp.RED);
  }

  @Test
  void otherMarkingsAreKeptNarrowedToTheWidest() {
    assertThat(Relay.kept(Optional.of(Tlp.GREEN), List.of(), Tlp.AMBER, Tlp.AMBER))
        .isEqualTo(Tlp.AMBER);
    assertThat(Relay.kept(Optional.of(Tlp.CLEAR), List.of(), Tlp.AMBER, Tlp.GREEN))
        .isEqualTo(Tlp.GREEN);
    assertThat(Relay.kept(Optional.of(Tlp.AMBER), List.of(Tlp.RED), Tlp.GREEN, Tlp.GREEN))
        .isEqualTo(Tlp.AMBER);
    assertThat(Relay.kept(Optional.of(Tlp.RED), List.of(), Tlp.GREEN, Tlp.CLEAR))
        .isEqualTo(Tlp.RED);
  }

  @Test
  void anUnmarkedObjectTakesTheSubscriptionsChoice() {
    assertThat(Relay.kept(Optional.empty(), List.of(), Tlp.AMBER, Tlp.GREEN)).isEqualTo(Tlp.AMBER);
    assertThat(Relay.kept(Optional.empty(), List.of(), Tlp.AMBER_STRICT, Tlp.GREEN))
        .isEqualTo(Tlp.AMBER_STRICT);
    assertThat(Relay.kept(Optional.empty(), List.of(), Tlp.CLEAR, Tlp.GREEN)).isEqualTo(Tlp.GREEN);
  }
}
