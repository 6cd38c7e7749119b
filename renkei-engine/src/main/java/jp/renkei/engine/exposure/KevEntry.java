package jp.renkei.engine.exposure;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalogue.
 *
 * @param ransomware {@code knownRansomwareCampaignUse}: {@code Known} or {@code Unknown}
 */
public record KevEntry(
    String cveId,
    String vendorProject,
    String product,
    String vulnerabilityName,
    LocalDate dateAdded,
    LocalDate dueDate,
    String shortDescription,
    String requiredAction,
    String ransomware,
    String notes,
    List<String> cwes) {

  public KevEntry {
    cwes = List.copyOf(cwes);
  }
}
