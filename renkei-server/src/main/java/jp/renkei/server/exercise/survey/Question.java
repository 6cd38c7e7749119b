package jp.renkei.server.exercise.survey;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A question of a 事後アンケート: a 1–5 rating or a free text. Shipped questions carry a message key
 * ({@code label}, with {@code text} as its argument, e.g. the 検証課題); a planner's own question has
 * only its {@code text}.
 *
 * @param key stable within the questionnaire (answers are stored by it)
 * @param kind {@code rating} or {@code text}
 */
public record Question(String key, String kind, String label, String text) {

  public boolean rating() {
    return "rating".equals(kind);
  }

  /** The question in the given language. */
  public String display(MessageSource messages, Locale locale) {
    return label == null ? text : messages.getMessage(label, new Object[] {text}, label, locale);
  }
}
