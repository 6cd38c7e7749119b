package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sender's own list mailed through its sending platform (issue 19, hamout42): the platform (an
 * ESP: Blue State Digital, Amazon SES under Iterable, Constant Contact) proved it sent the message
 * — SPF and a DKIM signature both passed for the envelope's domain, {@link
 * MailUnalignedEsp#platform} — and the List-Unsubscribe header it wrote sends the reader's request
 * to leave to the From's own registrable domain ({@code
 * <https://www.campaign.com/page/unsubscribe>}, {@code <mailto:leave@campaign.com>}). The platform
 * writes that header from its customer's settings, and the unsubscribe request, one-click under RFC
 * 8058, reaches whoever runs the From's domain: the list is the From domain's own, not a name
 * borrowed for someone else's run. NOT_ALIGNED, which tells a From domain from the domain that
 * authenticated, then says only that the sender has not yet signed with its own key — how most
 * campaigns and shops mailed through their platforms before 2024.
 *
 * <p>Lures mailed through a platform unsubscribe at the platform or nowhere: of the tuning halves'
 * 857 phish-pot and 12 spam-outside messages carrying NOT_ALIGNED, three name the From's domain in
 * List-Unsubscribe, one of them through a platform (a credential lure, flagged by six other signs).
 * Kept: a platform's own domain or a free-mail domain in From, a From on the platform itself, a
 * failed composite check, an envelope other than the DKIM signer's (no platform), and mail that
 * asks for credentials — the platform's signature vouches for the platform, not for what its
 * customer asks of the reader.
 */
final class MailEspBrandList {

  private MailEspBrandList() {}

  /**
   * Records the registrable domains a List-Unsubscribe header sends the reader to: the hosts of its
   * URLs and the domains of its mailto addresses.
   */
  static void header(String body, MailState st) {
    Matcher u = MailText.URL.matcher(body);
    while (u.find()) {
      String h = host(u.group());
      if (h != null && h.indexOf('.') > 0) {
        st.listUnsubscribeDomains.add(registrable(h.toLowerCase(Locale.ROOT)));
      }
    }
    Matcher a = MailText.ADDRESS.matcher(body);
    while (a.find()) {
      String d = domain(a.group());
      if (d != null && d.indexOf('.') > 0) {
        st.listUnsubscribeDomains.add(registrable(d.toLowerCase(Locale.ROOT)));
      }
    }
  }

  /** A DMARC result and what follows it up to the next result: its comment and properties. */
  static final Pattern DMARC_RESULT = Pattern.compile("(?i)\\bdmarc\\s*=\\s*(\\w+)([^;]*)");

  /** The policy or disposition a DMARC result's comment shows as asking for nothing. */
  static final Pattern NO_ACTION = Pattern.compile("(?i)\\b(?:p|dis|action)\\s*=\\s*none\\b");

  /**
   * Records whether a receiver's DMARC result says the From domain's owner asks receivers to act on
   * mail that is not aligned: any result but none, pass and bestguesspass, unless its comment shows
   * the policy as none ({@code dmarc=fail (p=NONE sp=NONE dis=NONE)}, {@code action=none}). A
   * domain that asks for quarantine or rejection has said that unaligned mail is not its own.
   */
  static void dmarc(String body, MailState st) {
    Matcher m = DMARC_RESULT.matcher(body);
    while (m.find()) {
      String result = m.group(1).toLowerCase(Locale.ROOT);
      if (!result.equals("none")
          && !result.equals("pass")
          && !result.equals("bestguesspass")
          && !NO_ACTION.matcher(m.group(2)).find()) {
        st.dmarcEnforced = true;
      }
    }
  }

  /**
   * A registrable domain anyone may send from, or a platform's own (free mail, an ESP's, a relaying
   * or signing platform's, free or abused hosting): mail from it proves no sender's own list.
   */
  static boolean anyonesDomain(String registrable) {
    return MailHosts.FREEMAIL.contains(registrable)
        || MailHosts.espOwnDomain(registrable)
        || MailPlatforms.RELAYING_PLATFORMS.contains(registrable)
        || MailHosts.SIGNING_PLATFORMS.contains(registrable)
        || MailHosts.FREE_WEB_HOSTS.contains(registrable)
        || MailHosts.ABUSED_HOSTING.contains(registrable);
  }

  /**
   * Whether the message is the From domain's own list sent by its platform: a {@link
   * MailUnalignedEsp#platform} that is neither free mail nor the From's own domain, a From domain
   * that is no free mail, no hosting anyone can use, no platform sending for anyone and no ESP's
   * own, no composite failure, no DMARC policy of the From domain asking receivers to act ({@link
   * #dmarc}), no request for credentials, and the From's registrable domain among
   * List-Unsubscribe's.
   */
  static boolean brandsOwnList(MailState st, String fromDomain) {
    if (fromDomain == null
        || st.listUnsubscribeDomains.isEmpty()
        || st.compositeFailed
        || st.dmarcEnforced
        || st.asksCredentials) {
      return false;
    }
    String from = registrable(fromDomain.toLowerCase(Locale.ROOT));
    if (anyonesDomain(from) || !st.listUnsubscribeDomains.contains(from)) {
      return false;
    }
    String platform = MailUnalignedEsp.platform(st);
    return platform != null && !platform.equals(from) && !MailHosts.FREEMAIL.contains(platform);
  }
}
