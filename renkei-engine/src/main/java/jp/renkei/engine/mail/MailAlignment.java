package jp.renkei.engine.mail;

import java.util.Locale;

/**
 * Whether the From domain is authenticated and aligned, as the receiver's results say (issue 19):
 * the one reading every room asks before it lets a domain's own authentication vouch for its mail.
 * It reads only what {@link MailEnvelope} recorded in {@link MailState}, and calls no room.
 */
final class MailAlignment {

  private MailAlignment() {}

  /**
   * The one reading of "this mail comes from its From domain": the From domain authenticated and
   * aligned as DMARC reads it with relaxed alignment. The receiver's DMARC result passed (for the
   * From's registrable domain, when the result names its header.from), or, where the receiver
   * recorded no DMARC verdict (no result, or "none": the domain publishes no policy), an SPF
   * (smtp.mailfrom) or DKIM (header.d) pass for the From's registrable domain. Never when DMARC
   * failed or Microsoft's composite authentication did. It says the message left through the
   * domain's own servers or with its own key, no more: a platform that sends for anyone (Google,
   * Microsoft, DocuSign, a mailing service) authenticates as itself for every user, and a hijacked
   * mailbox authenticates as its organisation.
   */
  static boolean fromAligned(MailState st) {
    return aligned(st, st.senderDomain);
  }

  /**
   * {@link #fromAligned} for the From's registrable domain {@code sender}, for the signs read
   * before the judgement has set {@link MailState#senderDomain} (the links).
   */
  static boolean aligned(MailState st, String sender) {
    if (!st.authResultsSeen || sender == null || st.compositeFailed) {
      return false;
    }
    String dmarc = st.auth.dmarc() == null ? "none" : st.auth.dmarc().toLowerCase(Locale.ROOT);
    if (dmarc.equals("pass")) {
      return st.dmarcFrom == null || st.dmarcFrom.equals(sender);
    }
    return dmarc.equals("none") && st.passedDomains.contains(sender);
  }
}
