package jp.renkei.engine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import jp.renkei.engine.policy.C4tapStanding;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.policy.Viewer;
import org.junit.jupiter.api.Test;

class SiteSharingTest {

  static final long BANK = 1, OTHER_BANK = 2, POWER = 3, BANK_CEPTOAR = 10, NISC = 30;
  static final Viewer BANK_DUTY =
      new Viewer(100L, BANK, "operator", "finance", Set.of(BANK_CEPTOAR), C4tapStanding.NONE);
  static final Viewer OTHER_BANK_DUTY =
      new Viewer(200L, OTHER_BANK, "operator", "finance", Set.of(BANK_CEPTOAR), C4tapStanding.NONE);
  static final Viewer POWER_DUTY =
      new Viewer(300L, POWER, "operator", "electricity", Set.of(), C4tapStanding.NONE);
  static final Viewer SECRETARIAT =
      new Viewer(1000L, BANK_CEPTOAR, "ceptoar", "finance", Set.of(), C4tapStanding.NONE);
  static final Viewer NISC_ANALYST =
      new Viewer(3000L, NISC, "nisc", null, Set.of(), C4tapStanding.NONE);

  final SharingPolicy policy = new SharingPolicy();

  boolean state(Viewer v, SiteSharing s) {
    return policy.canView(v, s.stateAudience(), SystemMode.NORMAL);
  }

  boolean detail(Viewer v, SiteSharing s) {
    return policy.canView(v, s.detailAudience(), SystemMode.NORMAL);
  }

  @Test
  void byDefaultTheCommunitySeesTheStateAndOnlyTheOwnerTheDetails() {
    SiteSharing s = new SiteSharing(BANK, Tlp.GREEN, Tlp.AMBER_STRICT, Set.of());
    assertThat(state(OTHER_BANK_DUTY, s)).isTrue();
    assertThat(state(POWER_DUTY, s)).isTrue();
    assertThat(detail(BANK_DUTY, s)).isTrue();
    assertThat(detail(OTHER_BANK_DUTY, s)).isFalse();
    assertThat(detail(SECRETARIAT, s)).isFalse();
    assertThat(detail(NISC_ANALYST, s)).isFalse();
  }

  @Test
  void detailsSharedWithTheCoordinatorsReachThemAndNoOtherOperator() {
    SiteSharing s = new SiteSharing(BANK, Tlp.GREEN, Tlp.AMBER_STRICT, Set.of(BANK_CEPTOAR, NISC));
    assertThat(detail(SECRETARIAT, s)).isTrue();
    assertThat(detail(NISC_ANALYST, s)).isTrue();
    assertThat(detail(OTHER_BANK_DUTY, s)).isFalse();
  }

  @Test
  void amberDetailsReachTheCeptoarsMembersOnNeedToKnow() {
    SiteSharing s = new SiteSharing(BANK, Tlp.GREEN, Tlp.AMBER, Set.of(BANK_CEPTOAR));
    assertThat(detail(OTHER_BANK_DUTY, s)).isTrue();
    assertThat(detail(POWER_DUTY, s)).isFalse();
  }

  @Test
  void aStateKeptToTheOwnerIsSeenByNobodyElse() {
    SiteSharing s = new SiteSharing(BANK, Tlp.AMBER_STRICT, Tlp.AMBER_STRICT, Set.of());
    assertThat(state(BANK_DUTY, s)).isTrue();
    assertThat(state(OTHER_BANK_DUTY, s)).isFalse();
    assertThat(state(NISC_ANALYST, s)).isFalse();
    assertThat(state(Viewer.PUBLIC, s)).isFalse();
  }

  @Test
  void thePublicSeesNothing() {
    SiteSharing s = new SiteSharing(BANK, Tlp.GREEN, Tlp.GREEN, Set.of());
    assertThat(state(Viewer.PUBLIC, s)).isFalse();
    assertThat(detail(Viewer.PUBLIC, s)).isFalse();
  }

  @Test
  void refusesDetailsWiderThanTheStateAndPublicOrRedMarkings() {
    assertThatThrownBy(() -> new SiteSharing(BANK, Tlp.AMBER, Tlp.GREEN, Set.of()))
        .hasMessageContaining("wider");
    assertThatThrownBy(() -> new SiteSharing(BANK, Tlp.CLEAR, Tlp.GREEN, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SiteSharing(BANK, Tlp.GREEN, Tlp.RED, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
