package jp.renkei.server.exercise;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.renkei.server.failure.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Why an inject's simulated advisory or report was not issued, in the reader's language (the
 * console shows it): each refusal's message, a key without one as the key itself.
 */
@Component("injectFailures")
public class InjectFailures {

  private final MessageSource messages;

  InjectFailures(MessageSource messages) {
    this.messages = messages;
  }

  public String text(List<Refusal> refusals, Locale locale) {
    if (refusals == null) {
      return "";
    }
    String separator = messages.getMessage("exercise.failure.separator", null, "; ", locale);
    return refusals.stream()
        .map(r -> messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), locale))
        .collect(Collectors.joining(separator));
  }
}
