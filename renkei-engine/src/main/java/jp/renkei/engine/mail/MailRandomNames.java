package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailDomains.label;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated and scrambled names (issue 19): machine-made hosts and mailboxes, random local parts,
 * tokens, words and subject tags, scrambled letter case, swapped I and l, mixed-script words, and
 * the Message-ID's provider.
 */
final class MailRandomNames {

  private MailRandomNames() {}

  /**
   * The rest of the English words that camel case joins at a capital I and that end an identifier
   * (zImage, bzImage, getItem, appIcon, knownIssues): read with the I, each is a word, while an l
   * written as I leaves none ("Iimited", "Iogin", "Iocked"). Words beginning "In" need no entry (an
   * I followed by n is never read as a swap).
   */
  static final String CAMEL_I_WORDS = "(?:mage|tem|con|ssue|dle|dea)s?+";

  /**
   * A word whose capital I stands for a small l, or whose small l stands for a capital I: the two
   * look alike in the sans-serif fonts mail programs show a subject in ("PayPaI", "Sam's CIub",
   * "your pIan", "BrasiI"; "VlAGRA", "WlN"), while a filter reading the word finds another one. A
   * capital I after a small letter (camel case before it: PayPaI), ending the word or followed by
   * small letters other than n (the camel case of LinkedIn, McIntosh and isInitialized joins words
   * at an I followed by n), nor by one of the English words camel case joins at a capital I ({@link
   * #CAMEL_I_WORDS}: the Linux kernel images zImage and bzImage in a CI system's notifications,
   * getItem, appIcon); a capital I second in a word of small letters after it ("CIub"); a small l
   * between capitals ("WlN"). Words touching digits are not read (serial codes mix cases at
   * random). Possessive quantifiers: each run of small letters is taken whole, so a long word fails
   * in one pass.
   */
  private static final Pattern SWAPPED_I_L =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])"
              + "(?:[A-Z]?+[a-z]++(?:[A-HJ-Z][a-z]++)*+I(?!"
              + CAMEL_I_WORDS
              + "(?![\\p{L}\\p{N}]))(?:[a-mo-z][a-z]*+)?|[A-Z]I[a-mo-z][a-z]++|[A-Z]++l[A-Z]++)"
              + "(?![\\p{L}\\p{N}])");

  /** The first word of a subject or sender name with an I written for an l (or the reverse). */
  static String swappedIl(String s) {
    if (s == null || (s.indexOf('I') < 0 && s.indexOf('l') < 0)) {
      return null;
    }
    Matcher m = SWAPPED_I_L.matcher(s);
    return m.find() ? m.group() : null;
  }

  /** The phrases of a pattern found in a text (at most three, for evidence). */
  /**
   * A word mixing Latin with Cyrillic, Greek, Armenian, Cherokee or Canadian syllabic letters
   * ("Amаzon" with a Cyrillic а, "Ꮮedger" with a Cherokee Ꮮ), or a Latin letter carrying another
   * script's mark, or null.
   */
  static String mixedScriptWord(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = LETTERS.matcher(s);
    while (m.find()) {
      boolean latin = false;
      boolean other = false;
      String w = m.group();
      for (int i = 0; i < w.length(); ) {
        int c = w.codePointAt(i);
        Character.UnicodeScript sc = Character.UnicodeScript.of(c);
        latin |= sc == Character.UnicodeScript.LATIN;
        other |= MailLookalikes.lookalikeScript(sc);
        i += Character.charCount(c);
      }
      if (latin && other) {
        return w;
      }
    }
    return foreignMarkWord(s);
  }

  /**
   * The word (at most 30 characters either side) of the first Latin letter that carries a mark of
   * another script ("amܿazoܿn" with the Syriac U+073F), or null: the reader sees a speck, a filter
   * no brand name. Latin's own accents are script INHERITED and not counted, nor are the marks of
   * Thai, Arabic or Devanagari words, which sit on their own script's letters.
   */
  static String foreignMarkWord(CharSequence s) {
    for (int i = 1; i < s.length(); i++) {
      if (MailLookalikes.foreignMark(s, i)) {
        int from = i - 1;
        while (from > 0 && i - from < 30 && !Character.isWhitespace(s.charAt(from - 1))) {
          from--;
        }
        int to = i + 1;
        while (to < s.length() && to - i < 30 && !Character.isWhitespace(s.charAt(to))) {
          to++;
        }
        return s.subSequence(from, to).toString();
      }
    }
    return null;
  }

  /** One-letter labels in a host that make it machine-made: a.b.c.example.shop. */
  static final int GENERATED_LABELS = 3;

  /**
   * A host name stacked from one-letter labels ("r.a.g.n.a.r.example.shop"): how many, or null.
   * People name hosts in words (mail.example.co.jp, e.shop.example); a mailing system's host has at
   * most one or two short labels.
   */
  static String generatedHost(String host) {
    if (host == null) {
      return null;
    }
    int single = 0;
    for (String label : host.split("\\.")) {
      if (label.length() == 1) {
        single++;
      }
    }
    return single >= GENERATED_LABELS ? String.valueOf(single) : null;
  }

  private static final Pattern NAME_NAME_SERIAL = Pattern.compile("[a-z]+_[a-z]+_[0-9]{4,6}");
  private static final Pattern LETTERS_AND_DIGITS =
      Pattern.compile("(?=[a-z0-9-]*[a-z])(?=[a-z0-9-]*[0-9])[a-z0-9-]+");

  /**
   * A sender minted by a generator: a mailbox of two names and a serial number ("ramos_todd_50742")
   * on a host whose own labels, below the registered domain, mix letters and digits
   * ("9hiwa3.9amaron.shop", "ljkhgcxczaer89.mediaatetouan.guru"): the host, or null. People's
   * addresses with a birth year live on free mail or their employer's own domain, not on a numbered
   * subdomain of a fresh one.
   */
  static String generatedMailbox(String address, String host, String registered) {
    if (address == null || host == null || registered == null || host.equals(registered)) {
      return null;
    }
    int at = address.lastIndexOf('@');
    if (at <= 0
        || !NAME_NAME_SERIAL.matcher(address.substring(0, at).toLowerCase(Locale.ROOT)).matches()
        || !host.endsWith("." + registered)) {
      return null;
    }
    for (String label : host.substring(0, host.length() - registered.length() - 1).split("\\.")) {
      if (LETTERS_AND_DIGITS.matcher(label).matches()) {
        return host;
      }
    }
    return null;
  }

  private static final Pattern LOCAL_SEPARATORS = Pattern.compile("[._+\\-]");
  private static final Pattern HEX_OR_DIGITS = Pattern.compile("[0-9a-f]+");
  private static final Pattern LETTER_DIGIT_SWITCH =
      Pattern.compile("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");

  /** Consonants in a row (y counted as a vowel) no word or name of the lures' languages has. */
  static final int RANDOM_CONSONANTS = 6;

  private static final Pattern CONSONANT_RUN =
      Pattern.compile("[b-df-hj-np-tv-xz]{" + RANDOM_CONSONANTS + ",}");

  /**
   * The free-mail provider whose own name a message's Message-ID carries while its From is another
   * domain ("<KGXUXPQL…@hotmail.com>" on mail from service@suntrust.com), or null. A Message-ID is
   * written once, by the program or server that first sends the message, after its own name: a
   * provider's webmail or server names it after itself only for mail its users send from their
   * provider addresses, and when it sends for one of their own domains it writes a host of its own
   * (mail.gmail.com, …prod.outlook.com, web….mail.yahoo.com), not the bare provider domain. A bare
   * provider domain on someone else's From is a name the sending program made up: the bulk mailers
   * that forge a bank's or a shop's address in From fill the Message-ID with a big provider's
   * domain to look like ordinary mail. {@code providers} are the free-mail domains; the
   * Message-ID's domain must be one of them exactly, and From's registrable domain neither it nor
   * another.
   */
  static String messageIdProvider(
      String messageId, String fromDomain, String fromRegistrable, Set<String> providers) {
    if (messageId == null || fromDomain == null || fromRegistrable == null) {
      return null;
    }
    int at = messageId.lastIndexOf('@');
    if (at < 0) {
      return null;
    }
    String host = messageId.substring(at + 1).replace(">", "").strip().toLowerCase(Locale.ROOT);
    if (!providers.contains(host)
        || providers.contains(fromRegistrable)
        || providers.contains(fromDomain)
        || host.equals(fromRegistrable)) {
      return null;
    }
    return host;
  }

  /**
   * The part before @ of a sender, when it is a string no person or mailing system names a mailbox
   * by ("pprgcvu", "0pc5pmhs5zcn", "newsletters.xkcdpq"): the token, or null. Only the last of at
   * most two tokens counts (a role word may come first); it must have six characters or more and be
   * either letters and digits switching at least three times, or six consonants in a row with fewer
   * than three vowels in ten. Hexadecimal and numeric identifiers (a mailing system's own ticket
   * and bounce numbers) and longer, structured local parts are no sign; names run together
   * ("johnrchamplin") keep their vowels. A tag after + (RFC 5233 subaddressing: "syzbot+list18920
   * 93e816ecfe5f01a@") is what the mailbox's own system appends to sort or track, not its name:
   * only the name before it counts (lead36, ham-notify's monthly robot reports).
   */
  static String randomLocalPart(String address) {
    if (address == null || address.indexOf('@') <= 0) {
      return null;
    }
    String local = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
    int tag = local.indexOf('+');
    if (tag >= 0) {
      local = local.substring(0, tag);
    }
    List<String> tokens = LOCAL_SEPARATORS.splitAsStream(local).filter(t -> !t.isEmpty()).toList();
    if (tokens.isEmpty() || tokens.size() > 2) {
      return null;
    }
    String t = tokens.get(tokens.size() - 1);
    if (t.length() < 6
        || !t.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        || HEX_OR_DIGITS.matcher(t).matches()) {
      return null;
    }
    if (LETTER_DIGIT_SWITCH.matcher(t).results().count() >= 3) {
      return t;
    }
    if (t.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    long vowels = t.chars().filter(c -> "aeiouy".indexOf(c) >= 0).count();
    return CONSONANT_RUN.matcher(t).find() && vowels * 10 < t.length() * 3 ? t : null;
  }

  /** Case-runs of a mailbox token: an acronym before a word, a word, an acronym, a number. */
  private static final Pattern CASE_SEGMENT =
      Pattern.compile("[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+");

  private static final Pattern VOWEL = Pattern.compile("[aeiouyAEIOUY]");

  /** What separates the tokens of a mailbox name, mailing systems' # and = included. */
  private static final Pattern MAILBOX_SEPARATORS = Pattern.compile("[._+\\-#=]");

  /**
   * The part of a sender's address before @, as written, when its capitals are scattered at random
   * ("zLvuYFA", "pprGcVU", "newsletters.FjTs"): the token, or null. People and mailing systems name
   * mailboxes in lower case or in capitalised words ("John.Smith", "DavidTomGardner", "McDonald",
   * "eBay"). Once a capital follows a small letter, a run of letters without a vowel ("ppr",
   * "Gnc"), a single capital ending a word ("lszeloB"), or three case switches whose letters make
   * no syllable are what a generator makes to keep each copy unlike the last. Only local parts of
   * at most two tokens are read: mailing systems' bounce and tracking addresses
   * ("Online#3.19584.83-p1SYlJ1blFvQjRRR.1") are longer and structured.
   */
  static String scrambledCase(String address) {
    if (address == null || address.indexOf('@') <= 0) {
      return null;
    }
    String local = address.substring(0, address.lastIndexOf('@'));
    List<String> tokens =
        MAILBOX_SEPARATORS.splitAsStream(local).filter(t -> !t.isEmpty()).toList();
    if (tokens.isEmpty() || tokens.size() > 2) {
      return null;
    }
    for (String t : tokens) {
      if (scrambled(t)) {
        return t;
      }
    }
    return null;
  }

  /**
   * A label of a domain name, as written, that scatters capitals at random as {@link
   * #scrambledCase} reads a mailbox name, at least {@link #SCRAMBLED_LABEL} characters long
   * ("OYKfSSsG8UesuuyKLMNs" of OYKfSSsG8UesuuyKLMNs.com; not "PayPal", "eBay"): the label, or null.
   * The last label (the top-level domain) is not read.
   */
  static String scrambledDomain(String domain) {
    if (domain == null) {
      return null;
    }
    String[] labels = domain.split("\\.");
    for (int i = 0; i < labels.length - 1; i++) {
      if (labels[i].length() >= SCRAMBLED_LABEL && scrambled(labels[i])) {
        return labels[i];
      }
    }
    return null;
  }

  static final int SCRAMBLED_LABEL = 8;

  private static boolean scrambled(String t) {
    if (t.length() < 4
        || !t.chars()
            .allMatch(
                c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
    int smallToCapital = 0;
    for (int i = 1; i < t.length(); i++) {
      if (Character.isLowerCase(t.charAt(i - 1)) && Character.isUpperCase(t.charAt(i))) {
        smallToCapital++;
      }
    }
    if (smallToCapital == 0) {
      return false; // lower case, upper case, or Capitalised: how people write
    }
    List<String> segments = CASE_SEGMENT.matcher(t).results().map(MatchResult::group).toList();
    for (int i = 0; i < segments.size(); i++) {
      String s = segments.get(i);
      if (Character.isDigit(s.charAt(0))) {
        continue;
      }
      boolean hasSmall = s.chars().anyMatch(Character::isLowerCase);
      boolean vowel = VOWEL.matcher(s).find();
      if (s.length() == 1
          && Character.isUpperCase(s.charAt(0))
          && i > 0
          && i == segments.size() - 1
          && Character.isLowerCase(t.charAt(t.length() - 2))
          // a surname and an initial (TanakaH) is how some people name their mailbox
          && !(segments.size() == 2 && Character.isUpperCase(segments.get(0).charAt(0)))) {
        return true; // a word ending in one capital: lszeloB, biLlinG
      }
      boolean first = i == 0 && Character.isLowerCase(s.charAt(0));
      if (hasSmall && !vowel && (s.length() >= 3 || (first && s.length() >= 2))) {
        return true; // a "word" without a vowel: the ppr of pprGcVU, Gnc, Wtchk
      }
    }
    // many case switches whose letters are left over as no syllable: lqKmKvmNIFpnVjd
    int switches = 0;
    for (int i = 1; i < t.length(); i++) {
      if (kind(t.charAt(i)) != kind(t.charAt(i - 1))) {
        switches++;
      }
    }
    return switches >= 3
        && t.chars().filter(Character::isUpperCase).count() >= 2
        && t.chars().filter(Character::isLowerCase).count() >= 2
        && SYLLABLE.matcher(t).replaceAll("").length() >= 3;
  }

  private static int kind(char c) {
    return Character.isDigit(c) ? 0 : Character.isUpperCase(c) ? 1 : 2;
  }

  static final Pattern LINK_OR_ADDRESS =
      Pattern.compile("(?:[a-z][a-z0-9+.-]*:|www\\.)\\S+|\\S+@\\S+");

  /**
   * {@code LINK_OR_ADDRESS.matcher(text).replaceAll(" ")} without the regex, whose {@code
   * \\S+@\\S+} backtracks over every position of a long run of non-space characters (a quarter of
   * the analysis of a large HTML message). Read run by run of non-space characters: every match
   * ends where its run ends, so a match starting at {@code i} replaces the rest of the run; it
   * starts at the first {@code i} where a scheme ({@code [a-z][a-z0-9+.-]*:}) or {@code www.}
   * begins with something after it, or where an {@code @} comes later in the run with something
   * after it.
   */
  static String withoutLinks(String text) {
    int n = text.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      if (isRegexSpace(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      int lastAt = -1; // the last @ of the run with something after it
      while (end < n && !isRegexSpace(text.charAt(end))) {
        if (text.charAt(end) == '@' && end + 1 < n && !isRegexSpace(text.charAt(end + 1))) {
          lastAt = end;
        }
        end++;
      }
      int schemeEnd = -1; // the end of the scheme characters after the last letter tried
      int k = i;
      for (; k < end; k++) {
        char c = text.charAt(k);
        boolean link = lastAt > k;
        if (!link && c >= 'a' && c <= 'z') {
          if (schemeEnd <= k) {
            schemeEnd = k + 1;
            while (schemeEnd < end && schemeChar(text.charAt(schemeEnd))) {
              schemeEnd++;
            }
          }
          link = schemeEnd + 1 < end && text.charAt(schemeEnd) == ':';
        }
        if (link || (k + 4 < end && text.startsWith("www.", k))) {
          break;
        }
      }
      out.append(text, i, k);
      if (k < end) {
        out.append(' ');
      }
      i = end;
    }
    return out.toString();
  }

  private static boolean schemeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
  }

  /** What {@code \\s} matches (without Pattern.UNICODE_CHARACTER_CLASS). */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static final Pattern ALNUM_WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");
  private static final Pattern RANDOM_WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}])(?=[a-z0-9]*[g-z])[a-z0-9]{6,24}(?![\\p{L}\\p{N}])");

  /** Random words (letters and digits switching twice or more) a padded text has at least. */
  static final int RANDOM_WORDS = 15;

  /**
   * A text padded with random strings of letters and digits ("zdb5oq xl3etiungy5oqk2e 5p4ofalaytbiv
   * ..."), written for filters, not readers (hash-busting): the count and the first three, or null.
   * Links and addresses are left out (their tracking tokens are not words), and so are hexadecimal
   * hashes; it takes at least {@link #RANDOM_WORDS} such words and a fifth of the words of the
   * (lower-cased) text.
   */
  static String randomWords(String text) {
    if (text == null) {
      return null;
    }
    // most texts have none: counted first with the links in (which only adds words), the links are
    // taken out only for a text that might be padded
    if (randomWords(text, null) < RANDOM_WORDS) {
      return null;
    }
    String t = withoutLinks(text);
    List<String> first = new java.util.ArrayList<>();
    int random = randomWords(t, first);
    if (random < RANDOM_WORDS) {
      return null;
    }
    long words = ALNUM_WORD.matcher(t).results().count();
    return random * 5 >= words
        ? random + " / " + words + ": " + String.join(" ", first) + " …"
        : null;
  }

  /**
   * How many words of {@code t} {@link #RANDOM_WORD} finds whose letters and digits switch twice or
   * more ({@link #LETTER_DIGIT_SWITCH}), the first three into {@code first}: read run by run, not
   * with the patterns. A run of a-z and 0-9 is such a word when it is 6 to 24 long, has a letter
   * from g on, and no letter or number (Unicode) is before it (the char before, as the pattern's
   * look-behind reads it) or after it (the code point after).
   */
  static int randomWords(String t, List<String> first) {
    int random = 0;
    int n = t.length();
    int i = 0;
    while (i < n) {
      if (!lowerAlnum(t.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      boolean fromG = false;
      int switches = 0;
      int kind = -1;
      for (; j < n && lowerAlnum(t.charAt(j)); j++) {
        char c = t.charAt(j);
        int k = c <= '9' ? 0 : 1;
        fromG |= c >= 'g';
        if (kind >= 0 && k != kind) {
          switches++;
        }
        kind = k;
      }
      int length = j - i;
      if (length >= 6
          && length <= 24
          && fromG
          && switches >= 2
          && !(i > 0 && letterOrNumber(t.charAt(i - 1)))
          && !(j < n && letterOrNumber(t.codePointAt(j)))) {
        random++;
        if (first != null && first.size() < 3) {
          first.add(t.substring(i, j));
        }
      }
      i = j;
    }
    return random;
  }

  private static boolean lowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** {@code \\p{L}} or {@code \\p{N}}. */
  static boolean letterOrNumber(int c) {
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** {@link #randomWords(String, List)} with the patterns (the reference, tests). */
  static int randomWordsByPattern(String t, List<String> first) {
    Matcher m = RANDOM_WORD.matcher(t);
    int random = 0;
    while (m.find()) {
      if (LETTER_DIGIT_SWITCH.matcher(m.group()).results().count() >= 2) {
        random++;
        if (first != null && first.size() < 3) {
          first.add(m.group());
        }
      }
    }
    return random;
  }

  private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
  private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]{10,}");

  /**
   * What a reader can say in a token: a syllable (a capital, lower-case letters with a vowel), a
   * number, or one of the short English words a programmer's CamelCase name joins its words with
   * ("unmountAndEjectDeviceAtURL", "sortBy", "isEqualTo"), written with its capital before the next
   * word's; "And" and "At" hold no lower-case vowel, so the syllable alone leaves them over.
   */
  private static final Pattern SYLLABLE =
      Pattern.compile(
          "(?:And|At|As|An|In|On|Of|Or|To|By|Is|It|If|Up)(?=[A-Z0-9]|$)"
              + "|[A-Z]?[a-z]*[aeiou][a-z]*|[0-9]+");

  /**
   * A tag a spam run hangs on the end of its subjects, behind filler, so that no two copies look
   * alike: "…check it...ACZDOCCQRF", "Take action!__ID#XJ69E-399", "… ............ UH1488127",
   * "SaferBrowsing..grEy". The filler is two or more dots, two underscores, a tab or three spaces;
   * what follows (after an optional "ID:#") is the tag.
   */
  private static final Pattern SUBJECT_TAG =
      Pattern.compile(
          "(?:\\.{2,}|_{2,}|\\t|[ \\u00a0]{3,})[\\s.]*((?:ID\\s*[:#]+[\\s#:\\-]*)?)"
              + "([A-Za-z0-9][A-Za-z0-9\\-]{3,24})\\s*$");

  /**
   * The tag a spam run hangs on the end of a subject behind filler ({@link #SUBJECT_TAG}), or null.
   * The tag must look made by a machine: after "__ID", anything; else letters mixed with six or
   * more digits ("UH1488127"), nine digits or more (no date) behind dots or a tab, capitals
   * scattered as {@link #scrambledCase} reads them ("grEy"; "iPhone", "YouTube" and "eBay" are
   * written so), or eight capitals or more with fewer than one vowel in four ("ACZDOCCQRF";
   * "BLACKFRIDAY" and "CYBERMONDAY" keep theirs). A subject ending "… FY2026", "... 2026-12-01", "…
   * Vol. 12", "... Finally" or an order number without filler is no tag.
   */
  static String subjectTag(String subject) {
    if (subject == null || subject.length() < 8) {
      return null;
    }
    // the tag is at the end: only the last 120 characters are read (a long run of spaces stays
    // cheap)
    subject = subject.length() > 120 ? subject.substring(subject.length() - 120) : subject;
    Matcher m = SUBJECT_TAG.matcher(subject);
    if (!m.find()) {
      return null;
    }
    String tag = m.group(2);
    String filler = subject.substring(m.start(), m.start(2));
    if (!m.group(1).isEmpty()) {
      return filler.contains("__") || filler.contains("..")
          ? subject.substring(m.start()).strip()
          : null;
    }
    long digits = tag.chars().filter(Character::isDigit).count();
    long letters = tag.chars().filter(Character::isLetter).count();
    boolean machine =
        (letters >= 2 && digits >= 6)
            || (letters == 0
                && digits >= 9
                && tag.indexOf('-') < 0
                && (filler.contains("..") || filler.contains("\t")))
            || (digits == 0 && scrambled(tag))
            || (digits == 0
                && letters >= 8
                && tag.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && tag.chars().filter(c -> "AEIOU".indexOf(c) >= 0).count() * 4 < letters);
    return machine ? subject.substring(m.start()).strip() : null;
  }

  /**
   * A random run of upper- and lower-case letters and digits ("FnEj4oJmgo",
   * "segurancaNm9ehEyNWyox3") that senders add to subjects so that no two copies look alike to a
   * filter, or null. Product names in CamelCase ("iPhone15ProMax", "SpamAssassin") are no such run:
   * what is left of the token after its syllables and numbers must be at least six letters.
   */
  static String randomToken(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = ALNUM_RUN.matcher(s);
    while (m.find()) {
      String t = m.group();
      int upper = 0;
      int lower = 0;
      int switches = 0;
      int last = -1;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        int kind = Character.isDigit(c) ? 0 : Character.isUpperCase(c) ? 1 : 2;
        if (kind == 1) {
          upper++;
        } else if (kind == 2) {
          lower++;
        }
        if (last >= 0 && kind != last) {
          switches++;
        }
        last = kind;
      }
      if (upper >= 2
          && lower >= 2
          && switches >= 6
          && SYLLABLE.matcher(t).replaceAll("").length() >= 5) {
        return t;
      }
    }
    return null;
  }
}
