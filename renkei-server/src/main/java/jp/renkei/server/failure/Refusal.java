package jp.renkei.server.failure;

import java.util.Arrays;
import java.util.List;

/**
 * Why something was not done, kept to be shown later in the reader's language: a message key and
 * its arguments as text (an exercise's inject that could not be issued keeps its refusals on the
 * console). Made from a {@link RenkeiException} it carries that error's own key and arguments.
 */
public record Refusal(String messageKey, List<String> args) {

  public Refusal {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Refusal of(String messageKey, Object... args) {
    return new Refusal(messageKey, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** Every error the exception stands for (an {@link InvalidInputs} holds several). */
  public static List<Refusal> of(RenkeiException e) {
    if (e instanceof InvalidInput one) {
      return InvalidInputs.of(one).stream().map(x -> of(x.messageKey(), x.args())).toList();
    }
    return List.of(of(e.messageKey(), e.args()));
  }
}
