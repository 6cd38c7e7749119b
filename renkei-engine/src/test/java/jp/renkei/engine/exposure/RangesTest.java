package jp.renkei.engine.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangesTest {

  private static CveRecord.Affected product(String def, CveRecord.VersionEntry... v) {
    return new CveRecord.Affected("Example", "Widget", null, null, List.of(), def, List.of(v));
  }

  private static CveRecord.VersionEntry range(String from, String lt, String lte, String type) {
    return new CveRecord.VersionEntry(from, "affected", type, lt, lte, List.of());
  }

  @Test
  void lessThanIsExclusiveAndLessThanOrEqualInclusive() {
    var lt = product("unaffected", range("2.4.0", "2.4.51", null, "custom"));
    assertThat(Ranges.evaluate(lt, "2.4.50").status()).isEqualTo("affected");
    assertThat(Ranges.evaluate(lt, "2.4.51").status()).isEqualTo("unaffected");
    assertThat(Ranges.evaluate(lt, "2.3.9").status()).isEqualTo("unaffected");
    var lte = product("unaffected", range("2.4.0", null, "2.4.51", "custom"));
    assertThat(Ranges.evaluate(lte, "2.4.51").status()).isEqualTo("affected");
    assertThat(Ranges.evaluate(lte, "2.4.52").status()).isEqualTo("unaffected");
  }

  @Test
  void zeroAndStarAreOpenBounds() {
    var all = product("unaffected", range("0", "*", null, "semver"));
    assertThat(Ranges.evaluate(all, "99.0.0").status()).isEqualTo("affected");
  }

  @Test
  void anExactEntryWinsOverARange() {
    var p =
        product(
            "unknown",
            range("1.0.0", "2.0.0", null, "semver"),
            new CveRecord.VersionEntry("1.5.0", "unaffected", "semver", null, null, List.of()));
    RangeVerdict v = Ranges.evaluate(p, "1.5.0");
    assertThat(v.status()).isEqualTo("unaffected");
    assertThat(v.reason()).isEqualTo("exact");
  }

  @Test
  void changesWithinARangeApplyInOrder() {
    var p =
        product(
            "unaffected",
            new CveRecord.VersionEntry(
                "1.0.0",
                "affected",
                "semver",
                "2.0.0",
                null,
                List.of(
                    new CveRecord.Change("1.4.2", "unaffected"),
                    new CveRecord.Change("1.5.0-rc.1", "affected"))));
    assertThat(Ranges.evaluate(p, "1.4.1").status()).isEqualTo("affected");
    assertThat(Ranges.evaluate(p, "1.4.9").status()).isEqualTo("unaffected");
    assertThat(Ranges.evaluate(p, "1.5.0").status()).isEqualTo("affected");
  }

  @Test
  void withoutAMatchingEntryTheDefaultStatusApplies() {
    var p = product(null, range("1.0", "1.1", null, "custom"));
    RangeVerdict v = Ranges.evaluate(p, "3.0");
    assertThat(v.status()).isEqualTo("unknown");
    assertThat(v.reason()).isEqualTo("default-status");
  }

  @Test
  void anUndecidableComparisonMakesTheVerdictUnknownNeverAGuess() {
    var p = product("unaffected", range("0", "20.4R3-S9", null, "custom"));
    assertThat(Ranges.evaluate(p, "20.4R3-S8").status()).isEqualTo("affected");
    RangeVerdict v = Ranges.evaluate(p, "20.4R3");
    assertThat(v.status()).isEqualTo("unknown");
    assertThat(v.reason()).isEqualTo("suffix");
  }

  @Test
  void aDistributionPackageInsideAnUpstreamRangeMayHaveABackportedFix() {
    var p = product("unaffected", range("2.4.0", "2.4.59", null, "custom"));
    RangeVerdict inside = Ranges.evaluate(p, "2.4.58-1ubuntu1");
    assertThat(inside.status()).isEqualTo("unknown");
    assertThat(inside.reason()).isEqualTo("distro-backport");
    assertThat(inside.args()).containsExactly("2.4.58-1ubuntu1", "2.4.58");
    assertThat(Ranges.evaluate(p, "2.4.62-1ubuntu1").status()).isEqualTo("unaffected");
  }

  @Test
  void noVersionIsUnknown() {
    var p = product("unaffected", range("2.4.0", "2.4.59", null, "custom"));
    assertThat(Ranges.evaluate(p, null).reason()).isEqualTo("no-version");
  }
}
