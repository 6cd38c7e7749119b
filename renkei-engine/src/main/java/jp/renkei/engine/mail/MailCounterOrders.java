package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.webLink;

import java.util.regex.Pattern;

/**
 * An order confirmation whose every link goes through the shop's click counter (issue 19,
 * hamout42): shops that send through an ESP (Bloomreach, Klaviyo, Braze) often count every click,
 * the shop's own pages included, so no link shows the shop's own domain and {@link
 * MailWording#linksOwnSite} finds none. What makes it the shop's own order is what a lure seldom
 * carries all of: the shop's own domain authenticated and aligned ({@link MailWording#ownNotice}
 * already asks that, and that every link is on the shop's domain, a counter or a footer page), an
 * order number stated as such ("Your order number : AMI76598", "Order #A10442"), and no link
 * anywhere else. A counter hides where it leads, so a link to any other domain, a sender nobody
 * authenticated, free mail, or an order with no number keeps the lure words counted.
 */
final class MailCounterOrders {

  private MailCounterOrders() {}

  /**
   * An order's number as an order confirmation states it, its label perhaps marked up ("*Your order
   * number*: AMI76598", "Order #A10442"; lower-cased text).
   */
  static final Pattern ORDER_NUMBER =
      Pattern.compile(
          "\\border (?:number|no\\.?|#|id)[\\s*:#\\u00a0]{0,5}[a-z]{0,4}-?\\d[a-z0-9-]{3,}\\b"
              + "|ご注文番号[\\s:：]{0,3}[a-z0-9-]{4,}");

  /**
   * Whether every link of the message is a click counter's ({@link MailHosts#TRACKERS}; telephone
   * numbers and the device's apps aside) and its text states an order number. Called only for a
   * {@link MailWording#ownNotice own notice}, which already checked the sender.
   */
  static boolean orderThroughCounter(MailState st) {
    if (st.links.isEmpty()) {
      return false;
    }
    boolean counted = false;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || !webLink(l.url())) {
        continue;
      }
      if (!MailHosts.hostIn(h, MailHosts.TRACKERS)) {
        return false;
      }
      counted = true;
    }
    if (!counted) {
      return false;
    }
    String text = st.text.length() > 16_384 ? st.text.substring(0, 16_384) : st.text.toString();
    return ORDER_NUMBER.matcher(text.toLowerCase(java.util.Locale.ROOT)).find();
  }
}
