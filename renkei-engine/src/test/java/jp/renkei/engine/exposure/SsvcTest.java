package jp.renkei.engine.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsvcTest {

  /** CISA coordinator 2.0.3 (the SSVC project's csv), row by row. */
  private static final String CISA =
      """
      none,no,partial,low,track
      none,no,partial,medium,track
      none,no,partial,high,track
      none,no,total,low,track
      none,no,total,medium,track
      none,no,total,high,track*
      none,yes,partial,low,track
      none,yes,partial,medium,track
      none,yes,partial,high,attend
      none,yes,total,low,track
      none,yes,total,medium,track
      none,yes,total,high,attend
      public poc,no,partial,low,track
      public poc,no,partial,medium,track
      public poc,no,partial,high,track*
      public poc,no,total,low,track
      public poc,no,total,medium,track*
      public poc,no,total,high,attend
      public poc,yes,partial,low,track
      public poc,yes,partial,medium,track
      public poc,yes,partial,high,attend
      public poc,yes,total,low,track
      public poc,yes,total,medium,track*
      public poc,yes,total,high,attend
      active,no,partial,low,track
      active,no,partial,medium,track
      active,no,partial,high,attend
      active,no,total,low,track
      active,no,total,medium,attend
      active,no,total,high,act
      active,yes,partial,low,attend
      active,yes,partial,medium,attend
      active,yes,partial,high,act
      active,yes,total,low,attend
      active,yes,total,medium,act
      active,yes,total,high,act
      """;

  /**
   * BOD 26-04 timelines: in KEV, exposed, automatable, impact → days (0: upgrade, -n: forensic).
   */
  private static final String BOD =
      """
      no,no,no,partial,0
      yes,no,no,partial,14
      no,yes,no,partial,60
      no,no,yes,partial,60
      no,no,no,total,0
      yes,yes,no,partial,14
      yes,no,yes,partial,14
      no,yes,yes,partial,14
      yes,no,no,total,14
      no,yes,no,total,14
      no,no,yes,total,60
      yes,yes,yes,partial,3
      yes,yes,no,total,-3
      yes,no,yes,total,-3
      no,yes,yes,total,3
      yes,yes,yes,total,-3
      """;

  private static final LocalDate SEEN = LocalDate.of(2026, 11, 30);
  private final Ssvc ssvc = new Ssvc(Ssvc.Policy.DEFAULT);

  private static String vector(boolean automatable, boolean total) {
    return "CVSS:3.1/AV:N/AC:"
        + (automatable ? "L" : "H")
        + "/PR:N/UI:N/S:U/C:H/I:"
        + (total ? "H" : "L")
        + "/A:N";
  }

  private static KevEntry kev(LocalDate due) {
    return new KevEntry(
        "CVE-2021-41773",
        "Apache",
        "HTTP Server",
        "x",
        LocalDate.of(2021, 11, 3),
        due,
        "",
        "",
        "Unknown",
        "",
        List.of());
  }

  @Test
  void followsCisasCoordinatorTreeForEveryRow() {
    for (String row : CISA.strip().split("\n")) {
      String[] c = row.split(",");
      KevEntry k = c[0].equals("active") ? kev(null) : null;
      EpssScore epss =
          c[0].equals("public poc") ? new EpssScore("CVE-2021-41773", 0.7, 0.99) : null;
      Finding f = new Finding(1, "CVE-2021-41773", "affected", k, List.of());
      ServiceAsset s =
          new ServiceAsset(
              1, ProductId.of("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*", null, null), c[3], false);
      Ssvc.Decision d =
          ssvc.decide(f, s, epss, vector(c[1].equals("yes"), c[2].equals("total")), SEEN);
      assertThat(d.outcome().label().toLowerCase()).as(row).isEqualTo(c[4]);
      assertThat(d.exploitation()).isEqualTo(c[0]);
      assertThat(d.missionImpact()).isEqualTo(c[3]);
    }
  }

  @Test
  void dueDatesFollowBod2604() {
    for (String row : BOD.strip().split("\n")) {
      String[] c = row.split(",");
      KevEntry k = c[0].equals("yes") ? kev(null) : null;
      Finding f = new Finding(1, "CVE-2021-41773", "affected", k, List.of());
      ServiceAsset s =
          new ServiceAsset(
              1,
              ProductId.of("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*", null, null),
              "high",
              c[1].equals("yes"));
      Ssvc.Decision d =
          ssvc.decide(f, s, null, vector(c[2].equals("yes"), c[3].equals("total")), SEEN);
      int days = Integer.parseInt(c[4]);
      if (days == 0) {
        assertThat(d.due()).as(row).isNull();
      } else {
        assertThat(d.due()).as(row).isEqualTo(SEEN.plusDays(Math.abs(days)));
      }
      assertThat(d.forensic()).as(row).isEqualTo(days < 0);
    }
  }

  @Test
  void anEarlierKevDueDateWinsAndIsExplained() {
    Finding f = new Finding(1, "CVE-2021-41773", "affected", kev(SEEN.plusDays(1)), List.of());
    ServiceAsset s =
        new ServiceAsset(1, ProductId.of("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*", null, null), null, true);
    Ssvc.Decision d = ssvc.decide(f, s, null, null, SEEN);
    assertThat(d.due()).isEqualTo(SEEN.plusDays(1));
    assertThat(d.reasons())
        .extracting(Evidence::code)
        .containsExactly(
            "ssvc-active-kev",
            "ssvc-no-cvss",
            "ssvc-mission-unknown",
            "ssvc-mission",
            "ssvc-outcome",
            "bod-days-forensic",
            "kev-due");
    assertThat(d.outcome()).isEqualTo(Ssvc.Outcome.ACT);
  }

  @Test
  void thePolicyIsConfigurable() {
    Ssvc strict = new Ssvc(new Ssvc.Policy(0.1, 1, 7, 30));
    Finding f = new Finding(1, "CVE-2021-41773", "affected", null, List.of());
    ServiceAsset s =
        new ServiceAsset(
            1, ProductId.of("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*", null, null), "high", true);
    Ssvc.Decision d =
        strict.decide(f, s, new EpssScore("CVE-2021-41773", 0.2, 0.9), vector(true, true), SEEN);
    assertThat(d.exploitation()).isEqualTo("public poc");
    assertThat(d.due()).isEqualTo(SEEN.plusDays(1));
  }
}
