package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailBrands.BRANDS;
import static jp.renkei.engine.mail.MailBrands.Brand;
import static jp.renkei.engine.mail.MailBrands.named;
import static jp.renkei.engine.mail.MailCallbackLures.CHARGE_CLAIM;
import static jp.renkei.engine.mail.MailCallbackLures.PHONE;
import static jp.renkei.engine.mail.MailCredentialWords.CREDENTIALS;
import static jp.renkei.engine.mail.MailDomains.label;
import static jp.renkei.engine.mail.MailDomains.registrable;
import static jp.renkei.engine.mail.MailFraudWords.CREDITED_AMOUNTS;
import static jp.renkei.engine.mail.MailFraudWords.FRAUD_OFFERS;
import static jp.renkei.engine.mail.MailFraudWords.LURES;
import static jp.renkei.engine.mail.MailFraudWords.MARKETING;
import static jp.renkei.engine.mail.MailFraudWords.REWARDS;
import static jp.renkei.engine.mail.MailFraudWords.THEMES;
import static jp.renkei.engine.mail.MailRegexStarts.starts;
import static jp.renkei.engine.mail.MailRegexStarts.topLevelAlternatives;
import static jp.renkei.engine.mail.MailText.fold;
import static jp.renkei.engine.mail.MailUrgencyWords.EXTORTION;
import static jp.renkei.engine.mail.MailUrgencyWords.URGENCY;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words, brands and links of a message say (issue 19): credential requests, urgency and
 * threats, payment, delivery and crypto lures, the themes of IPA's guide for targeted mail, brands
 * and public bodies with the domains they send from, URL shorteners, abused hosting and the
 * tracking redirectors of bulk mail. Each sign is a phrase list in Japanese and English, matched on
 * the lower-cased subject and text; the phrase found is the evidence shown to the analyst.
 */
final class MailSigns {

  private MailSigns() {}

  /**
   * Where a big site's open redirect sends its reader: Google's /url?q= (and url=), YouTube's and
   * Facebook's redirect pages, DuckDuckGo's /l/?uddg=, LinkedIn's /redir/redirect?url=, Bing's
   * /ck/a?u=a1 followed by the destination in base64; null for other links or when the destination
   * cannot be read. A lure's link then shows a trusted host and leads elsewhere.
   */
  static String redirectTarget(String url, String host) {
    if (host == null) {
      return null;
    }
    String path = path(url);
    String reg = registrable(host);
    String value = null;
    if (label(host).equals("google") && (path.equals("/url") || path.equals("/url/"))) {
      value = param(url, "q");
      if (value == null) {
        value = param(url, "url");
      }
    } else if (reg.equals("youtube.com") && path.equals("/redirect")) {
      value = param(url, "q");
    } else if (reg.equals("facebook.com") && path.equals("/l.php")) {
      value = param(url, "u");
    } else if (reg.equals("duckduckgo.com") && path.startsWith("/l/")) {
      value = param(url, "uddg");
    } else if (reg.equals("linkedin.com") && path.equals("/redir/redirect")) {
      value = param(url, "url");
    } else if (host.endsWith(".safelinks.protection.outlook.com")) {
      // Microsoft Defender for Office 365 Safe Links: the original address in url=
      value = param(url, "url");
    } else if (reg.equals("proofpoint.com")
        && host.startsWith("urldefense.")
        && path.startsWith("/v2/url")) {
      value = proofpointV2(param(url, "u"));
    } else if (reg.equals("urldefense.com") && path.startsWith("/v3/__")) {
      // Proofpoint v3 writes the original between "/v3/__" and "__;" (a few characters starred)
      int start = url.indexOf("/v3/__") + 6;
      int end = url.indexOf("__;", start);
      value = end < 0 ? null : url.substring(start, end);
    } else if (((reg.equals("mimecast.com") && host.startsWith("protect"))
            || reg.equals("mimecastprotect.com"))
        && path.startsWith("/s/")) {
      // Mimecast's rewritten link names only the target's host, in domain=
      String d = param(url, "domain");
      value = d == null || !d.matches("[A-Za-z0-9.-]{1,253}") ? null : "https://" + d + "/";
    } else if (reg.equals("bing.com") && path.equals("/ck/a")) {
      String u = param(url, "u");
      if (u != null && u.startsWith("a1") && u.length() > 2) {
        try {
          String b = u.substring(2).replace('+', '-').replace('/', '_');
          value =
              new String(
                  java.util.Base64.getUrlDecoder().decode(b.replace("=", "")),
                  java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    if (value == null) {
      return null;
    }
    String v = value.toLowerCase(Locale.ROOT);
    return v.startsWith("http://") || v.startsWith("https://") ? value : null;
  }

  /**
   * A host of a mail security gateway that rewrites every link of the mail its customers receive
   * (Microsoft Safe Links, Proofpoint URL Defense, Mimecast): the wrapper is the recipient's
   * organisation's choice, not the sender's, unlike an open redirect a phisher picks.
   */
  static boolean mailGateway(String host) {
    if (host == null) {
      return false;
    }
    String reg = registrable(host);
    return host.endsWith(".safelinks.protection.outlook.com")
        || (reg.equals("proofpoint.com") && host.startsWith("urldefense."))
        || reg.equals("urldefense.com")
        || (reg.equals("mimecast.com") && host.startsWith("protect"))
        || reg.equals("mimecastprotect.com");
  }

  /**
   * Proofpoint URL Defense v2's u= value decoded: "-XX" is the character of hex XX, "_" a slash
   * (https-3A__host_path → https://host/path). Null when it is not in that form.
   */
  static String proofpointV2(String u) {
    if (u == null || u.length() > 4096) {
      return null;
    }
    StringBuilder b = new StringBuilder(u.length());
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '-') {
        if (i + 2 >= u.length()
            || !java.util.HexFormat.isHexDigit(u.charAt(i + 1))
            || !java.util.HexFormat.isHexDigit(u.charAt(i + 2))) {
          return null;
        }
        b.append((char) java.util.HexFormat.fromHexDigits(u, i + 1, i + 3));
        i += 2;
      } else if (c == '_') {
        b.append('/');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A redirect of a big site whose destination is a code only the site can read (LinkedIn's
   * /slink?code=): the reader cannot see where it leads before following it.
   */
  static boolean opaqueRedirect(String url, String host) {
    return host != null
        && registrable(host).equals("linkedin.com")
        && path(url).equals("/slink")
        && param(url, "code") != null;
  }

  private static String path(String url) {
    java.net.URI u = MailLinks.uri(url);
    String p = u == null ? null : u.getRawPath();
    return p == null ? "" : p.toLowerCase(Locale.ROOT);
  }

  /** A query parameter's decoded value (the first of that name), or null. */
  private static String param(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end).replace("&amp;", "&");
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

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
   * Where a service writes a name its user chose: a user-name field of an account notice (WordPress
   * "Login Details", "your account has been created"), a greeting line, in the languages the lures
   * come in (lower-cased text).
   */
  private static final Pattern NAME_FIELD =
      Pattern.compile(
          "(?m)(?:user ?name|benutzername|nom d'utilisateur|identifiant|nome de usu[áa]rio|usu[áa]rio"
              + "|nombre de usuario|gebruikersnaam|nome utente|ユーザー名|ユーザーid|ログインid"
              + "|نام\u200c?\\s?کاربری|اسم المستخدم|имя пользователя)[ \\t]*[:：]"
              + "[ \\t]*([^\\n]{1,120})|^[ \\t]*(?:hi|hello|hey|dear|ol[áa]|hola|hallo|bonjour|ciao"
              + "|beste)[ \\t]+([^,!\\n]{1,120})[,!]");

  /** {@link #NAME_FIELD}'s first alternative, the field names: where such a field can start. */
  private static final Pattern NAME_FIELD_NAMES =
      Pattern.compile(topLevelAlternatives(NAME_FIELD.pattern().substring("(?m)".length())).get(0));

  /** A web address in a name: a URL, a www. host, or a page on a free site builder. */
  private static final Pattern NAME_WEB =
      Pattern.compile(
          "(?:https?://|(?<![\\w.-])www\\.)[^\\s]+|(?<![\\w.-])[a-z0-9-]+\\.(?:blogspot|wordpress|weebly"
              + "|wixsite|tumblr|pages|web|github|netlify|vercel)\\.[a-z.]+");

  /** An amount of money in a name: a currency sign or code, or a crypto-currency, with digits. */
  private static final Pattern NAME_MONEY =
      Pattern.compile(
          "[$€£¥￥]\\s?[0-9０-９]|[0-9０-９][0-9０-９ ,.，．]*\\s?(?:usd|eur|euros?|btc|eth|usdt|usdc"
              + "|dollars?|円|ドル)(?![a-z])");

  private static final Pattern NAME_ADDRESS =
      Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+){1,127}");

  /** Longer sender names are not read for "(via …)" (the pattern is quadratic in blanks). */
  static final int VIA_NAME_LENGTH = 200;

  private static final Pattern VIA_NAME =
      Pattern.compile("^(.*?)\\s*[(（](?:via|über|par|por|von|経由)\\s[^)）]*[)）]\\s*$");

  /**
   * A lure written into a name a platform's user chose, which a real service then mails out: a user
   * name that is a web address or an amount ("www.xyz.blogspot.com - BINANCE 136 138 EURO", "75
   * BTC"), or a telephone number, in an account notice's user-name field or a greeting, or in the
   * sender name of a notification sent for a user ("… (via Google Slides)"). People's names carry
   * no web address, amount or telephone number; an e-mail address used as a user name is no lure.
   * Returns the name, or null.
   *
   * @param text the lower-cased text
   * @param fromName the sender's display name (may be null)
   */
  static String userNameLure(String text, String fromName) {
    return userNameLure(phrases(text), fromName);
  }

  /**
   * {@link #userNameLure(String, String)} on a text the automaton has read: the fields are tried
   * only where one can start, at a field name (the automaton's) or at the start of a line (the
   * greeting), in order, each from where the last one ended, as {@code find()} would find them.
   */
  static String userNameLure(MailPhrases.Hits hits, String fromName) {
    String text = hits.text();
    String field = nameField(hits);
    if (field != null) {
      return field;
    }
    for (String line : text.split("\n", 40)) {
      // a Japanese greeting: a line that is a name and 様
      String l = line.strip();
      if (l.length() <= GREETING_WEB_LENGTH && (l.endsWith("様") || l.endsWith("さま"))) {
        String name = l.substring(0, l.length() - (l.endsWith("様") ? 1 : 2));
        // a name with a web address in it may be long (the lure's sentence before the link); an
        // amount or a telephone number counts in a name's length only (recall31)
        if (l.length() <= 80 ? carriesLure(name) : carriesWeb(name)) {
          return l;
        }
      }
    }
    String formName = formNameWeb(text);
    if (formName != null) {
      return formName;
    }
    if (fromName != null && fromName.length() <= VIA_NAME_LENGTH) {
      Matcher v = VIA_NAME.matcher(fromName.toLowerCase(Locale.ROOT));
      if (v.matches() && carriesLure(v.group(1))) {
        return fromName.strip();
      }
    }
    return null;
  }

  /**
   * A recipient's display name (To, Cc) that carries a lure as {@link #userNameLure} reads one: a
   * web address or an amount (not a telephone number: some address books keep one beside a
   * colleague's name). A newsletter or shop writes the name its sign-up form was given; a fraudster
   * who signs strangers' addresses up with the lure as their name has the real platform mail it to
   * them ("Hello. You have a new incoming transaction … order the withdrawal of funds →
   * xyz.pages.dev/…"). People's names hold none of these; a name that is an e-mail address is no
   * lure. Returns the name (at most {@link #RECIPIENT_NAME_LENGTH} characters read), or null.
   */
  static final int RECIPIENT_NAME_LENGTH = 400;

  static String recipientNameLure(List<String> names) {
    for (String name : names) {
      String n = name.strip();
      n = jp.renkei.engine.text.Names.cut(n, RECIPIENT_NAME_LENGTH);
      String l = NAME_ADDRESS.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ");
      if (NAME_WEB.matcher(l).find() || NAME_MONEY.matcher(l).find()) {
        return n;
      }
    }
    return null;
  }

  /** The user-name fields found with {@code find()} over the whole text (the reference, tests). */
  static String nameFieldScanningAll(String text) {
    Matcher f = NAME_FIELD.matcher(text);
    while (f.find()) {
      String name = f.group(1) != null ? f.group(1) : f.group(2);
      if (carriesLure(name)) {
        return name.strip();
      }
    }
    return null;
  }

  /** The user-name fields found by {@link #userNameLure(MailPhrases.Hits, String)}'s first step. */
  static String nameField(String text) {
    return nameField(phrases(text));
  }

  private static String nameField(MailPhrases.Hits hits) {
    String text = hits.text();
    int[] names = hits.starts(NAME_FIELD_NAMES);
    int[] lines = lineStarts(text);
    Matcher f = NAME_FIELD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    for (int a = 0, b = 0; a < names.length || b < lines.length; ) {
      int c =
          b >= lines.length || (a < names.length && names[a] < lines[b]) ? names[a++] : lines[b++];
      if (c < from) {
        continue;
      }
      f.region(c, text.length());
      if (f.lookingAt()) {
        String name = f.group(1) != null ? f.group(1) : f.group(2);
        if (carriesLure(name)) {
          return name.strip();
        }
        from = f.end() > f.start() ? f.end() : f.end() + 1;
      }
    }
    return null;
  }

  /**
   * Where a line may start ({@code ^} in multi-line mode): the text's start and after every line
   * terminator Java's patterns know (the pattern itself rules out the end and the middle of \r\n).
   */
  private static int[] lineStarts(String text) {
    int[] out = new int[16];
    int n = 0;
    for (int i = -1; i < text.length(); i++) {
      if (i >= 0) {
        char c = text.charAt(i);
        if (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
          continue;
        }
      }
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, n * 2);
      }
      out[n++] = i + 1;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * A web address in a Japanese greeting's name ("… 様", at most {@link #GREETING_WEB_LENGTH}) or in
   * a Japanese form's name field ({@link #formNameWeb}), or null: the readings of {@link
   * #userNameLure} that hold for list mail too (recall31).
   *
   * @param text the lower-cased text
   */
  static String japaneseNameWeb(String text) {
    for (String line : text.split("\n", 40)) {
      String l = line.strip();
      if (l.length() <= GREETING_WEB_LENGTH && (l.endsWith("様") || l.endsWith("さま"))) {
        if (carriesWeb(l.substring(0, l.length() - (l.endsWith("様") ? 1 : 2)))) {
          return l;
        }
      }
    }
    return formNameWeb(text);
  }

  /** The longest greeting line ("… 様") read for a web address in the name (recall31). */
  static final int GREETING_WEB_LENGTH = 200;

  /**
   * The name field of a Japanese web form's echo ("お名前：…", "【氏名】…", "ご氏名: …"), as a contact or
   * sign-up form's automatic reply repeats what was typed in, holding a web address: the field is a
   * person's name, and the lure's writer typed the link into it to have the business's own server
   * mail it out (recall31). Only a web address counts here, not a telephone number or an amount: a
   * form's echo flattened from a table may put the next field, the telephone number, on the name's
   * line. Returns the field's line, or null.
   *
   * @param text the lower-cased text
   */
  static String formNameWeb(String text) {
    for (String key : FORM_NAME_KEYS) {
      int from = 0;
      for (int seen = 0; seen < 20; seen++) {
        int i = text.indexOf(key, from);
        if (i < 0) {
          break;
        }
        from = i + key.length();
        // at a line's start, after at most a bracket or a mark ("■お名前", "【お名前】")
        int start = text.lastIndexOf('\n', i) + 1;
        String before = text.substring(start, i).strip();
        if (before.length() > 1) {
          continue;
        }
        int end = text.indexOf('\n', from);
        String rest = text.substring(from, end < 0 ? text.length() : end);
        Matcher m = FORM_NAME_VALUE.matcher(rest);
        if (!m.lookingAt() || m.group(1).length() > GREETING_WEB_LENGTH) {
          continue;
        }
        // the name alone: up to 様 or the next field's colon (a table flattened into one line:
        // "お名前：山田 太郎 ホームページ：https://…"), not a web address's own colon
        String value = m.group(1);
        Matcher next = NEXT_FIELD.matcher(value);
        if (next.find()) {
          value = value.substring(0, next.start());
        }
        if (carriesWeb(value)) {
          return text.substring(start, end < 0 ? text.length() : end).strip();
        }
      }
    }
    return null;
  }

  private static final Pattern NEXT_FIELD = Pattern.compile("様|：|:(?!//)");

  private static final List<String> FORM_NAME_KEYS = List.of("お名前", "ご氏名", "氏名");

  /** After a form's name field: the colon, or a closing bracket and maybe a colon; the value. */
  private static final Pattern FORM_NAME_VALUE =
      Pattern.compile("(?:[】\\]）)］][ \t　]*[:：]?|[ \t　]*[:：])[ \t　]*(.+)");

  /** A web address in a name, an e-mail address aside ({@link #NAME_WEB}). */
  private static boolean carriesWeb(String name) {
    return NAME_WEB.matcher(NAME_ADDRESS.matcher(name).replaceAll(" ")).find();
  }

  private static boolean carriesLure(String name) {
    String n = NAME_ADDRESS.matcher(name).replaceAll(" ");
    return NAME_WEB.matcher(n).find() || NAME_MONEY.matcher(n).find() || PHONE.matcher(n).find();
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
      if (CLAIM_COVERED[i]) {
        if (hits == null) {
          hits = PHRASES.scan(t);
        }
        found = hits.first(claim) != null;
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
   * Whether the automaton covers each brand's claim, by the brand's place in {@link
   * MailBrands#BRANDS}: {@link #claimed} asks it of every brand for each name and subject (declared
   * after {@link #PHRASES}, which it reads).
   */
  private static final boolean[] CLAIM_COVERED = claimCovered();

  private static boolean[] claimCovered() {
    boolean[] covered = new boolean[BRANDS.size()];
    for (int i = 0; i < covered.length; i++) {
      covered[i] = PHRASES.covers(BRANDS.get(i).claim());
    }
    return covered;
  }
}
