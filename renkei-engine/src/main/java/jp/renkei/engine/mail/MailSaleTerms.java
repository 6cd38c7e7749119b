package jp.renkei.engine.mail;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shop's terms of sale and a newsletter's marketing bonus, which the lure and theme words read as
 * a pretext (issue 19, hamout39).
 *
 * <p>A returns policy says which refunds the shop gives or refuses: "an exchange or refund within
 * 30 days", "items will be exchanged or refunded", "refunds will be issued as store credit", "there
 * are no credits or refunds", "non-refundable", a link to its /refund-policy page; an offer's terms
 * reserve the right to "cancel, modify, suspend, or withdraw this offer". None of them promises the
 * reader money or asks for a payment: a refund lure announces the reader's own refund ("you are
 * eligible for a refund of $", "your refund is pending", "claim your refund"), which these phrases
 * never say. {@link MailFraudWords#LURES} does not read them; every other lure word in the same
 * mail still counts.
 *
 * <p>"Bonus" is one of the themes of targeted mail (IPA: salary, payroll, bonus — an internal
 * notice written to one person). In bulk mail (list headers, or an unsubscribe line) it is what
 * shops and newsletters offer every day ("bonus Avios", "a 6-month bonus membership", "Bonus: no
 * wrapping required"), as {@link MailFraudWords#MARKETING}'s coupons and gifts are, which
 * PAYMENT_LURE does not count there either: TARGETED_THEME does not count "bonus" alone in a
 * sender's own bulk mail that offers nothing else (no fraud offer, reward, money or pressure beside
 * it: casino mail's "300% bonus" comes with an unsubscribe line too). The other themes (salary,
 * payroll, a document shared, an invoice's purchase order) still count there.
 */
final class MailSaleTerms {

  private MailSaleTerms() {}

  /** Terms of sale and of an offer (lower-cased text, as the lure words read it). */
  static final Pattern TERMS =
      Pattern.compile(
          "\\b(?:no|any) (?:credits? or )?refunds?\\b(?! (?:of|to|for you|are (?:due|pending|waiting)))"
              + "|\\bnot refundable\\b|\\bnon[- ]?refundable\\b"
              + "|\\b(?:an )?exchange or (?:a )?refund\\b|\\brefund or (?:an )?exchange\\b"
              + "|\\b(?:exchanged|replaced|returned) or refunded\\b"
              + "|\\brefunds? (?:will be|are) (?:issued|given|made) (?:in|as|to) (?:the )?"
              + "(?:original (?:method|form) of payment|store credit)"
              + "|\\b(?:limit or )?refuse (?:a|any) refund\\b"
              + "|\\brefund[-_](?:polic(?:y|ies)|terms|rules)"
              + "|\\b(?:cancel|modify|suspend|change)(?:,? (?:or )?(?:cancel|modify|suspend|change))*"
              + ",? (?:or |and/or )?withdraw (?:this|the|any) offer\\b");

  /** The words every alternative of {@link #TERMS} holds: a text without them is not searched. */
  private static final List<String> NEEDED = List.of("refund", "withdraw");

  /** {@code hits} with the terms of sale blanked, or {@code hits} when there are none. */
  static MailPhrases.Hits withoutTerms(MailPhrases.Hits hits) {
    String text = hits.text();
    if (NEEDED.stream().noneMatch(text::contains)) {
      return hits;
    }
    return MailEverydayWords.without(TERMS, hits);
  }

  /** The theme word of a marketing bonus (lower-cased, as {@link MailFraudWords#THEMES} finds). */
  static final String BONUS = "bonus";

  /**
   * The signs beside which a bonus is bait, not marketing: a casino's deposit bonus or a crypto
   * airdrop (FRAUD_OFFER), a reward to claim, money or an invoice, pressure, a password asked for.
   */
  private static final Set<RedFlag> BAIT =
      EnumSet.of(
          RedFlag.FRAUD_OFFER,
          RedFlag.REWARD_LURE,
          RedFlag.PAYMENT_LURE,
          RedFlag.URGENCY,
          RedFlag.CREDENTIAL_REQUEST);

  /**
   * {@code themes} without "bonus" when the message is a sender's own bulk mail (list headers or an
   * unsubscribe line, the From's own domain authenticated) that offers nothing else: no sign of
   * {@link #BAIT} found before the themes are read. Casino and "free chip" mail comes in bulk with
   * an unsubscribe line too, and its bonus stays a theme.
   */
  static List<String> withoutMarketingBonus(MailState st, List<String> themes) {
    if (!themes.contains(BONUS)
        || !st.bulk()
        || !MailAlignment.fromAligned(st)
        || st.findings.stream().anyMatch(f -> BAIT.contains(f.flag()))) {
      return themes;
    }
    return themes.stream().filter(t -> !t.equals(BONUS)).toList();
  }
}
