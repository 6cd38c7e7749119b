package jp.renkei.engine.exposure;

import java.util.List;

/**
 * The CVE JSON 5 version semantics: which status an {@link CveRecord.Affected} entry gives one
 * version. An exact version entry wins over ranges; otherwise the first range that decidedly
 * contains the version gives its status (or its last {@code changes[]} status at or below the
 * version); when no entry contains it, {@code defaultStatus} applies (absent: unknown). A
 * comparison that cannot be decided, when no other entry decides, makes the verdict unknown with
 * that reason — never a guess.
 *
 * <p>A distribution package version ({@code 2.4.58-1ubuntu1}) compared with upstream ranges: when
 * its upstream part is outside every affected range it is judged as usual; when it is inside, the
 * verdict is unknown ({@code distro-backport}), because distributions backport fixes without
 * changing the upstream number.
 */
public final class Ranges {

  private Ranges() {}

  public static RangeVerdict evaluate(CveRecord.Affected affected, String version) {
    if (version == null || version.isBlank()) {
      return new RangeVerdict("unknown", "no-version", List.of());
    }
    String upstream = Versions.distributionUpstream(version);
    if (upstream != null) {
      RangeVerdict up = plain(affected, upstream);
      if (up.affected()) {
        return new RangeVerdict("unknown", "distro-backport", List.of(version, upstream));
      }
      return up;
    }
    return plain(affected, version);
  }

  private static RangeVerdict plain(CveRecord.Affected affected, String version) {
    RangeVerdict undecided = null;
    for (CveRecord.VersionEntry e : affected.versions()) {
      if (!e.isRange()) {
        VersionOrder o = Versions.compare(version, e.version(), e.versionType());
        if (!o.undecidable() && o.sign() == 0) {
          return new RangeVerdict(e.status(), "exact", List.of(version, e.describe()));
        }
      }
    }
    for (CveRecord.VersionEntry e : affected.versions()) {
      if (!e.isRange()) {
        continue;
      }
      VersionOrder lower = lowerBound(e, version);
      VersionOrder upper = upperBound(e, version);
      if (lower.undecidable() || upper.undecidable()) {
        if (undecided == null) {
          VersionOrder u = lower.undecidable() ? lower : upper;
          undecided = new RangeVerdict("unknown", u.reason(), u.args());
        }
        continue;
      }
      if (lower.sign() >= 0 && upper.sign() < 0) {
        return new RangeVerdict(
            statusWithChanges(e, version), "in-range", List.of(version, e.describe()));
      }
    }
    if (undecided != null) {
      return undecided;
    }
    String def = affected.defaultStatus() == null ? "unknown" : affected.defaultStatus();
    return new RangeVerdict(def, "default-status", List.of(version, def));
  }

  /** Sign of version against the lower bound ({@code >= 0}: at or above it). */
  private static VersionOrder lowerBound(CveRecord.VersionEntry e, String version) {
    if (e.version() == null || e.version().equals("0") || e.version().equals("*")) {
      return VersionOrder.of(1);
    }
    return Versions.compare(version, e.version(), e.versionType());
  }

  /** Negative when the version is below the upper bound (inside the range). */
  private static VersionOrder upperBound(CveRecord.VersionEntry e, String version) {
    String bound = e.lessThan() != null ? e.lessThan() : e.lessThanOrEqual();
    if (bound.equals("*")) {
      return VersionOrder.of(-1);
    }
    VersionOrder o = Versions.compare(version, bound, e.versionType());
    if (o.undecidable() || e.lessThan() != null) {
      return o;
    }
    return VersionOrder.of(o.sign() <= 0 ? -1 : 1);
  }

  private static String statusWithChanges(CveRecord.VersionEntry e, String version) {
    String status = e.status();
    for (CveRecord.Change c : e.changes()) {
      VersionOrder o = Versions.compare(version, c.at(), e.versionType());
      if (!o.undecidable() && o.sign() >= 0) {
        status = c.status();
      }
    }
    return status;
  }
}
