package jp.renkei.engine.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brands that are groups of banks each writing from a domain of its own (lists41, issue 19): a
 * Sparkasse writes from sparkasse-koelnbonn.de or kreissparkasse-xyz.de, a Volksbank from
 * volksbank-xyz.de or vr-bank-xyz.de, so one label per brand in {@link MailBrands#BRANDS} cannot
 * hold them. A member's domain is one under Germany's, Austria's or Italy's top-level domain (where
 * the groups are) whose first label holds the group's word; the same word on another top-level
 * domain is no member's. Also the words a brand's name starts but that are not the brand
 * ("revolution" is no Revolut), which {@link MailBrands#imitated} would otherwise read in a link's
 * host.
 */
final class MailBrandMembers {

  private MailBrandMembers() {}

  /** The words in a member bank's first label, by the group's brand name. */
  private static final Map<String, List<String>> MEMBER_WORDS =
      Map.of(
          "Sparkasse",
          List.of("sparkasse", "ksk-", "ssk-", "spk-"),
          "Volksbank Raiffeisenbank",
          List.of("volksbank", "raiffeisen", "vrbank", "vr-bank", "vr-", "raiba"));

  /** Whether this host is on the domain of one of the group's member banks. */
  static boolean member(MailBrands.Brand brand, String host) {
    List<String> words = MEMBER_WORDS.get(brand.name());
    if (words == null || host == null) {
      return false;
    }
    String reg = MailDomains.registrable(host.toLowerCase(Locale.ROOT));
    if (reg == null || !(reg.endsWith(".de") || reg.endsWith(".at") || reg.endsWith(".it"))) {
      return false;
    }
    String label = reg.substring(0, reg.indexOf('.'));
    for (String w : words) {
      if (w.endsWith("-") ? label.startsWith(w) : label.contains(w)) {
        return !ERRAND.matcher(label).find();
      }
    }
    return false;
  }

  /**
   * What a phisher's own domain holds beside the group's word and a member bank's never does
   * (lists42): a member is named for its town or region (sparkasse-koelnbonn.de,
   * kreissparkasse-ludwigsburg.de, volksbank-mittelhessen.de, vr-bank-ostalb.de); a domain
   * registered for a lure is named for the errand it sends the reader on (sparkasse-sicherheit.de,
   * volksbank-verifizierung.de, sparkasse-kundenservice.de, spk-pushtan-update.de): security,
   * verification, customer service, log-in, the account, an update, a TAN. Such a domain is
   * nobody's: its claim of the group is read as on any other domain. Authentication tells nothing
   * here: a phisher signs and publishes SPF for the domain it registered as well as a bank does.
   */
  static final java.util.regex.Pattern ERRAND =
      java.util.regex.Pattern.compile(
          "sicherheit|secur|verifi|verify|legitim|kunden|service|support|hilfe|help|login|log-in"
              + "|konto|account|update|aktualis|bestaetig|pruefung|check"
              + "|pushtan|tan-|-tan\\b|freischalt|entsperr|datenabgleich|validier|ident|portal");

  /** Words that a brand's name starts and that are not the brand, by the name's letters. */
  private static final Map<String, List<String>> LONGER_WORDS =
      Map.of("revolut", List.of("revolution"));

  /**
   * Whether a link's host holds the brand's name ({@code name}, its letters) other than as the
   * start of a longer word that is not the brand's, on a domain that is none of the group's
   * members.
   */
  static boolean namedIn(MailBrands.Brand brand, String name, String host) {
    if (!host.contains(name)) {
      return false;
    }
    List<String> longer = LONGER_WORDS.get(name);
    if (longer != null) {
      String rest = host;
      for (String w : longer) {
        rest = rest.replace(w, " ");
      }
      if (!rest.contains(name)) {
        return false;
      }
    }
    return !member(brand, host);
  }
}
