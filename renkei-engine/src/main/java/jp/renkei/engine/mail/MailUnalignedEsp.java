package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.registrable;

import java.util.Locale;

/**
 * A DMARC failure that says no more than NOT_ALIGNED (issue 19, political38): the receiver found
 * SPF passing and DKIM passing, both for one sending platform's domain (the envelope's,
 * bluestatedigital.com, amazonses.com), and wrote dmarc=fail only because neither is the From's
 * domain. Nothing failed a check: the platform proved it sent the message, and DMARC fails for the
 * one fact NOT_ALIGNED already weighs — a campaign mailing through its ESP without its own
 * signature, as many did before 2024. Counting AUTHENTICATION_FAILED beside NOT_ALIGNED weighed
 * that fact twice. A failed SPF or DKIM result, a composite failure (compauth), a signer other than
 * the envelope's domain, or a From on the platform's own domain still count as before.
 */
final class MailUnalignedEsp {

  private MailUnalignedEsp() {}

  /**
   * Whether the receiver's failure is the alignment alone: spf=pass, dkim=pass, dmarc=fail, no
   * composite failure, a passing DKIM signer on the envelope's (smtp.mailfrom) registrable domain,
   * and a From domain that is not among the domains that passed (so NOT_ALIGNED is raised for it).
   */
  static boolean alignmentOnly(MailState st, String fromDomain) {
    MailReport.Authentication a = st.auth;
    if (fromDomain == null
        || st.compositeFailed
        || !"pass".equals(lower(a.spf()))
        || !"pass".equals(lower(a.dkim()))
        || !"fail".equals(lower(a.dmarc()))
        || st.passedDomains.contains(registrable(fromDomain))
        || MailSenders.espOwnAddress(st, fromDomain)) {
      return false;
    }
    return platform(st) != null;
  }

  /**
   * The sending platform that proved it sent the message: the envelope's registrable domain
   * (smtp.mailfrom as SPF checked it, else the Return-Path) when SPF passed and a DKIM signature of
   * that same domain passed too; null otherwise.
   */
  static String platform(MailState st) {
    MailReport.Authentication a = st.auth;
    if (!"pass".equals(lower(a.spf())) || !"pass".equals(lower(a.dkim()))) {
      return null;
    }
    String envelope =
        !st.envelopeWritten.isEmpty()
            ? st.envelopeWritten.iterator().next()
            : st.returnPath == null ? null : domain(st.returnPath);
    if (envelope == null) {
      return null;
    }
    String platform = registrable(envelope.toLowerCase(Locale.ROOT));
    if (!st.passedDomains.contains(platform)) {
      return null;
    }
    for (String signer : a.dkimSigners()) {
      if (registrable(signer).equals(platform)) {
        return platform;
      }
    }
    return null;
  }

  /**
   * UNLISTED_BULK's unsubscribe line that leads to the {@link #platform} that sent the message: the
   * sender that runs its own list takes the reader off it on its own domain, and a campaign mailing
   * through its ESP on the ESP's, the domain that signed and sent it (act.myngp.com for a campaign
   * on NGP VAN). A spam run's unsubscribe line leads nowhere or to a third domain. As for the ESP
   * relief of HIDDEN_UNLISTED and UNLISTED_BULK, mail that asks for credentials keeps the sign.
   */
  static boolean unsubscribesAtPlatform(MailState st) {
    String platform = platform(st);
    return platform != null
        && !st.asksCredentials
        && !MailHosts.FREEMAIL.contains(platform)
        && st.unsubscribeDomains.contains(platform);
  }

  private static String lower(String result) {
    return result == null ? null : result.toLowerCase(Locale.ROOT);
  }
}
