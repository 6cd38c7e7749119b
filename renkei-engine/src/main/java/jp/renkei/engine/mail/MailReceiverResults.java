package jp.renkei.engine.mail;

import java.util.List;

/**
 * One receiver's results written in several Authentication-Results headers. RFC 8601 §2.2 lets a
 * server record its checks in as many headers as it likes, each under its own authserv-id:
 * ProtonMail writes one header per method (dkim, dmarc, spf, arc) above the Received header of its
 * hop. Reading the top-most header alone then sees "arc=none" and nothing else, and takes a sender
 * whose SPF passed for unauthenticated, or misses a failure written in the next header.
 *
 * <p>A header below the top-most one is read as the same receiver's when it carries the same
 * authserv-id and both stand above every Received header of the message, with at least one Received
 * header below them: what stands above the first trace line was written after the receiver took the
 * message in, and whatever a sender wrote is below the receiver's own Received header. Results a
 * receiver writes below its own Received header (Postfix milters do) are not read together: there a
 * sender's header in the receiver's name would stand beside the receiver's, and only the receiver's
 * deleting it (RFC 8601 §5) would tell them apart, which the message does not show. A message with
 * no Received header at all proves neither. The top-most header's results come first, so the merged
 * reading's first result of each method is the one the top header wrote, when it wrote one: the
 * added headers fill in methods, they do not replace what the top said.
 */
final class MailReceiverResults {

  private MailReceiverResults() {}

  /**
   * Whether {@code body}, an Authentication-Results header read after {@code top} (the top-most
   * one) with {@code receivedAbove} Received headers above it, may be more of the same receiver's
   * results (see {@link #merged}).
   */
  static boolean sameReceiver(String top, String body, int receivedAbove) {
    if (receivedAbove != 0) {
      return false;
    }
    String id = MailEnvelope.authservId(top);
    // a header with no authserv-id (Microsoft begins with its first result) names no receiver
    return id != null
        && id.indexOf('=') < 0
        && id.indexOf('.') > 0
        && id.equals(MailEnvelope.authservId(body));
  }

  /**
   * {@code top} with the results of {@code more} (the same receiver's next headers, {@link
   * #sameReceiver}) after its own, when the message's {@code hops} show a Received header below
   * them: "id; a=pass; b=none" and "id; c=pass" read as "id; a=pass; b=none; c=pass".
   */
  static String merged(String top, List<String> more, List<MailReport.Hop> hops) {
    if (top == null || more.isEmpty() || hops.isEmpty()) {
      return top;
    }
    StringBuilder out = new StringBuilder(top);
    for (String body : more) {
      int end = body.indexOf(';');
      if (end >= 0) {
        out.append(';').append(body, end + 1, body.length());
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code body}, an Authentication-Results header read after {@code top} (the top-most
   * one, which had {@code topHopsAbove} Received headers above it) with {@code hopsAbove} above it,
   * stands beside the top one under a trace line: the same authserv-id, no Received header between
   * them, at least one above them. Whether they are one hop's results is told once the Received
   * header below them is read ({@link #upstreamHop}).
   */
  static boolean besideTop(String top, int topHopsAbove, String body, int hopsAbove) {
    if (topHopsAbove == 0 || hopsAbove != topHopsAbove) {
      return false;
    }
    String id = MailEnvelope.authservId(top);
    return MailHops.dotted(id) && id.indexOf('=') < 0 && id.equals(MailEnvelope.authservId(body));
  }

  /**
   * Whether headers beside the top-most one ({@link #besideTop}) are read with it: the top-most
   * results are an upstream host's (written by the host that handed the message to the receiver,
   * {@link MailEnvelope#writtenByLastSender}: a list's check of its poster, lists40), and the
   * Received header right below them is that host's own trace line (its "by" host is the
   * authserv-id, or of its registrable domain). A server records the checks of the connection it
   * took in just above its own Received header, in as many results headers as it likes (RFC 8601
   * §2.2: lists.ozlabs.org writes DMARC in one and SPF in the next); whatever the poster wrote
   * stands below that trace line. The receiver's own results below its own Received header stay
   * read top-only ({@link #sameReceiver}): there a sender's header in the receiver's name can stand
   * right below the receiver's.
   */
  static boolean upstreamHop(String top, int topHopsAbove, List<MailReport.Hop> hops) {
    if (top == null || topHopsAbove <= 0 || topHopsAbove >= hops.size()) {
      return false;
    }
    String id = MailEnvelope.authservId(top);
    String by = hops.get(topHopsAbove).by();
    return MailHops.dotted(id)
        && MailHops.dotted(by)
        && (id.equalsIgnoreCase(by) || MailHops.domainOf(id).equals(MailHops.domainOf(by)))
        && MailEnvelope.writtenByLastSender(top, hops);
  }

  /**
   * A real bounce (RFC 3464, judged by {@link MailSenders#bounce}) whose receiver checked SPF for
   * the HELO name alone: with the null reverse-path a bounce must use (RFC 5321 §4.5.5) there is no
   * sender's domain to check, and SPF falls back to the sending host's own name (RFC 7208 §2.3,
   * written "smtp.helo", RFC 8601 §2.7.2). Its failure says the host named itself in a way its
   * domain does not list, not that the From was forged; DMARC aligns only the MAIL FROM identity's
   * result (RFC 7489 §4.1). An SPF result for a MAIL FROM address, or any mail not judged a real
   * bounce, still counts.
   */
  static boolean bounceHelo(MailState st) {
    if (!st.bounce || st.receiverResults == null) {
      return false;
    }
    List<AuthResults.Result> spf = AuthResults.parse(st.receiverResults).of("spf");
    return !spf.isEmpty()
        && spf.get(0).properties().containsKey("smtp.helo")
        && !spf.get(0).properties().containsKey("smtp.mailfrom");
  }
}
