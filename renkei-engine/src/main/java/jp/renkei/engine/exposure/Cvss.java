package jp.renkei.engine.exposure;

import java.util.HashMap;
import java.util.Map;

/**
 * The two facts SSVC takes from a CVSS v3.x or v4.0 vector: whether the attack is automatable
 * (network, low complexity, no attack requirements, no privileges, no user interaction) and whether
 * the impact is total (high confidentiality and integrity impact on the vulnerable system).
 */
record Cvss(boolean automatable, boolean totalImpact) {

  /** The facts of a vector, or null when it is absent or not a CVSS v3/v4 vector. */
  static Cvss of(String vector) {
    if (vector == null || !vector.startsWith("CVSS:3.") && !vector.startsWith("CVSS:4.")) {
      return null;
    }
    Map<String, String> m = new HashMap<>();
    for (String part : vector.split("/")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        m.put(part.substring(0, colon), part.substring(colon + 1));
      }
    }
    boolean v4 = vector.startsWith("CVSS:4.");
    boolean auto =
        "N".equals(m.get("AV"))
            && "L".equals(m.get("AC"))
            && "N".equals(m.get("PR"))
            && "N".equals(m.get("UI"))
            && (!v4 || "N".equals(m.get("AT")));
    boolean total =
        v4
            ? "H".equals(m.get("VC")) && "H".equals(m.get("VI"))
            : "H".equals(m.get("C")) && "H".equals(m.get("I"));
    if (!m.containsKey("AV")) {
      return null;
    }
    return new Cvss(auto, total);
  }
}
