package jp.renkei.engine.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {

  private static int sign(String a, String b, String type) {
    VersionOrder o = Versions.compare(a, b, type);
    assertThat(o.undecidable()).as("%s vs %s decided", a, b).isFalse();
    return o.sign();
  }

  private static String undecidable(String a, String b, String type) {
    VersionOrder o = Versions.compare(a, b, type);
    assertThat(o.undecidable()).as("%s vs %s undecidable", a, b).isTrue();
    return o.reason();
  }

  @Test
  void semverOrdersPreReleasesBeforeTheRelease() {
    assertThat(sign("1.0.0-alpha", "1.0.0-alpha.1", "semver")).isNegative();
    assertThat(sign("1.0.0-alpha.1", "1.0.0-alpha.beta", "semver")).isNegative();
    assertThat(sign("1.0.0-beta.2", "1.0.0-beta.11", "semver")).isNegative();
    assertThat(sign("1.0.0-rc.1", "1.0.0", "semver")).isNegative();
    assertThat(sign("1.0.0", "1.0.0+build.5", "semver")).isZero();
    assertThat(sign("v2.10.0", "2.9.9", "semver")).isPositive();
    assertThat(sign("1.2", "1.2.0", "semver")).isZero();
  }

  @Test
  void semverRefusesWhatIsNotSemver() {
    assertThat(undecidable("2.4.58-1ubuntu1.1~x", "2.4.59", "semver")).isEqualTo("not-semver");
    assertThat(undecidable("1.0.0.0.1", "1.0.0", "semver")).isEqualTo("not-semver");
  }

  @Test
  void dottedNumbersCompareNumericallyWithMissingPartsAsZero() {
    assertThat(sign("2.4.9", "2.4.10", "custom")).isNegative();
    assertThat(sign("10.0.17763.1", "10.0.17763", "custom")).isPositive();
    assertThat(sign("1.2", "1.2.0.0", null)).isZero();
    assertThat(sign("99999999999999999999.1", "99999999999999999998.2", "custom")).isPositive();
  }

  @Test
  void vendorSchemesOfTheSameShapeCompareTokenByToken() {
    assertThat(sign("20.4R3-S8", "20.4R3-S9", "custom")).isNegative();
    assertThat(sign("20.4R3-S10", "20.4R3-S9", "custom")).isPositive();
    assertThat(sign("2.0-beta9", "2.14.1", "custom")).isNegative();
  }

  @Test
  void anotherReleaseTrainOrASuffixIsUndecidable() {
    assertThat(undecidable("15.1X49-D100", "15.1R7-S9", "custom")).isEqualTo("different-shape");
    assertThat(undecidable("15.1R2", "15.1R2-S1", "custom")).isEqualTo("suffix");
    assertThat(undecidable("9.0.4", "9.0.4a", "custom")).isEqualTo("suffix");
  }

  @Test
  void gitCommitsAndUnsupportedSchemesAreUndecidable() {
    assertThat(undecidable("a1b2c3d", "e4f5a6b", "git")).isEqualTo("git-commit");
    assertThat(undecidable("1.0rc1", "1.0", "python")).isEqualTo("unsupported-scheme");
    assertThat(sign("1.0.1", "1.0", "rpm")).isPositive();
  }

  @Test
  void debianVersionsFollowDpkg() {
    assertThat(sign("1:2.4.58-1", "2.4.99-1", "deb")).isPositive();
    assertThat(sign("2.4.58~rc1-1", "2.4.58-1", "deb")).isNegative();
    assertThat(sign("2.4.58-1ubuntu1", "2.4.58-1ubuntu1.1", "deb")).isNegative();
    assertThat(sign("2.4.58-1ubuntu10", "2.4.58-1ubuntu9", "deb")).isPositive();
  }

  @Test
  void findsTheUpstreamOfDistributionPackages() {
    assertThat(Versions.distributionUpstream("2.4.58-1ubuntu1")).isEqualTo("2.4.58");
    assertThat(Versions.distributionUpstream("1:2.4.58-1+deb12u1")).isEqualTo("2.4.58");
    assertThat(Versions.distributionUpstream("2.4.37-62.el8")).isEqualTo("2.4.37");
    assertThat(Versions.distributionUpstream("20.4R3-S9")).isNull();
    assertThat(Versions.distributionUpstream("2.4.58")).isNull();
  }
}
