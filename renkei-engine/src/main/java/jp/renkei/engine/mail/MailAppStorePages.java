package jp.renkei.engine.mail;

import java.util.regex.Pattern;

/**
 * An app's own page in the App Store or Google Play: the "download our app" badges of a shop's or a
 * service's footer (apps.apple.com/us/app/…/id660944635, itunes.apple.com/app/…,
 * play.google.com/store/apps/details?id=com.example). The store shows the app and installs it; it
 * asks for no sign-in or payment of the sender's customer, so such a link does not make the
 * sender's notice someone else's ({@link MailFooterLinks#footerPage}). A store's other pages, and a
 * page carrying a second address, are none.
 */
final class MailAppStorePages {

  private MailAppStorePages() {}

  /** An app's page: Apple's (a two-letter store, the app's name, its id) or Google Play's. */
  private static final Pattern APP_PAGE =
      Pattern.compile(
          "(?i)^https?://(?:(?:apps|itunes)\\.apple\\.com/(?:[a-z]{2}/)?app/(?:[\\w%.-]+/)?id\\d+"
              + "|play\\.google\\.com/store/apps/details\\?id=[\\w.]+)(?:[?&#][^/]*)?$");

  /** A second address inside the link (a redirect). */
  private static final Pattern REDIRECT = Pattern.compile("(?i)https?:|https?%3a|%2f%2f");

  /** Whether {@code url}, on host {@code host}, is an app's page in a store. */
  static boolean appPage(String host, String url) {
    if (!(host.equals("apps.apple.com")
        || host.equals("itunes.apple.com")
        || host.equals("play.google.com"))) {
      return false;
    }
    String u = url.strip();
    return APP_PAGE.matcher(u).matches()
        && !REDIRECT.matcher(u.substring(u.indexOf("//") + 2)).find();
  }
}
