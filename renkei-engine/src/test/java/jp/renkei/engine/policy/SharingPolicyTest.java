package jp.renkei.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md §2, one situation each, on a small hub. */
class SharingPolicyTest {

  // organisations
  static final long BANK = 1, OTHER_BANK = 2, POWER = 3, BANK_CEPTOAR = 10, FSA = 20, NISC = 30;
  static final long POLICE = 40, CABINET_DISASTER = 50, JPCERT = 60;

  static Viewer person(long id, long org, String type, String sector, Long... ceptoars) {
    return new Viewer(id, org, type, sector, Set.of(ceptoars), C4tapStanding.NONE);
  }

  static final Viewer BANK_DUTY = person(100, BANK, "operator", "finance", BANK_CEPTOAR);
  static final Viewer OTHER_BANK_DUTY =
      person(200, OTHER_BANK, "operator", "finance", BANK_CEPTOAR);
  static final Viewer POWER_DUTY = person(300, POWER, "operator", "electricity");
  static final Viewer SECRETARIAT = person(1000, BANK_CEPTOAR, "ceptoar", "finance");
  static final Viewer FSA_OFFICER = person(2000, FSA, "ministry", null);
  static final Viewer NISC_ANALYST = person(3000, NISC, "nisc", null);
  static final Viewer POLICE_OFFICER = person(4000, POLICE, "incident_response", null);
  static final Viewer CABINET_OFFICER = person(5000, CABINET_DISASTER, "disaster_management", null);

  final SharingPolicy policy = new SharingPolicy();

  static Audience report(Tlp tlp) {
    return Audience.of(Marking.tlp(tlp), BANK, 100L)
        .withRecipientOrganisations(Set.of(BANK_CEPTOAR, FSA, NISC));
  }

  boolean sees(Viewer v, Audience a) {
    return policy.canView(v, a, SystemMode.NORMAL);
  }

  @Test
  void originatorAlwaysSeesItsOwnReport() {
    for (Tlp t : Tlp.values()) {
      assertThat(sees(BANK_DUTY, report(t).withRecipientOrganisations(Set.of()))).isTrue();
    }
  }

  @Test
  void redReachesOnlyNamedPeople() {
    Audience red = report(Tlp.RED).withRecipientPeople(Set.of(3000L));
    assertThat(sees(NISC_ANALYST, red)).isTrue();
    assertThat(sees(person(3001, NISC, "nisc", null), red)).isFalse();
    assertThat(sees(SECRETARIAT, red)).isFalse();
  }

  @Test
  void amberStrictReachesRecipientOrganisationsOnly() {
    Audience a = report(Tlp.AMBER_STRICT);
    assertThat(sees(SECRETARIAT, a)).isTrue();
    assertThat(sees(FSA_OFFICER, a)).isTrue();
    assertThat(sees(OTHER_BANK_DUTY, a)).as("a member of the recipient CEPTOAR").isFalse();
  }

  @Test
  void amberAlsoReachesTheClientsOfARecipientCeptoar() {
    Audience a = report(Tlp.AMBER);
    assertThat(sees(OTHER_BANK_DUTY, a)).isTrue();
    assertThat(sees(POWER_DUTY, a)).isFalse();
    assertThat(sees(POLICE_OFFICER, a)).isFalse();
  }

  @Test
  void greenReachesTheScopedCommunity() {
    Audience everyone = report(Tlp.GREEN);
    assertThat(sees(POWER_DUTY, everyone)).isTrue();
    assertThat(sees(person(6000, JPCERT, "security_agency", null), everyone)).isTrue();
    Audience financeOnly = everyone.withScope(Set.of("finance"), Set.of());
    assertThat(sees(POWER_DUTY, financeOnly)).isFalse();
    assertThat(sees(OTHER_BANK_DUTY, financeOnly)).isTrue();
    assertThat(sees(NISC_ANALYST, financeOnly)).as("addressed directly").isTrue();
    assertThat(sees(person(6001, JPCERT, "security_agency", null), financeOnly))
        .as("no sector, so outside a sector scope")
        .isFalse();
    assertThat(sees(Viewer.PUBLIC, everyone)).isFalse();
  }

  @Test
  void theReachLeavesOutGreenOutsideTheScopeAndExcludedOrganisations() {
    // what a store may leave out before asking the policy (search's candidate queries)
    Audience financeOnly = report(Tlp.GREEN).withScope(Set.of("finance"), Set.of());
    assertThat(Reach.of(POWER_DUTY).admits(financeOnly)).isFalse();
    assertThat(Reach.of(OTHER_BANK_DUTY).admits(financeOnly)).isTrue();
    assertThat(Reach.of(NISC_ANALYST).admits(financeOnly)).as("addressed directly").isTrue();
    Audience ceptoarsOnly = report(Tlp.GREEN).withScope(Set.of(), Set.of("ceptoar"));
    assertThat(Reach.of(POWER_DUTY).admits(ceptoarsOnly)).isFalse();
    assertThat(Reach.of(OTHER_BANK_DUTY).admits(ceptoarsOnly))
        .as("its CEPTOAR a recipient")
        .isTrue();
    assertThat(Reach.of(Viewer.PUBLIC).admits(report(Tlp.GREEN))).isFalse();
    assertThat(Reach.of(Viewer.PUBLIC).admits(report(Tlp.CLEAR))).isTrue();
    Audience clearButNotPower = report(Tlp.CLEAR).withExcluded(Set.of(POWER));
    assertThat(Reach.of(POWER_DUTY).admits(clearButNotPower)).isFalse();
    assertThat(sees(POWER_DUTY, clearButNotPower)).isFalse();
    // the mode gate is not the reach's: the same reach in large-scale mode
    assertThat(Reach.of(POLICE_OFFICER).admits(report(Tlp.GREEN))).isTrue();
  }

  @Test
  void largeScaleModeOpensGreenToIncidentResponseAndDisasterManagement() {
    Audience green = report(Tlp.GREEN);
    assertThat(policy.canView(POLICE_OFFICER, green, SystemMode.NORMAL)).isFalse();
    assertThat(policy.canView(CABINET_OFFICER, green, SystemMode.NORMAL)).isFalse();
    assertThat(policy.canView(POLICE_OFFICER, green, SystemMode.LARGE_SCALE)).isTrue();
    assertThat(policy.canView(CABINET_OFFICER, green, SystemMode.LARGE_SCALE)).isTrue();
    assertThat(policy.canView(POLICE_OFFICER, report(Tlp.AMBER), SystemMode.LARGE_SCALE)).isFalse();
    assertThat(policy.decide(POLICE_OFFICER, green, SystemMode.NORMAL).reason())
        .isEqualTo(Decision.Reason.MODE_GATED);
  }

  @Test
  void clearReachesThePublic() {
    assertThat(sees(Viewer.PUBLIC, report(Tlp.CLEAR))).isTrue();
  }

  @Test
  void theExcludedSupervisoryMinistryNeverSeesIt() {
    for (Tlp t : Tlp.values()) {
      Audience a = report(t).withRecipientPeople(Set.of(2000L)).withExcluded(Set.of(FSA));
      assertThat(policy.canView(FSA_OFFICER, a, SystemMode.LARGE_SCALE)).as(t.name()).isFalse();
      assertThat(sees(NISC_ANALYST, a) || t == Tlp.RED).isTrue();
    }
  }

  @Test
  void c4tapRangesFollowStanding() {
    Viewer analyst =
        new Viewer(
            7L, 70L, "security_agency", null, Set.of(), C4tapStanding.SECRETARIAT_OR_ANALYST);
    Viewer participant =
        new Viewer(8L, 80L, "operator", "gas", Set.of(), C4tapStanding.PARTICIPANT);
    Viewer observer = new Viewer(9L, 90L, "cyber_business", null, Set.of(), C4tapStanding.OBSERVER);
    Audience amber = Audience.of(Marking.c4tap(C4tapRange.AMBER), BANK, 100L);
    assertThat(sees(analyst, amber)).isTrue();
    assertThat(sees(participant, amber)).isTrue();
    assertThat(sees(observer, amber)).isFalse();
    Audience yellow = amber.withMarking(Marking.c4tap(C4tapRange.YELLOW));
    assertThat(sees(observer, yellow)).isTrue();
    assertThat(sees(Viewer.PUBLIC, yellow)).isFalse();
    assertThat(sees(Viewer.PUBLIC, amber.withMarking(Marking.c4tap(C4tapRange.WHITE)))).isTrue();
  }

  @Test
  void anOrganisationAsAWholeReadsWhatItsOrganisationMayButNeverWhatOnlyNamedPeopleMay() {
    Viewer nisc = Viewer.organisation(NISC, "nisc", null, Set.of(), C4tapStanding.NONE);
    Viewer bankMailbox =
        Viewer.organisation(OTHER_BANK, "operator", "finance", Set.of(BANK_CEPTOAR), null);
    // the duty mailbox of the originating organisation, of a recipient, of a recipient's client
    assertThat(
            sees(Viewer.organisation(BANK, "operator", "finance", Set.of(), null), report(Tlp.RED)))
        .isTrue();
    assertThat(sees(nisc, report(Tlp.AMBER_STRICT))).isTrue();
    assertThat(sees(bankMailbox, report(Tlp.AMBER))).isTrue();
    assertThat(sees(bankMailbox, report(Tlp.AMBER_STRICT))).isFalse();
    // RED addressed to a person of NISC: the organisation's mailbox is not that person
    assertThat(sees(nisc, report(Tlp.RED).withRecipientPeople(Set.of(3000L)))).isFalse();
    assertThat(
            sees(
                Viewer.organisation(POLICE, "incident_response", null, Set.of(), null),
                Audience.of(Marking.tlp(Tlp.GREEN), BANK, 100L)))
        .as("mode-gated in normal mode, as its people are")
        .isFalse();
  }
}
