package jp.renkei.engine.mail;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of the urgency and lure lists ({@link MailUrgencyWords#URGENCY}, {@link
 * MailFraudWords#LURES}) in the everyday sense a letter or a newsletter uses them, which presses
 * and promises nothing: a contact line for urgent cases ("In dringenden Fällen bitte kurze E-Mail",
 * "for urgent enquiries call"), a need described ("wo sie am dringendsten gebraucht werden", "most
 * urgently needed"), and German "Gewinn" / "gewinnen" as gain and winning people over ("ein Gewinn
 * für unser Team", "Mitstreiter zu gewinnen", "an Bedeutung gewinnen"), not a prize. The prize
 * ("Gewinne einen Gutschein", "Gewinnspiel", "gewinnen Sie") and the pressure ("dringend
 * erforderlich", "urgent action") stay signs. Lower-cased text, as the lists read it.
 */
final class MailEverydayWords {

  private MailEverydayWords() {}

  /** Urgency in a contact line or describing a need, not asked of the reader. */
  static final Pattern NOT_PRESSURE =
      spaced(
          "\\b(?:in|bei|für) (?:besonders |sehr )?dringenden (?:fällen|fragen|anliegen|notfällen)"
              + "|\\bam dringendsten\\b|\\bdringend(?:st)? (?:benötigt|gebraucht)"
              + "|\\b(?:in|for) (?:very )?urgent (?:cases|matters|enquiries|inquiries|questions)"
              + "|\\bmost urgently (?:needed|required)"
              // a public cause's urgency that campaign and advocacy mail reports or demands of
              // those in office, not of the reader's account (hamout40): "sent out an urgent call
              // to action", "the opioid crisis which demand immediate action", "ready for immediate
              // action on gun violence"; "requires immediate action" and "immediate action on your
              // account" stay signs
              + "|\\burgent call to action"
              + "|\\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)? for) (?:immediate|urgent) action"
              + "|\\bimmediate action on (?!your\\b|this\\b|the\\b|it\\b|my\\b|our\\b|these\\b|that\\b)[a-z]"
              // what someone else did or failed to do, not what the reader must (hamout41): a
              // contract's terms name a party's failure ("not limited to: the customer's failure
              // to confirm the installation"), the news names legal actions taken ("so-called John
              // Doe legal actions", "aggressive legal actions against the server operators"), an
              // appeal names the aid a place needs ("so that urgently-needed food aid can be
              // delivered"); "failure to confirm your account", "legal action will be taken",
              // "legal actions will be taken against you" and "your help is urgently needed" stay
              // signs
              + "|\\b(?:customer|buyer|purchaser|tenant|participant|contractor|seller|vendor|licensee"
              + "|party)(?:'s|’s|s'|s’) failure to"
              + "|\\blegal actions\\b(?! (?:will|shall|may|might|would|could|can|are|against you))"
              + "|\\burgently[- ]needed (?:food|humanitarian|medical|relief|water|shelter|medicine)");

  /** German "Gewinn" and "gewinnen" as gain and as winning people or ground, not a prize. */
  static final Pattern NOT_A_PRIZE =
      spaced(
          "\\b(?:als|ein|einen|echter|echten|großer|großen|große) gewinn (?:für|ansieht|sehen|betrachtet)"
              + "|\\bals gewinn\\b"
              + "|\\b(?:mitstreiter|unterstützer|mitglieder|ehrenamtliche|menschen|partner"
              + "|fachkräfte|mitarbeiter|spender|freiwillige)(?:\\*innen|innen)? (?:\\w+ ){0,3}zu gewinnen"
              + "|\\b(?:an )?(?:bedeutung|einfluss|vertrauen|zeit|erkenntnisse|einblicke|abstand"
              + "|energie|boden|fahrt) (?:zu )?gewinn(?:en|t)\\b");

  /**
   * The words every alternative of a pattern above holds as written (EverydayWordsTest checks it):
   * a text without any of them is not searched, which spares the pattern's word-boundary test at
   * every character of every message.
   */
  static final Map<Pattern, List<String>> NEEDED =
      Map.of(
          NOT_PRESSURE,
          List.of("dringend", "urgent", "immediate", "failure", "actions"),
          NOT_A_PRIZE,
          List.of("gewinn"));

  /** Whether {@code p} can find anything in {@code text}: one of its needed words is there. */
  static boolean mayFind(Pattern p, String text) {
    List<String> words = NEEDED.get(p);
    if (words == null) {
      return true;
    }
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** {@code regex} with each space standing for any run of white space (a line may break there). */
  private static Pattern spaced(String regex) {
    return Pattern.compile(regex.replace(" ", "\\s+"));
  }

  /** {@code hits} with the stretches {@code p} finds blanked, or {@code hits} when none is. */
  static MailPhrases.Hits without(Pattern p, MailPhrases.Hits hits) {
    if (!mayFind(p, hits.text())) {
      return hits;
    }
    Matcher m = p.matcher(hits.text());
    if (!m.find()) {
      return hits;
    }
    char[] blanked = hits.text().toCharArray();
    do {
      java.util.Arrays.fill(blanked, m.start(), m.end(), ' ');
    } while (m.find());
    return MailSigns.phrases(new String(blanked));
  }
}
