package jp.renkei.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceChangeTest {

  static final Audience GREEN_FINANCE =
      Audience.of(Marking.tlp(Tlp.GREEN), 1, 100L)
          .withRecipientOrganisations(Set.of(10L, 20L))
          .withScope(Set.of("finance"), Set.of());

  @Test
  void anyHopMayNarrow() {
    Audience narrower =
        GREEN_FINANCE
            .withMarking(Marking.tlp(Tlp.AMBER))
            .withRecipientOrganisations(Set.of(20L))
            .withExcluded(Set.of(30L));
    assertThat(AudienceChange.widening(GREEN_FINANCE, narrower)).isEmpty();
    assertThat(AudienceChange.apply(GREEN_FINANCE, narrower, 10L)).isEqualTo(narrower);
  }

  @Test
  void aHopCannotWidenTheMarkingAddRecipientsOrLiftScope() {
    assertThatThrownBy(
            () ->
                AudienceChange.apply(
                    GREEN_FINANCE, GREEN_FINANCE.withMarking(Marking.tlp(Tlp.CLEAR)), 10L))
        .isInstanceOf(AudienceChange.WideningRefused.class)
        .hasMessageStartingWith("marking");
    assertThatThrownBy(
            () ->
                AudienceChange.apply(
                    GREEN_FINANCE,
                    GREEN_FINANCE.withRecipientOrganisations(Set.of(10L, 20L, 40L)),
                    10L))
        .hasMessageStartingWith("recipientOrganisations");
    assertThatThrownBy(
            () ->
                AudienceChange.apply(
                    GREEN_FINANCE, GREEN_FINANCE.withScope(Set.of(), Set.of()), 10L))
        .hasMessageStartingWith("scopeSectors");
    assertThatThrownBy(
            () ->
                AudienceChange.apply(
                    GREEN_FINANCE, GREEN_FINANCE.withMarking(Marking.c4tap(C4tapRange.RED)), 10L))
        .hasMessageStartingWith("marking");
  }

  @Test
  void theOriginatorMayWiden() {
    Audience wider = GREEN_FINANCE.withRecipientOrganisations(Set.of(10L, 20L, 40L));
    assertThat(AudienceChange.apply(GREEN_FINANCE, wider, 1L)).isEqualTo(wider);
  }

  @Test
  void liftingAnExclusionIsWidening() {
    Audience excluded = GREEN_FINANCE.withExcluded(Set.of(20L));
    assertThatThrownBy(() -> AudienceChange.apply(excluded, GREEN_FINANCE, 10L))
        .hasMessageStartingWith("excludedOrganisations");
  }

  @Test
  void theOriginatorCannotBeExcludedNorReplaced() {
    assertThatThrownBy(() -> GREEN_FINANCE.withExcluded(Set.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
    Audience stolen = Audience.of(Marking.tlp(Tlp.GREEN), 2, null);
    assertThatThrownBy(() -> AudienceChange.apply(GREEN_FINANCE, stolen, 1L))
        .hasMessageStartingWith("originator");
  }
}
