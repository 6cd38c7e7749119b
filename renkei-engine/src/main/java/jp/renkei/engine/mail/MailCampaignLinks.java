package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.Set;

/**
 * Campaign and advocacy bulk mail through a sending platform (issue 19, polit39): three facts of
 * such mail that the link and list signs read as a lure's, each counted only where the receiver's
 * own results prove who sent the message.
 *
 * <ul>
 *   <li>{@link #unsubscribeAnchor}: the unsubscribe offer written before its link ("To unsubscribe
 *       from all campaign updates, please <a>click here</a>"): the link is the unsubscribe link
 *       though neither its words nor its address say so.
 *   <li>{@link #unsubscribesAtSigner}: that link on the domain of a DKIM signature the receiver
 *       verified, or on another domain of the same company's name (a platform signing with
 *       sendgrid.info counts clicks on sendgrid.net), in mail whose sending platform passed SPF and
 *       DKIM ({@link MailUnalignedEsp#platform}): the platform's own list management, as an
 *       unsubscribe link on the platform's domain already is.
 *   <li>{@link #signersDonationLink}: a donation platform's address shown over the signer's click
 *       counter (the text shows secure.actblue.com/donate/…, the link goes to the campaign's own
 *       signed domain, which counts the click and forwards it).
 * </ul>
 *
 * Mail that asks for credentials keeps the list signs.
 */
final class MailCampaignLinks {

  private MailCampaignLinks() {}

  /**
   * Platforms campaigns and advocacy groups take donations on (registrable domains): a page of
   * theirs is what a campaign's "donate" link shows, its own click counter what the link is.
   */
  static final Set<String> DONATION_PLATFORMS =
      Set.of(
          "actblue.com",
          "winred.com",
          "anedot.com",
          "ngpvan.com",
          "myngp.com",
          "everyaction.com",
          "actionnetwork.org",
          "donorbox.org",
          "democracyengine.com");

  /** Words of a link that only points at itself ("click here", "here"): at most this many. */
  static final int POINTING_WORDS = 3;

  /**
   * Whether an HTML link is the unsubscribe link named by the text just before it: the text node
   * right before the {@code <a>} offers to unsubscribe and the link's own words are a pointer of at
   * most {@link #POINTING_WORDS} words ("click here", "here").
   */
  static boolean unsubscribeAnchor(org.jsoup.nodes.Element a, String linkText) {
    if (linkText.isEmpty() || linkText.split("\\s+").length > POINTING_WORDS) {
      return false;
    }
    org.jsoup.nodes.Node before = a.previousSibling();
    return before instanceof org.jsoup.nodes.TextNode t
        && MailUnsubscribe.offersUnsubscribe(t.text().toLowerCase(Locale.ROOT));
  }

  /**
   * Whether an unsubscribe link leads to a DKIM signer that passed (or a domain of the same
   * company's name), in mail whose sending platform passed SPF and DKIM and that asks for no
   * credentials (UNLISTED_BULK and HIDDEN_UNLISTED not counted).
   */
  static boolean unsubscribesAtSigner(MailState st) {
    if (st.asksCredentials || MailUnalignedEsp.platform(st) == null) {
      return false;
    }
    for (String u : st.unsubscribeDomains) {
      if (MailHosts.FREEMAIL.contains(u)) {
        continue;
      }
      for (String signer : st.auth.dkimSigners()) {
        String s = MailLinks.registrable(signer.toLowerCase(Locale.ROOT));
        if (s != null
            && !MailHosts.FREEMAIL.contains(s)
            && (s.equals(u) || MailDomains.label(s).equals(MailDomains.label(u)))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a link shows a donation platform's page ({@link #DONATION_PLATFORMS}) and leads to the
   * domain of a DKIM signature the receiver verified (LINK_TEXT_MISMATCH not counted): a campaign's
   * own click counter in front of its donation page. A signer on a free-mail or tracking domain
   * keeps the sign. (Read while the links are read, before the whole text is: what the message asks
   * for is judged by the wording signs on their own.)
   */
  static boolean signersDonationLink(MailState st, String realHost, String shownHost) {
    if (realHost == null
        || shownHost == null
        || !DONATION_PLATFORMS.contains(MailLinks.registrable(shownHost))) {
      return false;
    }
    String target = MailLinks.registrable(realHost);
    if (MailHosts.FREEMAIL.contains(target) || MailHosts.hostIn(target, MailHosts.TRACKERS)) {
      return false;
    }
    for (String signer : st.auth.dkimSigners()) {
      if (target.equals(MailLinks.registrable(signer.toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }
}
