package jp.renkei.engine.observable;

/** An observable that does not parse as its type; the message says why. */
public final class InvalidObservable extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String value;

  InvalidObservable(String type, String value, String reason) {
    super(type + " '" + abbreviate(value) + "': " + reason);
    this.type = type;
    this.value = value;
  }

  public String type() {
    return type;
  }

  public String value() {
    return value;
  }

  /** Why, without the type and value (for messages that show those separately). */
  public String reason() {
    String m = getMessage();
    return m.substring(m.indexOf("': ") + 3);
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
