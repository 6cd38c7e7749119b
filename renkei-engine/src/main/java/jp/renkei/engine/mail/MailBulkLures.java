package jp.renkei.engine.mail;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs of the bulk lures of the 2004-2005 mass mailers (Nazario's corpus) that hold for their
 * kind, not for one message: a banner header vouching for the sender, a subject that calls the
 * reader by the part of the address before @, and free money at a brand offered by someone who is
 * not that brand. Pure functions of what the analyser has read; it raises the flags.
 */
final class MailBulkLures {

  private MailBulkLures() {}

  /**
   * Words that vouch for a sender or a message: what a mail system's banner never says of a
   * stranger.
   */
  private static final Pattern VOUCHING =
      Pattern.compile(
          "(?i)\\b(?:authentic|verified|genuine|trusted|legitimate|virus[- ]?free|safe sender"
              + "|secure (?:message|sender|mail))\\b");

  /**
   * The text of an {@code X-Message-Flag} header when it vouches for the sender ("Authentic Sender,
   * Hash: …"), else null. Outlook shows that header as a banner above the message, in its own
   * frame, as if the mail program said it; the sender writes it. Real mail uses it for follow-up
   * flags ("Follow up", "Flag for follow up") or jokes about Outlook, never to vouch.
   */
  static String vouchingBanner(String messageFlag) {
    if (messageFlag == null) {
      return null;
    }
    String v = messageFlag.strip();
    // cut as every shown text is, with "…": a shared copy looks for half a name there (share35)
    v = jp.renkei.engine.text.Names.cut(v, 200);
    return VOUCHING.matcher(v).find() ? v : null;
  }

  /**
   * The recipient's local part when the subject opens with it written exactly so, in small letters,
   * and then a comma, colon or exclamation mark ("jose, Claim your reserved …"), else null. A
   * sender that knows the reader's name writes it capitalised ("Marcy, this way to …"); one that
   * has only the address list pastes the part before @ as it is. Only local parts of three to 30
   * small letters are read here (a dotted, numbered one is {@code RECIPIENT_AS_NAME} already);
   * replies and forwards are not read.
   */
  static String subjectOpensWithMailbox(String subject, List<String> recipients) {
    if (subject == null || recipients.isEmpty()) {
      return null;
    }
    Matcher m = OPENING_WORD.matcher(subject);
    if (!m.lookingAt()) {
      return null;
    }
    String word = m.group(1);
    for (String r : recipients.subList(0, Math.min(10, recipients.size()))) {
      int at = r.indexOf('@');
      if (at > 0 && r.substring(0, at).equals(word)) {
        return word;
      }
    }
    return null;
  }

  private static final Pattern OPENING_WORD = Pattern.compile("\\s*([a-z]{3,30})\\s*[,:!]");

  /**
   * Money or a prize handed to the reader in the subject: the reward phrases of {@link
   * MailFraudWords#REWARDS}, or an amount that is already the reader's ("your $500", "your 500",
   * "free $500").
   */
  private static final Pattern MONEY_FOR_YOU =
      Pattern.compile("(?i)\\b(?:your|free) (?:[$€£] ?)?\\d[\\d,]*(?:\\.\\d\\d)?(?![\\d%])\\b");

  /**
   * The brand a subject offers free money or a prize at ("How will you spend your 500 at eBay"),
   * when neither the sender's domain nor any link is that brand's, else null: a shop gives its own
   * credit from its own domain and sends the reader to its own site to spend it; a stranger's "$500
   * at eBay" leads to the stranger's form.
   */
  static MailBrands.Brand brandOffer(String subject, String fromDomain, List<String> linkHosts) {
    if (subject == null || fromDomain == null || linkHosts.isEmpty()) {
      return null;
    }
    String lower = subject.toLowerCase(Locale.ROOT);
    if (!MONEY_FOR_YOU.matcher(lower).find() && !MailFraudWords.REWARDS.matcher(lower).find()) {
      return null;
    }
    for (MailBrands.Brand b : MailSigns.claimed(subject)) {
      if (MailBrands.ownedBy(b, fromDomain)) {
        continue;
      }
      boolean linksToBrand = false;
      for (String h : linkHosts) {
        linksToBrand |= MailBrands.ownedBy(b, h);
      }
      if (!linksToBrand) {
        return b;
      }
    }
    return null;
  }

  /**
   * A Received line as bulk-mailing programs forge it: "from NAME (IP) by IP; date" and nothing
   * else — the receiving server named by a bare address, no protocol ("with SMTP"), no queue id, no
   * recipient. A mail server names itself and writes its queue id; the program that wrote this line
   * put it under the real ones to blur where the message started. Lines between two private
   * addresses (a home or office relay, 192.168.x to 192.168.y) are not read.
   */
  static final Pattern RATWARE_HOP =
      Pattern.compile(
          "(?i)from (\\S{1,100})(?: \\([^()]{0,100}\\))?(?: \\[[\\d.]{7,15}\\])?"
              + " by (\\d{1,3}(?:\\.\\d{1,3}){3}); ?[^;()]{0,60}");

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  /**
   * Whether " by " (b and y in either case) and a digit follow one another somewhere in {@code s}:
   * {@link #RATWARE_HOP} matches no line without (most name the receiving server by its name).
   */
  static boolean byAnAddress(String s) {
    for (int i = s.indexOf(' '); i >= 0 && i + 4 < s.length(); i = s.indexOf(' ', i + 1)) {
      char d = s.charAt(i + 4);
      if ((s.charAt(i + 1) | 0x20) == 'b'
          && (s.charAt(i + 2) | 0x20) == 'y'
          && s.charAt(i + 3) == ' '
          && d >= '0'
          && d <= '9') {
        return true;
      }
    }
    return false;
  }

  /** The Received line (white space made one) if bulk software forged it so, else null. */
  static String forgedHop(String oneSpaced) {
    if (oneSpaced.length() > 300 || !byAnAddress(oneSpaced)) {
      return null;
    }
    Matcher m = RATWARE_HOP.matcher(oneSpaced.strip());
    if (!m.matches()) {
      return null;
    }
    Matcher ip = IPV4.matcher(oneSpaced.substring(0, m.start(2)));
    if (!ip.find() || privateAddress(ip.group()) || privateAddress(m.group(2))) {
      return null;
    }
    return oneSpaced.strip();
  }

  private static boolean privateAddress(String ip) {
    String[] p = ip.split("\\.");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
  }

  /**
   * The label a bulk mailer makes up for one run and hangs under each of the domains it bought
   * ("kqmbrtz.mailer-one.example" sends, "kqmbrtz.links-two.example" is every link): the label,
   * when the sender's host opens with a made-up label (letters only, four consonants in a row, as
   * no word is spelt) and some link's host under another registered domain opens with the same one,
   * else null. A company's own sub-domains ("news.", "mail.", "email.") are words, and a city's or
   * a shop's name on its provider's domain is a name, not a run of consonants.
   */
  static String labelAcrossDomains(String fromDomain, List<String> linkHosts) {
    if (fromDomain == null || linkHosts.isEmpty()) {
      return null;
    }
    int dot = fromDomain.indexOf('.');
    String registered = MailDomains.registrable(fromDomain);
    if (dot < 0 || registered == null || fromDomain.equals(registered)) {
      return null;
    }
    String label = fromDomain.substring(0, dot);
    if (!MADE_UP_LABEL.matcher(label).matches()) {
      return null;
    }
    for (String h : linkHosts.subList(0, Math.min(50, linkHosts.size()))) {
      if (h.startsWith(label + ".")) {
        String other = MailDomains.registrable(h);
        if (other != null && !other.equals(registered) && !h.equals(other)) {
          return h;
        }
      }
    }
    return null;
  }

  /** Five to 30 small letters with four consonants in a row (y counted a vowel). */
  private static final Pattern MADE_UP_LABEL =
      Pattern.compile("(?=[a-z]{5,30}$)[a-z]*[b-df-hj-np-tv-xz]{4}[a-z]*");

  /**
   * The Message-ID when white space stands inside its angle brackets ("<98728.7eb1e47@example.com
   * >", "< [an10].[an6]@example.com>"), else null. A msg-id has no white space (RFC 5322 §3.6.4):
   * the mail program or server that writes it never puts one there; a bulk mailer's template does,
   * around a placeholder it filled or left unfilled. White space in a quoted local part (an X.400
   * gateway's {@code <"…/OU=Technical/O=BAe MAA/…"@MHS>}) is allowed and not read.
   */
  static String spacedMessageId(String messageId) {
    if (messageId == null) {
      return null;
    }
    String v = messageId.strip();
    int open = v.indexOf('<');
    int close = v.indexOf('>', open + 1);
    if (open < 0 || close < 0 || close - open > 250) {
      return null;
    }
    boolean quoted = false;
    for (int i = open + 1; i < close; i++) {
      char c = v.charAt(i);
      quoted ^= c == '"';
      if (!quoted && Character.isWhitespace(c)) {
        return v.substring(open, close + 1).replaceAll("\\s+", " ");
      }
    }
    return null;
  }
}
