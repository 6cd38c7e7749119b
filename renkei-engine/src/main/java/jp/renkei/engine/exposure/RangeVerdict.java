package jp.renkei.engine.exposure;

import java.util.List;

/**
 * Whether one version is affected according to one {@link CveRecord.Affected} entry, and why.
 *
 * @param status {@code affected}, {@code unaffected} or {@code unknown}
 * @param reason the code of the reason ({@code exposure.why.<code>} in the UI): {@code in-range},
 *     {@code exact}, {@code default-status}, or an undecidable comparison's reason
 * @param args the reason's arguments (the range, the version)
 */
public record RangeVerdict(String status, String reason, List<String> args) {

  public RangeVerdict {
    args = List.copyOf(args);
  }

  public boolean affected() {
    return "affected".equals(status);
  }

  public boolean unknown() {
    return "unknown".equals(status);
  }
}
