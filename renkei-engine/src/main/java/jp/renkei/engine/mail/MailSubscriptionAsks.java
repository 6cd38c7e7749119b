package jp.renkei.engine.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bulk sender asks about the reader's subscription itself, not about an account (issue 19,
 * political38): a footer's "to update your email preferences or unsubscribe", "click here if you
 * want to update your information or unsubscribe", and a double opt-in's "to receive email from us,
 * please confirm your email address". The words are a credential request's ("update your
 * information", "confirm your email address"), but they speak of the mailing list: what they ask is
 * whether and where to keep receiving the mail, and nothing the reader types there is a secret.
 *
 * <p>Only those words are set apart, for the credential wording alone ({@link
 * MailCredentialWords#credentials}): the preferences themselves, an ask joined to "or unsubscribe"
 * in one breath ({@link #MANAGE}), and the address a double opt-in confirms where the text states
 * the consent ({@link #OPT_IN}). An unsubscribe line elsewhere changes nothing: a lure's "account
 * disabled" or "validate your wallet" keeps its request with a fake "Unsubscribe" after it, and so
 * does "your subscription has been suspended".
 */
final class MailSubscriptionAsks {

  private MailSubscriptionAsks() {}

  /**
   * A subscription's own management (lower-cased text): the mail preferences to update, and an ask
   * about the reader's information joined to leaving the list ("update your information or
   * unsubscribe", "update your email address, or unsubscribe").
   */
  static final Pattern MANAGE =
      Pattern.compile(
          "(?:update|change|manage|edit|review) your (?:e-?mail|contact|subscription|communication"
              + "|mailing) (?:preferences|settings)"
              + "|(?:update|change|manage|edit|review) your (?:personal )?(?:information|info"
              + "|details|profile|e-?mail(?: address)?|contact (?:info\\w*|details)|address)"
              + "(?: here| below)?"
              // a second ask about the same record between (Action Network's footer: "to update
              // your email address, change your name or address, or to stop receiving emails
              // from …", polit39)
              + "(?:,? (?:change|update) your (?:name|(?:postal |mailing )?address)(?: (?:or|and)"
              + " (?:postal |mailing )?address)?)?"
              + ",? (?:or|and(?:/or)?) (?:to |you can )?(?:unsubscrib|stop receiving (?:e-?mails?|updates|messages))");

  /**
   * The consent a double opt-in asks the reader to confirm (lower-cased text): "to receive email
   * from AARP, please confirm your email address", "you requested to receive", "confirm your
   * subscription". Where the text says so, its "confirm your email address" (heading, button and
   * sentence alike) confirms the subscription: no password, no account.
   */
  static final Pattern OPT_IN =
      Pattern.compile(
          "(?:requested|asked|signed up|chose|opted in) to receive"
              + "|to (?:start )?receiv(?:e|ing) (?:e-?mails?|updates|news) from"
              + "|confirm your subscription|to complete your subscription");

  /** The ask a double opt-in makes ({@link #OPT_IN}): the address to confirm, nothing more. */
  static final Pattern CONFIRM_ADDRESS =
      Pattern.compile("(?:confirm|verify) your e-?mail(?: address)?\\b(?! (?:account|password))");

  /**
   * {@code text} with its {@link #MANAGE} asks blanked, and, when it states a double opt-in's
   * consent ({@link #OPT_IN}), every {@link #CONFIRM_ADDRESS}; the same length, or {@code text}
   * itself when it holds neither.
   */
  static String withoutSubscriptionAsks(String text) {
    String out = blank(MANAGE, text);
    if (OPT_IN.matcher(text).find()) {
      out = blank(CONFIRM_ADDRESS, out);
    }
    return out;
  }

  private static String blank(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    char[] blanked = text.toCharArray();
    do {
      java.util.Arrays.fill(blanked, m.start(), m.end(), ' ');
    } while (m.find());
    return new String(blanked);
  }
}
