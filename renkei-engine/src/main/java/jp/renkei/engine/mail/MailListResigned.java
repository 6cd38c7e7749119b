package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.registrable;

/**
 * Mail a discussion list relayed and signed again, whose poster's own signature the list broke: the
 * receiver checked the message after the list had added its subject tag or footer, so the poster's
 * DKIM signature no longer verifies and DMARC fails for the poster's domain, while the list host's
 * own signature over what it sent passes (RFC 6377 §5.3, RFC 7960 §3.2.3). That failure is the
 * list's change, not a forgery of the poster: AUTHENTICATION_FAILED and NOT_ALIGNED are not counted
 * for it (hamout37).
 *
 * <p>All of these must hold: the list is one its members post to and whose own domain the envelope
 * or an authentication vouched for ({@link MailState#listVouched}); the results are the receiver's
 * own, not the list host's check upstream ({@link MailState#listHopResults} covers those); in them
 * a DKIM signature of the From's own registrable domain is there and fails, and a DKIM signature of
 * the list's own domain, or of the host that handed the message to the receiver, passes; SPF did
 * not fail and no composite result failed. A forged From with no signature of its domain, an SPF
 * failure, or a list nobody signed keeps the signs.
 */
final class MailListResigned {

  private MailListResigned() {}

  static boolean brokenByList(MailState st) {
    if (st.receiverResults == null
        || st.resultsUpstream
        || !st.membersPost
        || !st.listVouched()
        || st.compositeFailed
        || MailSenders.spfFailed(st)
        || MailSenders.bad(st.auth.spf())
        || st.from == null
        || domain(st.from) == null) {
      return false;
    }
    String poster = registrable(domain(st.from));
    AuthResults results = AuthResults.parse(st.receiverResults);
    String lastSender = handedBy(st, results.authservId());
    boolean posterBroken = false;
    boolean listSigned = false;
    for (AuthResults.Result r : results.of("dkim")) {
      String d = r.domain("header.d") != null ? r.domain("header.d") : r.domain("header.i");
      if (d == null) {
        continue;
      }
      String signer = registrable(d);
      if (signer.equals(poster)) {
        if (r.passed()) {
          return false;
        }
        posterBroken |= r.result().equals("fail");
      } else if (r.passed()
          && !signer.equals(poster)
          && (st.listOwn.contains(signer) || signer.equals(lastSender))) {
        listSigned = true;
      }
    }
    return posterBroken && listSigned;
  }

  /**
   * The registrable domain of the host that handed the message to the receiver whose results these
   * are (its authserv-id's registrable domain being the receiver's, {@link MailHops#handedIn});
   * null when there is none or it gave no dotted name.
   */
  static String handedBy(MailState st, String authservId) {
    if (!MailHops.dotted(authservId)) {
      return null;
    }
    int k = MailHops.handedIn(st.hops, registrable(authservId));
    String from = k < 0 ? null : st.hops.get(k).from();
    return MailHops.dotted(from) ? MailHops.domainOf(from) : null;
  }
}
