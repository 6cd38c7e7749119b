package jp.renkei.engine.mail;

/**
 * What a list added to a post it only relayed, and is not its author's (lists42, issue 19): its
 * List-Unsubscribe and its bulk delivery. The list's relief of its author's wording gives way when
 * the post asks to act through a link whose words hide where it leads ({@link
 * MailRelayedPosts#wordingRelieved}); what is read then still took the list's headers for the
 * author's: a reward in the subject was read only in mail with no list header, gifts and coupons
 * only in mail that is not bulk, and an authenticated sender with List-Unsubscribe answering at a
 * mailbox of its display name's word was taken for a campaign platform mailing for its customer.
 */
final class MailRelayedAsks {

  private MailRelayedAsks() {}

  /**
   * Whether the list's own headers and its bulk delivery stop counting for the author's wording: a
   * post the list only relayed ({@link MailRelayedPosts#readDirect}) that asks to act through a
   * link whose words hide where it leads ({@link MailRelayedPosts#asksToAct}). Its author wrote no
   * List-Unsubscribe and sent no bulk mail; the list did. A reward in its subject ("Get Free amazon
   * gift card", the link's words "Amazon" leading to giftcardoffer.org) and its gifts and coupons
   * are then read as in direct mail (REWARD_LURE, PAYMENT_LURE), not as a shop's newsletter's.
   */
  static boolean authorsOwn(MailState st) {
    return st.listMail && freeMailAuthor(st) && MailRelayedPosts.asksToAct(st);
  }

  /**
   * Whether the message's List-Unsubscribe is its sender's: not in a post a list only relayed
   * ({@link MailRelayedPosts#readDirect}), where it is the list's. A campaign platform mailing for
   * a customer carries its own ({@link MailSenders#toTheCustomerNamed}); a free-mail author named
   * "QATAR" answering at qatar@ on another domain wrote none, the list added it.
   */
  static boolean sendersUnsubscribe(MailState st) {
    return st.listUnsubscribe && !freeMailAuthor(st);
  }

  /**
   * A post the list only relayed ({@link MailRelayedPosts#readDirect}) from a free-mail author: a
   * person, never a campaign platform. A campaign that carries List-Id of its own (Toast's
   * restaurant newsletters, a museum's Mailchimp mailing) is read by the list relief as a list, and
   * its List-Unsubscribe and bulk delivery are its sender's own (ham-outside's tuning half: three
   * such newsletters became false positives when every relayed post was read so).
   */
  static boolean freeMailAuthor(MailState st) {
    return st.senderDomain != null
        && MailHosts.FREEMAIL.contains(st.senderDomain)
        && MailRelayedPosts.readDirect(st);
  }
}
