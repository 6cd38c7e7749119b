package jp.renkei.server.ui;

import jp.renkei.engine.text.Names;
import org.springframework.stereotype.Component;

/**
 * Names from outside (attachment file names, mail subjects and senders) as they may be shown:
 * {@code th:text="${@safe.name(a.name())}"}. Bidi overrides, zero-width and control characters are
 * written as {@code [U+202E]}, so an RLO in a file name no longer reverses the rest of the line and
 * a hidden character shows where it is ({@link Names#escapeInvisible}).
 */
@Component("safe")
public class SafeText {

  /** The name with invisible and reordering characters written out; null stays null. */
  public String name(String name) {
    return Names.escapeInvisible(name);
  }

  /** As {@link #name}, with {@code fallback} for a missing or blank name. */
  public String name(String name, String fallback) {
    return name == null || name.isBlank() ? fallback : Names.escapeInvisible(name);
  }
}
