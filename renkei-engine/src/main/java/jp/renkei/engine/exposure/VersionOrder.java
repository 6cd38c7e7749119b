package jp.renkei.engine.exposure;

import java.util.List;

/**
 * The order of two versions, or why it cannot be decided. An undecidable comparison is an answer,
 * not an error: the matcher reports it as such instead of guessing.
 *
 * @param sign negative, zero or positive when decided; meaningless when {@link #undecidable()}
 * @param reason null when decided, else a reason code ({@code exposure.why.<code>} in the UI)
 * @param args the reason's arguments (the versions concerned)
 */
public record VersionOrder(int sign, String reason, List<String> args) {

  public VersionOrder {
    args = List.copyOf(args);
  }

  static VersionOrder of(int sign) {
    return new VersionOrder(Integer.signum(sign), null, List.of());
  }

  static VersionOrder undecidable(String reason, String... args) {
    return new VersionOrder(0, reason, List.of(args));
  }

  public boolean undecidable() {
    return reason != null;
  }
}
