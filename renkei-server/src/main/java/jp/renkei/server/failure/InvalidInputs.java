package jp.renkei.server.failure;

import java.util.List;

/**
 * Several fields of the request are wrong: every error, in the order of the form. It is an {@link
 * InvalidInput} for the first one, so code that handles one error keeps working; pages list them
 * all ({@code fragments/errors}), the API answers with all of them.
 */
public class InvalidInputs extends InvalidInput {
  private static final long serialVersionUID = 1L;

  private final transient List<InvalidInput> all;

  InvalidInputs(List<InvalidInput> all) {
    super(all.get(0).field(), all.get(0).messageKey(), all.get(0).args());
    this.all = List.copyOf(all);
  }

  public List<InvalidInput> all() {
    return all;
  }

  /** Every error an exception stands for: its list, or itself. */
  public static List<InvalidInput> of(InvalidInput e) {
    return e instanceof InvalidInputs many ? many.all() : List.of(e);
  }
}
