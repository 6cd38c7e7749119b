package jp.renkei.engine.policy;

/** TLP 2.0, narrowest first: each level's audience contains the one before it. */
public enum Tlp {
  RED,
  AMBER_STRICT,
  AMBER,
  GREEN,
  CLEAR;

  /** The marking as written in documents, e.g. {@code TLP:AMBER+STRICT}. */
  public String label() {
    return this == AMBER_STRICT ? "TLP:AMBER+STRICT" : "TLP:" + name();
  }
}
