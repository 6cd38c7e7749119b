package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailBrands.BRANDS;
import static jp.renkei.engine.mail.MailBrands.Brand;
import static jp.renkei.engine.mail.MailBrands.named;
import static jp.renkei.engine.mail.MailCallbackLures.CHARGE_CLAIM;
import static jp.renkei.engine.mail.MailCredentialWords.CREDENTIALS;
import static jp.renkei.engine.mail.MailFraudWords.CREDITED_AMOUNTS;
import static jp.renkei.engine.mail.MailFraudWords.FRAUD_OFFERS;
import static jp.renkei.engine.mail.MailFraudWords.LURES;
import static jp.renkei.engine.mail.MailFraudWords.MARKETING;
import static jp.renkei.engine.mail.MailFraudWords.REWARDS;
import static jp.renkei.engine.mail.MailFraudWords.THEMES;
import static jp.renkei.engine.mail.MailNameFieldLures.NAME_FIELD_NAMES;
import static jp.renkei.engine.mail.MailRegexStarts.starts;
import static jp.renkei.engine.mail.MailText.fold;
import static jp.renkei.engine.mail.MailUrgencyWords.EXTORTION;
import static jp.renkei.engine.mail.MailUrgencyWords.URGENCY;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words of a message say (issue 19): the one phrase automaton over every phrase list
 * ({@link #PHRASE_LISTS}; the lists themselves live by subject in MailCredentialWords,
 * MailUrgencyWords, MailFraudWords, MailCallbackLures, MailNameFieldLures), the phrase found as the
 * evidence shown to the analyst, the brand a text claims and the brand a signature names. Brands
 * and their domains are in MailBrands, host tables in MailHosts, public bodies in MailPublicBodies.
 */
final class MailSigns {

  private MailSigns() {}

  /**
   * The phrase lists read through one automaton ({@link MailPhrases}): every pattern here whose
   * top-level alternatives each start with literal text. A new phrase list is a {@code Pattern}
   * constant above, named here, and read with {@link #found(Pattern, MailPhrases.Hits)}.
   */
  static final List<Pattern> PHRASE_LISTS =
      List.of(
          CREDENTIALS,
          URGENCY,
          LURES,
          FRAUD_OFFERS,
          MARKETING,
          REWARDS,
          THEMES,
          CHARGE_CLAIM,
          CREDITED_AMOUNTS,
          EXTORTION);

  /**
   * What every match of a brand's {@link #SIGNED_AS} pattern starts with, besides the brand's own
   * names: a greeting or a copyright sign.
   */
  static final List<String> SIGNING_STARTS = List.of("dear ", "copyright", "©", "(c)", "株式会社");

  /** {@link #SIGNING_STARTS} as a list for the automaton. */
  static final Pattern SIGNING = Pattern.compile("dear |copyright|©|\\(c\\)|株式会社");

  /** Whether {@code p} is read through the automaton (tests: every list and brand claim is). */
  static boolean readByAutomaton(Pattern p) {
    return PHRASES.covers(p);
  }

  /**
   * The automaton's one pass over a lower-cased text, for {@link #found(Pattern,
   * MailPhrases.Hits)}.
   */
  static MailPhrases.Hits phrases(String text) {
    return PHRASES.scan(text);
  }

  /**
   * The first three distinct phrases of {@code p} in {@code text} (lower-cased), each where {@code
   * find()} finds it.
   */
  static List<String> found(Pattern p, String text) {
    return PHRASES.covers(p) ? PHRASES.scan(text).found(p, 3) : foundByStarts(p, text);
  }

  /** {@link #found(Pattern, String)} on a text the automaton has read once for every list. */
  static List<String> found(Pattern p, MailPhrases.Hits hits) {
    return PHRASES.covers(p) ? hits.found(p, 3) : foundByStarts(p, hits.text());
  }

  /** {@link #found(Pattern, String)} with a {@code String.indexOf} pass per literal start. */
  static List<String> foundByStarts(Pattern p, String text) {
    List<String> starts =
        STARTS
            .computeIfAbsent(p, x -> java.util.Optional.ofNullable(starts(x.pattern())))
            .orElse(null);
    return starts == null ? foundScanningAll(p, text) : foundAt(p, starts, text);
  }

  /** The first three distinct matches, trying the pattern at every position (the reference). */
  static List<String> foundScanningAll(Pattern p, String text) {
    Matcher m = p.matcher(text);
    List<String> out = new java.util.ArrayList<>();
    while (m.find() && out.size() < 3) {
      String g = m.group().strip();
      if (!out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * What {@link #foundScanningAll} finds, trying the pattern only where one of the literal starts
   * of its matches occurs (found with String.indexOf): the wording patterns are alternations of
   * hundreds of phrases, and Java's matcher tries every phrase at every one of up to 64 K positions
   * (half the CPU of analysing real mail went there). Every match starts with one of {@code
   * starts}, so the leftmost match from a position is found at the first start position where the
   * pattern matches, exactly as find() finds it.
   */
  private static List<String> foundAt(Pattern p, List<String> starts, String text) {
    java.util.BitSet at = new java.util.BitSet(text.length() + 1);
    for (String s : starts) {
      for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
        at.set(i);
      }
    }
    List<String> out = new java.util.ArrayList<>();
    Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    for (int c = at.nextSetBit(0); c >= 0 && out.size() < 3; c = at.nextSetBit(c + 1)) {
      if (c < from) {
        continue;
      }
      m.region(c, text.length());
      if (m.lookingAt()) {
        String g = m.group().strip();
        if (!out.contains(g)) {
          out.add(g);
        }
        from = m.end() > m.start() ? m.end() : m.end() + 1;
      }
    }
    return out;
  }

  private static final java.util.Map<Pattern, java.util.Optional<List<String>>> STARTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The brands the text of a message speaks as: a greeting to the brand's customers ("dear paypal
   * member"), a signature of its teams ("the ebay security team", "citibank fraud department") or
   * its copyright line. A mention ("i paid with paypal") is no claim.
   */
  static List<Brand> signedAs(String text) {
    return text == null ? new java.util.ArrayList<>() : signedAs(phrases(text));
  }

  /**
   * {@link #signedAs(String)} on a text the automaton has read: a brand's signing pattern is tried
   * only where a match can start, at the brand's names and at a greeting or copyright line, and
   * only when the text names the brand at all.
   */
  static List<Brand> signedAs(MailPhrases.Hits hits) {
    String text = hits.text();
    List<Brand> out = new java.util.ArrayList<>();
    int[] signing = null;
    for (int i = 0; i < BRANDS.size(); i++) {
      Pattern claim = BRANDS.get(i).claim();
      if (!PHRASES.covers(claim)) {
        if (SIGNED_AS.get(i).matcher(text).find()) {
          out.add(BRANDS.get(i));
        }
        continue;
      }
      int[] named = hits.starts(claim);
      if (named.length == 0) {
        continue;
      }
      if (signing == null) {
        signing = hits.starts(SIGNING);
      }
      Matcher m =
          SIGNED_AS.get(i).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      if (matchesAt(m, named, text) || matchesAt(m, signing, text)) {
        out.add(BRANDS.get(i));
      }
    }
    return out;
  }

  /** Whether {@code m} matches (lookingAt) at one of the positions {@code at}. */
  private static boolean matchesAt(Matcher m, int[] at, String text) {
    for (int c : at) {
      m.region(c, text.length());
      if (m.lookingAt()) {
        return true;
      }
    }
    return false;
  }

  /** {@link #signedAs} without the anchors: every brand's pattern over the whole text (tests). */
  static List<Brand> signedAsScanningAll(String text) {
    List<Brand> out = new java.util.ArrayList<>();
    for (int i = 0; i < BRANDS.size(); i++) {
      if (SIGNED_AS.get(i).matcher(text).find()) {
        out.add(BRANDS.get(i));
      }
    }
    return out;
  }

  static final List<Pattern> SIGNED_AS =
      BRANDS.stream()
          .map(
              b ->
                  Pattern.compile(
                      "dear (?:valued |esteemed )?(?:"
                          + b.claim().pattern()
                          + ")"
                          + " (?:member|customer|user|client|account ?holder|cardholder)"
                          + "|(?:"
                          + b.claim().pattern()
                          + ")(?: online)? (?:security|fraud|account"
                          + "|billing|customer) (?:team|department|center|centre|division"
                          + "|services?|support)"
                          + "|(?:copyright|©|\\(c\\)) ?(?:\\d{4}(?:-\\d{4})?,? )?(?:"
                          + b.claim().pattern()
                          + ")"
                          // Japanese: "MUFGカードをご利用のお客様", "エポスカード会員様", a company's
                          // signature ("三菱UFJニコス株式会社", "株式会社ジェーシービー"), its
                          // service desk or 事務局 ("メルカリ事務局")
                          + "|(?:"
                          + b.claim().pattern()
                          + ")[^\\s、。「」]{0,8}?(?:をご利用の|ご利用の|ご登録の|会員の|会員)"
                          + "(?:お客様|お客さま|皆様|皆さま|様)"
                          + "|(?:"
                          + b.claim().pattern()
                          + ")[^\\s、。「」]{0,8}?(?:株式会社|カスタマー(?:サービス|センター)"
                          + "|お客(?:様|さま)センター|サポートセンター|事務局)"
                          + "|株式会社(?:"
                          + b.claim().pattern()
                          + ")"))
          .toList();

  /** The brands a name or subject claims. */
  static List<Brand> claimed(String text) {
    List<Brand> out = new java.util.ArrayList<>();
    if (text == null) {
      return out;
    }
    String t = fold(text).toLowerCase(Locale.ROOT);
    // a claim the automaton covers is tried only where it can start (as find() would find it)
    MailPhrases.Hits hits = null;
    for (int i = 0; i < BRANDS.size(); i++) {
      Brand b = BRANDS.get(i);
      Pattern claim = b.claim();
      boolean found;
      if (CLAIM_LIST[i] >= 0) {
        if (hits == null) {
          hits = PHRASES.scan(t);
        }
        found = hits.first(CLAIM_LIST[i]) != null;
      } else {
        found = claim.matcher(t).find();
      }
      if (found) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The automaton: the phrase lists, every brand's claim, the signing starts and the user-name
   * fields, in one pass (declared last: it reads the patterns above).
   */
  private static final MailPhrases PHRASES =
      new MailPhrases(
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.concat(
                      PHRASE_LISTS.stream(), BRANDS.stream().map(Brand::claim)),
                  java.util.stream.Stream.of(SIGNING, NAME_FIELD_NAMES))
              .toList());

  /**
   * The automaton's list of each brand's claim (-1 where it covers none), by the brand's place in
   * {@link MailBrands#BRANDS}: {@link #claimed} asks it of every brand for each name and subject
   * (declared after {@link #PHRASES}, which it reads).
   */
  private static final int[] CLAIM_LIST = claimLists();

  private static int[] claimLists() {
    int[] lists = new int[BRANDS.size()];
    for (int i = 0; i < lists.length; i++) {
      lists[i] = PHRASES.list(BRANDS.get(i).claim());
    }
    return lists;
  }
}
