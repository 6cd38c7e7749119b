package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.registrable;

import java.util.Locale;
import java.util.Set;

/**
 * A campaign's own mail through its sending platform, told by the sponsor line the law requires
 * (issue 19, hamout43). An election campaign's or political committee's bulk mail must say who paid
 * for it ("Paid for by Smith for Congress", the US FEC disclaimer of 11 CFR 110.11); campaigns
 * write it in every footer, and it names the committee that owns the From domain
 * (smithforcongress.com). When the message was sent by a platform that proved it sent it — SPF and
 * a DKIM signature both passed for the envelope's domain, {@link MailUnalignedEsp#platform} (NGP
 * VAN, Action Network on SendGrid, Blue State Digital) — the line and the From domain naming the
 * same committee say the campaign runs the list and the platform only mails it: NOT_ALIGNED, which
 * tells the From domain from the platform's, then says only that the campaign has not signed with
 * its own key, as most did before 2024.
 *
 * <p>Lures do not write the line: no tuning message of phish-pot, Nazario, phish-lists, phish-ja2
 * or spam-outside holds "paid for by" (ham-political: 262 of 447 messages). Kept: a sponsor line
 * that names someone else than the From domain does or names a brand lures claim, a platform that
 * did not prove it sent the message, a From on free mail, on hosting anyone can use or on the
 * platform itself, a failed composite check, a From domain whose DMARC policy asks for quarantine
 * or rejection, and mail that asks for credentials.
 */
final class MailSponsorLine {

  private MailSponsorLine() {}

  /** The words that open the sponsor line, as {@link MailState#text} holds them (lower case). */
  static final String OPENING = "paid for by";

  /** How far after the opening the committee's name is read. */
  static final int NAME_CHARS = 80;

  /** Shortest word of the committee's name that counts as naming it. */
  static final int MIN_WORD = 4;

  /**
   * Words of a committee's name that name no one: a candidate's office, the words of "committee to
   * elect", a party. "Smith for Congress" names the From domain smithforcongress.com by "smith",
   * not by "congress".
   */
  static final Set<String> GENERIC =
      Set.of(
          "committee",
          "elect",
          "reelect",
          "congress",
          "congressional",
          "senate",
          "president",
          "governor",
          "assembly",
          "council",
          "mayor",
          "campaign",
          "friends",
          "people",
          "victory",
          "fund",
          "action",
          "america",
          "american",
          "americans",
          "democratic",
          "democrats",
          "republican",
          "republicans",
          "party",
          "national",
          "state",
          "county",
          "district",
          "team",
          "with",
          "from",
          "that",
          "this",
          "inc",
          "llc");

  /**
   * The domain labels of the brands lures claim (MailBrands): "Paid for by PayPal" over a From on
   * paypal-billing.example names a brand, not a committee, and is no sponsor line of the sender.
   */
  static final Set<String> BRAND_LABELS =
      MailBrands.BRANDS.stream()
          .flatMap(b -> b.labels().stream())
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * Whether the message is a campaign's own mail through its platform: a {@link
   * MailUnalignedEsp#platform} other than the From's domain and not free mail, a From domain that
   * is no free mail, no hosting anyone can use and no platform's own, no composite failure, no
   * DMARC policy asking receivers to act, no request for credentials, and a sponsor line whose name
   * holds a word of {@link #MIN_WORD} letters or more, neither {@link #GENERIC} nor a brand's label
   * ({@link #BRAND_LABELS}), that the From's registrable domain's name holds too.
   */
  static boolean campaignsOwnMail(MailState st, String fromDomain) {
    if (fromDomain == null || st.compositeFailed || st.dmarcEnforced || st.asksCredentials) {
      return false;
    }
    // the cheap test first: the opening words anywhere in the text
    int at = st.text.indexOf(OPENING);
    if (at < 0) {
      return false;
    }
    String from = registrable(fromDomain.toLowerCase(Locale.ROOT));
    if (MailEspBrandList.anyonesDomain(from)) {
      return false;
    }
    String platform = MailUnalignedEsp.platform(st);
    if (platform == null || platform.equals(from) || MailHosts.FREEMAIL.contains(platform)) {
      return false;
    }
    int dot = from.indexOf('.');
    String label = letters(dot < 0 ? from : from.substring(0, dot));
    while (at >= 0) {
      if (names(st.text, at + OPENING.length(), label)) {
        return true;
      }
      at = st.text.indexOf(OPENING, at + OPENING.length());
    }
    return false;
  }

  /**
   * Whether the committee's name after {@code start} (up to the line's end, a full stop, a bar or
   * {@link #NAME_CHARS} characters) holds a word the domain's name label holds too.
   */
  static boolean names(CharSequence text, int start, String label) {
    if (label.length() < MIN_WORD) {
      return false;
    }
    int end = Math.min(text.length(), start + NAME_CHARS);
    StringBuilder word = new StringBuilder();
    boolean seen = false;
    for (int i = start; i <= end; i++) {
      char c = i < end ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        word.append(c);
        seen = true;
        continue;
      }
      if (word.length() >= MIN_WORD) {
        String w = word.toString();
        if (!GENERIC.contains(w) && !BRAND_LABELS.contains(w) && label.contains(w)) {
          return true;
        }
      }
      // the name ends with its line or sentence; an initial's full stop ("Max R. Rose") does not
      boolean initial = c == '.' && word.length() <= 2;
      word.setLength(0);
      if (seen && !initial && (c == '\n' || c == '|' || c == '.' || c == '(' || c == '©')) {
        return false;
      }
    }
    return false;
  }

  /** The letters of a domain's name label, hyphens and digits left out. */
  static String letters(String label) {
    StringBuilder b = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isLetter(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
