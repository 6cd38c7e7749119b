package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailText.REPLY_SUBJECT;

import java.util.regex.Pattern;

/**
 * What a discussion list vouches for, and what it only relays (lists40, issue 19). A list that sent
 * the message ({@link MailState#listVouched}) vouches for its own part: its headers, its footer,
 * its Reply-To, its re-signature and the authentication its own hosts handed on. It does not vouch
 * for who wrote a post: lures reach lists every day and the list relays them as faithfully as its
 * members' discussion. A post that starts no conversation (no In-Reply-To, no References, a subject
 * that is no reply or forward once the list's tags are taken off) by an author who is not the list
 * itself (its From is on none of the list's domains, and the list did not rewrite it) is read as
 * the mail of its author: its wording, the brands it claims against the author's own domain and the
 * links it asks to be followed count as if it had come direct. Replies in a thread and the list's
 * own notices keep the relief: there members quote, discuss prices and deadlines and link their
 * pages.
 */
final class MailRelayedPosts {

  private MailRelayedPosts() {}

  /**
   * Whether what the author of this list mail wrote is read as if it came direct: the list vouches
   * for it ({@link MailState#listVouched}) and it is a post that starts no thread, by an author who
   * is not the list.
   */
  static boolean readDirect(MailState st) {
    return st.listVouched()
        && startsNoThread(st)
        && authorNotTheList(st)
        && (st.words <= RELAYED_WORDS || asksToAct(st));
  }

  /**
   * The most words (text and HTML parts together) of a post read as its author's mail when it asks
   * the reader to follow no link whose words hide where it leads ({@link #asksToAct}): an article
   * or a book's chapter a member forwards to start a thread names money, deadlines and withdrawals
   * at length (the SpamAssassin ham's: 1,028 and 5,669) with its addresses written out, and stays
   * under the list's relief. A lure asks for one thing in a few short paragraphs (phish-lists'
   * tuning half: 402 at most); padded past the limit (lists41), its button is still there, and the
   * post is still read as its author's.
   */
  static final int RELAYED_WORDS = 500;

  /**
   * Whether the list's relief covers a link of this mail: a link in list mail the list vouches for,
   * unless the post is one the list only relayed ({@link #readDirect}) and the link is a call to
   * action whose words hide where it leads ("View document", "Start delivery"). An address written
   * out, as members and the list's robots paste them, keeps the relief.
   */
  static boolean relievesLink(MailState st, MailReport.Link l, String host) {
    return st.listVouched() && (MailLinks.addressShown(l, host) || !readDirect(st));
  }

  /**
   * The list host's SPF check of a post it only relayed ({@link #readDirect}), failed
   * (AUTHENTICATION_FAILED): the list's results handed on ({@link MailState#listHopResults}) are
   * otherwise left unread, since the list's subject tag and footer break the author's DKIM
   * signature; SPF, though, is checked on the author's server as it connects to the list, before
   * the list changes anything, and its failure is the author's. Only in a post of at most {@link
   * #RELAYED_WORDS}: a long one read as its author's for its call to action is read so for its
   * links and wording, not for the route it took (openbmc's Outlook invitations, forwarded on, fail
   * SPF at the list and carry a "Join" link).
   */
  static void spfAtTheList(MailState st, boolean listHop) {
    if (listHop && MailSenders.spfFailed(st) && st.words <= RELAYED_WORDS && readDirect(st)) {
      st.flag(
          RedFlag.AUTHENTICATION_FAILED,
          "spf=" + st.auth.spf() + " (the list host's check of the author's server)",
          "spf=" + st.auth.spf() + " (メーリングリストのサーバーによる投稿者のサーバーの確認)");
    }
  }

  /**
   * The brands the display name of a post a list only relayed claims: the name is a brand's and
   * nothing else once the words a company's desk signs with are taken off ("DHL Express", "SUNCORP
   * BANK", "PayPal Service Team"). A member's name that holds a brand's word among a person's names
   * ("佐藤 みずほ", "Jane Doe (Google)") claims nothing: directly sent mail reads every brand word of a
   * name, a list's members are people.
   */
  static java.util.List<MailBrands.Brand> nameClaims(String fromName) {
    if (fromName == null) {
      return java.util.List.of();
    }
    return MailBrands.named(DESK_WORDS.matcher(fromName).replaceAll(" "));
  }

  /** The words a company's desk signs its mail with beside its name. */
  static final Pattern DESK_WORDS =
      Pattern.compile(
          "(?i)\\b(?:express|mail|e-?mail|service|services|support|team|notification|notifications"
              + "|notice|security|admin|administrator|billing|online|delivery|shipping|customer"
              + "|care|account|accounts|info|official|center|centre|bank|alert|alerts|help|desk"
              + "|helpdesk|group|inc|ltd|llc|corp)\\b");

  /**
   * Whether the list's relief covers the wording of this mail (urgency, payment, fraud, themes):
   * yes in list mail the list vouches for, unless the post is one the list only relayed ({@link
   * #readDirect}) and it asks the reader to act — a link whose words hide where it leads, to a host
   * that is not the list's. Members forward articles that name money and deadlines with their
   * addresses written out (a bare URL on top); a lure's wording stands beside its button.
   */
  static boolean wordingRelieved(MailState st) {
    return st.listVouched() && !(readDirect(st) && asksToAct(st));
  }

  /** A link whose words hide where it leads, to a host on none of the list's domains. */
  static boolean asksToAct(MailState st) {
    for (MailReport.Link l : st.links) {
      String h = MailLinks.host(l.url());
      if (h != null
          && !MailLinks.addressShown(l, h)
          && !st.listDomains.contains(MailLinks.registrable(h))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A post that continues no conversation: no In-Reply-To, no References and a subject that is no
   * reply or forward; or one that claims a thread in its headers or subject but shows none in its
   * text (lists41). Anyone can write a References header or "Re:": a real answer on a list quotes
   * what it answers ("&gt; …", "… wrote:", the original or forwarded message's block) or is a patch
   * in a series; a lure that forges a thread's headers to get the list's relief back quotes
   * nothing. One that forges a quote as well still asks to act as a lure does, and is read so
   * ({@link MailForgedQuotes}).
   */
  static boolean startsNoThread(MailState st) {
    String subject = st.subject == null ? "" : LIST_TAGS.matcher(st.subject).replaceFirst("");
    boolean claimsThread =
        st.inReplyTo != null || st.references || REPLY_SUBJECT.matcher(subject).matches();
    return !claimsThread
        || !(st.showsConversation
            || (st.subject != null && PATCH_SUBJECT.matcher(st.subject).find()))
        // a quote is the poster's to write; it vouches for no lure's call to action (lists43)
        || MailForgedQuotes.asksAsALure(st);
  }

  /** A patch's subject tag ("[PATCH v2 3/7]", "[RFC PATCH]", "[GIT PULL]"). */
  static final Pattern PATCH_SUBJECT =
      Pattern.compile("(?i)\\[(?:[^\\]]{0,40}\\b)?(?:patch|rfc|git pull|pull)\\b");

  /**
   * Reads one text or HTML part of a message that claims a thread (In-Reply-To, References or a
   * reply's subject) for what a real answer shows ({@link MailState#showsConversation}). Cheap
   * first: nothing is read in a message that claims no thread, or once one part showed it.
   */
  static void readPart(String content, MailState st) {
    if (st.showsConversation
        || content == null
        || !(st.inReplyTo != null
            || st.references
            || (st.subject != null
                && REPLY_SUBJECT
                    .matcher(LIST_TAGS.matcher(st.subject).replaceFirst(""))
                    .matches()))) {
      return;
    }
    String head =
        content.length() > CONVERSATION_READ ? content.substring(0, CONVERSATION_READ) : content;
    st.showsConversation = CONVERSATION.matcher(head).find();
  }

  /** Characters of a part read for the conversation it answers. */
  static final int CONVERSATION_READ = 200_000;

  /**
   * What an answer shows of the mail it answers: a quoted line, an attribution in the common mail
   * programs' languages, an original or forwarded message's block, the quoting markup of web mail
   * and Outlook, a patch.
   */
  static final Pattern CONVERSATION =
      Pattern.compile(
          "(?im)^[ \\t]*(?:>|&gt;)"
              + "|\\b(?:wrote|writes)\\s*:"
              + "|-{2,}\\s*(?:original message|forwarded message|ursprüngliche nachricht|mensaje original|message d'origine)"
              + "|begin forwarded message"
              + "|\\bschrieb\\b|a écrit|escribió|ha scritto|napisał|書きました|寫道|写道"
              + "|^[ \\t]*(?:from|von|de)\\s*:.*\\n[ \\t]*(?:sent|date|gesendet|enviado|envoyé)\\s*:"
              + "|<blockquote|gmail_quote|moz-cite-prefix|divrplyfwdmsg|olk_src_body_section"
              + "|^diff --git |^signed-off-by:");

  /**
   * A From on none of the list's domains (its List-Id, List-Post, Sender, Errors-To), not the
   * list's own posting address rewritten in (DMARC mitigation: the poster then stands in Reply-To),
   * not a bounce.
   */
  static boolean authorNotTheList(MailState st) {
    return st.from != null
        && st.senderDomain != null
        && !st.bounce
        && !st.listOwn.contains(st.senderDomain)
        && !st.listDomains.contains(st.senderDomain)
        && !st.fromRewrittenByList(st.from);
  }

  /** The tags a list puts in front of a subject ("[linux-erofs] ", "[Bug 123] "), any number. */
  static final Pattern LIST_TAGS = Pattern.compile("^\\s*(?:\\[[^\\]]{0,80}\\]\\s*)+");
}
