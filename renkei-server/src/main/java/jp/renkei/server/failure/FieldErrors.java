package jp.renkei.server.failure;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors of a whole form instead of stopping at the first: run each independent check
 * through {@link #check}, then {@link #throwIfAny}. One error is thrown as itself, several as
 * {@link InvalidInputs}.
 *
 * <pre>{@code
 * FieldErrors errors = new FieldErrors();
 * errors.check(() -> text("title", c.title(), 200, true));
 * errors.check(() -> text("summary", c.summary(), 20_000, true));
 * errors.throwIfAny();
 * }</pre>
 */
public final class FieldErrors {

  /** A check that throws {@link InvalidInput} when its field is wrong. */
  @FunctionalInterface
  public interface Check {
    void run();
  }

  private final List<InvalidInput> errors = new ArrayList<>();

  /** Runs a check; its error, if any, is kept and the next check runs. */
  public FieldErrors check(Check check) {
    try {
      check.run();
    } catch (InvalidInputs many) {
      errors.addAll(many.all());
    } catch (InvalidInput e) {
      errors.add(e);
    }
    return this;
  }

  /** Adds an error found another way. */
  public FieldErrors add(InvalidInput e) {
    errors.addAll(InvalidInputs.of(e));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws what was collected: nothing, the one error, or all of them. */
  public void throwIfAny() {
    if (errors.size() == 1) {
      throw errors.get(0);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputs(errors);
    }
  }
}
