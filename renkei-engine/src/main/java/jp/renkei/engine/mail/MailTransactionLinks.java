package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a shop's, biller's or carrier's own notice about the reader's order or bill ({@link
 * MailWording#ownTransaction}) may link besides its own site, and when it may link nothing at all.
 *
 * <p>An app link: a card issuer's receipt opens the phone's wallet ({@code wallet://…}), a shop's
 * "get the app" opens the phone's app store ({@code itms-apps://…}, {@code market://…}). These
 * schemes open an app of the reader's own device, no web page anybody else serves; a link of any
 * other scheme (a web page, {@code intent://} with its web fallback, {@code search-ms:}) is none.
 *
 * <p>A notice without any link: a list's or a newsletter's transaction notice (List-Unsubscribe or
 * an unsubscribe line) that gives the reader no link and no telephone number to act on has nothing
 * for a lure to send them to. A call-back lure needs a number to call, so a notice with one stays
 * no own transaction unless it also links the sender's own site.
 */
final class MailTransactionLinks {

  private MailTransactionLinks() {}

  /**
   * Schemes that open the reader's own device's wallet or app store (Apple Wallet, old and new; the
   * App Store; Google Play).
   */
  static final Set<String> APP_SCHEMES =
      Set.of("wallet", "shoebox", "itms-apps", "itms-appss", "market");

  /** A second address inside the link (a web fallback or a redirect). */
  private static final Pattern WEB_INSIDE =
      Pattern.compile("(?i)https?:|https?%3a|%2f%2f|www\\.|fallback");

  /**
   * Whether {@code url} opens an app of the reader's device ({@link #APP_SCHEMES}), no web page.
   */
  static boolean appLink(String url) {
    String u = url.strip();
    int colon = u.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
    return APP_SCHEMES.contains(scheme) && !WEB_INSIDE.matcher(u.substring(colon + 1)).find();
  }

  /**
   * A bulk transaction notice with no link and no telephone number in its text ({@link
   * MailCallbackLures#PHONE}): nothing to click, nobody to call.
   */
  static boolean nothingToAct(MailState st) {
    return st.links.isEmpty() && st.bulk() && !MailCallbackLures.PHONE.matcher(st.text).find();
  }
}
