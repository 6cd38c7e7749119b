package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A message that is its linked pictures and a footer (recall43, {@link RedFlag#IMAGE_ONLY}): the
 * offer or the notice is drawn in images that are links, and the only words are the small print
 * around them — "if you can't see this email, click here", the unsubscribe line, the trademark
 * notice, the mailing address, "offer valid only to residents of …". IMAGE_ONLY counted every word
 * of the text, so a picture lure with a long legal footer had more words than its limit while
 * saying nothing in words. Here the HTML part's sentences that are such small print are set aside
 * and the rest counted: a newsletter with a banner and its footer still has its articles in words.
 *
 * <p>Cheap: read only for an HTML part with an image inside a link whose text has from {@link
 * MailAnalyzer#IMAGE_ONLY_WORDS} to {@link #MOST_WORDS} words; one pass over its sentences, each
 * looked at for the small print's words by {@code indexOf}.
 */
final class MailImageFooters {

  private MailImageFooters() {}

  /** An HTML part longer than this is a letter in words, whatever its pictures. */
  static final int MOST_WORDS = 400;

  /**
   * Words of a sentence that make it small print: what a bulk mailer writes around its message, not
   * the message (English, and the same lines in the languages of the corpora's lures).
   */
  static final String[] SMALL_PRINT = {
    "unsubscribe",
    "opt-out",
    "opt out",
    "opt-in",
    "remove your",
    "removed from",
    "removal",
    "can't see",
    "cannot see",
    "can't read",
    "cannot read",
    "can't view",
    "trouble viewing",
    "not display",
    "view this",
    "view it",
    "web version",
    "online version",
    "in your browser",
    "trademark",
    "copyright",
    "©",
    "(c) ",
    "rights reserved",
    "privacy",
    "mailing address",
    "postal",
    "p.o. box",
    "suite ",
    "this email",
    "this e-mail",
    "this message",
    "this advertisement",
    "this is an advertisement",
    "commercial email",
    "commercial e-mail",
    "you are receiving",
    "you received",
    "you have received",
    "receive these",
    "receiving these",
    "no longer",
    "subscri",
    "offer valid",
    "offer expires",
    "terms and conditions",
    "terms & conditions",
    "terms of use",
    "void where",
    "prohibited",
    "residents",
    "respective owners",
    "do not reply",
    "preferences",
    "abmelden",
    "impressum",
    "datenschutz",
    "désinscri",
    "desinscri",
    "descadastr",
    "darse de baja",
    "cancelar",
    "afmelden",
    "uitschrijven",
    "配信停止",
    "配信解除",
  };

  /** Where the text's sentences end: a stop, a bar or a bullet before white space. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?|•:])\\s+");

  /**
   * The words of an HTML part's text outside its small print: the sentences holding none of the
   * {@link #SMALL_PRINT} words, counted as {@link MailText#wordCount} counts.
   */
  static int wordsBesideSmallPrint(String text) {
    int words = 0;
    for (String sentence : SENTENCE_END.split(text.toLowerCase(Locale.ROOT))) {
      if (!smallPrint(sentence)) {
        words += MailText.wordCount(sentence);
      }
    }
    return words;
  }

  /**
   * The weight of the other signs a message must already carry: pictures and small print are how
   * many a shop's newsletter is made too (ham-outside's, signed by the shop); they say what a
   * message that is already suspect hides, not that it is.
   */
  static final int SECOND_SIGN = 10;

  /** The sum of the weights of the distinct kinds of sign found so far. */
  static int otherSigns(MailState st) {
    java.util.Set<RedFlag> kinds = java.util.EnumSet.noneOf(RedFlag.class);
    st.findings.forEach(f -> kinds.add(f.flag()));
    return kinds.stream().mapToInt(RedFlag::weight).sum();
  }

  static boolean smallPrint(String sentence) {
    for (String w : SMALL_PRINT) {
      if (sentence.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An HTML part's reading (one call in {@code MailHtml}): a part with a linked picture and more
   * words than IMAGE_ONLY allows, but not so many that it is a letter, keeps the words beside its
   * small print, the fewest of its parts so read.
   */
  static void read(MailState st, int linkedImages, String text, int words) {
    if (linkedImages == 0
        || words < MailAnalyzer.IMAGE_ONLY_WORDS
        || words > MOST_WORDS
        || st.wordsBesideFooter >= 0) {
      return;
    }
    st.wordsBesideFooter = wordsBesideSmallPrint(text);
  }

  /**
   * IMAGE_ONLY for a message whose HTML part says nothing in words but its small print (one call in
   * {@code MailAnalyzer.judge}, after IMAGE_ONLY's word count): the message's other text parts say
   * no more than it does.
   */
  static void judge(MailState st, boolean senderAllowed) {
    if (senderAllowed
        || st.wordsBesideFooter < 0
        || st.wordsBesideFooter >= MailAnalyzer.IMAGE_ONLY_WORDS
        || st.words > 2 * MOST_WORDS
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.IMAGE_ONLY)
        || otherSigns(st) < SECOND_SIGN) {
      return;
    }
    st.flag(
        RedFlag.IMAGE_ONLY,
        st.wordsBesideFooter
            + " < "
            + MailAnalyzer.IMAGE_ONLY_WORDS
            + " words beside the footer's small print, <a><img> × "
            + st.linkedImages,
        st.wordsBesideFooter
            + " < "
            + MailAnalyzer.IMAGE_ONLY_WORDS
            + " 語 (フッターの定型文を除く)、<a><img> × "
            + st.linkedImages);
  }
}
