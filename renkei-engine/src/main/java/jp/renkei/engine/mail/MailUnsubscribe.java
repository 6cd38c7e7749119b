package jp.renkei.engine.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words of a mailing list's unsubscribe offer (issue 19), in the languages of the lures: the
 * bulk words, the unsubscribe line, and the one automaton that finds both in a link or a text.
 */
final class MailUnsubscribe {

  private MailUnsubscribe() {}

  static final Pattern BULK =
      Pattern.compile("unsubscribe|opt[- ]out|配信(?:停止|解除)|メール(?:マガジン|配信)の(?:停止|解除)");

  /** An unsubscribe link or line in the text, in the languages of the lures. */
  static final Pattern UNSUBSCRIBE_TEXT =
      Pattern.compile(
          "unsubscribe|opt[- ]out|配信(?:停止|解除)|descadastr|cancelar (?:a )?inscri|darse de baja"
              + "|abmelden|abbestellen|désinscri|desinscri|se désabonner|afmelden|uitschrijven"
              + "|cancella(?:re)? l'iscrizione");

  /**
   * The bulk-mail and unsubscribe words, found in one pass of an automaton ({@link MailPhrases}).
   */
  static final MailPhrases LIST_WORDS = new MailPhrases(List.of(BULK, UNSUBSCRIBE_TEXT));

  /**
   * Whether a (lower-cased) link or link text has an unsubscribe word: {@link #UNSUBSCRIBE_TEXT}
   * found through the list words' automaton (one pass; a link with none of the words' starts is not
   * searched by the pattern at all).
   */
  static boolean offersUnsubscribe(String lower) {
    return LIST_WORDS.scan(lower).first(UNSUBSCRIBE_TEXT) != null;
  }
}
