package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The links a shop's or a service's footer carries beside its own site: its pages on the social
 * networks ("follow us": facebook.com/walgreens, instagram.com/caskers) and the preference centre
 * its mailing platform runs (Klaviyo's manage-preferences pages). A service's own notice ({@link
 * MailSenders#ownNotice}) asks that every link lead to the sender's own domains; these lead to no
 * other company's sign-in or payment page, so they do not make a receipt or an account notice
 * someone else's. Nor do its "get the app" badges: an app's page in the App Store or Google Play
 * ({@link MailAppStorePages}). A network's redirector (l.facebook.com), a page carrying another
 * address in its path or query, and a sign-in or share page are no such footer link.
 */
final class MailFooterLinks {

  private MailFooterLinks() {}

  /** Social networks whose profile pages footers link (registrable domains). */
  static final Set<String> SOCIAL_NETWORKS =
      Set.of(
          "facebook.com",
          "instagram.com",
          "twitter.com",
          "x.com",
          "youtube.com",
          "tiktok.com",
          "pinterest.com",
          "threads.net");

  /**
   * The preference centre and the click counters of a mailing platform whose tracker is already
   * known ({@link MailHosts#TRACKERS}: klclick.com): Klaviyo's kmail-lists.com, klclick1.com …
   */
  static final Set<String> PREFERENCE_CENTRES =
      Set.of("kmail-lists.com", "klclick1.com", "klclick2.com", "klclick3.com");

  /** A second address inside the path or query (a redirect). */
  private static final Pattern REDIRECT =
      Pattern.compile("(?i)https?:|https?%3a|%2f%2f|[?&](?:u|url|next|redirect\\w*|continue)=");

  /** A sign-in, share or dialog page of the network, not a profile. */
  private static final Pattern NOT_A_PROFILE =
      Pattern.compile(
          "(?i)^/(?:login|signin|sign_in|share|sharer|dialog|l\\.php|oauth|accounts|checkpoint)\\b");

  /** Whether {@code url} is a footer's link to a social page or to the platform's preferences. */
  static boolean footerPage(String url) {
    String h = host(url);
    if (h == null) {
      return false;
    }
    h = h.toLowerCase(Locale.ROOT);
    String reg = registrable(h);
    if (PREFERENCE_CENTRES.contains(reg)) {
      return true;
    }
    if (MailAppStorePages.appPage(h, url)) {
      return true;
    }
    if (!SOCIAL_NETWORKS.contains(reg)) {
      return false;
    }
    // the network itself, not a redirector or a developer's subdomain
    if (!(h.equals(reg) || h.equals("www." + reg) || h.equals("m." + reg))) {
      return false;
    }
    String rest = url.substring(url.indexOf("//") + 2);
    int slash = rest.indexOf('/');
    String path = slash < 0 ? "" : rest.substring(slash);
    return !REDIRECT.matcher(path).find() && !NOT_A_PROFILE.matcher(path).find();
  }
}
