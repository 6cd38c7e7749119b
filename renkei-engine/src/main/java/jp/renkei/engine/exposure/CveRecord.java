package jp.renkei.engine.exposure;

import java.util.List;

/**
 * What Renkei keeps of a CVE JSON 5 record: its id, state, the CNA's {@code affected[]} products
 * with their version ranges, and the CVSS vector (for the SSVC decision's Automatable and Technical
 * Impact).
 *
 * @param cveId e.g. {@code CVE-2021-41773}
 * @param state {@code PUBLISHED} or {@code REJECTED}
 * @param affected the CNA's affected products
 * @param cvssVector the first CVSS v3.x or v4.0 vector of the CNA (or ADP), or null
 * @param title the CNA's title or first English description, or null
 */
public record CveRecord(
    String cveId, String state, List<Affected> affected, String cvssVector, String title) {

  public CveRecord {
    affected = List.copyOf(affected);
  }

  /**
   * One affected product ({@code containers.cna.affected[]}).
   *
   * @param vendor vendor name as the CNA wrote it, or null
   * @param product product name, or null
   * @param collectionUrl package collection (e.g. {@code https://repo.maven.apache.org/maven2})
   * @param packageName package name in that collection
   * @param cpes CPE 2.3 names the CNA listed
   * @param defaultStatus status of versions no entry covers: affected, unaffected or unknown
   * @param versions the version entries, in order
   */
  public record Affected(
      String vendor,
      String product,
      String collectionUrl,
      String packageName,
      List<String> cpes,
      String defaultStatus,
      List<VersionEntry> versions) {

    public Affected {
      cpes = List.copyOf(cpes);
      versions = List.copyOf(versions);
    }
  }

  /**
   * One {@code versions[]} entry: a single version, or a range from {@code version} up to {@code
   * lessThan} (exclusive) or {@code lessThanOrEqual} (inclusive), {@code *} meaning unbounded.
   *
   * @param changes status changes within the range, in ascending order of {@code at}
   */
  public record VersionEntry(
      String version,
      String status,
      String versionType,
      String lessThan,
      String lessThanOrEqual,
      List<Change> changes) {

    public VersionEntry {
      changes = List.copyOf(changes);
    }

    public boolean isRange() {
      return lessThan != null || lessThanOrEqual != null;
    }

    /** The range as people write it, e.g. {@code 2.4.49 ≤ v < 2.4.51}. */
    public String describe() {
      if (!isRange()) {
        return "v = " + version;
      }
      String upper = lessThan != null ? "v < " + lessThan : "v ≤ " + lessThanOrEqual;
      return "0".equals(version) ? upper : version + " ≤ " + upper;
    }
  }

  /** A status change at a version within a range ({@code changes[]}). */
  public record Change(String at, String status) {}
}
