package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text helpers the rooms of the mail analyser share (issue 19): the address, URL and
 * domain-like patterns, whitespace and comment folding, word counts (Latin words and Japanese
 * runs), PGP armour, and how much of the wording is read (TEXT, TEXT_TAIL, the middle's excerpts).
 * Pure functions and constants: nothing here depends on a room, so every room depends downward on
 * it.
 */
final class MailText {

  private MailText() {}

  /**
   * An address in a header or a text. A match starts only where a run of address characters does
   * (or where the last match ended), and takes the run whole (possessive): the plain {@code
   * [\w.+-]+@...} tried every position of a run without '@' and went back over the rest of it from
   * each, so a Sender or From name of 200 KB of letters took minutes (attack19). It finds what that
   * pattern found (MailParsingTest).
   */
  static final Pattern ADDRESS =
      Pattern.compile("(?:(?<![\\w.+-])|\\G)[\\w.+-]++@[\\w-]++(\\.[\\w-]++){1,127}");

  /** The pattern {@link #ADDRESS} replaced, for the tests that compare them. */
  static final Pattern ADDRESS_AS_WAS = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

  static final Pattern URL =
      Pattern.compile(
          "(?i)\\b(?:https?|hxxps?|h\\*\\*ps?|ftp)(?:\\[:]|:)//[^\\s<>\"'()\\[\\]{}、。]+(?:\\[\\.][^\\s<>\"'()\\[\\]{}、。]+){0,127}");
  static final Pattern DOMAIN_LIKE =
      Pattern.compile("(?i)^(?:[a-z0-9-]+(?:\\.|\\[\\.])){1,127}[a-z]{2,}(?:/\\S*)?$");

  /**
   * Characters of subject and text read as written for the signs of the wording; past them the last
   * {@link #TEXT_TAIL} are read too (runs of whitespace made one), and wording left between the two
   * is BEYOND_LIMITS.
   */
  static final int TEXT = 64 * 1024;

  /** Characters of the wording past {@link #TEXT} read at most: the message's last ones. */
  static final int TEXT_TAIL = 64 * 1024;

  /**
   * Characters of the wording between {@link #TEXT} and {@link #TEXT_TAIL} read at most, as
   * excerpts of {@link #EXCERPT} characters either side of a word of the strongest signs ({@link
   * #MIDDLE_WORDS}): a lure between two walls of text keeps its credential, payment and sign-in
   * wording (images23).
   */
  static final int MIDDLE = 16 * 1024;

  /** Characters read either side of a word of {@link #MIDDLE_WORDS} in the unread middle. */
  static final int EXCERPT = 300;

  /**
   * Words of the strongest wording signs (credentials, card and account details, sign-in, payment,
   * an account threatened), English (lower case) and Japanese, looked for in the wording neither
   * {@link #TEXT} nor {@link #TEXT_TAIL} keeps.
   */
  static final List<String> MIDDLE_WORDS =
      List.of(
          "password",
          "passcode",
          "credential",
          "login",
          "log-in",
          "log in",
          "signin",
          "sign-in",
          "sign in",
          "verify",
          "verification",
          "confirm",
          "suspend",
          "suspension",
          "locked",
          "unusual",
          "expire",
          "card number",
          "credit card",
          "billing",
          "payment",
          "bank account",
          "security code",
          "パスワード",
          "暗証番号",
          "ログイン",
          "サインイン",
          "本人確認",
          "認証",
          "停止",
          "凍結",
          "制限",
          "有効期限",
          "カード番号",
          "クレジットカード",
          "支払",
          "請求",
          "口座");

  /** {@link #MIDDLE_WORDS} by their first character: one pass over the middle, no regex. */
  private static final Map<Character, List<String>> MIDDLE_FIRST =
      MIDDLE_WORDS.stream().collect(java.util.stream.Collectors.groupingBy(w -> w.charAt(0)));

  /**
   * The end of the first word of {@link #MIDDLE_WORDS} (letters compared without case) that starts
   * at or after {@code from} and ends by {@code end} in {@code s}, and its start in {@code at[0]};
   * -1 when none does.
   */
  static int middleWord(CharSequence s, int from, int end, int[] at) {
    for (int i = from; i < end; i++) {
      List<String> words = MIDDLE_FIRST.get(Character.toLowerCase(s.charAt(i)));
      if (words == null) {
        continue;
      }
      for (String w : words) {
        int n = w.length();
        if (i + n > end) {
          continue;
        }
        int k = 1;
        while (k < n && Character.toLowerCase(s.charAt(i + k)) == w.charAt(k)) {
          k++;
        }
        if (k == n) {
          at[0] = i;
          return i + n;
        }
      }
    }
    return -1;
  }

  /** {@code s} with each run of whitespace made one space, or one line end when it has one. */
  static String oneSpaceOrLine(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 1 << 16));
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
        b.append(c);
        i++;
        continue;
      }
      boolean line = false;
      while (i < n) {
        char w = s.charAt(i);
        if (!Character.isWhitespace(w) && w != '\u00A0' && w != '\u3000') {
          break;
        }
        line |= w == '\n';
        i++;
      }
      b.append(line ? '\n' : ' ');
    }
    return b.toString();
  }

  /** Letters and digits among the first {@code end} characters of {@code s}. */
  static long lettersOrDigits(CharSequence s, int end) {
    long n = 0;
    for (int i = 0; i < end; i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  static final Pattern TRACKING_PATH =
      Pattern.compile("(?i)click|track|redirect|/t/|/r/|/l/|/ls/|/go/|[?&](?:q|u|url|id)=");

  static final Pattern LIST_ID = Pattern.compile("<([^<>\\s]+)>");
  static final Pattern WORD =
      Pattern.compile(
          "[\\p{L}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]{2,}|[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  /** The pattern {@link #withoutArmour} replaced, for the tests that compare them. */
  static final Pattern PGP_ARMOUR =
      Pattern.compile("(?s)-----BEGIN PGP SIGNATURE-----.*?-----END PGP SIGNATURE-----");

  private static final String ARMOUR_BEGIN = "-----BEGIN PGP SIGNATURE-----";
  private static final String ARMOUR_END = "-----END PGP SIGNATURE-----";

  /**
   * {@code PGP_ARMOUR.matcher(t).replaceAll(" ")} in one pass: the regex read from every first line
   * to the end of the text when no last line followed, so a text of 60,000 first lines took minutes
   * (attack19).
   */
  static String withoutArmour(String t) {
    StringBuilder b = null;
    int kept = 0;
    int begin = t.indexOf(ARMOUR_BEGIN);
    while (begin >= 0) {
      int end = t.indexOf(ARMOUR_END, begin + ARMOUR_BEGIN.length());
      if (end < 0) {
        break; // no last line is left: nothing further matches
      }
      if (b == null) {
        b = new StringBuilder(t.length());
      }
      b.append(t, kept, begin).append(' ');
      kept = end + ARMOUR_END.length();
      begin = t.indexOf(ARMOUR_BEGIN, kept);
    }
    return b == null ? t : b.append(t, kept, t.length()).toString();
  }

  /**
   * How many times {@link #WORD} is found in {@code t}, counted without the regex: a run of two or
   * more letters that are not Han, Hiragana or Katakana is one word, and so is every character of
   * those three scripts.
   */
  static int wordCount(String t) {
    int words = 0;
    int run = 0;
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      i += Character.charCount(c);
      if (kana(c)) {
        // a word of its own, letter or not (々, 〇, ㋐)
        words++;
        if (run >= 2) {
          words++;
        }
        run = 0;
      } else if (Character.isLetter(c)) {
        run++;
      } else {
        if (run >= 2) {
          words++;
        }
        run = 0;
      }
    }
    return run >= 2 ? words + 1 : words;
  }

  /**
   * What {@link #WORD} finds in {@code t}, in order, without the regex (as {@link #wordCount}
   * counts them): each run of two or more letters that are not Han, Hiragana or Katakana, and every
   * character of those three scripts.
   */
  static List<String> words(String t) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int run = 0;
    for (int i = 0; i < t.length(); ) {
      int c = t.codePointAt(i);
      int next = i + Character.charCount(c);
      if (kana(c)) {
        if (run >= 2) {
          out.add(t.substring(start, i));
        }
        out.add(t.substring(i, next));
        run = 0;
      } else if (Character.isLetter(c)) {
        if (run++ == 0) {
          start = i;
        }
      } else {
        if (run >= 2) {
          out.add(t.substring(start, i));
        }
        run = 0;
      }
      i = next;
    }
    if (run >= 2) {
      out.add(t.substring(start));
    }
    return out;
  }

  /** Han, Hiragana or Katakana (none of them below U+2E80). */
  private static boolean kana(int c) {
    if (c < 0x2E80) {
      return false;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  // the patterns of String.replaceAll / replaceFirst calls on hot paths, compiled once
  static final Pattern ANGLES_AND_SPACE = Pattern.compile("[<>\\s]");

  /** What {@code SPACES.matcher(s).replaceAll(" ")} gives for {@code \\s+}, without the regex. */
  static String oneSpace(String s) {
    int i = 0;
    while (i < s.length() && !isRegexSpace(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (isRegexSpace(c)) {
        b.append(' ');
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
          i++;
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static final Pattern TRAILING_SEPARATOR = Pattern.compile("[;,]$");

  /** The pattern {@link #withoutComments} replaced, for the tests that compare them. */
  static final Pattern COMMENT = Pattern.compile("\\(.*?\\)");

  /**
   * {@code COMMENT.matcher(s).replaceAll("")} in one pass: each '(' up to the first ')' after it on
   * its line goes. The regex went from every '(' to the end of the text when no ')' followed, so a
   * Received date of 200 KB of '(' took minutes (attack19).
   */
  static String withoutComments(String s) {
    int open = s.indexOf('(');
    if (open < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int kept = 0;
    while (open >= 0) {
      int close = -1;
      int k = open + 1;
      for (; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == ')') {
          close = k;
          break;
        }
        if (lineEnd(c)) {
          break;
        }
      }
      if (close >= 0) {
        b.append(s, kept, open);
        kept = close + 1;
        open = s.indexOf('(', kept);
      } else if (k < s.length()) {
        // a line ends first: no '(' before that end has its ')' on its line
        open = s.indexOf('(', k + 1);
      } else {
        break; // no ')' is left: nothing further matches
      }
    }
    return b.append(s, kept, s.length()).toString();
  }

  /** What '.' does not match in a Java regex without DOTALL. */
  private static boolean lineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  static final Pattern WEEKDAY = Pattern.compile("^\\s*[A-Za-z]{3},");
  static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");

  /** What {@code \\s} matches (without Pattern.UNICODE_CHARACTER_CLASS). */
  static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * Full-width letters and digits (ＵＲＬ, ０１２０, ＡＭＡＺＯＮ) and half-width katakana as their ordinary
   * forms (NFKC), traditional kanji as their shinjitai ({@link #VARIANT_FORMS}) and the kanji 一
   * written between two katakana for the long-vowel mark ー (カ一ド for カード, a look-alike Japanese
   * lures use in brand names), and words mixing Latin letters with other scripts' look-alikes
   * ("Ꮮеdgеr", "amܿazoܿn") as the Latin words they show ({@link MailLookalikes}), typographic
   * hyphens as hyphen-minus ({@link #hyphens}), so that the phrase lists and brand names read them;
   * other text is returned as it is.
   */
  static String fold(String s) {
    if (s == null) {
      return null;
    }
    String folded = foldForms(s);
    // words written in another script's look-alike letters, as their reader reads them (recall34)
    return MailLookalikes.read(folded);
  }

  private static String foldForms(String s) {
    boolean variant = false;
    boolean hyphen = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF9F') {
        return variants(hyphens(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)));
      }
      variant |=
          c >= '\u6000' && VARIANT_FORMS.indexOf(c) >= 0 || c == '\u4E00' && longVowelAt(s, i);
      hyphen |= c == '\u2010' || c == '\u2011';
    }
    String out = hyphen ? hyphens(s) : s;
    return variant ? variants(out) : out;
  }

  /**
   * The typographic hyphen (U+2010) and the non-breaking hyphen (U+2011) as the hyphen-minus the
   * word tables are written with: "non\u2011refundable" reads as the "non-refundable" it shows.
   */
  static String hyphens(String s) {
    return s.replace('\u2010', '-').replace('\u2011', '-');
  }

  /**
   * Traditional forms of kanji that Japanese lures written abroad use where Japanese writes the
   * shinjitai form (稅務署 for 税務署, 滯納 for 滞納, 關稅 for 関税, 登錄 for 登録, 認證 for 認証): each pair, the
   * traditional form first. NFKC leaves them as they are (they are distinct characters). 會員 (会員),
   * 變更 (変更) and sums in 萬 (万) are the same lures' member, change and sum words (ja41); 發 is left as
   * written, since the Chinese invoice spam of MailForeignWords is matched in it (代開發票).
   */
  static final String VARIANT_FORMS = "稅税滯滞關関錄録證証戶戸號号檢検續続會会變変萬万";

  private static String variants(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int at = c >= '\u6000' ? VARIANT_FORMS.indexOf(c) : -1;
      if (at >= 0 && at % 2 == 0 || c == '\u4E00' && longVowelAt(s, i)) {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, c == '\u4E00' ? '\u30FC' : VARIANT_FORMS.charAt(at + 1));
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * The kanji 一 at {@code i} stands between two katakana letters (カ一ド), where Japanese writes the
   * long-vowel mark; not before the counter ヶ/ヵ or another kanji (データ一覧, プラン一ヶ月).
   */
  static boolean longVowelAt(String s, int i) {
    return i > 0
        && i + 1 < s.length()
        && katakanaLetter(s.charAt(i - 1))
        && katakanaLetter(s.charAt(i + 1));
  }

  private static boolean katakanaLetter(char c) {
    return c >= '\u30A1' && c <= '\u30F4';
  }

  /**
   * A file name's extension (after its last dot), stripped and lower-cased; "" when it has none.
   */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }

  /** A reply or forward by its subject ("Re:", "Fwd:", "AW:", "転送:", "返信："). */
  static final Pattern REPLY_SUBJECT = Pattern.compile("(?is)^\\s*(re|fwd?|aw|転送|返信)\\s*[:：].*");

  /** Anything but an ASCII letter or digit (in lower-cased text). */
  static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

  /**
   * A query parameter's value (the first of that name; {@code &amp;} between pairs read as {@code
   * &}), percent-decoded; null when the URL has no such parameter or its value is not well encoded.
   * {@code plusIsData}: whether a '+' is itself (a base64 value such as Sophos' target, a wrapper
   * that writes its target unencoded) rather than a space (form encoding: Google's q=, Safe Links'
   * url=).
   */
  static String param(String url, String name, boolean plusIsData) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end).replace("&amp;", "&");
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return percentDecoded(pair.substring(eq + 1), plusIsData);
      }
    }
    return null;
  }

  /**
   * {@code s} percent-decoded as UTF-8, a '+' kept ({@code plusIsData}) or read as a space; null
   * when a '%' is not followed by two hex digits.
   */
  static String percentDecoded(String s, boolean plusIsData) {
    try {
      return java.net.URLDecoder.decode(
          plusIsData ? s.replace("+", "%2B") : s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether the text holds a kana or a kanji. */
  static boolean japanese(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u3040' && c <= '\u30ff' || c >= '\u4e00' && c <= '\u9fff') {
        return true;
      }
    }
    return false;
  }
}
