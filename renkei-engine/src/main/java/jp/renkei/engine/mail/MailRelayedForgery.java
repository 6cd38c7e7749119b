package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailHosts.FREEMAIL;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brand's or a government's own address forged in a post a list only relayed (lists41, issue 19).
 * Mail that comes direct and claims a bank's own domain without passing its authentication is read
 * as forged ({@link MailImpersonation#impersonation}); through a list that reading is off, since
 * the list's tag and footer break the author's DKIM signature and the receiver checks only the
 * list. The list's own server, though, wrote down whose envelope it took the post from (Exim's
 * "envelope-from", its SPF check's smtp.mailfrom), before it changed anything. A post the list only
 * relayed ({@link MailRelayedPosts#readDirect}) whose From is the own domain of a brand or of a
 * government, with no authentication of that domain passing anywhere in the message, and whose
 * envelope the list recorded is on another domain, was written by someone else in that body's name:
 * a Spanish traffic fine "from" interior.gob.es posted by www-data of a rented server.
 */
final class MailRelayedForgery {

  private MailRelayedForgery() {}

  static void judge(MailState st, String fromDomain) {
    if (fromDomain == null
        || st.senderDomain == null
        // a free-mail address is anyone's, not the provider speaking (gmail.com, outlook.com)
        || FREEMAIL.contains(st.senderDomain)
        || !MailRelayedPosts.readDirect(st)) {
      return;
    }
    String owner = owner(fromDomain);
    if (owner == null) {
      return;
    }
    for (String d : st.passedDomains) {
      if (d.equals(st.senderDomain) || MailBrands.sameBrand(d, fromDomain)) {
        return;
      }
    }
    String elsewhere = envelopeElsewhere(st, fromDomain);
    if (elsewhere == null) {
      return;
    }
    String who = owner.equals(fromDomain) ? "a government" : owner;
    st.flag(
        RedFlag.BRAND_IMPERSONATION,
        who
            + " = "
            + fromDomain
            + ", envelope "
            + elsewhere
            + " (the mailing list's record of who posted it)",
        owner + " = " + fromDomain + "、エンベロープ " + elsewhere + " (メーリングリストのサーバーが記録した投稿者)");
  }

  /** The brand whose own domain this is, or the government domain itself; else null. */
  static String owner(String fromDomain) {
    String own = MailDomains.label(fromDomain);
    for (MailBrands.Brand b : MailBrands.BRANDS) {
      if (b.labels().contains(own)) {
        return b.name();
      }
    }
    return GOVERNMENT.matcher(fromDomain.toLowerCase(Locale.ROOT)).find() ? fromDomain : null;
  }

  /**
   * A government's domain: not a university's (.edu, .ac.uk), whose members post to lists from
   * servers of their own departments.
   */
  static final Pattern GOVERNMENT =
      Pattern.compile(
          "(?:^|\\.)(?:gov|mil|europa\\.eu|police\\.uk"
              + "|(?:gov|go|gob|gouv|govt|gv|gub|gc|lg|jus|mil)\\.[a-z]{2})$");

  /**
   * The registrable domain of an envelope sender recorded in the message (a Received line's
   * "envelope-from", an SPF check's smtp.mailfrom) that is neither the From's, its brand's, nor the
   * list's own; null when there is none.
   */
  static String envelopeElsewhere(MailState st, String fromDomain) {
    for (String line : st.receivedLines) {
      if (line.indexOf("envelope-from") < 0) {
        continue;
      }
      Matcher m = ENVELOPE_FROM.matcher(line);
      while (m.find()) {
        String other = other(st, m.group(1), fromDomain);
        if (other != null) {
          return other;
        }
      }
    }
    for (String d : st.envelopeWritten) {
      String other = other(st, d, fromDomain);
      if (other != null) {
        return other;
      }
    }
    return null;
  }

  private static String other(MailState st, String domain, String fromDomain) {
    if (domain == null || domain.isBlank()) {
      return null;
    }
    String r = MailDomains.registrable(domain.toLowerCase(Locale.ROOT));
    if (r == null
        || r.indexOf('.') < 0
        || r.equals(st.senderDomain)
        || MailBrands.sameBrand(r, fromDomain)
        || st.listDomains.contains(r)
        || st.listOwn.contains(r)
        || st.envelope.contains(r)) {
      return null;
    }
    return r;
  }

  /** Exim's "(envelope-from &lt;user@domain&gt;)": the domain. */
  private static final Pattern ENVELOPE_FROM =
      Pattern.compile("envelope-from <[^<>@\\s]*@([^<>@\\s]+)>");
}
