package jp.renkei.server.sharing;

import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.failure.InvalidInput;

/** The stored TLP codes (reference vocabulary {@code tlp}) as the engine's markings. */
public final class Markings {

  private Markings() {}

  /** The code as people write it: {@code TLP:AMBER+STRICT} for {@code amber_strict}. */
  public static String label(String code) {
    return "amber_strict".equals(code)
        ? "TLP:AMBER+STRICT"
        : "TLP:" + code.toUpperCase(java.util.Locale.ROOT);
  }

  public static Tlp tlp(String code) {
    return switch (code == null ? "" : code) {
      case "red" -> Tlp.RED;
      case "amber_strict" -> Tlp.AMBER_STRICT;
      case "amber" -> Tlp.AMBER;
      case "green" -> Tlp.GREEN;
      case "clear" -> Tlp.CLEAR;
      default -> throw new InvalidInput("tlp", "validation.vocabulary", String.valueOf(code));
    };
  }
}
