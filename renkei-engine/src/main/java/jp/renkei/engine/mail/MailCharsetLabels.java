package jp.renkei.engine.mail;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A text part's charset by its label, as {@code Charset.forName} finds it, answered without asking
 * Java for the labels mail writes for text of no known charset. Java does not remember a label it
 * could not find: each asking loads its charset providers again (the extended charsets' tables
 * built anew, about as long as the rest of a small message's analysis). The labels are a fixed
 * list, never one learnt from a message: what one message held changes nothing another's analysis
 * costs.
 */
final class MailCharsetLabels {

  private MailCharsetLabels() {}

  /**
   * Labels mail programs write for text whose charset they do not know (RFC 1428's unknown-8bit,
   * x-unknown, unknown, x-user-defined, default) and UTF-7 under its two names, which Java does not
   * read: those of them this Java does not find, lower-cased (a label is found whatever its case).
   */
  static final Set<String> NOT_FOUND =
      List.of(
              "unknown-8bit",
              "x-unknown",
              "unknown",
              "x-user-defined",
              "default",
              "utf-7",
              "unicode-1-1-utf-7")
          .stream()
          .filter(l -> !Charset.isSupported(l))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The charset {@code Charset.forName(label)} returns, or null where it throws (no charset of that
   * name, a name no charset can have, or none).
   */
  static Charset forName(String label) {
    if (label == null || NOT_FOUND.contains(label.toLowerCase(Locale.ROOT))) {
      return null;
    }
    try {
      return Charset.forName(label);
    } catch (IllegalArgumentException notFound) {
      return null;
    }
  }
}
