package jp.renkei.engine.exposure;

import java.util.List;

/**
 * A vulnerability that applies, or may apply, to one service.
 *
 * @param serviceId the service
 * @param cveId the vulnerability
 * @param status {@code affected} (decided by the version ranges) or {@code possible} (the product
 *     matches but the version could not be decided, or no ranges are known yet)
 * @param kev the KEV entry, or null
 * @param evidence why, in order: how the product matched, what the version ranges said, KEV
 */
public record Finding(
    long serviceId, String cveId, String status, KevEntry kev, List<Evidence> evidence) {

  public Finding {
    evidence = List.copyOf(evidence);
  }
}
