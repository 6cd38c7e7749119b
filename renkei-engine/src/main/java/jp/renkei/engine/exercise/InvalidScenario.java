package jp.renkei.engine.exercise;

/** A scenario that cannot be played, with the element (inject or expectation key) that is wrong. */
public final class InvalidScenario extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final String element;

  public InvalidScenario(String element, String reason) {
    super(element + ": " + reason);
    this.element = element;
  }

  /** The inject, expectation or field the problem is in. */
  public String element() {
    return element;
  }
}
