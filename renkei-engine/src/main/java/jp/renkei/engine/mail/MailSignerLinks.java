package jp.renkei.engine.mail;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A link that counts its clicks on the domain that signed the message (LINK_TEXT_MISMATCH not
 * counted, hamout36). A brand that sends through a platform under the platform's own From address
 * ("Disney+" &lt;…@sparkpostmail.com&gt;) still signs with its own key (DKIM
 * d=messaging.disneyplus.com) and counts clicks on a host of that same domain
 * (links.messaging.disneyplus.com/f/a/…): the text shows the page the click ends on (a partner's
 * terms page), the link the signer's click counter. The signer's domain is the one the receiver
 * verified as having taken responsibility for the message (RFC 6376 §1), so the click goes first to
 * that organisation, not to someone the text hides.
 *
 * <p>Counted only when every one of these holds: the link's registrable domain is that of a DKIM
 * signature the trusted results say passed (never one a sender wrote itself: the analyser reads
 * only the receiver's results and its boundary server's), and it is no free-mail provider and no
 * sending platform anyone can sign through ({@link MailHosts#TRACKERS}); the link's path is a click
 * counter's ({@link #CLICK_PATH}: the forms the From's own domain is already allowed by {@link
 * MailLinks#ownSite}, and SparkPost's {@code /f/a/}); and the text shows no company's name other
 * than the signer's own (a lure that signs with its own domain and shows "paypal.com" over a link
 * to it keeps the sign). What it does not prove: that the signer is who the display name says; the
 * sender and brand signs judge that on their own.
 */
final class MailSignerLinks {

  private MailSignerLinks() {}

  /**
   * A click counter's path: the words and short paths mail platforms count clicks under (the same
   * forms {@link MailText#TRACKING_PATH} reads), and SparkPost's engagement-tracking form {@code
   * /f/a/<token>}.
   */
  static final Pattern CLICK_PATH =
      Pattern.compile("(?i)click|track|redirect|/t/|/r/|/l/|/ls/|/go/|/f/a/|[?&](?:q|u|url|id)=");

  /**
   * Whether a link whose text shows {@code shownHost} and that leads to {@code realHost} ({@code
   * href}) is the click counter of a domain whose DKIM signature passed in the results {@code st}
   * trusts ({@link MailReport.Authentication#dkimSigners}).
   */
  static boolean signersClickCounter(MailState st, String realHost, String shownHost, String href) {
    if (realHost == null || shownHost == null || st.auth.dkimSigners().isEmpty()) {
      return false;
    }
    String signer = MailLinks.registrable(realHost);
    if (!passedSigners(st).contains(signer)
        || MailHosts.FREEMAIL.contains(signer)
        || MailHosts.hostIn(signer, MailHosts.TRACKERS)
        || !CLICK_PATH.matcher(href).find()) {
      return false;
    }
    String shownLabel = MailDomains.label(shownHost);
    String signerLabel = MailDomains.label(signer);
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      if (b.labels().contains(shownLabel) && !b.labels().contains(signerLabel)) {
        return false;
      }
    }
    return true;
  }

  /** The registrable domains of the DKIM signatures the trusted results say passed. */
  private static Set<String> passedSigners(MailState st) {
    Set<String> out = new HashSet<>();
    for (String d : st.auth.dkimSigners()) {
      out.add(MailLinks.registrable(d.toLowerCase(Locale.ROOT)));
    }
    return out;
  }
}
