package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailSigns.phrases;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Callback lures (issue 19): a charge or a dispute the reader is told to call a phone number about,
 * and the phone numbers they write.
 */
final class MailCallbackLures {

  private MailCallbackLures() {}

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final String DIGIT = "[0-9０-９]";

  private static final String DIGIT_SEPARATOR = "[\\s.\\-‐－ー]{1,3}";

  /**
   * A telephone number as callback lures print it: North American (1 800 555 0199, (888) 555-0199,
   * +1(888) 555-0199, +18885550199; separators or the +1 required, so that order numbers are no
   * telephone), Japan's free and navigation numbers (0120-123-456, 0800, 0570, in full-width digits
   * too) and other international numbers (+44 20 7946 0958).
   */
  static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w.+/=#-])(?:(?:\\+?1"
              + DIGIT_SEPARATOR
              + "|\\+1(?=\\())?(?:\\("
              + DIGIT
              + "{3}\\)[\\s.\\-]{0,3}|"
              + DIGIT
              + "{3}"
              + DIGIT_SEPARATOR
              + ")"
              + DIGIT
              + "{3}"
              + DIGIT_SEPARATOR
              + DIGIT
              + "{4}|\\+1[0-9]{10}|[0０](?:[1１][2２][0０]|[8８][0０][0０]|[5５][7７][0０])"
              + DIGIT_SEPARATOR
              + DIGIT
              + "{2,3}"
              + DIGIT_SEPARATOR
              + DIGIT
              + "{3,4}|\\+[2-9][0-9]{1,2}"
              + DIGIT_SEPARATOR
              + "[0-9]{1,4}"
              + DIGIT_SEPARATOR
              + "[0-9]{3,4}"
              + DIGIT_SEPARATOR
              + "[0-9]{3,4})(?!\\w)");

  /**
   * A charge put to the reader as done or scheduled: an order, renewal, subscription, invoice or
   * payment confirmed, an amount charged (the callback lure's claim; a shop's "order your copy" is
   * no such claim).
   */
  static final Pattern CHARGE_CLAIM =
      Pattern.compile(
          "(?:has|have) been (?:charged|debited|deducted|billed|renewed|processed|placed|confirmed"
              + "|completed|approved)|(?:automatic|auto-?) ?renewal|renew(?:s|ed)? automatically"
              + "|(?:successfully|already) (?:renewed|charged|processed|debited|paid)"
              + "|payment of (?:us ?)?(?:\\$|€|£|¥|usd)|(?:amount|total) (?:charged|paid|debited"
              + "|deducted|billed)|order (?:confirmation|confirmed|summary|receipt|is (?:confirmed"
              + "|complete|processed|now))|(?:your|the) (?:order|purchase|subscription|renewal"
              + "|membership|payment|invoice|transaction|charge) (?:#|no\\.|number|id|of|for|has|was"
              + "|will|is (?:confirmed|complete|processed|active|now))|(?:invoice|receipt|transaction"
              + "|billing statement|confirmation notice|order) (?:#|no\\.?|number|id)[\\s*_]{0,3}:?[\\s*_]{0,3}#?[\\w-]{0,24}[0-9]"
              + "|(?:invoice|bill|receipt|charge) has been (?:generated|issued|created)"
              + "|(?:amount|total)[\\s*_]{0,3}:[\\s*_]{0,3}(?:us ?)?(?:\\$|€|£|usd)"
              + "|ご請求|請求(?:額|金額|が確定)|引き落とし|自動更新|ご購入|ご注文|決済|お支払い");

  /**
   * What sends the reader to the telephone in a callback lure: to cancel, dispute or get a refund
   * for a charge they did not make (near the number).
   */
  static final Pattern DISPUTE =
      Pattern.compile(
          "cancel|dispute|refund|not authori[sz]|unauthori[sz]|did ?n[o'’]?t (?:make|authori[sz]e"
              + "|order|place|recogni[sz]e|request)|was ?n[o'’]?t you|not you|n[o'’]?t recogni[sz]e"
              + "|do not recogni[sz]e|make (?:any )?changes|身に覚え|キャンセル|解約|返金|取り?消し|停止");

  /** Characters before and after a telephone number read for a reason to call (DISPUTE). */
  static final int CALLBACK_BEFORE = 250;

  static final int CALLBACK_AFTER = 100;

  /** A callback lure found: the claimed charge, the number, and whether the number is in a name. */
  record Callback(String claim, String number, boolean shown) {
    String evidence() {
      return "\"" + claim + "\" → " + number;
    }
  }

  /**
   * The callback lure (telephone-oriented attack delivery): a charge put to the reader as done or
   * scheduled, and a telephone number to call — in the subject or sender name, or in the text near
   * a reason to call (cancel, dispute, refund, a charge not made). No link is needed; the fraud
   * happens on the telephone.
   *
   * @param shown the subject and the sender's display name (not lower-cased; may be null)
   * @param text the message's lower-cased text (subject first)
   */
  static Callback callback(String shown, String text) {
    return callback(shown, phrases(text));
  }

  /** {@link #callback(String, String)} on a text the automaton has read. */
  static Callback callback(String shown, MailPhrases.Hits hits) {
    String text = hits.text();
    String head = shown == null ? "" : shown.toLowerCase(Locale.ROOT);
    // the head through the automaton too: the pattern's own search tried each of its alternatives
    // at every character of every subject (speed35)
    String inHeadClaim = phrases(head).first(CHARGE_CLAIM);
    String claim = inHeadClaim != null ? inHeadClaim : hits.first(CHARGE_CLAIM);
    if (claim == null) {
      return null;
    }
    Matcher inHead = PHONE.matcher(head);
    if (inHead.find()) {
      return new Callback(claim, spaced(inHead.group()), true);
    }
    Matcher p = PHONE.matcher(text);
    while (p.find()) {
      String near =
          text.substring(
              Math.max(0, p.start() - CALLBACK_BEFORE),
              Math.min(text.length(), p.end() + CALLBACK_AFTER));
      if (DISPUTE.matcher(near).find()) {
        return new Callback(claim, spaced(p.group()), false);
      }
    }
    return null;
  }

  private static String spaced(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }
}
