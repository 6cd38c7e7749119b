package jp.renkei.engine.mail;

import java.util.Set;

/**
 * Where signs become a verdict (issue 19, hamout28). The score is the sum of the distinct signs'
 * weights: 20 makes a message SUSPICIOUS, 40 MALICIOUS. One exception, the proven sender: a message
 * that carries strong evidence of being what it says ({@link MailAnalyzer#provenSender}: the From
 * domain's own DMARC pass, RFC 8058 one-click unsubscribe, every web link on the sender's own
 * domain or its sending platform's click tracker, no credential asked, no text a platform's user
 * wrote) may carry <em>one</em> sign of {@link Strength#MEDIUM} or {@link Strength#WEAK} strength
 * and nothing else of weight 10 or more; that sign then stays on the report as an observation the
 * analyst sees, and the verdict is CLEAN. A message lacking that evidence is judged as ever, and a
 * {@link Strength#STRONG} sign is never demoted.
 *
 * <p>Every sign's strength, with the reason, is {@link #strength}. The attacker this has to hold
 * against is a phisher with a freshly registered domain of their own, a valid DKIM key and DMARC
 * record, List-Unsubscribe-Post and links only to that domain: such a message names no brand and no
 * look-alike (those are strong), asks for no password (a credential request is strong, and also
 * ends the proof), posts no form, attaches nothing that runs. What the policy gives them is one
 * habit of commerce: a Reply-To elsewhere, a broken second signature, a hidden pre-header-like
 * block. Beside it they may not carry a second sign (urgency, a payment lure) without being flagged
 * again, so a lure that presses for money or a login is still caught.
 */
final class MailVerdictPolicy {

  private MailVerdictPolicy() {}

  /** How much a sign alone says about a message. */
  enum Strength {
    /** A theme (5): what a message is about, never a sign of fraud alone. */
    THEME,
    /** Weak (10-15): ordinary in legitimate mail, telling only beside another sign. */
    WEAK,
    /**
     * Medium (20): enough to flag a message alone, but a habit of real bulk and transactional
     * senders too; demoted to an observation for a proven sender.
     */
    MEDIUM,
    /**
     * Strong: what phishing through a real sending platform relies on, or a deception no honest
     * sender needs; never demoted.
     */
    STRONG
  }

  /**
   * The signs of medium strength, and why a real sender shows each:
   *
   * <ul>
   *   <li>{@link RedFlag#REPLY_TO_OTHER_DOMAIN}: shops and banks answer at a help-desk platform, a
   *       sister domain or their sending platform's reply inbox. For a sender whose every link is
   *       its own, a diverted answer steals no login; the fraud that needs it (an invoice, a prize)
   *       brings its own sign, which ends the relief.
   *   <li>{@link RedFlag#AUTHENTICATION_FAILED}: only while DMARC passed for the From domain (the
   *       proof requires it): a second signature broken by a footer or a forwarder, or SPF failing
   *       at a relay, beside the From domain's own aligned pass, the result a forger cannot get.
   *   <li>{@link RedFlag#HIDDEN_TEXT}: templates hide pre-headers, accessibility and
   *       security-awareness blocks; spam hides words from filters, but spam rarely proves its
   *       domain and links only to it.
   * </ul>
   */
  private static final Set<RedFlag> MEDIUM =
      Set.of(RedFlag.REPLY_TO_OTHER_DOMAIN, RedFlag.AUTHENTICATION_FAILED, RedFlag.HIDDEN_TEXT);

  /**
   * A sign's strength. Weak: its weight below 20 and not one of the link or credential signs
   * (LOGIN_LINK_ELSEWHERE, QR_CODE_LINK, ARCHIVE_LIMIT stay strong: a login elsewhere, a code to an
   * unrelated page, an archive hiding its content). Medium: {@link #MEDIUM}. Strong: all else —
   * credentials asked, a login or form elsewhere, look-alikes, brands or members impersonated,
   * executables and HTML or active attachments, links where anyone hosts a page or shown as another
   * address, forged headers, obfuscated or image-only text, fraud, extortion and callback lures.
   */
  static Strength strength(RedFlag f) {
    if (f == RedFlag.TARGETED_THEME) {
      return Strength.THEME;
    }
    if (MEDIUM.contains(f)) {
      return Strength.MEDIUM;
    }
    if (f.weight() < 20
        && f != RedFlag.LOGIN_LINK_ELSEWHERE
        && f != RedFlag.QR_CODE_LINK
        && f != RedFlag.ARCHIVE_LIMIT) {
      return Strength.WEAK;
    }
    return Strength.STRONG;
  }

  /**
   * The one sign a proven sender's message may carry as an observation, or null when its signs do
   * not allow it: exactly one sign of weight 10 or more (themes aside), weak or medium.
   */
  static RedFlag observation(Set<RedFlag> kinds) {
    RedFlag one = null;
    for (RedFlag f : kinds) {
      Strength s = strength(f);
      if (s == Strength.THEME) {
        continue;
      }
      if (s == Strength.STRONG || one != null) {
        return null;
      }
      one = f;
    }
    return one;
  }
}
