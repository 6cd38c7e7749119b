package jp.renkei.engine.mail;

import com.google.common.collect.Sets;
import com.google.common.net.InternetDomainName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.IDN;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Analyses one e-mail message (RFC 5322, as saved .eml) for the signs of a targeted attack: parses
 * it leniently within explicit {@link Limits}, collects every indicator (sender, relays, links in
 * text and HTML — defanged ones too —, attachments with their type by content, hashes and archive
 * members) and judges the red flags of {@link RedFlag}. Malformed input never throws: what could be
 * read is analysed and the problems are listed. Thread-safe.
 *
 * <p>List and bulk mail is read in context, but list headers are written by whoever sends the
 * message, so they lower a sign only when they are consistent: the wording signs (urgency, lures,
 * IPA themes), free-hosting links, brand and free-mail claims and a Reply-To to the list are
 * lowered only for a discussion list whose own domain (List-Id, List-Post, X-BeenThere ...) is the
 * Return-Path's, the Sender's or one SPF / DKIM vouched for — never a free-mail domain — in a
 * message that asks for no credentials. A Reply-To to the very address List-Post names, and a
 * newsletter whose list headers name its sender's own domain, lower only their own signs (the
 * reply, the brand in its name, its links to partners). A credential request is never lowered.
 */
public final class MailAnalyzer {

  /**
   * Explicit caps, so that no message, however built, costs more than a bounded amount of work.
   *
   * @param maxBytes bytes of the message read (25 MiB); the rest is not analysed
   * @param maxParts MIME parts walked (200)
   * @param maxDepth nesting of MIME parts (8)
   * @param maxHeaders header fields per part (1,000)
   * @param maxArchiveEntries entries read from one archive (500)
   * @param maxUnpacked bytes unpacked from one archive (64 MiB)
   * @param maxRatio unpacked-to-packed ratio of one archive beyond which it is not unpacked (200)
   * @param maxUnpackedPerMessage bytes unpacked from all archives of the message together (64 MiB)
   * @param maxEntriesPerMessage entries read from all archives of the message together (1,000)
   * @param maxArchiveDepth archives within archives unpacked: 1 unpacks attachments only, 2 also
   *     the archives inside them (2); deeper ones are listed, not unpacked
   * @param maxTime wall time of one analysis (10 s); past it, no more parts or archive entries are
   *     read and the report says what was analysed
   */
  public record Limits(
      long maxBytes,
      int maxParts,
      int maxDepth,
      int maxHeaders,
      int maxArchiveEntries,
      long maxUnpacked,
      int maxRatio,
      long maxUnpackedPerMessage,
      int maxEntriesPerMessage,
      int maxArchiveDepth,
      Duration maxTime) {

    public static final Limits DEFAULT =
        new Limits(
            25L << 20,
            200,
            8,
            1000,
            500,
            64L << 20,
            200,
            64L << 20,
            1000,
            2,
            Duration.ofSeconds(10));

    /** The per-archive caps, with the default per-message caps. */
    public Limits(
        long maxBytes,
        int maxParts,
        int maxDepth,
        int maxHeaders,
        int maxArchiveEntries,
        long maxUnpacked,
        int maxRatio) {
      this(
          maxBytes,
          maxParts,
          maxDepth,
          maxHeaders,
          maxArchiveEntries,
          maxUnpacked,
          maxRatio,
          DEFAULT.maxUnpackedPerMessage(),
          DEFAULT.maxEntriesPerMessage(),
          DEFAULT.maxArchiveDepth(),
          DEFAULT.maxTime());
    }

    /** These limits with another wall-time bound for one analysis. */
    public Limits withMaxTime(Duration time) {
      return new Limits(
          maxBytes,
          maxParts,
          maxDepth,
          maxHeaders,
          maxArchiveEntries,
          maxUnpacked,
          maxRatio,
          maxUnpackedPerMessage,
          maxEntriesPerMessage,
          maxArchiveDepth,
          time);
    }
  }

  static final Set<String> DANGEROUS =
      Set.of(
          "exe", "scr", "com", "pif", "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "lnk", "iso",
          "img", "bat", "cmd", "ps1", "msi", "jar", "cpl", "docm", "xlsm", "pptm", "dotm", "xlam",
          "one", "vhd", "vhdx", "chm", "reg");
  static final Set<String> EXECUTABLE_TYPES = Set.of("pe-executable", "elf", "windows-shortcut");
  static final Set<String> FREEMAIL =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "yahoo.co.jp",
          "yahoo.com",
          "ymail.com",
          "outlook.com",
          "outlook.jp",
          "hotmail.com",
          "hotmail.co.jp",
          "live.jp",
          "live.com",
          "icloud.com",
          "me.com",
          "aol.com",
          "mail.ru",
          "yandex.ru",
          "qq.com",
          "163.com",
          "126.com",
          "gmx.com",
          "gmx.net",
          "protonmail.com",
          "proton.me",
          "zoho.com",
          "excite.co.jp",
          "infoseek.jp",
          // the national free-mail services of the countries whose lures reach Japan and the
          // honeypots (Europe, Brazil, Korea), and the other addresses of the big ones
          "hotmail.fr",
          "hotmail.it",
          "hotmail.de",
          "hotmail.es",
          "hotmail.co.uk",
          "outlook.fr",
          "outlook.de",
          "outlook.es",
          "outlook.com.br",
          "yahoo.fr",
          "yahoo.de",
          "yahoo.es",
          "yahoo.it",
          "yahoo.co.uk",
          "yahoo.com.br",
          "mail.com",
          "gmx.de",
          "gmx.at",
          "gmx.fr",
          "web.de",
          "libero.it",
          "virgilio.it",
          "laposte.net",
          "uol.com.br",
          "bol.com.br",
          "terra.com.br",
          "ig.com.br",
          "yandex.com",
          "rambler.ru",
          "naver.com",
          "daum.net",
          "tutanota.com",
          "tuta.io",
          "seznam.cz",
          "wp.pl",
          "o2.pl",
          "interia.pl",
          "rediffmail.com");
  private static final Pattern ORGANISATION_WORDS =
      Pattern.compile(
          "(株式会社|\\(株\\)|（株）|有限会社|機構|省|庁|センター|銀行|協会|事務局|委員会|本部|研究所|大学|"
              // a department or an editorial office (a newspaper's 編集部 asking for an interview)
              + "編集部|編集局|新聞|通信社|記者|取材班|"
              + "(?:人事|総務|経理|営業|広報|採用|情報システム|経済|社会|政治|報道|品質管理|品質保証|購買|調達|法務)部|"
              + "(?i:\\b(inc|corp|co\\.|ltd|llc|center|centre|ministry|agency|bank|council|office|"
              + "nisc|jpcert|cert|security team|it support|helpdesk|support|suporte|soporte|atendimento"
              + "|customer (?:service|care)|department|payroll|human resources)\\b))");

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
  private static final Pattern DOMAIN_LIKE =
      Pattern.compile("(?i)^(?:[a-z0-9-]+(?:\\.|\\[\\.])){1,127}[a-z]{2,}(?:/\\S*)?$");
  private static final Pattern BIDI =
      Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");
  private static final Pattern SPACES_BEFORE_EXTENSION =
      Pattern.compile("[\\s\\u3000\\u00A0_]{5,}\\.[A-Za-z0-9]{1,5}$");
  private static final Pattern DOUBLE_EXTENSION =
      Pattern.compile(
          "(?i)\\.(pdf|docx?|xlsx?|pptx?|txt|rtf|csv|jpe?g|png|gif|bmp|zip|html?|hwp|jtd)[\\s\\u3000]*\\.([a-z0-9]{2,4})$");
  static final Pattern RECEIVED = Pattern.compile("(?is)^\\s*from\\s+(\\S+)(.*?)\\bby\\s+(\\S+)");

  /** A Received header without a from clause: a server's local pickup or its own filter step. */
  static final Pattern RECEIVED_BY_ONLY = Pattern.compile("(?is)^\\s*by\\s+(\\S+)");

  static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?![\\d.])");
  static final Pattern IPV6 = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:]{3,})\\]");
  static final DateTimeFormatter RECEIVED_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH);

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

  private static final Pattern BULK =
      Pattern.compile("unsubscribe|opt[- ]out|配信(?:停止|解除)|メール(?:マガジン|配信)の(?:停止|解除)");
  private static final Pattern TRACKING_PATH =
      Pattern.compile("(?i)click|track|redirect|/t/|/r/|/l/|/ls/|/go/|[?&](?:q|u|url|id)=");
  private static final Pattern SECRET_INPUT =
      Pattern.compile("(?i)pass|pwd|card|cvv|cvc|ssn|pin\\b|暗証|パスワード");
  private static final Pattern ACCOUNT_SUBJECT =
      Pattern.compile(
          "(?i)\\byour\\b|account|password|verif|confirm|suspend|locked|secur|sign-?in|log-?in|payment"
              + "|invoice|order|deliver|refund|notice|alert|update|expir|お客様|アカウント|ご利用|確認|重要"
              + "|お知らせ|停止|支払|請求|配達|お届け|緊急|不正|本人|ロック|制限|無効|未払|未納|更新|退会"
              + "|サインイン|ログイン");
  private static final Pattern VALID_DOMAIN = Pattern.compile("[a-z0-9.-]+");

  /**
   * Mathematical alphanumeric symbols, zero-width, invisible-operator (U+2061–U+2064) and
   * soft-hyphen characters, and invisible variation selectors or tag characters after a Latin
   * letter ("M", U+E0139, "icrosoft"): a Japanese name's ideographic variant selector follows a
   * kanji, and an emoji flag's tags follow the flag.
   */
  static final Pattern OBFUSCATION =
      Pattern.compile(
          "[\\x{1D400}-\\x{1D7FF}\\u200B-\\u200D\\u2060-\\u2064\\uFEFF\\u00AD\\u034F]"
              + "|(?<=\\p{IsLatin})[\\x{E0000}-\\x{E007F}\\x{E0100}-\\x{E01EF}]");

  /**
   * The zero-width characters of {@link #OBFUSCATION} (space, non-joiner, joiner, word joiner,
   * BOM).
   */
  private static final String ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";

  /**
   * Whether a subject or sender name has a character {@link #OBFUSCATION} matches, a zero-width one
   * not when it only pads the end of the subject (marketing subjects end so) or joins two
   * pictographs into one emoji (a family, a flag): a filter reads "Ac\u200Bcount" as no word, and
   * words spaced with them ("Your \u200Baccount") escape phrase rules, while those two hide nothing
   * from it.
   */
  static boolean obfuscatedShown(String s) {
    Matcher m = OBFUSCATION.matcher(s);
    while (m.find()) {
      if (m.end() - m.start() != 1 || ZERO_WIDTH.indexOf(s.charAt(m.start())) < 0) {
        return true;
      }
      int before = m.start() - 1;
      while (before >= 0 && ZERO_WIDTH.indexOf(s.charAt(before)) >= 0) {
        before--;
      }
      int after = m.end();
      while (after < s.length() && ZERO_WIDTH.indexOf(s.charAt(after)) >= 0) {
        after++;
      }
      boolean trailing = s.substring(after).isBlank();
      boolean inEmoji =
          before >= 0
              && after < s.length()
              && emojiPart(s.codePointBefore(before + 1))
              && emojiPart(s.codePointAt(after));
      if (!trailing && !inEmoji) {
        return true;
      }
    }
    return false;
  }

  /** A pictograph, or the variation selector that makes one coloured (U+FE0F). */
  private static boolean emojiPart(int c) {
    return c == 0xFE0F || Character.getType(c) == Character.OTHER_SYMBOL;
  }

  /**
   * Whether {@code s} has a character {@link #OBFUSCATION} can match: each of its alternatives
   * matches one at U+00AD or above (a supplementary one is two surrogates, above U+D7FF), so a
   * subject or name in ASCII and Latin-1 letters is not searched by the pattern.
   */
  static boolean mayBeObfuscated(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u00AD') {
        return true;
      }
    }
    return false;
  }

  private static final Pattern LIST_ID = Pattern.compile("<([^<>\\s]+)>");
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
  private static final Pattern ANGLES_AND_SPACE = Pattern.compile("[<>\\s]");

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

  private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[;,]$");

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

  private static final Pattern WEEKDAY = Pattern.compile("^\\s*[A-Za-z]{3},");
  private static final Pattern AFTER_HOST = Pattern.compile("[?/#&>\\s].*$");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");

  /** Fewer words than this beside an image inside a link: the message is the image. */
  static final int IMAGE_ONLY_WORDS = 25;

  /**
   * Inline styles that hide an element's text from the reader: display:none, visibility:hidden, a
   * font size of 0 or 1 px / pt, a maximum height of 0, full transparency. White text is not among
   * them: on a dark background it is what newsletters' buttons are written in.
   */
  static final Pattern HIDDEN_STYLE =
      Pattern.compile(
          "(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden"
              + "|font-size\\s*:\\s*(?:0(?:\\.\\d+)?|1)\\s*(?:px|pt)?\\s*(?:;|!|$)"
              + "|max-height\\s*:\\s*0+(?:px)?\\s*(?:;|!|$)|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|!|$)");

  /**
   * A hidden block of at least this many words, most of them not in the visible text, is written
   * for filters, not readers (hash-busting). A newsletter's hidden pre-header is one sentence
   * summing up what follows, and a hidden mobile copy repeats the visible words.
   */
  static final int HIDDEN_WORDS = 40;

  /** Of which at least this many (and at least half) are not in the visible text. */
  static final int HIDDEN_UNSEEN = 30;

  /** An unsubscribe link or line in the text, in the languages of the lures. */
  static final Pattern UNSUBSCRIBE_TEXT =
      Pattern.compile(
          "unsubscribe|opt[- ]out|配信(?:停止|解除)|descadastr|cancelar (?:a )?inscri|darse de baja"
              + "|abmelden|abbestellen|désinscri|desinscri|se désabonner|afmelden|uitschrijven"
              + "|cancella(?:re)? l'iscrizione");

  /**
   * The bulk-mail and unsubscribe words, found in one pass of an automaton ({@link MailPhrases}).
   */
  private static final MailPhrases LIST_WORDS = new MailPhrases(List.of(BULK, UNSUBSCRIBE_TEXT));

  private static final Pattern QUOTED = Pattern.compile("(?m)^[ \\t]*(?:>|\\|)[^\\n]*$");
  private static final Pattern HTML_ACTIVE =
      Pattern.compile(
          "(?is)<form\\b|<input[^>]+type\\s*=\\s*[\"']?password|<script\\b|http-equiv\\s*=\\s*[\"']?refresh"
              + "|window\\.location|location\\.(?:href|replace)|document\\.write|\\batob\\s*\\(|unescape\\s*\\(");

  private final Limits limits;
  private final Set<String> memberDomains;
  private final KnownOrganisations known;
  private final Set<String> allowed;
  private final MailModel model;

  /**
   * What the QR search found in the images and PDFs this analyser has read, by SHA-256: a campaign
   * sends the same picture or PDF in message after message, and decoding it (rendering a PDF's
   * pages) is the dearest step of an analysis. It lives as long as the analyser: the server makes
   * one per message analysed, so that nothing is shared between users (not even the time a message
   * takes); a command-line run reuses one for the files of one operator. Bounded to the {@value
   * #DECODED} most recently used.
   */
  private final Map<String, MailImages.Decoded> decoded =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MailImages.Decoded> eldest) {
              return size() > DECODED;
            }
          });

  /** Images and PDFs whose QR search results an analyser keeps. */
  static final int DECODED = 256;

  /**
   * @param memberDomains the hub's member organisations' domains (for look-alike checks)
   * @param allowList domains, addresses and SHA-256 hashes whose flags are suppressed (known false
   *     positives)
   */
  public MailAnalyzer(
      Limits limits, Collection<String> memberDomains, Collection<String> allowList) {
    this(limits, memberDomains, allowList, null);
  }

  /**
   * @param model a statistical model of phishing wording ({@link MailModel}), or null for the rules
   *     alone
   */
  public MailAnalyzer(
      Limits limits,
      Collection<String> memberDomains,
      Collection<String> allowList,
      MailModel model) {
    this(limits, memberDomains, KnownOrganisations.NONE, allowList, model);
  }

  /**
   * @param memberDomains domains compared for look-alikes whose evidence names the domain itself (a
   *     command-line run's own list)
   * @param known the hub's member organisations the person analysing may see: a display name,
   *     subject tag or signature claiming one from none of its domains is MEMBER_IMPERSONATION, a
   *     domain imitating one of its domains LOOKALIKE_DOMAIN; the evidence names the organisation,
   *     never its domains or other names (those are the directory's admins' to read)
   */
  public MailAnalyzer(
      Limits limits,
      Collection<String> memberDomains,
      KnownOrganisations known,
      Collection<String> allowList,
      MailModel model) {
    this.limits = limits;
    this.memberDomains = lower(memberDomains);
    this.known = known == null ? KnownOrganisations.NONE : known;
    this.allowed = lower(allowList);
    this.model = model;
  }

  public MailAnalyzer() {
    this(Limits.DEFAULT, List.of(), List.of());
  }

  private static Set<String> lower(Collection<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      out.add(s.strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** The analysis of one message; never throws for bad input. */
  public MailReport analyze(InputStream raw) {
    return analysis(raw).report();
  }

  /** A report and the lower-cased wording it was judged on (subject and text, for the model). */
  record Analysis(MailReport report, String text) {}

  Analysis analysis(InputStream raw) {
    State st = new State();
    Map<String, String> outer = REGISTRABLE.get();
    Map<String, Object> outerUris = URIS.get();
    REGISTRABLE.set(new java.util.HashMap<>());
    URIS.set(new java.util.HashMap<>());
    try {
      return new Analysis(run(raw, st), st.text.toString());
    } catch (StackOverflowError tooDeep) {
      // last net: something in this one message recursed beyond the stack (the stack is free
      // again once it unwinds). The analysis ends with what it said so far, not as a server error
      st.problem(
          "unreadable",
          "メッセージの構造が複雑すぎて解析を完了できませんでした",
          "the message is too deeply structured to finish analysing (recursion exhausted the stack)");
      return new Analysis(st.report(null), st.text.toString());
    } finally {
      if (outer == null) {
        REGISTRABLE.remove();
        URIS.remove();
      } else {
        REGISTRABLE.set(outer);
        URIS.set(outerUris);
      }
    }
  }

  private MailReport run(InputStream raw, State st) {
    Read read;
    try {
      read = readUpTo(raw, (int) Math.min(Integer.MAX_VALUE - 9, limits.maxBytes() + 1));
    } catch (IOException e) {
      st.problem(
          "unreadable",
          "メッセージを読み込めません: " + e.getMessage(),
          "cannot read the message: " + e.getMessage());
      return st.report(null);
    }
    byte[] bytes = read.bytes();
    int length = read.length();
    if (length > limits.maxBytes()) {
      st.beyondLimit(
          "message " + limits.maxBytes(),
          "a message larger than "
              + MailReport.grouped(limits.maxBytes())
              + " bytes: its first "
              + MailReport.grouped(limits.maxBytes())
              + " bytes were read, what follows was not",
          "メッセージが "
              + MailReport.grouped(limits.maxBytes())
              + " バイトを超えています。最初の "
              + MailReport.grouped(limits.maxBytes())
              + " バイトを読み、その先は読んでいません");
      length = (int) limits.maxBytes();
    }
    if (MailOutlook.compoundFile(bytes, length)) {
      // an Outlook .msg (dragged out of Outlook): judged as the Internet message it stands for
      try {
        MailOutlook.Read outlook = MailOutlook.read(bytes, length);
        outlook.notes().forEach(p -> st.problem(p.kind(), p.ja(), p.en()));
        st.outlookSenderUnknown = outlook.senderUnknown();
        st.outlook = true;
        // whom the recipient table names beside the kept headers (a Bcc): recipients as the
        // servers' Delivered-To are, their names for the redaction of a shared copy (share34)
        st.deliveredTo.addAll(outlook.tableAddresses());
        forwarded(new MailInlineForwards.Recipients(List.of(), outlook.tableNames()), st);
        bytes = outlook.mime();
        length = bytes.length;
      } catch (MailOutlook.NotOutlook e) {
        st.problem(e.kind, e.ja, e.getMessage());
        return st.report(null);
      }
    }
    Message m;
    try {
      try {
        m = parse(bytes, length, false);
      } catch (StackOverflowError tooDeep) {
        // the MIME reader follows each level of nesting with a stream wrapped in the one above
        // and recurses through all of them: thousands of levels exhaust the stack before the walk
        // below could stop at maxDepth. The headers are still the message's; its parts are not read
        st.beyondLimit(
            "MIME nesting the reader can follow",
            "MIME parts nested too deep to read (thousands of levels): the headers were read, the"
                + " parts were not",
            "MIME パートの入れ子が深すぎて読めません (数千段)。ヘッダは読み、パートは読んでいません");
        m = parse(bytes, length, true);
      }
    } catch (IOException | RuntimeException e) {
      st.problem(
          "unreadable",
          "メールとして読めません: " + e.getMessage(),
          "not a readable message: " + e.getMessage());
      return st.report(null);
    }
    try {
      envelope(m, st);
      st.bounceSender =
          MailBounce.sender(st.returnPath, st.from, m.getHeader().getField("Auto-Submitted"));
      walk(m, 0, st);
    } catch (RuntimeException e) {
      // the exception's message says where; its class is for the log, not for the reader
      st.problem(
          "unreadable",
          "解析が途中で止まりました: " + e.getMessage(),
          "analysis stopped early: " + e.getMessage());
    } catch (StackOverflowError tooDeep) {
      // a part too deeply structured for a recursive reader: what was read so far is judged
      st.problem(
          "unreadable",
          "メッセージの構造が複雑すぎて解析が途中で止まりました",
          "analysis stopped early: the message is too deeply structured (recursion exhausted the"
              + " stack)");
    } finally {
      m.dispose();
    }
    try {
      searchQrCodes(st);
    } catch (RuntimeException e) {
      st.problem(
          "unreadable",
          "QR コードの探索が途中で止まりました: " + e.getMessage(),
          "the QR search stopped early: " + e.getMessage());
    }
    judge(st);
    return st.report(m);
  }

  /** The first {@code length} bytes of {@code bytes} are what was read. */
  record Read(byte[] bytes, int length) {}

  /**
   * Up to {@code max} bytes of {@code in}, in one array sized by what the stream says it holds
   * ({@code available}: the whole of a message in memory), grown when it holds more.
   */
  static Read readUpTo(InputStream in, int max) throws IOException {
    byte[] buf = new byte[Math.min(max, Math.max(8192, in.available() + 1))];
    int n = 0;
    while (n < max) {
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, (int) Math.min(max, buf.length * 2L));
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return new Read(buf, n);
  }

  /**
   * The message parsed within the limits; {@code flat}: the body is not split into its parts.
   * Nesting is bounded while the MIME reader reads ({@link MailMime}).
   */
  private Message parse(byte[] bytes, int length, boolean flat) throws IOException {
    if (flat) {
      return builder(true).parseMessage(new ByteArrayInputStream(bytes, 0, length));
    }
    return MailMime.parse(new ByteArrayInputStream(bytes, 0, length), config(), limits.maxDepth());
  }

  private MimeConfig config() {
    return MimeConfig.custom()
        .setMaxHeaderCount(limits.maxHeaders())
        .setMaxHeaderLen(256 * 1024)
        .setMaxLineLen(-1)
        .setMaxContentLen(limits.maxBytes())
        .setStrictParsing(false)
        .build();
  }

  /** A MIME reader within the limits; {@code flat}: the body is not split into its parts. */
  private DefaultMessageBuilder builder(boolean flat) {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(config());
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    builder.setFlatMode(flat);
    return builder;
  }

  /** What is collected while walking one message. */
  private final class State {
    String subject;
    String from;
    String fromName;

    /** The From and Sender addresses as written, capitals kept (null when absent). */
    String fromAsWritten;

    /** The From field as written when it is no well-formed mailbox (MailReport#fromWritten). */
    String fromWritten;

    /** Names of archive entries read from central directories, not unpacked (UNREAD_NAMES). */
    int unreadNames;

    /** The From field leaves an angle bracket or a quote open, or closes one never opened. */
    boolean fromBroken;

    /**
     * The message is an Outlook file without its internet headers whose sender has no internet
     * address (an Exchange name): no From to judge, which is no sign of the sender's (MailOutlook).
     */
    boolean outlookSenderUnknown;

    /** The message was read from an Outlook file (MailOutlook). */
    boolean outlook;

    /**
     * The label under which the subject hid ISO-2022-JP text: an encoded word's other charset, or
     * "" for escapes written raw; null when it did not (recall33).
     */
    String subjectJisLabel;

    /** The From display name was written in raw ISO-2022-JP (read as Japanese since recall33). */
    boolean fromNameRawJis;

    String senderAsWritten;

    /** The envelope sender's domains as written (Return-Path, the SPF-checked mailfrom). */
    Set<String> envelopeWritten = new LinkedHashSet<>();

    List<String> replyTo = new ArrayList<>();
    String returnPath;
    List<String> recipients = new ArrayList<>();

    /** The display names of the To and Cc recipients, as the sender's system knows them. */
    List<String> recipientNames = new ArrayList<>();

    /**
     * Those of {@link #recipientNames} given a person's address, not a list's or a platform's
     * ({@code "owner/repo" <repo@noreply.github.com>} names a repository): the report's, which a
     * shared copy takes out (share35).
     */
    final List<String> victimNames = new ArrayList<>();

    /**
     * Whom the receiving servers delivered it to (Delivered-To, X-Original-To, Envelope-To,
     * X-Forwarded-To, a Received "for", an Outlook file's recipient table): the recipients a Bcc
     * hides from To and Cc. In the report's recipients, so that sharing takes them out (attack19),
     * and in no sign.
     */
    final Set<String> deliveredTo = new LinkedHashSet<>();

    Instant date;
    String messageId;

    /** The X-Message-Flag header (Outlook shows it as a banner), or null. */
    String messageFlag;

    /** The first Received line forged as bulk-mailing programs write it ({@link MailBulkLures}). */
    String forgedHop;

    List<MailReport.Hop> hops = new ArrayList<>();
    MailReport.Authentication auth = new MailReport.Authentication(null, null, null);
    List<MailReport.Link> links = new ArrayList<>();

    /**
     * {@link MailSigns#loginLike} of each link judged so far: the link rules ask it of the same
     * link up to five times, and each asking lower-cases the URL and the text and scans both.
     */
    private final Map<MailReport.Link, Boolean> loginLike = new java.util.HashMap<>();

    /** {@link MailSigns#loginLike} of the link's URL and text, once per link. */
    boolean loginLike(MailReport.Link l) {
      Boolean known = loginLike.get(l);
      if (known == null) {
        known = MailSigns.loginLike(l.url(), l.text());
        loginLike.put(l, known);
      }
      return known;
    }

    List<MailReport.Attachment> attachments = new ArrayList<>();
    List<MailReport.Finding> findings = new ArrayList<>();
    List<MailReport.Problem> problems = new ArrayList<>();
    int parts;
    final long deadline = System.nanoTime() + limits.maxTime().toNanos();
    long unpacked;
    int entries;
    int archiveDepth;

    /** Images and PDFs waiting for the QR search, in the order of the message. */
    final List<QrCandidate> qrQueue = new ArrayList<>();

    /** Returned (attached, forwarded) messages the walk is inside. */
    int inReturned;

    /** The To and Cc display names of the messages forwarded or attached inside this one. */
    final List<String> forwardedNames = new ArrayList<>();

    /** The To and Cc addresses of the messages forwarded or attached inside this one. */
    final Set<String> forwardedAddresses = new LinkedHashSet<>();

    Set<String> limitsReached = new LinkedHashSet<>();

    /** Subject, plain text and HTML text of the message, lower-cased, up to {@link #TEXT}. */
    final StringBuilder text = new StringBuilder();

    /**
     * The head of {@link #text} in the letter case it was written in (folded and without invisible
     * characters the same way): what a quote of the wording shows ({@link #quote}).
     */
    final StringBuilder written = new StringBuilder();

    /** The phrases in their sentences of the text, quoted as written ({@link MailQuotes}). */
    String quote(List<String> phrases) {
      if (writtenFolded == null || !writtenFolded.of(written)) {
        writtenFolded = new MailQuotes.Folded(written);
      }
      return MailQuotes.quoted(phrases().text(), writtenFolded, phrases);
    }

    /** {@link #written} folded for the quotes, made again when it has grown. */
    private MailQuotes.Folded writtenFolded;

    /** List or bulk mail (List-Id, List-Unsubscribe, Precedence: list / bulk ...). */
    boolean listMail;

    /**
     * Mail through a discussion list (List-Id, List-Post, a list manager's headers), where members
     * talk about money, deadlines and passwords: not List-Unsubscribe alone, which bulk senders of
     * every kind add.
     */
    boolean discussionList;

    /**
     * A list its members post to (List-Post, X-BeenThere, List-Help, List-Archive, a list manager's
     * version): not List-Id alone, which marketing platforms stamp on every campaign beside
     * List-Unsubscribe. The words of a vouched list go uncounted when it is one of these, or when
     * it carries no List-Unsubscribe (a list manager's List-Id alone).
     */
    boolean membersPost;

    /** The registrable domains of the list headers (List-Id, List-Post, Sender ...). */
    Set<String> listDomains = new LinkedHashSet<>();

    /** The registrable domains the list names itself by (List-Id, List-Post, X-BeenThere ...). */
    Set<String> listOwn = new LinkedHashSet<>();

    /** The registrable domains of the envelope and list agent (Return-Path, Sender, Errors-To). */
    Set<String> envelope = new LinkedHashSet<>();

    /** The addresses members post to (List-Post, X-BeenThere, Mailing-List). */
    Set<String> listAddresses = new LinkedHashSet<>();

    /** The message asks for passwords, account details or card numbers (CREDENTIAL_REQUEST). */
    boolean asksCredentials;

    /** A sending platform's trace field is in the header (ESP_TRACE_FIELDS). */
    boolean espRelayed;

    /** The targets ({@code action}) of the forms in the HTML parts, as written. */
    List<String> formActions = new ArrayList<>();

    /** The registrable domain of From, once the headers are read. */
    String senderDomain;

    /** Words (two letters or more) in the text parts, PGP armour left out. */
    int words;

    /** Images inside links in the HTML parts. */
    int linkedImages;

    /** Words (two letters or more) in the HTML parts' text. */
    int htmlWords;

    /**
     * The links of a plain-text part that holds links and not one word besides them, or 0 (see
     * {@link #barePlainText}).
     */
    int barePlainLinks;

    /** Some plain-text part has words of its own. */
    boolean plainSpeaks;

    /** A List-Unsubscribe header: what bulk senders must offer (RFC 2369, RFC 8058). */
    boolean listUnsubscribe;

    /** Words hidden from the reader by inline style in the HTML parts. */
    int hiddenWords;

    /**
     * The registrable domains unsubscribing goes through: of links and addresses whose URL or text
     * offers it, and of those written near an unsubscribe line in the text.
     */
    Set<String> unsubscribeDomains = new LinkedHashSet<>();

    void words(String t) {
      // the armour is looked for only in a text that has its first line
      words += wordCount(t.contains("-----BEGIN PGP SIGNATURE-----") ? withoutArmour(t) : t);
    }

    /**
     * As {@link #words(String)}, {@code count} being {@code wordCount(t)}, counted once already.
     */
    void words(String t, int count) {
      words += t.contains("-----BEGIN PGP SIGNATURE-----") ? wordCount(withoutArmour(t)) : count;
    }

    /**
     * The registrable domains the receiver's SPF (smtp.mailfrom) or DKIM (header.d, header.i) pass
     * vouched for: the From domain's or any other (a mailing service's, a platform's). Whether the
     * From domain itself authenticated is {@link #fromAligned}, not membership here.
     */
    Set<String> passedDomains = new LinkedHashSet<>();

    /** The registrable domain of the receiver's DMARC result's header.from, when it names one. */
    String dmarcFrom;

    /**
     * The message carries a calendar invitation (a text/calendar part or an .ics file): its title
     * and description are what the organiser typed, whoever's mailbox sent it.
     */
    boolean invitation;

    /** A To header was written (an "undisclosed-recipients:;" group counts; none at all not). */
    boolean toWritten;

    boolean authResultsSeen;

    /**
     * The results read were not written by the receiver: the only Authentication-Results is the one
     * of the host that handed the message to the receiver (its authserv-id is the top Received
     * hop's sending host), or there is none and ARC results (a relaying hop's) stand in. Through a
     * list, they are the list's check of the poster's message before it added its footer and sent
     * it on ({@link #listHopResults}).
     */
    boolean resultsUpstream;

    /**
     * Mail a discussion list relayed ({@link #listVouched}, one its members post to) whose
     * authentication results are the list host's check of the poster's original ({@link
     * #resultsUpstream}), not the receiver's: a failure or misalignment there says the list changed
     * the message (subject tag, footer, a From rewritten to the list), not that someone forged it.
     * A sender who writes no results at all gets no authentication sign either, so nobody gains by
     * writing a failing one.
     */
    boolean listHopResults() {
      return resultsUpstream && membersPost && listVouched();
    }

    /**
     * A list that rewrote From to its own posting address (DMARC mitigation: "Alice via dev
     * &lt;dev@lists.example.org&gt;"), read only when {@link #listVouched}: the poster's own
     * address then goes to Reply-To or Cc, so a Reply-To on another domain is the person who wrote,
     * not a diversion.
     */
    boolean fromRewrittenByList(String from) {
      return from != null
          && membersPost
          && listAddresses.contains(from.toLowerCase(Locale.ROOT))
          && listVouched();
    }

    /** Microsoft's composite authentication (compauth=fail) failed. */
    boolean compositeFailed;

    /**
     * The receiver's SPF failure is a forwarder's: SPF failed for the envelope's domain while a
     * DKIM signature of that same registrable domain passed in the same results ({@link
     * #forwarded}).
     */
    boolean spfForwarded;

    /**
     * List context that may lower a sign: a discussion list (not List-Unsubscribe or Precedence
     * alone) whose own domain (List-Id, List-Post, X-BeenThere ...) is the envelope sender's, the
     * Sender's or one SPF / DKIM vouched for, in a message that asks for no credentials. List
     * headers anyone can write buy nothing alone: the list must be the one that sent the message,
     * and a list that asks for a password is no reason for calm.
     */
    boolean listVouched() {
      if (!discussionList || asksCredentials) {
        return false;
      }
      for (String d : listOwn) {
        // a free-mail domain is nobody's list: anyone can send from it
        if (!FREEMAIL.contains(d) && (envelope.contains(d) || passedDomains.contains(d))) {
          return true;
        }
      }
      return false;
    }

    /**
     * Bulk mail whose list headers (List-Unsubscribe ...) name the sender's own domain, not a
     * free-mail one: a newsletter speaking for itself.
     */
    boolean ownBulk() {
      return listMail
          && senderDomain != null
          && !FREEMAIL.contains(senderDomain)
          && listOwn.contains(senderDomain);
    }

    /** List or bulk mail: list headers, or an unsubscribe link or text. */
    boolean bulk() {
      if (listMail) {
        return true;
      }
      return listWords().first(BULK) != null;
    }

    private MailPhrases.Hits listWords;

    /**
     * Where the bulk-mail and unsubscribe words are in the text as it is now (asked for once per
     * link and sign: the text is read again only when it has grown).
     */
    MailPhrases.Hits listWords() {
      if (listWords == null || listWords.text().length() != text.length()) {
        listWords = LIST_WORDS.scan(text.toString());
      }
      return listWords;
    }

    private MailPhrases.Hits phrases;

    /**
     * The phrase automaton's pass over the text as it is now, made once (the text is complete when
     * the signs are judged; a longer text is read again).
     */
    MailPhrases.Hits phrases() {
      if (phrases == null || phrases.text().length() != text.length()) {
        phrases = MailSigns.phrases(text.toString());
      }
      return phrases;
    }

    private MailPhrases.Hits credentialsOf;
    private List<String> credentials;

    /**
     * {@link MailSigns#credentials} of {@code hits}, kept for the last hits asked about: the judge
     * asks it of the phrases, and the wording again of the same hits when no fine print was
     * blanked.
     */
    List<String> credentials(MailPhrases.Hits hits) {
      if (hits != credentialsOf) {
        credentials = MailSigns.credentials(hits);
        credentialsOf = hits;
      }
      return credentials;
    }

    /** The invisible characters found inside the words of the text as it was read. */
    final MailSigns.BrokenWords brokenWords = new MailSigns.BrokenWords();

    /**
     * Written like a bounce by its sender: the null reverse-path (Return-Path: <>), no From or a
     * From of delivery software's own mailbox (MAILER-DAEMON, postmaster), or Auto-Submitted.
     */
    boolean bounceSender;

    /** A multipart/report of report-type delivery-status (RFC 3464). */
    boolean report;

    /** A delivery-status part with per-recipient fields (Status, Action, Final-Recipient). */
    boolean deliveryStatus;

    /**
     * The stretches of {@link #text} that are a returned message (message/rfc822, text/rfc822
     * -headers, a copy written inline) or a delivery-status part: start and end.
     */
    final List<int[]> returned = new ArrayList<>();

    /** A part's header is a returned message's (Received, Message-ID where a part's should be). */
    boolean returnedHeader;

    /** A returned message (or an inline copy) holds a link or an attachment of its own. */
    boolean returnedActs;

    /** The links of the returned stretches (the rest are the report's own). */
    final Set<String> returnedLinks = new java.util.HashSet<>();

    /**
     * The starts of the {@link #returned} stretches that are delivery-status parts: the bounce's
     * own report in machine form, not the message it returns.
     */
    final Set<Integer> statusStretches = new java.util.HashSet<>();

    /** The remote servers' reply lines of the delivery-status parts (lower-cased). */
    final List<String> statusReplies = new ArrayList<>();

    /**
     * The links a remote server wrote in its reply, which a real bounce quotes (see {@link
     * MailAnalyzer#replyLinks}).
     */
    final Set<String> replyLinks = new java.util.HashSet<>();

    /** Marks the links added since there were {@code before} as the returned message's. */
    boolean returnedLinksSince(int before) {
      for (int i = before; i < links.size(); i++) {
        returnedLinks.add(links.get(i).url());
      }
      return links.size() > before;
    }

    /** Judged a real bounce ({@link MailAnalyzer#bounce}). */
    boolean bounce;

    /** Reads {@code t} into the text as a returned stretch (see {@link #returned}). */
    void returnedText(String t) {
      int start = text.length();
      text(t);
      returned.add(new int[] {start, text.length()});
    }

    /** Replaces the judged text (a real bounce read without its diagnostic). */
    void retext(String t) {
      text.setLength(0);
      text.append(t);
      phrases = null;
      listWords = null;
    }

    /**
     * Adds wording of the message (subject, a text part, an HTML part's text). The first {@link
     * #TEXT} characters are read as written; what comes after them is kept in {@link #tail}, its
     * runs of whitespace made one, its last {@link #TEXT_TAIL} characters at most: a lure padded
     * with innocent text, whitespace or a hidden block before it is still read (mailpad22), and the
     * letters that fall between the two are counted ({@link #unread}) and made a sign when the
     * signs are judged ({@link #readTail}).
     */
    void text(String t) {
      if (t == null) {
        return;
      }
      String rest = t;
      if (text.length() < TEXT) {
        int room = TEXT - text.length();
        String add = t.length() > room ? t.substring(0, room) : t;
        marked(add);
        // without the invisible characters, counted first: the reader sees the words they break
        String folded = MailSigns.fold(add);
        text.append(brokenWords.read(folded.toLowerCase(Locale.ROOT))).append('\n');
        written.append(MailSigns.withoutInvisible(folded)).append('\n');
        if (t.length() <= room) {
          return;
        }
        rest = t.substring(room);
      }
      String past = oneSpaceOrLine(rest);
      if (past.isBlank()) {
        return;
      }
      marked(past);
      int cut = past.length() - TEXT_TAIL;
      if (cut > 0) {
        unread += lettersOrDigits(past, cut);
        excerpts(past, cut);
        past = past.substring(cut);
      }
      tail.append(brokenWords.read(MailSigns.fold(past).toLowerCase(Locale.ROOT))).append('\n');
      if (tail.length() > 2 * TEXT_TAIL) {
        int drop = tail.length() - TEXT_TAIL;
        unread += lettersOrDigits(tail, drop);
        excerpts(tail, drop);
        tail.delete(0, drop);
      }
    }

    /**
     * The first word of the wording with another script's mark on a Latin letter ("amܿazoܿn"),
     * lower-cased, or null: noted before {@link MailSigns#fold} reads such words without their
     * marks.
     */
    String markedWord;

    private void marked(String t) {
      if (markedWord == null) {
        String w = MailSigns.foreignMarkWord(t);
        markedWord = w == null ? null : w.toLowerCase(Locale.ROOT);
      }
    }

    /**
     * The wording past {@link #TEXT}: its last {@link #TEXT_TAIL} characters, whitespace runs one.
     */
    private final StringBuilder tail = new StringBuilder();

    /** Letters and digits of the wording that neither the head nor the tail kept. */
    long unread;

    /** Excerpts of the unread middle around words of the strongest signs ({@link #MIDDLE}). */
    private final StringBuilder middle = new StringBuilder();

    /** Excerpts kept in {@link #middle}. */
    int excerpts;

    /**
     * Keeps, within {@link #MIDDLE} characters in all, the {@link #EXCERPT} characters either side
     * of each word of {@link #MIDDLE_WORDS} among the first {@code end} characters of {@code s},
     * about to be dropped (overlapping excerpts made one).
     */
    void excerpts(CharSequence s, int end) {
      if (middle.length() >= MIDDLE) {
        return;
      }
      int kept = 0;
      int[] start = new int[1];
      int at = 0;
      for (int found = middleWord(s, at, end, start);
          found >= 0 && middle.length() < MIDDLE;
          found = middleWord(s, at, end, start)) {
        int from = Math.max(kept, start[0] - EXCERPT);
        int to = Math.min(end, found + EXCERPT);
        to = Math.min(to, from + (MIDDLE - middle.length()));
        if (from >= to) {
          at = found; // every pass moves on: the next word is looked for past this one
          continue;
        }
        if (from > kept || kept == 0) {
          excerpts++;
          middle.append('\n');
        }
        middle.append(MailSigns.fold(s.subSequence(from, to).toString()).toLowerCase(Locale.ROOT));
        if (middle.length() > MIDDLE) {
          middle.setLength(MIDDLE); // folding may write a character as two
        }
        kept = to;
        at = Math.max(found, to);
      }
    }

    /**
     * Adds the tail to the text read by the signs, once all parts are walked; wording left between
     * the head and the tail is BEYOND_LIMITS, saying how much and where.
     */
    void readTail() {
      if (tail.length() > TEXT_TAIL) {
        int drop = tail.length() - TEXT_TAIL;
        unread += lettersOrDigits(tail, drop);
        excerpts(tail, drop);
        tail.delete(0, drop);
      }
      text.append(middle);
      text.append(tail);
      tail.setLength(0);
      if (unread > 0) {
        String n = MailReport.grouped(unread);
        beyondLimit(
            "text " + TEXT + " + " + TEXT_TAIL,
            "text longer than its first "
                + MailReport.grouped(TEXT)
                + " and last "
                + MailReport.grouped(TEXT_TAIL)
                + " characters: both were read; the "
                + n
                + " letters between them were not read for wording"
                + (excerpts == 0
                    ? ""
                    : ", except "
                        + excerpts
                        + " excerpt(s) around words of credentials, payment or sign-in ("
                        + MailReport.grouped(middle.length())
                        + " characters, "
                        + MailReport.grouped(MIDDLE)
                        + " at most)")
                + "; its links were checked",
            "本文が最初の "
                + MailReport.grouped(TEXT)
                + " 文字と最後の "
                + MailReport.grouped(TEXT_TAIL)
                + " 文字を超える長さです。その最初と最後は読みました。その間の "
                + n
                + " 文字は文面の判定に読んでいません"
                + (excerpts == 0
                    ? ""
                    : " (ただし認証情報・支払い・ログインに関わる語の前後 "
                        + excerpts
                        + " か所、計 "
                        + MailReport.grouped(middle.length())
                        + " 文字 (上限 "
                        + MailReport.grouped(MIDDLE)
                        + ") は読みました)")
                + "。リンクは検査しました");
      }
    }

    /**
     * Adds a link of the message. Each link is judged by every link sign, and an HTML body of tens
     * of thousands of links held the analysis for many seconds past its deadline: past {@link
     * #MAX_LINKS} links the limit is reported and flagged ({@link RedFlag#BEYOND_LIMITS}: a message
     * padded with harmless links hides its lure behind them), and a link is kept only when its
     * registrable domain is none of the kept links' ({@link #MAX_LINK_DOMAINS_PAST} such at most),
     * so the one bad link after thousands of harmless ones is still judged. False when the link was
     * not kept.
     */
    boolean link(MailReport.Link l) {
      live.add(l.url());
      return keep(l);
    }

    /**
     * A link written defanged in the text ("hxxps://evil[.]example/"): an indicator an advisory
     * quotes, kept in the report (and the STIX and C4TAP outputs) but no link a reader can click.
     */
    boolean defangedLink(MailReport.Link l) {
      defanged.add(l.url());
      return keep(l);
    }

    /** Written only defanged: the same address nowhere written live, in the text or an anchor. */
    boolean onlyDefanged(String url) {
      return defanged.contains(url) && !live.contains(url);
    }

    /** The links written live (clickable) and written defanged, refanged. */
    final Set<String> live = new java.util.HashSet<>();

    final Set<String> defanged = new java.util.HashSet<>();

    private boolean keep(MailReport.Link l) {
      if (links.size() < MAX_LINKS) {
        links.add(l);
        return true;
      }
      if (linkDomains == null) {
        beyondLimit(
            "links " + MAX_LINKS,
            "more than "
                + MailReport.grouped(MAX_LINKS)
                + " links: the first "
                + MailReport.grouped(MAX_LINKS)
                + " were checked; past them, only links to domains not seen before ("
                + MAX_LINK_DOMAINS_PAST
                + " at most)",
            "リンクが "
                + MailReport.grouped(MAX_LINKS)
                + " 個を超えています。最初の "
                + MailReport.grouped(MAX_LINKS)
                + " 個を検査し、その先はそれまでにないドメインへのリンクだけを検査しました (最大 "
                + MAX_LINK_DOMAINS_PAST
                + " 個)");
        // said once: the words were built again for each of 20,000 links (String.format)
        linkDomains = new java.util.HashSet<>();
        for (MailReport.Link k : links) {
          linkDomains.add(linkDomain(k.url()));
        }
      }
      if (domainsPast >= MAX_LINK_DOMAINS_PAST) {
        return false;
      }
      String d = linkDomain(l.url());
      if (d == null || !linkDomains.add(d)) {
        return false;
      }
      domainsPast++;
      links.add(l);
      return true;
    }

    /** The registrable domains of the kept links, made when {@link #MAX_LINKS} is reached. */
    private Set<String> linkDomains;

    /** Links kept past {@link #MAX_LINKS} for a domain none before had. */
    private int domainsPast;

    /**
     * A limit an attacker can hide what follows behind (links, MIME parts, nesting): reported once,
     * and flagged, since no real message is built that way.
     */
    void beyondLimit(String limit, String en, String ja) {
      if (limitsReached.add(limit)) {
        // said once: the flag's evidence and the problem are the same words, what was read and
        // what was not (the page shows the flag and leaves the problem out, MailReport#limitNotes)
        problem("limit", ja, en);
      }
      flag(RedFlag.BEYOND_LIMITS, en, ja);
    }

    /** Records a per-message limit once; false from then on for callers that check. */
    void reached(String limit, String ja) {
      if (limitsReached.add(limit)) {
        problem(
            "limit",
            "上限に達しました: " + MailReport.grouped(ja) + "。残りは展開も読み込みもしていません",
            "limit reached: " + MailReport.grouped(limit) + "; the rest was not unpacked or read");
      }
    }

    void problem(String kind, String ja, String en) {
      problems.add(new MailReport.Problem(kind, ja, en));
    }

    boolean outOfTime() {
      if (System.nanoTime() - deadline >= 0) {
        reached(
            "analysis time " + limits.maxTime().toMillis() + " ms",
            "解析時間 " + limits.maxTime().toMillis() + " ミリ秒");
        return true;
      }
      return false;
    }

    void flag(RedFlag f, String evidence) {
      flag(f, evidence, evidence);
    }

    /** A finding whose evidence has words of its own, said in English and in Japanese. */
    void flag(RedFlag f, String evidence, String evidenceJa) {
      int same = f == RedFlag.LOOKALIKE_DOMAIN ? evidence.indexOf(" ≈ ") : -1;
      for (int i = 0; i < findings.size(); i++) {
        MailReport.Finding x = findings.get(i);
        if (x.flag() == f && x.evidence().equals(evidence)) {
          return;
        }
        // one link imitating one name is said once (ui25: "url ≈ vpass.ne.jp (三井住友)" and "url ≈
        // vpass.ne.jp" were two lines), keeping the fuller evidence
        if (same > 0 && x.flag() == f && x.evidence().startsWith(evidence.substring(0, same + 3))) {
          if (evidence.startsWith(x.evidence())) {
            findings.set(i, new MailReport.Finding(f, evidence, evidenceJa));
          }
          return;
        }
      }
      findings.add(new MailReport.Finding(f, evidence, evidenceJa));
    }

    /**
     * The names the subject and the body's first lines greet their reader by (MailGreetings), when
     * the message went to exactly one address and no list or platform: a lure to one address known
     * only as {@code h.sato@} greets "佐藤様", a name the address does not spell (share35). A message
     * to several, to none known, or a list's post may greet anyone ("Hi Dave," in a list reply).
     */
    private List<String> greetingNames() {
      List<String> all =
          java.util.stream.Stream.concat(allRecipients().stream(), forwardedAddresses.stream())
              .distinct()
              .toList();
      if (!listAddresses.isEmpty() || all.size() != 1 || MailRedaction.listOrPlatform(all.get(0))) {
        return List.of();
      }
      return MailGreetings.names(written);
    }

    /** To and Cc, then whom the servers delivered it to besides them. */
    private List<String> allRecipients() {
      if (deliveredTo.isEmpty()) {
        return List.copyOf(recipients);
      }
      Set<String> all = new LinkedHashSet<>(recipients);
      all.addAll(deliveredTo);
      return List.copyOf(all);
    }

    MailReport report(Message m) {
      EnumSet<RedFlag> kinds = EnumSet.noneOf(RedFlag.class);
      findings.forEach(x -> kinds.add(x.flag()));
      int score = kinds.stream().mapToInt(RedFlag::weight).sum();
      if (m == null) {
        score = Math.max(score, MailReport.SUSPICIOUS_FROM);
      }
      MailReport.Verdict verdict =
          score >= MailReport.MALICIOUS_FROM
              ? MailReport.Verdict.MALICIOUS
              : score >= MailReport.SUSPICIOUS_FROM
                  ? MailReport.Verdict.SUSPICIOUS
                  : MailReport.Verdict.CLEAN;
      return new MailReport(
          subject,
          from,
          fromName,
          fromWritten,
          List.copyOf(replyTo),
          returnPath,
          allRecipients(),
          date,
          messageId,
          List.copyOf(hops),
          auth,
          List.copyOf(links),
          List.copyOf(attachments),
          List.copyOf(findings),
          Math.min(100, score),
          verdict,
          List.copyOf(problems),
          new MailReport.Work(unpacked, entries, archiveDepth, List.copyOf(limitsReached)),
          // the names of a forwarded message's recipients join only the report's (read by the
          // redaction of a shared copy), never the signs', which read the message's own
          java.util.stream.Stream.of(victimNames, forwardedNames, greetingNames())
              .flatMap(List::stream)
              .distinct()
              .toList(),
          List.copyOf(listAddresses),
          List.copyOf(forwardedAddresses));
    }
  }

  // ---- envelope ------------------------------------------------------------------------------
  // ---- envelope ------------------------------------------------------------------------------

  /** The header fields {@link #envelope} reads besides From, To, Cc, Reply-To, Subject and Date. */
  private static final Set<String> ENVELOPE_FIELDS;

  /** The fields that say a message came through a mailing list (read in one branch of envelope). */
  /**
   * Fields a sending platform (an ESP: SendGrid, Mailgun, Amazon SES, Mailchimp, Postmark, Brevo)
   * writes into every message it relays for its customers, to trace it and to route complaints
   * (Feedback-ID for the big mailbox providers' feedback loops, X-CSA-Complaints for the Certified
   * Senders Alliance). Such platforms add no List-Unsubscribe unless their customer asks them to.
   */
  static final Set<String> ESP_TRACE_FIELDS =
      Set.of(
          "feedback-id",
          "x-csa-complaints",
          "x-sg-eid",
          "x-sg-id",
          "x-mailgun-sid",
          "x-ses-outgoing",
          "x-mc-user",
          "x-pm-message-id");

  private static final Set<String> LIST_FIELDS =
      Set.of(
          "list-id",
          "list-post",
          "list-unsubscribe",
          "list-help",
          "list-subscribe",
          "x-beenthere",
          "mailing-list",
          "x-mailman-version",
          "list-archive");

  static {
    Set<String> fields =
        new java.util.HashSet<>(
            Set.of(
                "return-path",
                "received",
                "authentication-results",
                "arc-authentication-results",
                "precedence",
                "sender",
                "errors-to",
                "delivered-to",
                "x-original-to",
                "envelope-to",
                "x-envelope-to",
                "x-forwarded-to"));
    fields.addAll(LIST_FIELDS);
    ENVELOPE_FIELDS = Set.copyOf(fields);
  }

  /** A display name (quoted, or words without brackets), then an address in angle brackets. */
  private static final Pattern NAME_ADDR =
      Pattern.compile(
          "(?:\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|[^\"<>,;]*?)\\s*<[^\\s<>\"]+@[^\\s<>\"]+>\\s*(?:\\([^()]*\\))?");

  /** An address alone, with perhaps a comment ("a@b.example (Name)"). */
  private static final Pattern ADDR_SPEC =
      Pattern.compile("[^\\s<>\"(),;]+@[^\\s<>\"(),;]+\\s*(?:\\([^()]*\\))?");

  /** The longest From field whose form is judged (characters). */
  static final int FROM_JUDGED = 4096;

  /** The longest From shown as written (characters). */
  static final int FROM_WRITTEN = 200;

  /**
   * The From field as written (encoded words decoded, spaces made one), when it is no well-formed
   * mailbox: a bracket missing or left over, a quote not closed. The parser reads such a field
   * leniently (the signs then judge the address it found), but showing its repair (lower-cased, a
   * stray "&gt;" kept) misleads the reader. Null for a well-formed or absent From.
   */
  static String malformedFrom(Field field) {
    if (field == null || field.getBody() == null) {
      return null;
    }
    String written =
        oneSpace(
                org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(
                    field.getBody(), org.apache.james.mime4j.codec.DecodeMonitor.SILENT))
            .strip();
    if (written.isEmpty() || written.length() > FROM_JUDGED) {
      // past what any mail program writes: judged as the parser read it (a pattern over 250,000
      // characters of a quoted name overflowed the stack; HostileMailTest)
      return null;
    }
    if (NAME_ADDR.matcher(written).matches() || ADDR_SPEC.matcher(written).matches()) {
      return null;
    }
    return jp.renkei.engine.text.Names.cut(written, FROM_WRITTEN);
  }

  /** A field as received, name included, or null. */
  private static byte[] raw(Field f) {
    if (f == null) {
      return null;
    }
    try {
      return f.getRaw() == null ? null : f.getRaw().toByteArray();
    } catch (RuntimeException unavailable) {
      return null;
    }
  }

  private static final Pattern WORD_LABEL =
      Pattern.compile("=\\?([^?\\s]{1,40})\\?([BbQq])\\?([^?\\s]*+)\\?=");

  /**
   * The label under which a subject carried ISO-2022-JP escapes: the charset claimed by the first
   * encoded word whose bytes hold an escape, or "" when the escapes were written raw in the header.
   */
  private static String jisLabel(Field subject) {
    Matcher w =
        WORD_LABEL.matcher(subject == null || subject.getBody() == null ? "" : subject.getBody());
    while (w.find()) {
      String text = w.group(3);
      boolean escape;
      if (w.group(2).equalsIgnoreCase("Q")) {
        escape = text.toUpperCase(Locale.ROOT).contains("=1B");
      } else {
        byte[] b;
        try {
          b = java.util.Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
          b = new byte[0];
        }
        escape = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u001B') >= 0;
      }
      if (escape) {
        return w.group(1);
      }
    }
    return "";
  }

  /** Whether a display name holds a raw ISO-2022-JP escape (ESC $ or ESC (). */
  private static boolean rawJis(String n) {
    int esc = n == null ? -1 : n.indexOf('\u001B');
    return esc >= 0
        && esc + 1 < n.length()
        && (n.charAt(esc + 1) == '$' || n.charAt(esc + 1) == '(');
  }

  /**
   * The From display name as a Japanese mail program shows it ({@link MailHeaders#japanese}), or
   * null when it reads as the parser read it.
   */
  private static String fromNameAsJapanese(String name, Field from) {
    if (name == null || (name.indexOf('\u001B') < 0 && name.indexOf('\uFFFD') < 0)) {
      return null;
    }
    if (name.indexOf('\uFFFD') < 0) {
      return MailHeaders.jisEscapes(name);
    }
    String body = MailHeaders.japanese(name, raw(from));
    if (body == null) {
      return null;
    }
    try {
      Mailbox reread =
          org.apache.james.mime4j.field.address.LenientAddressParser.DEFAULT.parseMailbox(body);
      return reread == null || reread.getName() == null || reread.getName().isBlank()
          ? null
          : reread.getName();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private void envelope(Message m, State st) {
    st.subject = m.getSubject();
    if (st.subject != null && st.subject.indexOf('\uFFFD') >= 0) {
      // Japanese under a narrower label (Shift_JIS for Windows-31J, GB2312 for GBK): read wider
      Field raw = m.getHeader().getField("Subject");
      String wider =
          MailWiderCharsets.rereadWords(
              raw == null ? null : org.apache.james.mime4j.util.MimeUtil.unfold(raw.getBody()),
              st.subject);
      st.subject = wider != null ? wider : st.subject;
    }
    Field subjectField = m.getHeader().getField("Subject");
    String japanese = MailHeaders.japanese(st.subject, raw(subjectField));
    if (japanese != null && st.subject.indexOf('\u001B') >= 0) {
      st.subjectJisLabel = jisLabel(subjectField);
    }
    st.subject = japanese != null ? japanese : st.subject;
    MailHeaders.Subject broken = MailHeaders.subject(st.subject);
    if (broken != null) {
      // mime4j leaves an encoded word never closed as written: shown decoded where it can be
      st.subject = broken.text();
      String word = jp.renkei.engine.text.Names.cut(broken.malformed(), 60);
      st.problem(
          "malformed",
          "件名に、終わりの「?=」がない符号化された語があります ("
              + word
              + ")。"
              + (broken.decoded() ? "読める所まで復号して表示しています" : "復号できないため、書かれたまま表示しています"),
          "the subject has an encoded word never closed by \"?=\" ("
              + word
              + "): "
              + (broken.decoded()
                  ? "it is shown decoded as far as it could be read"
                  : "it could not be decoded and is shown as written"));
    }
    st.text(st.subject);
    st.messageId = m.getMessageId();
    Field banner = m.getHeader().getField("X-Message-Flag");
    st.messageFlag = banner == null ? null : banner.getBody();
    Field dateField = m.getHeader().getField("Date");
    Instant usualDate = dateField == null ? null : usualDate(dateField.getBody());
    if (usualDate != null) {
      st.date = usualDate;
    } else if (m.getDate() != null) {
      st.date = m.getDate().toInstant();
    }
    if (m.getFrom() != null && !m.getFrom().isEmpty()) {
      Mailbox f = m.getFrom().get(0);
      st.fromAsWritten = f.getAddress();
      st.from = f.getAddress().toLowerCase(Locale.ROOT);
      st.fromName = f.getName();
      st.fromNameRawJis = rawJis(st.fromName);
      String japaneseName = fromNameAsJapanese(st.fromName, m.getHeader().getField("From"));
      st.fromName = japaneseName != null ? japaneseName : st.fromName;
    }
    st.fromWritten = malformedFrom(m.getHeader().getField("From"));
    st.fromBroken =
        st.fromWritten != null
            && MailHeaders.bracketsBroken(m.getHeader().getField("From").getBody());
    addresses(m, "Reply-To", m.getReplyTo(), st.replyTo);
    addresses(m, "To", m.getTo(), st.recipients);
    addresses(m, "Cc", m.getCc(), st.recipients);
    names(m.getTo(), st.recipientNames, st.victimNames);
    names(m.getCc(), st.recipientNames, st.victimNames);
    if (st.outlook) {
      // recipients of an Outlook file known by name only: taken out of shared copies as people
      List<String> names = new ArrayList<>();
      addresslessNames(m.getTo(), names);
      addresslessNames(m.getCc(), names);
      forwarded(new MailInlineForwards.Recipients(List.of(), names), st);
    }
    st.toWritten = m.getTo() != null;
    String receiverResults = null;
    String boundaryResults = null;
    int boundaryHops = -1;
    String arcResults = null;
    for (Field f : m.getHeader().getFields()) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      st.espRelayed |= ESP_TRACE_FIELDS.contains(name);
      if (!ENVELOPE_FIELDS.contains(name)) {
        // the body is unfolded and decoded only for the fields read below (a message carries
        // dozens of others: DKIM signatures, X- headers, ARC seals)
        continue;
      }
      String body = f.getBody() == null ? "" : f.getBody();
      switch (name) {
        case "return-path" -> {
          String written = ANGLES_AND_SPACE.matcher(body).replaceAll("");
          if (written.lastIndexOf('@') >= 0) {
            st.envelopeWritten.add(written.substring(written.lastIndexOf('@') + 1));
          }
          st.returnPath = written.toLowerCase(Locale.ROOT);
          if (domain(st.returnPath) != null) {
            st.envelope.add(registrable(domain(st.returnPath)));
          }
        }
        case "received" -> received(body, st);
        // only the receiving server's results count: the top-most Authentication-Results (the
        // sender can write any number of them below it), else the top-most ARC results; a
        // DKIM-Signature header vouches for nothing until a server has checked it. The one
        // exception is the receiver's own boundary server (boundaryResults)
        case "authentication-results" -> {
          if (receiverResults == null) {
            receiverResults = body;
          } else if (boundaryResults == null) {
            boundaryResults = body;
            boundaryHops = st.hops.size();
          }
        }
        case "arc-authentication-results" -> arcResults = arcResults == null ? body : arcResults;
        case "precedence" -> {
          String p = body.strip().toLowerCase(Locale.ROOT);
          st.listMail |= p.equals("list") || p.equals("bulk") || p.equals("junk");
        }
        case "delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "x-forwarded-to" -> {
          Matcher l = ADDRESS.matcher(body);
          while (l.find()) {
            st.deliveredTo.add(l.group().toLowerCase(Locale.ROOT));
          }
        }
        case "sender", "errors-to" -> {
          Matcher l = ADDRESS.matcher(body);
          if (l.find()) {
            if (name.equals("sender")) {
              st.senderAsWritten = l.group();
            }
            st.listDomains.add(registrable(domain(l.group())));
            st.envelope.add(registrable(domain(l.group())));
          }
        }
        default -> {
          // LIST_FIELDS: everything else ENVELOPE_FIELDS lets through
          st.listMail = true;
          st.listUnsubscribe |= name.equals("list-unsubscribe");
          st.discussionList |= !name.equals("list-unsubscribe") && !name.equals("list-subscribe");
          st.membersPost |=
              !name.equals("list-unsubscribe")
                  && !name.equals("list-subscribe")
                  && !name.equals("list-id");
          Matcher l = ADDRESS.matcher(body);
          while (l.find()) {
            st.listDomains.add(registrable(domain(l.group())));
            st.listOwn.add(registrable(domain(l.group())));
            if (name.equals("list-post")
                || name.equals("x-beenthere")
                || name.equals("mailing-list")) {
              st.listAddresses.add(l.group().toLowerCase(Locale.ROOT));
            }
          }
          Matcher id = LIST_ID.matcher(body);
          if (name.equals("list-id") && id.find()) {
            st.listDomains.add(registrable(id.group(1).toLowerCase(Locale.ROOT)));
            st.listOwn.add(registrable(id.group(1).toLowerCase(Locale.ROOT)));
          }
        }
      }
    }
    if (receiverResults != null
        && boundaryResults != null
        && isBoundary(receiverResults, boundaryResults, boundaryHops, st.hops)) {
      // the boundary's results first: it checked the message as it came in, and a later server
      // of the same receiver may have changed it on the way (a footer, a rewritten address) and
      // then found the signature broken; the later server's fills in what the boundary left out
      authResults(boundaryResults, st);
    }
    if (receiverResults != null || arcResults != null) {
      authResults(receiverResults != null ? receiverResults : arcResults, st);
      // the top-most results written upstream make every one below them upstream too
      st.resultsUpstream = receiverResults == null || writtenByLastSender(receiverResults, st.hops);
    }
  }

  /**
   * Whether an Authentication-Results body was written by the host that handed the message to the
   * receiver: its authserv-id is the sending host of the top Received hop, not the host that
   * received it. Such results are the upstream host's check of what it received (a list's check of
   * its poster), not the receiver's.
   */
  static boolean writtenByLastSender(String results, List<MailReport.Hop> hops) {
    if (hops.isEmpty() || hops.get(0).from() == null || hops.get(0).by() == null) {
      return false;
    }
    String id = AuthResults.parse(results).authservId();
    String from = hops.get(0).from().toLowerCase(Locale.ROOT);
    String by = hops.get(0).by().toLowerCase(Locale.ROOT);
    return id != null && id.contains(".") && id.equals(from) && !id.equals(by);
  }

  /**
   * Whether the second Authentication-Results header ({@code lower}, with {@code hopsAbove}
   * Received headers above it) was written by the receiver's own boundary server, the one that took
   * the message in from outside, below the top-most ({@code top}, the receiver's last server). RFC
   * 8601 trusts only the results of the reader's own administrative domain: here the top-most
   * header's server, and the server its own Received headers say the message came from. The
   * Received headers from the top are internal hops while both ends are in the top-most server's
   * registrable domain; the first that is not names the boundary server as its "by" host, and the
   * lower header must carry that host's name as its authserv-id and sit no lower than that hop
   * (written by the boundary server, not by anyone before it). A sender writing a header in the
   * receiver's name below it has no internal Received header above it naming that host.
   */
  static boolean isBoundary(String top, String lower, int hopsAbove, List<MailReport.Hop> hops) {
    String topId = authservId(top);
    String lowerId = authservId(lower);
    if (topId == null || lowerId == null || topId.equals(lowerId) || topId.indexOf('.') < 0) {
      return false;
    }
    String own = registrable(topId);
    int k = 0;
    while (k < hops.size() && internalHop(hops.get(k), own)) {
      k++;
    }
    // at least one internal hop, ending at the top-most header's server, from the boundary
    return k > 0
        && k < hops.size()
        && hopsAbove <= k + 1
        && topId.equalsIgnoreCase(hops.get(0).by())
        && lowerId.equalsIgnoreCase(hops.get(k - 1).from())
        && lowerId.equalsIgnoreCase(hops.get(k).by());
  }

  private static boolean internalHop(MailReport.Hop hop, String own) {
    return hop.from() != null
        && hop.by() != null
        && hop.from().indexOf('.') > 0
        && hop.by().indexOf('.') > 0
        && own.equals(registrable(hop.from().toLowerCase(Locale.ROOT)))
        && own.equals(registrable(hop.by().toLowerCase(Locale.ROOT)));
  }

  /** The authserv-id of an Authentication-Results body (the host name before the first ';'). */
  static String authservId(String body) {
    int end = body.indexOf(';');
    String id = (end < 0 ? body : body.substring(0, end)).strip();
    int space = id.indexOf(' ');
    id = space < 0 ? id : id.substring(0, space);
    return id.isEmpty() ? null : id.toLowerCase(Locale.ROOT);
  }

  /**
   * The addresses of one address field. Where the parser's reading holds something that is no
   * address (a display name with unquoted angle brackets, "Taro <Sales> Yamada <taro@example.jp>",
   * read as "taro@<sales" and "taro@example.jp>"), the addresses written in the field's text are
   * taken instead: the reply then goes where the header says, not to a fragment of it.
   */
  private static void addresses(Message m, String field, AddressList list, List<String> into) {
    List<String> read = new ArrayList<>();
    addresses(list, read);
    if ((list != null || m.getHeader().getField(field) == null)
        && read.stream().allMatch(a -> ADDRESS.matcher(a).matches())) {
      into.addAll(read);
      return;
    }
    for (Field f : m.getHeader().getFields(field)) {
      Matcher a = ADDRESS.matcher(f.getBody());
      while (a.find()) {
        String found = a.group().toLowerCase(Locale.ROOT);
        if (!into.contains(found)) {
          into.add(found);
        }
      }
    }
  }

  private static void addresses(AddressList list, List<String> into) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      if (a instanceof Mailbox mb) {
        into.add(mb.getAddress().toLowerCase(Locale.ROOT));
      } else if (a instanceof Group g) {
        g.getMailboxes().forEach(mb -> into.add(mb.getAddress().toLowerCase(Locale.ROOT)));
      }
    }
  }

  /** The display names of a list's mailboxes (a group's included), those that have one. */
  /**
   * The To and Cc of a message forwarded or attached inside the analysed one (a colleague's
   * "forward as attachment" of a lure: its recipients are the victims), for the redaction of a
   * shared copy only; at most 1,000 of each, as a message's headers are bounded.
   */
  private static void forwardedRecipients(Message inner, State st) {
    List<String> addresses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String field : new String[] {"To", "Cc"}) {
      AddressList list = field.equals("To") ? inner.getTo() : inner.getCc();
      addresses(inner, field, list, addresses);
      names(list, new ArrayList<>(), names);
      addresslessNames(list, names);
    }
    forwarded(new MailInlineForwards.Recipients(addresses, names), st);
  }

  /**
   * The names of empty groups ("Name :;"): how a recipient Outlook knew only by its Exchange name,
   * no internet address, is written when a .msg is rebuilt ({@link MailOutlook}); taken out of a
   * shared copy as a person's name, for redaction only (an .eml's "undisclosed-recipients:;" is
   * then taken out too, which names nobody).
   */
  private static void addresslessNames(AddressList list, List<String> into) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      if (a instanceof Group g && g.getMailboxes().isEmpty() && !g.getName().isBlank()) {
        // the reader leaves a group's name as written: its encoded words are decoded here
        into.add(
            org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(
                g.getName(), DecodeMonitor.SILENT));
      }
    }
  }

  /**
   * The recipients of a message forwarded inline, as its body's header block writes them ({@link
   * MailInlineForwards}), or attached inside: for the redaction of a shared copy only.
   */
  private static void forwarded(MailInlineForwards.Recipients r, State st) {
    List<String> addresses = r.addresses();
    List<String> names = r.names();
    addresses.stream()
        .limit(Math.max(0, 1000 - st.forwardedAddresses.size()))
        .forEach(st.forwardedAddresses::add);
    names.stream()
        .limit(Math.max(0, 1000 - st.forwardedNames.size()))
        .forEach(st.forwardedNames::add);
  }

  private static void names(AddressList list, List<String> into, List<String> victims) {
    if (list == null) {
      return;
    }
    for (Address a : list) {
      List<Mailbox> boxes =
          a instanceof Mailbox mb
              ? List.of(mb)
              : a instanceof Group g ? g.getMailboxes() : List.of();
      for (Mailbox box : boxes) {
        if (box.getName() != null) {
          into.add(box.getName());
          if (box.getAddress() == null || !MailRedaction.listOrPlatform(box.getAddress())) {
            victims.add(box.getName());
          }
        }
      }
    }
  }

  /** The recipient a Received header names ("... for <taro@example.jp>; date"). */
  private static final Pattern RECEIVED_FOR =
      Pattern.compile("(?i)\\bfor\\s++<?([\\w.+-]++@[\\w-]++(?:\\.[\\w-]++){1,127})");

  /**
   * The next match of {@link #RECEIVED_FOR} in {@code text} at or after {@code from} (left in
   * {@code m}, a matcher over {@code text}), as {@code find()} finds it, and its end; -1 when there
   * is none. A match starts with the letter f (the pattern is case-blind in ASCII only), so the
   * pattern is tried only there, not at every character of the header.
   */
  static int nextFor(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if ((c == 'f' || c == 'F') && m.region(i, n).lookingAt()) {
        return m.end();
      }
    }
    return -1;
  }

  private static void received(String body, State st) {
    String one = oneSpace(body);
    Matcher rcpt = RECEIVED_FOR.matcher(one);
    for (int from = 0; (from = nextFor(rcpt, one, from)) >= 0; ) {
      st.deliveredTo.add(rcpt.group(1).toLowerCase(Locale.ROOT));
    }
    Matcher m = RECEIVED.matcher(one);
    String from = null;
    String by = null;
    // the pattern starts with ^ (no MULTILINE): find() could only match at the start
    if (m.lookingAt()) {
      from = m.group(1);
      by = TRAILING_SEPARATOR.matcher(m.group(3)).replaceAll("");
    } else {
      // "Received: by filterdrecv-… with SMTP id …" was shown as "(none) → (none)" (ux29)
      Matcher byOnly = RECEIVED_BY_ONLY.matcher(one);
      if (byOnly.lookingAt()) {
        by = TRAILING_SEPARATOR.matcher(byOnly.group(1)).replaceAll("");
      }
    }
    String route = one.contains(";") ? one.substring(0, one.lastIndexOf(';')) : one;
    List<String> ips = new ArrayList<>();
    Matcher v4 = IPV4.matcher(route);
    for (int at = 0; (at = nextIpv4(v4, route, at)) >= 0; ) {
      if (!ips.contains(v4.group(1))) {
        ips.add(v4.group(1));
      }
    }
    // every IPv6 literal the pattern finds is written in brackets
    Matcher v6 = IPV6.matcher(route.indexOf('[') < 0 ? "" : route);
    while (v6.find()) {
      if (v6.group(1).contains(":") && !ips.contains(v6.group(1).toLowerCase(Locale.ROOT))) {
        ips.add(v6.group(1).toLowerCase(Locale.ROOT));
      }
    }
    Instant at = null;
    if (one.contains(";")) {
      // the weekday is dropped: real mail gets it wrong, and the date says which day it was
      String d =
          WEEKDAY
              .matcher(withoutComments(one.substring(one.lastIndexOf(';') + 1)))
              .replaceFirst("")
              .strip();
      at = receivedDate(d);
    }
    st.hops.add(new MailReport.Hop(from, by, List.copyOf(ips), at));
    if (st.forgedHop == null) {
      st.forgedHop = MailBulkLures.forgedHop(one);
    }
  }

  /**
   * The next match of {@link #IPV4} in {@code text} at or after {@code from} (left in {@code m}, a
   * matcher over {@code text}), as {@code find()} finds it, and its end; -1 when there is none. A
   * match starts with one to three digits and a dot, the first digit following neither a digit nor
   * a dot, so the pattern is tried only there, not at every character of the header.
   */
  static int nextIpv4(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        int j = i + 1;
        while (j < n && j < i + 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
          j++;
        }
        if (before != '.' && !(before >= '0' && before <= '9') && j < n && text.charAt(j) == '.') {
          m.region(i, n);
          if (m.lookingAt()) {
            return m.end();
          }
        }
      }
    }
    return -1;
  }

  /** The date of a Received header ({@link #RECEIVED_DATE}), or null (the hop is kept without). */
  static Instant receivedDate(String d) {
    Instant usual = usualReceivedDate(d);
    if (usual != null) {
      return usual;
    }
    try {
      return ZonedDateTime.parse(d, RECEIVED_DATE).toInstant();
    } catch (DateTimeParseException e) {
      return null; // a date we cannot read
    }
  }

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * The usual shape of a Received date read without the formatter: "1 Dec 2026 09:05[:07] +0900",
   * one or two digits of day, four of year, a valid date and time, an offset within ±18:00. Null
   * for anything else, which the formatter then reads (or refuses) as before.
   */
  static Instant usualReceivedDate(String d) {
    int n = d.length();
    int i = 0;
    int day = 0;
    while (i < n && i < 2 && isDigit(d.charAt(i))) {
      day = day * 10 + d.charAt(i++) - '0';
    }
    if (i == 0 || i + 5 > n || d.charAt(i) != ' ' || d.charAt(i + 4) != ' ') {
      return null;
    }
    int month = MONTHS.indexOf(d.substring(i + 1, i + 4));
    if (month < 0 || month % 3 != 0) {
      return null;
    }
    i += 5;
    // yyyy HH:mm then :ss or nothing, then a space, a sign and four digits, and the end
    boolean seconds = n - i == 4 + 1 + 5 + 3 + 1 + 5;
    if (n - i != 4 + 1 + 5 + 1 + 5 && !seconds) {
      return null;
    }
    int year = digits(d, i, 4);
    int hour = d.charAt(i + 4) == ' ' ? digits(d, i + 5, 2) : -1;
    int minute = d.charAt(i + 7) == ':' ? digits(d, i + 8, 2) : -1;
    i += 10;
    int second = 0;
    if (seconds) {
      second = d.charAt(i) == ':' ? digits(d, i + 1, 2) : -1;
      i += 3;
    }
    char sign = d.charAt(i + 1);
    int offsetHours = digits(d, i + 2, 2);
    int offsetMinutes = digits(d, i + 4, 2);
    if (year < 1
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || d.charAt(i) != ' '
        || (sign != '+' && sign != '-')
        || offsetHours < 0
        || offsetMinutes < 0
        || offsetMinutes > 59
        || offsetHours * 60 + offsetMinutes > 18 * 60
        || day < 1
        || day > java.time.YearMonth.of(year, month / 3 + 1).lengthOfMonth()) {
      return null;
    }
    int offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
    return java.time.LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second)
        .toInstant(java.time.ZoneOffset.ofTotalSeconds(offset));
  }

  /** The weekdays a Date header may start with, as mime4j's reader names them. */
  private static final List<String> WEEKDAYS =
      List.of("Mon, ", "Tue, ", "Wed, ", "Thu, ", "Fri, ", "Sat, ", "Sun, ");

  /**
   * The usual shape of a Date header read without mime4j's formatter (a {@code DateTimeFormatter}
   * whose parse was 3 % of the analysis of HTML mail): "Tue, 1 Dec 2026 09:05:07 +0900", the
   * weekday optional (and not checked against the date, as mime4j does not), then {@link
   * #usualReceivedDate}'s shape, then nothing or a comment (" (JST)"). Null for anything else,
   * which mime4j then reads as before.
   */
  static Instant usualDate(String body) {
    if (body == null) {
      return null;
    }
    String d = body.trim(); // as mime4j's reader trims it
    if (d.length() > 5 && d.charAt(3) == ',' && WEEKDAYS.contains(d.substring(0, 5))) {
      d = d.substring(5);
    }
    int comment = d.indexOf(" (");
    if (comment >= 0) {
      d = d.substring(0, comment);
    }
    return usualReceivedDate(d);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number written with exactly {@code count} ASCII digits at {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int k = at; k < at + count; k++) {
      if (!isDigit(s.charAt(k))) {
        return -1;
      }
      v = v * 10 + s.charAt(k) - '0';
    }
    return v;
  }

  /**
   * The domains an Authentication-Results body says a DKIM signature passed for (header.d, else
   * header.i), in order, read by the RFC 8601 grammar ({@link AuthResults}).
   */
  static List<String> dkimPassDomains(String body) {
    List<String> out = new ArrayList<>();
    for (AuthResults.Result r : AuthResults.parse(body).of("dkim")) {
      String d = r.domain("header.d") != null ? r.domain("header.d") : r.domain("header.i");
      if (r.passed() && d != null) {
        out.add(d);
      }
    }
    return out;
  }

  private static void authResults(String body, State st) {
    st.authResultsSeen = true;
    AuthResults ar = AuthResults.parse(body);
    for (AuthResults.Result r : ar.of("compauth")) {
      st.compositeFailed |= r.result().equals("fail");
    }
    boolean envelope = false;
    for (AuthResults.Result r : ar.of("spf")) {
      String mailfrom = r.properties().get("smtp.mailfrom");
      String d = r.domain("smtp.mailfrom");
      if (d == null) {
        continue;
      }
      if (!envelope) {
        st.envelopeWritten.add(mailfrom.substring(mailfrom.lastIndexOf('@') + 1));
        envelope = true;
      }
      if (r.passed()) {
        st.passedDomains.add(registrable(d));
      }
    }
    List<String> signers = dkimPassDomains(body);
    for (String d : signers) {
      st.passedDomains.add(registrable(d));
    }
    for (AuthResults.Result r : ar.of("dmarc")) {
      if (st.dmarcFrom == null && r.domain("header.from") != null) {
        st.dmarcFrom = registrable(r.domain("header.from"));
      }
    }
    if (st.auth.spf() == null && ar.first("spf") != null) {
      st.spfForwarded = forwarded(ar);
    }
    String spf = st.auth.spf() != null ? st.auth.spf() : ar.first("spf");
    String dkim = st.auth.dkim() != null ? st.auth.dkim() : ar.first("dkim");
    String dmarc = st.auth.dmarc() != null ? st.auth.dmarc() : ar.first("dmarc");
    // the row says what the sign cites: any compauth=fail, else the first composite result
    String compauth =
        st.compositeFailed
            ? "fail"
            : st.auth.compauth() != null ? st.auth.compauth() : ar.first("compauth");
    // the signers of the results the DKIM column shows (the first results that had one)
    List<String> shownSigners =
        st.auth.dkim() != null
            ? st.auth.dkimSigners()
            : signers.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
    st.auth = new MailReport.Authentication(spf, dkim, dmarc, compauth, shownSigners);
  }

  /**
   * Whether one receiver's results read as forwarding: its first SPF result failed (fail or
   * softfail) for an envelope domain, and a DKIM signature of that same registrable domain passed.
   * A relay between the sender and the reader's server (the reader's own forwarding address, a
   * university's alias) sends the message on from its own address, which the envelope's SPF record
   * does not list, while the signature travels with the message unchanged. Nothing is gained by
   * forging it: a signature of the envelope's own domain is what the same sender would have shown
   * by sending straight (SPF passing too); a pass for any other domain, a failing DMARC result or
   * results written below the receiver's change nothing.
   */
  static boolean forwarded(AuthResults ar) {
    List<AuthResults.Result> spf = ar.of("spf");
    if (spf.isEmpty() || !bad(spf.get(0).result())) {
      return false;
    }
    String envelope = spf.get(0).domain("smtp.mailfrom");
    if (envelope == null) {
      return false;
    }
    String own = registrable(envelope);
    for (AuthResults.Result r : ar.of("dkim")) {
      String d = r.domain("header.d") != null ? r.domain("header.d") : r.domain("header.i");
      if (r.passed() && d != null && registrable(d).equals(own)) {
        return true;
      }
    }
    return false;
  }

  /** SPF failed at the receiver, and not as forwarding does ({@link State#spfForwarded}). */
  private static boolean spfFailed(State st) {
    return bad(st.auth.spf()) && !st.spfForwarded;
  }

  // ---- body ----------------------------------------------------------------------------------

  private void walk(Entity e, int depth, State st) {
    if (st.outOfTime()) {
      return;
    }
    if (++st.parts > limits.maxParts()) {
      if (st.parts == limits.maxParts() + 1) {
        st.beyondLimit(
            "MIME parts " + limits.maxParts(),
            "more than "
                + limits.maxParts()
                + " MIME parts: the first "
                + limits.maxParts()
                + " were read, the rest were not",
            "MIME パートが "
                + limits.maxParts()
                + " 個を超えています。最初の "
                + limits.maxParts()
                + " 個を読み、残りは読んでいません");
      }
      return;
    }
    if (depth > limits.maxDepth()) {
      st.beyondLimit(
          "MIME nesting " + limits.maxDepth(),
          "MIME parts nested deeper than "
              + limits.maxDepth()
              + ": the parts below that depth were not read",
          "MIME パートの入れ子が " + limits.maxDepth() + " 段を超えています。それより深いパートは読んでいません");
      return;
    }
    Body body = e.getBody();
    if (body instanceof Multipart mp) {
      st.report |=
          MailBounce.deliveryReport(e.getMimeType(), e.getHeader().getField("Content-Type"));
      for (Entity part : mp.getBodyParts()) {
        walk(part, depth + 1, st);
      }
      return;
    }
    if (body instanceof Message inner) {
      inner(inner, depth, st);
      return;
    }
    String type = e.getMimeType() == null ? "" : e.getMimeType().toLowerCase(Locale.ROOT);
    if (depth > 0
        && (e.getHeader().getField("Received") != null
            || e.getHeader().getField("Message-ID") != null)) {
      // a part whose own header is a message's: the header of a returned message written where
      // the report's part header should be (Sendmail and others leave out the part's Content-Type)
      st.returnedHeader = true;
    }
    if ((MailBounce.STATUS_TYPES.contains(type) || MailBounce.RETURNED_TYPES.contains(type))
        && body instanceof SingleBody single
        && !(body instanceof TextBody)) {
      // a bounce's machine-readable part (message/delivery-status is no text type to the reader)
      String content;
      try (InputStream in = single.getInputStream()) {
        content = new String(in.readNBytes(TEXT_PART), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException ex) {
        st.problem(
            "unreadable",
            "配送状態のパートを読めません: " + ex.getMessage(),
            "the delivery-status part cannot be read: " + ex.getMessage());
        return;
      }
      returnedPart(type, content, st);
      return;
    }
    String filename = e.getFilename();
    boolean attachment =
        filename != null
            || "attachment".equalsIgnoreCase(e.getDispositionType())
            || !(body instanceof TextBody);
    if (!attachment && body instanceof TextBody text) {
      String guessed = MailCharsets.undeclared(e) ? MailCharsets.guess(text, TEXT_PART) : null;
      String content = guessed != null ? guessed : read(text, st);
      if (content.length() >= TEXT_PART || (guessed != null && sizeOf(text) > TEXT_PART)) {
        // what follows the part's first millions of characters (a lure's link, its form) is not
        // read: padding that long is itself the sign
        st.beyondLimit(
            "text part " + TEXT_PART,
            "a text part longer than "
                + MailReport.grouped(TEXT_PART)
                + " characters: its first "
                + MailReport.grouped(TEXT_PART)
                + " were read, the rest of it was not",
            "本文のパート 1 つが "
                + MailReport.grouped(TEXT_PART)
                + " 文字を超えています。最初の "
                + MailReport.grouped(TEXT_PART)
                + " 文字を読み、残りは読んでいません");
      }
      if ("text/html".equals(type)) {
        html(content, st);
      } else if (MailBounce.STATUS_TYPES.contains(type)
          || MailBounce.RETURNED_TYPES.contains(type)) {
        returnedPart(type, content, st);
      } else if (st.bounceSender && MailBounce.inlineCopy(content.toLowerCase(Locale.ROOT)) >= 0) {
        // a report written as text, the returned message after it (qmail, Exim, Gmail's old form)
        int at = MailBounce.inlineCopy(content.toLowerCase(Locale.ROOT));
        String report = content.substring(0, at);
        String copy = content.substring(at);
        st.text(QUOTED.matcher(report).replaceAll(""));
        st.returnedText(QUOTED.matcher(copy).replaceAll(""));
        st.words(content);
        urls(report, "text", st);
        int links = st.links.size();
        urls(copy, "text", st);
        st.returnedActs |= st.returnedLinksSince(links);
      } else {
        // lines quoted from earlier mail (> ...) are the conversation's, not this sender's words
        st.text(QUOTED.matcher(content).replaceAll(""));
        forwarded(MailInlineForwards.plain(content), st);
        int words = wordCount(content);
        st.words(content, words);
        urls(content, "text", st);
        int bare = bareLinks(content);
        if (bare > 0) {
          st.barePlainLinks = Math.max(st.barePlainLinks, bare);
        } else if (words > 0) {
          st.plainSpeaks = true;
        }
      }
      return;
    }
    if (body instanceof SingleBody single) {
      byte[] data;
      try (InputStream in = single.getInputStream()) {
        data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes()));
      } catch (IOException ex) {
        st.problem(
            "unreadable",
            "添付ファイル " + filename + " を読めません: " + ex.getMessage(),
            "attachment " + filename + " cannot be read: " + ex.getMessage());
        return;
      }
      if (MailOutlook.compoundFile(data, data.length)) {
        Message outlook = outlookAttachment(data, filename, type, st);
        if (outlook != null) {
          // an Outlook item attached to a forward ("forward as attachment" from Outlook): judged
          // as an attached message/rfc822 is, its recipients redacted from a shared copy alike
          try {
            inner(outlook, depth, st);
          } finally {
            outlook.dispose();
          }
          return;
        }
      }
      MailReport.Attachment a =
          attachment(filename == null ? "(no name)" : filename, e.getMimeType(), data, 0, st);
      st.attachments.add(a);
      if (st.bounceSender
          && "text/plain".equals(type)
          && MailBounce.headerFile(
              new String(
                  data,
                  0,
                  Math.min(data.length, 65_536),
                  java.nio.charset.StandardCharsets.ISO_8859_1))) {
        // the returned message's header, attached as a text file by some delivery software
        st.returnedHeader = true;
      }
    }
  }

  /**
   * A forwarded or attached message (message/rfc822, or an Outlook item read as one): its own
   * attachments and links count too. Its text is marked, so that a bounce returning it can tell it
   * from its own report (see bounce).
   */
  private void inner(Message inner, int depth, State st) {
    int start = st.text.length();
    int links = st.links.size();
    int attachments = st.attachments.size();
    st.inReturned++;
    forwardedRecipients(inner, st);
    try {
      walk(inner, depth + 1, st);
    } finally {
      st.inReturned--;
    }
    st.returned.add(new int[] {start, st.text.length()});
    st.returnedActs |= st.returnedLinksSince(links) | st.attachments.size() > attachments;
  }

  /**
   * An attachment that is an Outlook message, as the message it stands for; null when it is some
   * other Compound File (a Word .doc) or cannot be read (then said when it claimed to be one).
   */
  private Message outlookAttachment(byte[] data, String filename, String type, State st) {
    String name = filename == null ? "(no name)" : filename;
    try {
      MailOutlook.Read read = MailOutlook.read(data, data.length);
      for (MailReport.Problem p : read.notes()) {
        st.problem(p.kind(), "添付 " + name + ": " + p.ja(), "attachment " + name + ": " + p.en());
      }
      forwarded(new MailInlineForwards.Recipients(read.tableAddresses(), read.tableNames()), st);
      return MailMime.parse(new ByteArrayInputStream(read.mime()), config(), limits.maxDepth());
    } catch (MailOutlook.NotOutlook ex) {
      if (type.equals("application/vnd.ms-outlook")
          || name.toLowerCase(Locale.ROOT).endsWith(".msg")) {
        st.problem(
            "unreadable",
            "添付 " + name + ": " + ex.ja,
            "attachment " + name + ": " + ex.getMessage());
      }
      return null;
    } catch (IOException | RuntimeException ex) {
      st.problem(
          "unreadable",
          "添付 " + name + ": Outlook のファイルから組み立てたメッセージを読めません: " + ex.getMessage(),
          "attachment "
              + name
              + ": the message rebuilt from the Outlook file cannot be read: "
              + ex.getMessage());
      return null;
    }
  }

  /** The bytes of a body, or 0 when they cannot be counted. */
  private static long sizeOf(SingleBody body) {
    try {
      return body.size();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * A bounce's delivery-status part, or the header (or whole) of the message it returns: read as
   * text, marked as returned (see {@link #bounce}).
   */
  private static void returnedPart(String type, String content, State st) {
    st.deliveryStatus |=
        MailBounce.STATUS_TYPES.contains(type) && MailBounce.deliveryStatus(content);
    if (MailBounce.STATUS_TYPES.contains(type)) {
      st.statusReplies.addAll(MailBounce.replyLines(content.toLowerCase(Locale.ROOT)));
      st.statusStretches.add(st.text.length());
    }
    st.returnedText(QUOTED.matcher(content).replaceAll(""));
    st.words(content);
    int links = st.links.size();
    urls(content, "text", st);
    st.returnedActs |= st.returnedLinksSince(links) && MailBounce.RETURNED_TYPES.contains(type);
  }

  /** Links of one message read and judged at most (see {@link State#link}). */
  static final int MAX_LINKS = 2_000;

  /**
   * Links kept past {@link #MAX_LINKS}, each for a registrable domain no kept link has: the cost of
   * a padded message stays bounded and its lure's domain is still judged.
   */
  static final int MAX_LINK_DOMAINS_PAST = 200;

  /** The registrable domain of a link's host, or null when it has none. */
  static String linkDomain(String url) {
    String h = host(url);
    return h == null ? null : registrable(h);
  }

  /** Characters of one text part read at most (a little more: the last read is kept whole). */
  static final int TEXT_PART = 4_000_000;

  /**
   * The class of the text bodies mime4j's reader makes ({@code BasicBodyFactory}'s, from the part's
   * bytes and the charset it resolved): their {@code getReader()} is an {@code InputStreamReader}
   * over {@code getInputStream()} in {@code getCharset()}.
   */
  private static final Class<?> PARSED_TEXT = parsedTextClass();

  private static Class<?> parsedTextClass() {
    try {
      return new org.apache.james.mime4j.message.BasicBodyFactory()
          .textBody(InputStream.nullInputStream(), "us-ascii")
          .getClass();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(TextBody text, State st) {
    String whole = decodedWhole(text);
    if (whole != null) {
      String wider = MailWiderCharsets.reread(text, whole, TEXT_PART);
      return wider != null ? wider : whole;
    }
    try {
      String asRead = readByReader(text);
      String wider = MailWiderCharsets.reread(text, asRead, TEXT_PART);
      return wider != null ? wider : asRead;
    } catch (IOException | RuntimeException e) {
      st.problem(
          "unreadable",
          "本文のパートを文字コード " + text.getMimeCharset() + " で読めません: " + e.getMessage(),
          "a text part cannot be decoded (" + text.getMimeCharset() + "): " + e.getMessage());
      return "";
    }
  }

  /**
   * Charsets whose one-step decoding replaces malformed input exactly as their Reader does (checked
   * on random bytes in {@code MailParsingTest}). Not ISO-2022-JP: its decoder keeps state between
   * the Reader's reads, and after a stray escape the two differ.
   */
  private static final Set<java.nio.charset.Charset> ONE_STEP_CHARSETS = oneStepCharsets();

  private static Set<java.nio.charset.Charset> oneStepCharsets() {
    Set<java.nio.charset.Charset> out = new java.util.HashSet<>();
    for (String name :
        List.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252", "Shift_JIS", "EUC-JP")) {
      if (java.nio.charset.Charset.isSupported(name)) {
        out.add(java.nio.charset.Charset.forName(name));
      }
    }
    return Set.copyOf(out);
  }

  /**
   * A text part mime4j parsed, decoded in one step from its bytes (malformed input replaced as its
   * Reader replaces it), when it cannot reach {@link #TEXT_PART} characters; else null (then {@link
   * #readByReader}).
   */
  static String decodedWhole(TextBody text) {
    try {
      java.nio.charset.Charset cs = text.getCharset();
      if (text.getClass() == PARSED_TEXT
          && ONE_STEP_CHARSETS.contains(cs)
          && text.size() * (double) cs.newDecoder().maxCharsPerByte() < TEXT_PART) {
        try (InputStream in = text.getInputStream()) {
          return new String(allBytes(in, text.size()), cs);
        }
      }
    } catch (IOException | RuntimeException e) {
      // read through its Reader, as any other body
    }
    return null;
  }

  /**
   * All the bytes of {@code in}, read into one array of the size the body says it has ({@code
   * readAllBytes} reads a stream of unknown length in chunks and copies them together); a stream
   * shorter or longer than said is read whole all the same. The end is found by reading one byte
   * past the size, not by {@code readAllBytes}, which takes an 8 KB buffer to find nothing.
   */
  static byte[] allBytes(InputStream in, long size) throws IOException {
    if (size <= 0 || size > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] b = new byte[(int) size];
    int n = in.readNBytes(b, 0, b.length);
    if (n < b.length) {
      return java.util.Arrays.copyOf(b, n);
    }
    int next = in.read();
    if (next < 0) {
      return b;
    }
    byte[] rest = in.readAllBytes();
    byte[] all = java.util.Arrays.copyOf(b, b.length + 1 + rest.length);
    all[b.length] = (byte) next;
    System.arraycopy(rest, 0, all, b.length + 1, rest.length);
    return all;
  }

  /** A text part through its Reader, up to {@link #TEXT_PART} characters (the last read whole). */
  static String readByReader(TextBody text) throws IOException {
    try (Reader r = text.getReader()) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) > 0 && b.length() < TEXT_PART) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }

  // the selectors the HTML checks use, parsed once; none looks at ancestors (the "inside a link"
  // ones are tested by walking up from the element), so none keeps state between documents
  static final Evaluator A_HREF = QueryParser.parse("a[href]");
  private static final Evaluator AREA_HREF = QueryParser.parse("area[href]");
  private static final Evaluator LINK = QueryParser.parse("a[href], area[href]");
  private static final Evaluator INPUT = QueryParser.parse("input");
  private static final Evaluator REFRESH = QueryParser.parse("meta[http-equiv~=(?i)refresh]");
  private static final Evaluator IMG = QueryParser.parse("img");
  private static final Evaluator STYLED = QueryParser.parse("[style], [hidden]");
  private static final Evaluator FORM_ACTION = QueryParser.parse("form[action]");
  private static final Evaluator BASE_HREF = QueryParser.parse("base[href]");

  /** An element inside a link: one of its ancestors is an {@code a} with an {@code href}. */
  private static boolean inLink(Document doc, org.jsoup.nodes.Element e) {
    for (org.jsoup.nodes.Element p = e.parent(); p != null && p != doc; p = p.parent()) {
      if (A_HREF.matches(doc, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The lower-case names of the elements the selectors of {@link HtmlElements} but {@link #STYLED}
   * can match (a type selector matches an element only of that name, in any case): the others are
   * not tried against them; and an element without attributes is not tried against {@link #STYLED}.
   */
  private static final Set<String> MAY_BE_SELECTED = Set.of("a", "area", "input", "img", "meta");

  /**
   * The elements of one HTML part that the checks read, collected in one walk over the document in
   * document order: what {@code select} found with one walk per selector before.
   */
  static final class HtmlElements {
    /** {@code a[href] area[href], a[href] map area[href]}: image-map areas inside a link. */
    final List<org.jsoup.nodes.Element> areasInLinks = new ArrayList<>();

    /** {@code a[href], area[href]}. */
    final List<org.jsoup.nodes.Element> links = new ArrayList<>();

    /** {@code input}. */
    final List<org.jsoup.nodes.Element> inputs = new ArrayList<>();

    /** {@code [style], [hidden]}. */
    final List<org.jsoup.nodes.Element> styled = new ArrayList<>();

    /** Some {@code meta[http-equiv~=(?i)refresh]}. */
    boolean refresh;

    /** {@code a[href] img}: images inside links. */
    int imagesInLinks;

    /**
     * {@code form[action]}, collected in the same walk (a walk of its own with the selector parsed
     * again for every HTML part cost more than the rest of this walk).
     */
    final List<org.jsoup.nodes.Element> formsWithAction = new ArrayList<>();

    /** The first {@code base[href]}, or null. */
    org.jsoup.nodes.Element base;

    /**
     * One walk of the document: an SVG link is given its {@code href} first ({@link
     * #clickableAsWritten}, which walked the document's links once more before), so that it is
     * selected as every other link; its ancestors come before it in the walk and were given theirs.
     */
    HtmlElements(Document doc) {
      for (org.jsoup.nodes.Element e : elements(doc)) {
        if (e.nameIs("a")) {
          clickableAsWritten(e);
        } else if (base == null && e.nameIs("base") && BASE_HREF.matches(doc, e)) {
          base = e;
        }
        if (MAY_BE_SELECTED.contains(e.normalName())) {
          if (LINK.matches(doc, e)) {
            links.add(e);
            if (AREA_HREF.matches(doc, e) && inLink(doc, e)) {
              areasInLinks.add(e);
            }
          } else if (INPUT.matches(doc, e)) {
            inputs.add(e);
          } else if (IMG.matches(doc, e) && inLink(doc, e)) {
            imagesInLinks++;
          } else if (!refresh && REFRESH.matches(doc, e)) {
            refresh = true;
          }
        } else if (e.nameIs("form") && FORM_ACTION.matches(doc, e)) {
          formsWithAction.add(e);
        }
        if (e.attributesSize() > 0 && STYLED.matches(doc, e)) {
          styled.add(e);
        }
      }
    }
  }

  /**
   * Every element of {@code root}, {@code root} first, in document order: what {@code
   * getAllElements()} lists, by a walk of the child lists (jsoup's collector, through its node
   * iterator and sibling indexes, cost 2 % of modern HTML mail's analysis, speed32). Its own stack,
   * not recursion: jsoup nests elements 512 deep at most, and the walk holds no more than the
   * elements waiting their turn.
   */
  static List<org.jsoup.nodes.Element> elements(org.jsoup.nodes.Element root) {
    List<org.jsoup.nodes.Element> out = new ArrayList<>();
    ArrayDeque<org.jsoup.nodes.Element> next = new ArrayDeque<>();
    next.push(root);
    while (!next.isEmpty()) {
      org.jsoup.nodes.Element e = next.pop();
      out.add(e);
      for (int i = e.childNodeSize() - 1; i >= 0; i--) {
        if (e.childNode(i) instanceof org.jsoup.nodes.Element child) {
          next.push(child);
        }
      }
    }
    return out;
  }

  private void html(String html, State st) {
    Document doc = org.jsoup.parser.Parser.htmlParser().parseInput(new UntilDeadline(html, st), "");
    HtmlElements found = new HtmlElements(doc);
    for (org.jsoup.nodes.Element area : found.areasInLinks) {
      // an image map inside a link: the status bar shows the link, a click follows the map
      String shown = area.closest(A_HREF).attr("href").strip();
      String clicked = area.attr("href").strip();
      String shownHost = host(refang(shown));
      String clickedHost = host(refang(clicked));
      if (shownHost != null
          && clickedHost != null
          && !registrable(shownHost).equals(registrable(clickedHost))) {
        st.flag(RedFlag.LINK_TEXT_MISMATCH, shown + " → " + clicked);
      }
    }
    String base = baseHref(found.base);
    for (org.jsoup.nodes.Element a : found.links) {
      if (st.outOfTime()) {
        break;
      }
      String href = clickable(a, base);
      String text = a.text().strip();
      String lower = href.toLowerCase(Locale.ROOT);
      if (offersUnsubscribe(lower) || offersUnsubscribe(text.toLowerCase(Locale.ROOT))) {
        unsubscribeDomain(
            lower.startsWith("mailto:") ? domain(lower.substring(7)) : host(lower), st);
      }
      if (lower.startsWith("data:") || lower.startsWith("javascript:")) {
        st.flag(RedFlag.SUSPICIOUS_LINK, jp.renkei.engine.text.Names.cut(href, 60));
        continue;
      }
      if (href.isEmpty() || href.startsWith("#") || lower.startsWith("mailto:")) {
        continue;
      }
      if (!st.link(new MailReport.Link(refang(href), text, "html"))) {
        // past the limit: the links of domains already kept are not judged again
        continue;
      }
      String shownHost = shownHost(text);
      if (shownHost == null) {
        continue;
      }
      String shownTarget = MailSigns.mailGateway(shownHost) ? gatewayTarget(text) : null;
      if (shownTarget != null) {
        // the words are a link the reader's gateway rewrote (a quoted reply from a Proofpoint
        // customer shows urldefense.com/v3/__https://site/__): they show the site it wraps
        shownHost = host(shownTarget);
      }
      String realHost = host(refang(href));
      String target = MailSigns.redirectTarget(refang(href), realHost);
      String targetHost = target == null ? null : host(target);
      if (targetHost != null && MailSigns.mailGateway(realHost)) {
        // the reader's own mail gateway rewrote the link (Safe Links, URL Defense, Mimecast): the
        // sender wrote the target, so the text is compared with the target alone
        if (textMismatch(st, shownHost, targetHost, target, text)) {
          st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href + " → " + target);
        }
      } else if (textMismatch(st, shownHost, realHost, href, text)) {
        st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href);
      } else if (targetHost != null && textMismatch(st, shownHost, targetHost, target, text)) {
        // an open redirect the sender chose (google.com/url?q=): both the redirect and where it
        // leads are compared with the text, so a lure never loses the sign by being wrapped
        st.flag(RedFlag.LINK_TEXT_MISMATCH, text + " → " + href + " → " + target);
      }
    }
    for (org.jsoup.nodes.Element in : found.inputs) {
      // a search or subscription form is common in newsletters; a secret asked for is not
      if (in.attr("type").equalsIgnoreCase("password")
          || SECRET_INPUT.matcher(in.attr("name")).find()) {
        org.jsoup.nodes.Element form = in.closest("form");
        String action = form == null ? "" : form.attr("action");
        st.flag(
            RedFlag.HTML_FORM, "<form action=" + action + "> <input name=" + in.attr("name") + ">");
        break;
      }
    }
    if (found.refresh) {
      st.flag(RedFlag.HTML_FORM, "<meta http-equiv=refresh>");
      for (org.jsoup.nodes.Element meta : doc.select(REFRESH)) {
        // the page the reader is sent to is a link of the message, judged as the others
        Matcher to = REFRESH_URL.matcher(meta.attr("content"));
        if (to.find()) {
          String url = clickable(to.group(1), base);
          if (host(refang(url)) != null) {
            st.link(new MailReport.Link(refang(url), null, "html refresh"));
          }
        }
      }
    }
    for (org.jsoup.nodes.Element form : found.formsWithAction) {
      if (st.formActions.size() < 10) {
        st.formActions.add(form.attr("action"));
      }
    }
    String text = doc.text();
    forwarded(MailInlineForwards.html(html, text), st);
    st.text(withZeroWidthSpaces(doc, text));
    int htmlWords = wordCount(text);
    st.words(text, htmlWords);
    st.htmlWords += htmlWords;
    st.linkedImages += found.imagesInLinks;
    urls(text, "html text", st);
    String scanned = colonBeforeFourDigits(html) ? html : "";
    Matcher far = OUT_OF_SIGHT.matcher(scanned);
    for (int from = 0; (from = nextOutOfSight(far, scanned, from)) >= 0; ) {
      long v = Long.parseLong(far.group(2).length() > 9 ? "999999999" : far.group(2));
      if (far.group(3).equalsIgnoreCase("px") ? v >= OUT_OF_SIGHT_PX : v >= OUT_OF_SIGHT_VIEW) {
        // the text the filters read is moved a screen-height times a thousand down: the reader
        // sees a different message from the one judged
        st.flag(RedFlag.HIDDEN_TEXT, far.group().strip());
        break;
      }
    }
    hiddenText(doc, found.styled, st);
  }

  /** The address a gateway-wrapped URL written as a link's words leads to, or null. */
  private static String gatewayTarget(String text) {
    String url = refang(text.strip());
    String target = MailSigns.redirectTarget(url, host(url));
    return target == null || host(target) == null ? null : target;
  }

  /**
   * A link's text naming a host (shownHost) the link does not lead to (realHost, reached by href):
   * neither the same site nor a subdomain of it, nor a tracker's redirect in bulk mail, nor the
   * sender's own other site.
   */
  private boolean textMismatch(
      State st, String shownHost, String realHost, String href, String text) {
    return realHost != null
        && !(TRACKING_PATH.matcher(href).find() && st.bulk())
        && !ownSite(st, realHost, shownHost, href, text)
        && !sameOrSubdomain(realHost, shownHost)
        && !registrable(realHost).equals(registrable(shownHost))
        && !MailSigns.hostIn(realHost, MailSigns.TRACKERS)
        && !MailSigns.hostIn(registrable(realHost), MailSigns.TRACKERS)
        && !sendersMailService(st, shownHost, realHost)
        && !MailSignerLinks.signersClickCounter(realHost, shownHost, href, passedSigners(st))
        && !allowed.contains(realHost);
  }

  /** The registrable domains of the DKIM signatures the trusted results say passed. */
  private static Set<String> passedSigners(State st) {
    Set<String> out = new java.util.HashSet<>();
    for (String d : st.auth.dkimSigners()) {
      out.add(registrable(d.toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /**
   * The sender's own mail service counting the clicks on its newsletter: the words show the
   * sender's own domain, which authenticated, and the link goes to the domain of the message's
   * envelope sender (Return-Path), the service that sent the mail for it and tracks its links
   * (amxe.net for Newsletter2Go). A lure cannot authenticate the domain its words show.
   */
  private static boolean sendersMailService(State st, String shownHost, String realHost) {
    String from = domain(st.from);
    String envelope = st.returnPath == null ? null : domain(st.returnPath);
    return from != null
        && envelope != null
        && registrable(shownHost).equals(registrable(from))
        && registrable(realHost).equals(registrable(envelope))
        && aligned(st, registrable(from));
  }

  /** The target of a {@code <meta http-equiv=refresh content="0; url=...">}. */
  static final Pattern REFRESH_URL = Pattern.compile("(?i)url\\s*+=\\s*+['\"]?+([^'\"\\s]++)");

  /**
   * An SVG link ({@code <a xlink:href>}, which HTML mail readers that draw SVG follow) given the
   * {@code href} attribute it lacks, so that it is read and judged as every other link (attack21b:
   * a lure whose only link was an SVG one had no link sign).
   */
  static void clickableAsWritten(org.jsoup.nodes.Element a) {
    if (!a.hasAttr("href") && a.hasAttr("xlink:href")) {
      a.attr("href", a.attr("xlink:href"));
    }
  }

  /**
   * The first {@code <base href>} of the document when it is an absolute http(s) URL, else null:
   * the reader's client resolves the message's relative links against it, so a lure can write its
   * domain there once and every link as "login" (the "baseStriker" trick).
   */
  static String baseHref(org.jsoup.nodes.Element b) {
    if (b == null) {
      return null;
    }
    String href = clickable(b.attr("href"), null);
    return host(refang(href)) == null ? null : href;
  }

  /**
   * The target of a link as the reader's client follows it (see {@link #clickable(String,
   * String)}).
   */
  static String clickable(org.jsoup.nodes.Element a, String base) {
    return clickable(a.attr("href"), base);
  }

  /**
   * A link's target as a browser follows it (the WHATWG URL rules): tabs and line breaks anywhere
   * in it dropped, spaces and control characters around it stripped, backslashes read as slashes in
   * an http(s) URL, and a relative target resolved against the document's {@code <base href>}.
   * Written otherwise, "ht&lt;tab&gt;tps://evil.example/", "https:\\evil.example\\login" or "login"
   * under a base on evil.example hid the link's host from every link sign (attack21b).
   */
  static String clickable(String written, String base) {
    String href = written;
    if (href.indexOf('\t') >= 0 || href.indexOf('\n') >= 0 || href.indexOf('\r') >= 0) {
      href = href.replace("\t", "").replace("\n", "").replace("\r", "");
    }
    href = stripControls(href);
    String lower = href.toLowerCase(Locale.ROOT);
    if ((lower.startsWith("http:") || lower.startsWith("https:")) && href.indexOf('\\') >= 0) {
      int end = href.length();
      for (char c : new char[] {'?', '#'}) {
        int at = href.indexOf(c);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      href = href.substring(0, end).replace('\\', '/') + href.substring(end);
    }
    if (base != null
        && !href.isEmpty()
        && !href.startsWith("#")
        && !SCHEME.matcher(href).lookingAt()) {
      try {
        href = java.net.URI.create(base).resolve(href.replace(" ", "%20")).toString();
      } catch (IllegalArgumentException notAUri) {
        // left as written: judged without the base
      }
    }
    return href;
  }

  /** A URL scheme at the start of a link ("https:", "mailto:", "javascript:"). */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,31}:");

  /** {@code s} without the spaces and C0 control characters a browser strips around a URL. */
  static String stripControls(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) <= ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * An HTML body as jsoup reads it, ending early once the analysis's deadline has passed: jsoup's
   * parse cannot be stopped otherwise, and a body of a few megabytes of tags held the analysis for
   * seconds past its deadline. jsoup builds the document from what it was given (the limit is
   * reported; the other parts and the headers are kept).
   */
  static final class UntilDeadline extends java.io.Reader {
    private final String html;
    private final State st;
    private int at;

    UntilDeadline(String html, State st) {
      this.html = html;
      this.st = st;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at >= html.length() || st.outOfTime()) {
        return -1;
      }
      int n = Math.min(len, html.length() - at);
      html.getChars(at, at + n, buf, off);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  /**
   * A style that moves content out of sight: a margin, offset or height in the tens of thousands of
   * pixels or thousands of screen heights. Layout needs neither (text-indent: -9999px, the old
   * image-replacement trick, is not counted).
   */
  static final Pattern OUT_OF_SIGHT =
      Pattern.compile(
          "(?i)(?<![\\w-])(margin-top|margin-bottom|padding-top|top|height|min-height)\\s*:\\s*(\\d{4,})(px|vh|em|%)");

  /**
   * Whether a colon followed by white space and four digits occurs, which every match of {@link
   * #OUT_OF_SIGHT} holds: most HTML has none, and then the case-blind pattern is not tried at each
   * of its characters.
   */
  static boolean colonBeforeFourDigits(String html) {
    for (int i = html.indexOf(':'); i >= 0; i = html.indexOf(':', i + 1)) {
      int j = i + 1;
      while (j < html.length() && isRegexSpace(html.charAt(j))) {
        j++;
      }
      int digits = 0;
      while (j < html.length() && digits < 4 && html.charAt(j) >= '0' && html.charAt(j) <= '9') {
        j++;
        digits++;
      }
      if (digits == 4) {
        return true;
      }
    }
    return false;
  }

  /** The lengths of the property names of {@link #OUT_OF_SIGHT}, longest first. */
  private static final int[] OUT_OF_SIGHT_NAMES = {13, 11, 10, 6, 3};

  /**
   * The next match of {@link #OUT_OF_SIGHT} in {@code html} at or after {@code from} (left in
   * {@code m}, a matcher over {@code html}), as {@code find()} finds it, and its end; -1 when there
   * is none. A match is a property name, white space, a colon (the first after the name), white
   * space and four digits or more, so it is tried only where a name of one of the five lengths ends
   * before such a colon, in order of where it starts.
   */
  static int nextOutOfSight(Matcher m, String html, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = html.length();
    for (int i = html.indexOf(':', from); i >= 0; i = html.indexOf(':', i + 1)) {
      int j = i + 1;
      while (j < n && isRegexSpace(html.charAt(j))) {
        j++;
      }
      int digits = 0;
      while (j < n && digits < 4 && html.charAt(j) >= '0' && html.charAt(j) <= '9') {
        j++;
        digits++;
      }
      if (digits < 4) {
        continue;
      }
      int nameEnd = i;
      while (nameEnd > 0 && isRegexSpace(html.charAt(nameEnd - 1))) {
        nameEnd--;
      }
      for (int length : OUT_OF_SIGHT_NAMES) {
        int at = nameEnd - length;
        if (at >= from) {
          m.region(at, n);
          if (m.lookingAt()) {
            return m.end();
          }
        }
      }
    }
    return -1;
  }

  /** What {@code \\s} matches (without Pattern.UNICODE_CHARACTER_CLASS). */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  static final int OUT_OF_SIGHT_PX = 20_000;
  static final int OUT_OF_SIGHT_VIEW = 1_000;

  /**
   * Text the reader does not see (hidden by inline style) that is long and mostly unlike the
   * visible text: words written for the filters (hash-busting), not for the reader. Called last: it
   * removes the hidden elements from the document.
   */
  private static void hiddenText(Document doc, List<org.jsoup.nodes.Element> styled, State st) {
    List<org.jsoup.nodes.Element> hidden = new ArrayList<>();
    Matcher hiddenStyle = hiddenStyleMatcher();
    for (org.jsoup.nodes.Element e : styled) {
      if (e.hasAttr("hidden") || hiddenStyle(e.attr("style"), hiddenStyle)) {
        hidden.add(e); // the inner ones of a hidden element go with it
      }
    }
    if (hidden.isEmpty()) {
      return;
    }
    StringBuilder h = new StringBuilder();
    // one matcher of each for all the inner elements of the document, reset to each style
    Matcher readable = null;
    Matcher shown = null;
    for (org.jsoup.nodes.Element e : hidden) {
      if (e.ownerDocument() == null) {
        continue; // inside a hidden element already removed
      }
      String style = e.attr("style");
      if (e.hasAttr("hidden") || HIDDEN_WHOLE.matcher(style).find()) {
        h.append(e.text()).append(' ');
        e.remove();
        continue;
      }
      // a tiny font size or visibility: hidden is undone by an inner element that sets its own:
      // layout frameworks set font-size: 0 on the cells of a row of columns (to close the gaps
      // between them) and the readable size again on the text inside
      List<org.jsoup.nodes.TextNode> parts = new ArrayList<>();
      if (readable == null) {
        readable = READABLE_FONT.matcher("");
        shown = VISIBLE.matcher("");
      }
      hiddenParts(
          e,
          TINY_FONT.matcher(style).find(),
          INVISIBLE.matcher(style).find(),
          parts,
          0,
          readable,
          shown);
      for (org.jsoup.nodes.TextNode t : parts) {
        if (t.ownerDocument() != null) {
          h.append(t.text()).append(' ');
          t.remove();
        }
      }
    }
    List<String> words = words(h.toString().toLowerCase(Locale.ROOT));
    st.hiddenWords += words.size();
    if (words.size() < HIDDEN_WORDS) {
      return;
    }
    Set<String> visible = new java.util.HashSet<>(words(doc.text().toLowerCase(Locale.ROOT)));
    List<String> unseen = words.stream().filter(w -> !visible.contains(w)).toList();
    if (unseen.size() >= HIDDEN_UNSEEN && unseen.size() * 2 >= words.size()) {
      String quoted =
          "\"" + String.join(" ", unseen.subList(0, Math.min(8, unseen.size()))) + " …\"";
      st.flag(
          RedFlag.HIDDEN_TEXT,
          unseen.size() + " of " + words.size() + " hidden words not shown elsewhere: " + quoted,
          "隠された " + words.size() + " 語のうち、見える本文にない語 " + unseen.size() + " 語: " + quoted);
    }
  }

  /**
   * The text of {@code e} that stays hidden when {@code e} is hidden only by a tiny font size
   * ({@code small}) and/or {@code visibility: hidden} ({@code invisible}): every text inside it but
   * that of inner elements setting a readable size (and, under {@code visibility: hidden}, {@code
   * visibility: visible}) again. An inner element hidden in its own right is one of the styled
   * elements and is judged on its own. {@code readable} and {@code visible}: matchers of {@link
   * #READABLE_FONT} and {@link #VISIBLE}, reset to each inner style.
   */
  private static void hiddenParts(
      org.jsoup.nodes.Element e,
      boolean small,
      boolean invisible,
      List<org.jsoup.nodes.TextNode> out,
      int depth,
      Matcher readable,
      Matcher visible) {
    for (int i = 0; i < e.childNodeSize(); i++) {
      org.jsoup.nodes.Node c = e.childNode(i);
      if (c instanceof org.jsoup.nodes.TextNode t) {
        out.add(t);
      } else if (c instanceof org.jsoup.nodes.Element inner) {
        String style = inner.attr("style");
        // both patterns hold their property's name (case-blind in ASCII): a style without it is
        // not searched (regionMatches ignoring case accepts more, never less)
        boolean stillSmall = small && !(holds(style, "font") && readable.reset(style).find());
        boolean stillInvisible =
            invisible && !(holds(style, "visibility") && visible.reset(style).find());
        if ((stillSmall || stillInvisible) && depth < HIDDEN_DEPTH) {
          hiddenParts(inner, stillSmall, stillInvisible, out, depth + 1, readable, visible);
        } else if (stillSmall || stillInvisible) {
          out.addAll(inner.textNodes()); // deeper than any layout: its own text only
        }
      }
    }
  }

  /**
   * Whether {@code word} (lower-case ASCII, its first letter one that no other character equals
   * case-blind: not i, k or s, which the dotted capital I, the Kelvin sign and the long s equal) is
   * in {@code s}, case-blind. Compared only where the first letter stands in either case.
   */
  static boolean holds(String s, String word) {
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    for (int i = 0; i + word.length() <= s.length(); i++) {
      char c = s.charAt(i);
      if ((c == lower || c == upper) && s.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** How deep {@link #hiddenParts} follows nested elements (jsoup nests at most 512). */
  static final int HIDDEN_DEPTH = 256;

  /** The parts of {@link #HIDDEN_STYLE} that no inner element can undo. */
  static final Pattern HIDDEN_WHOLE =
      Pattern.compile(
          "(?i)display\\s*:\\s*none|max-height\\s*:\\s*0+(?:px)?\\s*(?:;|!|$)"
              + "|opacity\\s*:\\s*0(?:\\.0+)?\\s*(?:;|!|$)");

  /** The tiny font size of {@link #HIDDEN_STYLE}. */
  static final Pattern TINY_FONT =
      Pattern.compile("(?i)font-size\\s*:\\s*(?:0(?:\\.\\d+)?|1)\\s*(?:px|pt)?\\s*(?:;|!|$)");

  static final Pattern INVISIBLE = Pattern.compile("(?i)visibility\\s*:\\s*hidden");

  static final Pattern VISIBLE = Pattern.compile("(?i)visibility\\s*:\\s*visible");

  /**
   * A font size that can be read, set absolutely (a size relative to a tiny one stays tiny): two
   * pixels or points or more, rem, or a size keyword; also in the {@code font} shorthand.
   */
  static final Pattern READABLE_FONT =
      Pattern.compile(
          "(?i)(?<![\\w-])font(?:-size)?\\s*:[^;]*?(?<![\\d.])(?:[2-9]|\\d{2,})(?:\\.\\d+)?\\s*(?:px|pt)"
              + "|font-size\\s*:\\s*(?:\\d*\\.?\\d+\\s*rem|(?:xx?-)?small|medium|(?:xx?-)?large)");

  /**
   * Whether {@link #HIDDEN_STYLE} is found in a style attribute. Every alternative of the pattern
   * starts with one of five property names, so it is tried ({@code lookingAt}) only where one of
   * them starts, case-blind, and not at every character of every styled element (mail HTML styles
   * nearly every element inline). The names are compared by {@link String#regionMatches(boolean,
   * int, String, int, int)}, which accepts more than the pattern's ASCII case-blindness (a dotless
   * ı for i): more places tried, none missed.
   */
  static boolean hiddenStyle(String style) {
    return hiddenStyle(style, hiddenStyleMatcher());
  }

  /** A matcher of {@link #HIDDEN_STYLE} for {@link #hiddenStyle(String, Matcher)}. */
  static Matcher hiddenStyleMatcher() {
    return HIDDEN_STYLE.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * As {@link #hiddenStyle(String)}, with {@code m} (of {@link #hiddenStyleMatcher}) reset to the
   * style: one matcher for all the styled elements of a document, not one made for each (mail HTML
   * styles nearly every element, and making the matcher cost as much as the search).
   */
  static boolean hiddenStyle(String style, Matcher m) {
    boolean reset = false;
    int n = style.length();
    for (int i = 0; i < n; i++) {
      String name =
          switch (style.charAt(i)) {
            case 'd', 'D' -> "display";
            case 'v', 'V' -> "visibility";
            case 'f', 'F' -> "font-size";
            case 'm', 'M' -> "max-height";
            case 'o', 'O' -> "opacity";
            default -> null;
          };
      if (name != null && style.regionMatches(true, i, name, 0, name.length())) {
        if (!reset) {
          m.reset(style);
          reset = true;
        }
        if (m.region(i, n).lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a (lower-cased) link or link text has an unsubscribe word: {@link #UNSUBSCRIBE_TEXT}
   * found through the list words' automaton (one pass; a link with none of the words' starts is not
   * searched by the pattern at all).
   */
  static boolean offersUnsubscribe(String lower) {
    return LIST_WORDS.scan(lower).first(UNSUBSCRIBE_TEXT) != null;
  }

  /**
   * The evidence of {@link RedFlag#UNLISTED_BULK} in words: the unsubscribe line that is there, the
   * list headers that are not, and where the unsubscribe link goes against the sender's domain
   * (ux29 read "List-Unsubscribe / List-Id —, gmail.com ≠ —" as a code).
   */
  private static String unlistedBulk(String word, State st, boolean ja) {
    String links = String.join(", ", st.unsubscribeDomains);
    StringBuilder b = new StringBuilder();
    if (ja) {
      b.append("本文に \"").append(word).append("\" があるが、List-Unsubscribe も List-Id もヘッダーにない");
    } else {
      b.append("\"")
          .append(word)
          .append("\" in the text, but neither a List-Unsubscribe nor a List-Id header");
    }
    if (st.senderDomain == null) {
      b.append(ja ? "。差出人のドメインは読み取れない" : "; the sender's address has no domain that could be read");
      if (!links.isEmpty()) {
        b.append(ja ? "。配信停止のリンク先は " + links : "; the unsubscribe link goes to " + links);
      }
    } else if (!links.isEmpty() && !st.unsubscribeDomains.contains(st.senderDomain)) {
      b.append(
          ja
              ? "。配信停止のリンク先 " + links + " は差出人のドメイン " + st.senderDomain + " と違う"
              : "; the unsubscribe link goes to "
                  + links
                  + ", not to the sender's domain "
                  + st.senderDomain);
    } else if (FREEMAIL.contains(st.senderDomain)) {
      b.append(
          ja
              ? "。差出人 " + st.senderDomain + " は無料メールのドメインで、配信リストを運営するものではない"
              : "; the sender "
                  + st.senderDomain
                  + " is a free mail service's domain, which runs no mailing list");
    }
    return b.toString();
  }

  /** Records the registrable domain of a host or address domain unsubscribing goes through. */
  private static void unsubscribeDomain(String host, State st) {
    if (host == null) {
      return;
    }
    String h = AFTER_HOST.matcher(host).replaceFirst("");
    if (h.contains(".") && VALID_DOMAIN.matcher(h).matches()) {
      st.unsubscribeDomains.add(registrable(h));
    }
  }

  /**
   * The hosts of the links and addresses written near each unsubscribe line of the text ("To
   * unsubscribe, visit http://… / write to leave@…"): where the reader is sent to leave.
   */
  private static void unsubscribeNear(State st) {
    MailPhrases.Hits words = st.listWords();
    String text = words.text();
    for (int[] u : words.spans(UNSUBSCRIBE_TEXT, 20)) {
      String near =
          text.substring(
              Math.max(0, u[0] - UNSUBSCRIBE_NEAR / 2),
              Math.min(text.length(), u[1] + UNSUBSCRIBE_NEAR));
      Matcher l = URL.matcher(near);
      while (l.find()) {
        unsubscribeDomain(host(TRAILING_PUNCTUATION.matcher(refang(l.group())).replaceAll("")), st);
      }
      Matcher a = ADDRESS.matcher(near);
      while (a.find()) {
        unsubscribeDomain(domain(a.group()), st);
      }
    }
  }

  /** Characters after an unsubscribe word (half as many before it) searched for its link. */
  static final int UNSUBSCRIBE_NEAR = 300;

  private static void urls(String text, String where, State st) {
    Set<String> known = null;
    Matcher m = URL.matcher(text);
    for (int from = 0; (from = nextUrl(m, text, from)) >= 0; ) {
      String url = TRAILING_PUNCTUATION.matcher(refang(m.group())).replaceAll("");
      boolean defanged = !url.equals(TRAILING_PUNCTUATION.matcher(m.group()).replaceAll(""));
      if (known == null) {
        known = new java.util.HashSet<>();
        for (MailReport.Link l : st.links) {
          known.add(l.url());
        }
      }
      if (known.add(url)) {
        // past the limit only a link to a domain not yet kept is (see State.link)
        if (defanged) {
          st.defangedLink(new MailReport.Link(url, null, where));
        } else {
          st.link(new MailReport.Link(url, null, where));
        }
      } else if (!defanged) {
        st.live.add(url);
      }
    }
  }

  /**
   * The next match of {@link #URL} in {@code text} at or after {@code from} (left in {@code m}), as
   * {@code m.find()} finds it, and its end; -1 when there is none. Every match has "//" right after
   * its scheme and colon ("http:", "h**ps[:]", "ftp:"), 4 to 9 characters from its start, so the
   * pattern is tried only at those places before each "//", in order: the first place where it
   * matches is where {@code find()} would have stopped (and the same alternative matches there).
   */
  static int nextUrl(Matcher m, String text, int from) {
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int tried = from; // places before this were tried already
    for (int k = text.indexOf("//", from); k >= 0; k = text.indexOf("//", k + 1)) {
      for (int at = Math.max(tried, k - 9); at <= k - 4; at++) {
        m.region(at, text.length());
        if (m.lookingAt()) {
          return m.end();
        }
      }
      tried = Math.max(tried, k - 3);
    }
    return -1;
  }

  /** Undoes the usual defanging: hxxp, h**p, [.], (.), [:]. */
  static String refang(String s) {
    return httpRefanged(s)
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("{.}", ".")
        .replace("[:]", ":");
  }

  /**
   * {@code s} with a leading "hxxp" or "h**p" (either case, ASCII only, as {@code (?i)^hxxp} and
   * {@code (?i)^h\\*\\*p} read it) written "http"; after the first, the second is looked for again,
   * as the two {@code replaceFirst} calls did.
   */
  static String httpRefanged(String s) {
    String t = s;
    if (defangedHttp(t, 'x')) {
      t = "http" + t.substring(4);
    }
    if (defangedHttp(t, '*')) {
      t = "http" + t.substring(4);
    }
    return t;
  }

  private static boolean defangedHttp(String s, char mid) {
    return s.length() >= 4
        && (s.charAt(0) == 'h' || s.charAt(0) == 'H')
        && (s.charAt(1) == mid || s.charAt(1) == Character.toUpperCase(mid))
        && (s.charAt(2) == mid || s.charAt(2) == Character.toUpperCase(mid))
        && (s.charAt(3) == 'p' || s.charAt(3) == 'P');
  }

  /**
   * A link to the sender's own registrable domain, through its click tracker or under a domain name
   * shown as text (not a URL): the sender's own site, unless the text shows a brand's domain the
   * sender does not own.
   */
  private static boolean ownSite(
      State st, String realHost, String shownHost, String href, String text) {
    String from = domain(st.from);
    if (from == null || !registrable(realHost).equals(registrable(from))) {
      return false;
    }
    String shownLabel = MailSigns.label(shownHost);
    for (MailSigns.Brand b : MailSigns.BRANDS) {
      if (b.labels().contains(shownLabel)
          && !b.labels().contains(MailSigns.label(from))
          && !MailSigns.SHOPS.contains(b.name())) {
        return false;
      }
    }
    return TRACKING_PATH.matcher(href).find()
        || !text.strip().toLowerCase(Locale.ROOT).startsWith("http")
        || partnerPageOfTheSender(st, shownHost, from);
  }

  /**
   * A page the text shows on a partner's platform under the sender's own name, as the first label
   * of the host (torrid.example-giftcards.com for mail from torrid.com: a gift-card or booking
   * service that hosts each brand under its name), while the link goes to the sender's own domain,
   * which authenticated: the brand points at its own page through its own click tracker.
   */
  private static boolean partnerPageOfTheSender(State st, String shownHost, String from) {
    int dot = shownHost.indexOf('.');
    return dot > 0
        && !registrable(shownHost).equals(shownHost)
        && shownHost.substring(0, dot).equals(MailSigns.label(from))
        && aligned(st, registrable(from));
  }

  static String shownHost(String text) {
    String t = refang(text.strip());
    if (t.contains(" ") || !t.contains(".")) {
      return null;
    }
    if (t.toLowerCase(Locale.ROOT).startsWith("http")) {
      return host(t);
    }
    return DOMAIN_LIKE.matcher(t).matches() ? t.split("/")[0].toLowerCase(Locale.ROOT) : null;
  }

  /** A value in a finding's evidence: a missing one (no sender domain) reads "—", never null. */
  private static String shown(String value) {
    return value == null || value.isEmpty() ? "—" : value;
  }

  /**
   * The host of a URL, lower-cased, or null (a URL {@link URI} does not read, or without a host).
   */
  /** A link written in a plain text, up to the next white space (placeholders included). */
  private static final Pattern PLAIN_LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

  /** How many words the HTML text must have for a bare plain-text alternative to count. */
  static final int BARE_PLAIN_HTML_WORDS = 30;

  /**
   * How many links a plain text holds when it holds nothing else: links, white space and
   * punctuation, not one word of two letters (0 when it has a word, or no link).
   */
  static int bareLinks(String plain) {
    Matcher m = PLAIN_LINK.matcher(plain);
    int links = 0;
    StringBuilder rest = new StringBuilder();
    int from = 0;
    while (m.find()) {
      links++;
      rest.append(plain, from, m.start()).append(' ');
      from = m.end();
    }
    if (links == 0) {
      return 0;
    }
    rest.append(plain, from, plain.length());
    return wordCount(rest.toString()) == 0 ? links : 0;
  }

  /**
   * A plain-text part with links and no word, beside an HTML part that speaks (HIDDEN_TEXT): mail
   * programs and sending platforms write the plain alternative from the HTML, its words included,
   * for text-only readers and for the filters that read it; a spam kit that leaves it nothing but
   * the links (and blank lines) hides its wording from both and still sends the click where the
   * HTML does.
   */
  private static void barePlainText(State st) {
    if (st.barePlainLinks > 0 && !st.plainSpeaks && st.htmlWords >= BARE_PLAIN_HTML_WORDS) {
      st.flag(
          RedFlag.HIDDEN_TEXT,
          "text/plain: "
              + st.barePlainLinks
              + " link(s), 0 words; text/html: "
              + st.htmlWords
              + " words",
          "text/plain: リンク " + st.barePlainLinks + " 個、語 0; text/html: " + st.htmlWords + " 語");
    }
  }

  static String host(String url) {
    URI u = uri(url);
    String h = u == null ? null : u.getHost();
    if (h == null && u != null) {
      h = hostOfAuthority(u.getRawAuthority());
    }
    return h == null ? null : h.toLowerCase(Locale.ROOT);
  }

  /**
   * The port of a link as a browser reads it, or -1 when it names none: {@link URI#getPort} and,
   * for an authority {@link URI} leaves unread (see {@link #hostOfAuthority}), its digits after the
   * last colon.
   */
  static int port(String url) {
    URI u = uri(url);
    if (u == null) {
      return -1;
    }
    if (u.getHost() != null || u.getRawAuthority() == null) {
      return u.getPort();
    }
    Matcher m = AUTHORITY.matcher(u.getRawAuthority());
    return m.matches() && m.group(2) != null && m.group(2).length() <= 5
        ? Integer.parseInt(m.group(2))
        : -1;
  }

  /**
   * A user name, a host of the letters, digits, dots, hyphens and underscores browsers accept, and
   * a port: what {@link URI} reads as a "registry-based" authority with no host when a label holds
   * an underscore ("signin_ebay_com_account.example.net:7301"), which browsers open all the same.
   */
  private static final Pattern AUTHORITY =
      Pattern.compile("(?:.*@)?([A-Za-z0-9._-]+\\.[A-Za-z0-9._-]+)(?::([0-9]+))?");

  /**
   * The host of an authority {@link URI} could not read as a server's, as a browser reads it: a
   * host with an underscore in a label is opened by every browser, and a lure that wrote its host
   * so hid it from every link sign before. Null when it is no host name.
   */
  static String hostOfAuthority(String authority) {
    if (authority == null) {
      return null;
    }
    Matcher m = AUTHORITY.matcher(authority);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * A URL as {@link URI} reads it (spaces as %20), or null when it cannot. Each link is read for
   * its host, path and port by several signs; within one analysis it is parsed once ({@link
   * #URIS}).
   */
  static URI uri(String url) {
    Map<String, Object> seen = URIS.get();
    Object u = seen == null ? null : seen.get(url);
    if (u == null) {
      try {
        u = URI.create(url.replace(" ", "%20"));
      } catch (IllegalArgumentException e) {
        u = NOT_A_URI;
      }
      if (seen != null && seen.size() < 4096) {
        seen.put(url, u);
      }
    }
    return u == NOT_A_URI ? null : (URI) u;
  }

  /** What {@link #URIS} holds for a URL that {@link URI} does not read. */
  private static final Object NOT_A_URI = new Object();

  private static boolean sameOrSubdomain(String host, String of) {
    return host.equals(of) || host.endsWith("." + of) || of.endsWith("." + host);
  }

  // ---- attachments ---------------------------------------------------------------------------

  private MailReport.Attachment attachment(
      String name, String declared, byte[] data, int archiveDepth, State st) {
    String detected = detect(data);
    boolean encrypted = false;
    List<MailReport.Attachment> members = new ArrayList<>();
    if (("zip".equals(detected) || "office-open-xml".equals(detected))
        && archiveDepth < limits.maxArchiveDepth()) {
      encrypted = unzip(name, data, archiveDepth, members, st);
      if (members.stream()
          .anyMatch(x -> x.name().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
        detected = "office-with-macros";
      }
    }
    if ("ole2".equals(detected) && containsUtf16(data, "_VBA_PROJECT")) {
      detected = "office-with-macros";
    }
    MailReport.Attachment a =
        new MailReport.Attachment(
            name,
            declared,
            detected,
            data.length,
            hash("MD5", data),
            hash("SHA-1", data),
            hash("SHA-256", data),
            encrypted,
            List.copyOf(members));
    if (!allowed.contains(a.sha256())) {
      nameFlags(name, detected, st);
      declaredAsPicture(name, declared, st);
      if (encrypted) {
        st.flag(RedFlag.ENCRYPTED_ARCHIVE, name);
      }
      htmlAttachment(name, declared, data, st);
      calendarLinks(name, declared, data, st);
      if ("image".equals(detected) || "pdf".equals(detected)) {
        qrCodes(name, data, a.sha256(), "pdf".equals(detected), st);
      }
    }
    return a;
  }

  /**
   * The names of the entries unpacking did not reach (the one it stopped inside among them), judged
   * by their names alone: read from the archive's central directory, so that an executable behind
   * an entry of a gigabyte of zeros is still named (hostile27). At most {@link #UNREAD_NAMES} names
   * a message are read so.
   */
  private static void unreadNames(byte[] data, List<MailReport.Attachment> members, State st) {
    Set<String> read = new java.util.HashSet<>();
    for (MailReport.Attachment m : members) {
      read.add(m.name());
    }
    List<String> names = ZipNames.of(data, UNREAD_NAMES - st.unreadNames);
    st.unreadNames += names.size();
    for (String member : names) {
      if (read.add(member) && !member.endsWith("/")) {
        nameFlags(member, "", st);
      }
    }
  }

  /** Names of archive entries not unpacked, judged by name, per message at most. */
  static final int UNREAD_NAMES = 10_000;

  /**
   * Unpacks a ZIP within the limits of the archive and what is left of the message's; returns
   * whether an entry was encrypted.
   */
  private boolean unzip(
      String name, byte[] data, int depth, List<MailReport.Attachment> members, State st) {
    long unpacked = 0;
    st.archiveDepth = Math.max(st.archiveDepth, depth + 1);
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry entry;
      while (true) {
        if (st.outOfTime()) {
          st.flag(RedFlag.ARCHIVE_LIMIT, name + ": > " + limits.maxTime().toMillis() + " ms");
          return false;
        }
        if (st.entries >= limits.maxEntriesPerMessage()) {
          st.reached(
              "archive entries per message " + limits.maxEntriesPerMessage(),
              "1 通あたりの圧縮ファイルのエントリ数 " + limits.maxEntriesPerMessage());
          st.flag(RedFlag.ARCHIVE_LIMIT, name + ": > " + limits.maxEntriesPerMessage());
          unreadNames(data, members, st);
          return false;
        }
        if ((entry = z.getNextEntry()) == null) {
          break;
        }
        st.entries++;
        if (members.size() >= limits.maxArchiveEntries()) {
          st.flag(
              RedFlag.ARCHIVE_LIMIT,
              name + ": more than " + MailReport.grouped(limits.maxArchiveEntries()) + " entries",
              name + ": 中のファイルが " + MailReport.grouped(limits.maxArchiveEntries()) + " 個を超えています");
          unreadNames(data, members, st);
          return false;
        }
        if (entry.isDirectory()) {
          continue;
        }
        long messageRoom = limits.maxUnpackedPerMessage() - st.unpacked;
        long room =
            Math.min(
                Math.min(limits.maxUnpacked() - unpacked, (long) data.length * limits.maxRatio()),
                messageRoom);
        byte[] content = z.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
        unpacked += content.length;
        st.unpacked += Math.min(content.length, Math.max(0, messageRoom));
        if (content.length > room) {
          if (content.length > messageRoom) {
            st.reached(
                "bytes unpacked per message " + limits.maxUnpackedPerMessage(),
                "1 通あたりの展開バイト数 " + limits.maxUnpackedPerMessage());
          }
          st.flag(
              RedFlag.ARCHIVE_LIMIT, name + ": > " + Math.min(room, limits.maxUnpacked()) + " B");
          unreadNames(data, members, st);
          return false;
        }
        String member = entry.getName();
        if (member.toLowerCase(Locale.ROOT).endsWith(".zip")
            && depth + 1 < limits.maxArchiveDepth()) {
          members.add(attachment(member, null, content, depth + 1, st));
        } else {
          String detected = detect(content);
          if ("zip".equals(detected)) {
            st.reached(
                "archives nested deeper than " + limits.maxArchiveDepth(),
                "圧縮ファイルの入れ子 " + limits.maxArchiveDepth() + " 段");
          }
          String sha256 = hash("SHA-256", content);
          members.add(
              new MailReport.Attachment(
                  member,
                  null,
                  detected,
                  content.length,
                  hash("MD5", content),
                  hash("SHA-1", content),
                  sha256,
                  false,
                  List.of()));
          if (!allowed.contains(sha256)) {
            nameFlags(member, detected, st);
          }
        }
      }
      return false;
    } catch (ZipException e) {
      if (String.valueOf(e.getMessage()).contains("encrypted")) {
        return true;
      }
      st.problem(
          "archive",
          name + ": 壊れた圧縮ファイルです: " + e.getMessage(),
          name + ": a damaged archive: " + e.getMessage());
      return false;
    } catch (IOException e) {
      st.problem(
          "archive",
          name + ": 展開できません: " + e.getMessage(),
          name + ": cannot unpack: " + e.getMessage());
      return false;
    }
  }

  /**
   * An image or a PDF to search for QR codes once the parts are walked: {@code cost} is its pixels
   * from its header ({@link MailImages#PDF_COST} for a PDF), {@code order} its place in the
   * message, {@code returned} whether it belongs to a returned message.
   */
  record QrCandidate(
      String name,
      byte[] data,
      String sha256,
      boolean pdf,
      long cost,
      int order,
      boolean returned) {}

  /**
   * Queues an image or a PDF for the QR search ({@link #searchQrCodes}); an image too small to hold
   * a code (spacers, tracking pixels, bullets) is not queued, and a copy of one queued already is
   * searched once.
   */
  private void qrCodes(String name, byte[] data, String sha256, boolean pdf, State st) {
    long cost = MailImages.PDF_COST;
    if (!pdf && data.length <= MailImages.MAX_BYTES) {
      int[] size = MailImages.dimensions(data);
      if (size != null && MailImages.tooSmallForQr(size[0], size[1])) {
        return;
      }
      // what the search looks at: a large photo is searched subsampled (photos24)
      cost = size == null ? 1 : Math.max(1, MailImages.searchedPixels(size[0], size[1]));
    }
    st.qrQueue.add(
        new QrCandidate(name, data, sha256, pdf, cost, st.qrQueue.size(), st.inReturned > 0));
  }

  /**
   * Searches the queued images and PDFs for QR codes, the cheapest first (fewest pixels; the order
   * of the message among equals), so a lure's code is not hidden behind a row of logos or large
   * pictures: within {@link MailImages#MAX_IMAGES} distinct ones, {@link
   * MailImages#MAX_MESSAGE_PIXELS} pixels and the analysis's deadline less a fifth of its time
   * (kept for judging the rest). What is left unsearched is BEYOND_LIMITS, saying how many and why.
   */
  private void searchQrCodes(State st) {
    List<QrCandidate> queue = new ArrayList<>(st.qrQueue);
    queue.sort(
        java.util.Comparator.comparingLong(QrCandidate::cost).thenComparingInt(QrCandidate::order));
    long qrDeadline = st.deadline - limits.maxTime().toNanos() / 5;
    Map<String, MailImages.Decoded> searched = new java.util.HashMap<>();
    Set<String> read = new java.util.HashSet<>();
    long pixels = 0;
    int left = 0;
    String why = null;
    String whyJa = null;
    for (QrCandidate c : queue) {
      MailImages.Decoded d = searched.get(c.sha256());
      if (d == null) {
        if (searched.size() >= MailImages.MAX_IMAGES) {
          left++;
          why = why != null ? why : "over " + MailImages.MAX_IMAGES + " images and PDFs";
          whyJa = whyJa != null ? whyJa : "画像と PDF が " + MailImages.MAX_IMAGES + " 個を超えています";
          continue;
        }
        if (pixels + c.cost() > MailImages.MAX_MESSAGE_PIXELS) {
          left++;
          why =
              why != null
                  ? why
                  : "over " + MailReport.grouped(MailImages.MAX_MESSAGE_PIXELS) + " pixels";
          whyJa =
              whyJa != null
                  ? whyJa
                  : "画素数の合計が " + MailReport.grouped(MailImages.MAX_MESSAGE_PIXELS) + " を超えています";
          continue;
        }
        if (System.nanoTime() - qrDeadline >= 0) {
          // decoding cannot be stopped half-way: none is begun past the search's time
          left++;
          why = why != null ? why : "out of analysis time";
          whyJa = whyJa != null ? whyJa : "解析時間を超えました";
          continue;
        }
        pixels += c.cost();
        d = decoded.get(c.sha256());
        if (d == null) {
          d = c.pdf() ? MailImages.pdfQrCodes(c.data(), qrDeadline) : MailImages.qrCodes(c.data());
          decoded.put(c.sha256(), d);
        }
        searched.put(c.sha256(), d);
      }
      int before = st.links.size();
      qrFound(c.name(), d, st);
      if (c.returned()) {
        st.returnedActs |= st.returnedLinksSince(before);
      }
      if (!d.pageText().isEmpty() && read.add(c.sha256())) {
        // the words of a PDF's first page are the message's too (recall34): a lure sending its
        // invoice, renewal or threat as a PDF behind one line of text is read as its reader sees it
        if (c.returned()) {
          st.returnedText(d.pageText());
        } else {
          st.text(d.pageText());
        }
      }
    }
    if (left > 0) {
      st.reached("QR search: " + why, "QR コードの探索 (" + whyJa + ")");
      st.flag(
          RedFlag.BEYOND_LIMITS,
          left + " image(s) or PDF(s) not searched for QR codes: " + why,
          "画像または PDF " + left + " 個は QR コードを探していません (" + whyJa + ")");
    }
  }

  /** What the QR search found in one image or PDF, made links and findings of the message. */
  private void qrFound(String name, MailImages.Decoded d, State st) {
    if (d.problem() != null) {
      st.problem(
          "qr",
          name + ": QR コードを探せませんでした: " + d.problemJa(),
          name + ": not searched for QR codes: " + d.problem());
    }
    if (d.beyondLimits()) {
      st.flag(RedFlag.BEYOND_LIMITS, name + ": " + d.problem(), name + ": " + d.problemJa());
    }
    pdfLinks(name, d, st);
    for (String text : d.texts()) {
      Matcher u = URL.matcher(text);
      String url =
          u.find()
              ? refang(u.group())
              : DOMAIN_LIKE.matcher(text).matches() ? "http://" + text : null;
      if (url != null) {
        st.link(new MailReport.Link(url, null, "qr " + name));
        st.flag(RedFlag.QR_CODE_LINK, name + " → " + url);
      }
    }
  }

  /** Where a link inside a PDF attachment was found: this prefix and the attachment's name. */
  static final String IN_PDF = "pdf ";

  /**
   * A PDF's link targets (its buttons and link annotations, {@link PdfLinks}): links of the
   * message, judged like its own, each finding on them naming the attachment; its active actions
   * (launch, JavaScript, form submission, a page opened by itself) a finding of their own.
   */
  private static void pdfLinks(String name, MailImages.Decoded d, State st) {
    Set<String> known = new java.util.HashSet<>();
    for (MailReport.Link l : st.links) {
      if ((IN_PDF + name).equals(l.where())) {
        known.add(l.url());
      }
    }
    for (String url : d.links()) {
      if (known.add(url) && !st.link(new MailReport.Link(url, null, IN_PDF + name))) {
        break;
      }
    }
    if (d.actions().isEmpty()) {
      return;
    }
    List<String> en = new ArrayList<>();
    List<String> ja = new ArrayList<>();
    for (PdfLinks.Action a : d.actions()) {
      en.add(a.evidence());
      ja.add(a.evidenceJa());
    }
    st.flag(
        RedFlag.PDF_ACTIVE_CONTENT,
        name + ": " + String.join("; ", en),
        name + ": " + String.join("。", ja));
  }

  /**
   * The findings from {@code from} on, made on a link found inside a PDF attachment, with the
   * attachment named in their evidence (a reader looks for the link in the message otherwise).
   */
  private static void namePdf(MailReport.Link l, int from, State st) {
    if (l.where() == null || !l.where().startsWith(IN_PDF)) {
      return;
    }
    String pdf = l.where().substring(IN_PDF.length());
    for (int i = from; i < st.findings.size(); i++) {
      MailReport.Finding f = st.findings.get(i);
      st.findings.set(
          i,
          new MailReport.Finding(
              f.flag(),
              f.evidence() + " (inside the attachment \"" + pdf + "\")",
              f.evidenceJa() + " (添付ファイル「" + pdf + "」の中のリンク)"));
    }
  }

  /** An HTML or SVG attachment, and whether it holds a form, a script or a redirect. */
  private static void htmlAttachment(String name, String declared, byte[] data, State st) {
    String ext = extension(BIDI.matcher(name).replaceAll(""));
    String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    boolean html =
        Set.of("htm", "html", "shtml", "xhtml", "svg", "mht", "mhtml").contains(ext)
            || type.equals("text/html")
            || type.equals("image/svg+xml");
    if (!html) {
      return;
    }
    st.flag(RedFlag.HTML_ATTACHMENT, name);
    String head =
        new String(
            data, 0, Math.min(data.length, 1 << 20), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher active = HTML_ACTIVE.matcher(head);
    if (active.find()) {
      st.flag(RedFlag.HTML_FORM, name + ": " + active.group().strip());
    }
  }

  /**
   * The links of an attached calendar invitation (.ics): a meeting lure puts its sign-in page in
   * the event's description or location, where the reader's calendar shows it as a link; they are
   * judged as the message's own links. Folded lines (a line break and one space) are joined first.
   */
  private static void calendarLinks(String name, String declared, byte[] data, State st) {
    String type = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
    if (!type.equals("text/calendar")
        && !extension(BIDI.matcher(name).replaceAll("")).equals("ics")) {
      return;
    }
    st.invitation = true;
    String text =
        new String(data, 0, Math.min(data.length, 1 << 20), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\r\n ", "")
            .replace("\n ", "")
            .replace("\\n", " ")
            .replace("\\,", ",");
    urls(text, name, st);
  }

  /**
   * What a document, archive, web page or calendar entry is named by: the extensions {@link
   * #declaredAsPicture} reads.
   */
  static final Set<String> DOCUMENT_NAMES =
      Set.of(
          "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "rtf", "odt", "zip",
          "rar", "7z", "htm", "html", "ics");

  /**
   * An attachment the message declares a picture (Content-Type: image/jpeg) while its name says a
   * document (invoice.pdf): a mail program shows the part as a picture beside the text, or not at
   * all, and the list of attachments a document. No mail program labels a PDF as a JPEG; a spam
   * tool filling a template does, so that the part neither looks like a document to a filter nor
   * opens like a picture for the reader (a TYPE_MISMATCH by the part's label, not its bytes).
   */
  private static void declaredAsPicture(String name, String declared, State st) {
    if (declared == null || !declared.toLowerCase(Locale.ROOT).startsWith("image/")) {
      return;
    }
    String visible = BIDI.matcher(name).replaceAll("");
    String extension = extension(visible);
    if (DOCUMENT_NAMES.contains(extension)) {
      st.flag(
          RedFlag.TYPE_MISMATCH,
          visible + " ← Content-Type: " + declared.toLowerCase(Locale.ROOT),
          visible + " ← 宣言された形式: " + declared.toLowerCase(Locale.ROOT));
    }
  }

  private static void nameFlags(String name, String detected, State st) {
    String visible = BIDI.matcher(name).replaceAll("");
    String extension = extension(visible);
    if (BIDI.matcher(name).find()) {
      st.flag(RedFlag.BIDI_CONTROL, escape(name) + " → ." + extension);
    }
    if (SPACES_BEFORE_EXTENSION.matcher(visible).find()) {
      st.flag(RedFlag.SPACE_PADDING, visible.replaceAll("[\\s\\u3000\\u00A0]{5,}", " … "));
    }
    Matcher d = DOUBLE_EXTENSION.matcher(visible);
    if (d.find() && !d.group(1).equalsIgnoreCase(d.group(2))) {
      st.flag(RedFlag.DOUBLE_EXTENSION, visible);
    }
    if (DANGEROUS.contains(extension) || "office-with-macros".equals(detected)) {
      st.flag(RedFlag.EXECUTABLE_ATTACHMENT, visible);
    }
    if (EXECUTABLE_TYPES.contains(detected)
        && !Set.of("exe", "dll", "scr", "com", "pif", "cpl", "lnk", "sys", "bin")
            .contains(extension)) {
      st.flag(RedFlag.TYPE_MISMATCH, visible + " → " + detected);
    }
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (BIDI.matcher(new String(Character.toChars(c))).matches()) {
                b.append(String.format("<U+%04X>", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }

  /** The type by content (magic bytes), whatever the name says. */
  static String detect(byte[] d) {
    if (starts(d, 'M', 'Z')) {
      return "pe-executable";
    }
    if (starts(d, 0x7F, 'E', 'L', 'F')) {
      return "elf";
    }
    if (starts(d, 0x4C, 0, 0, 0, 1, 0x14, 2, 0)) {
      return "windows-shortcut";
    }
    if (starts(d, '%', 'P', 'D', 'F')) {
      return "pdf";
    }
    if (starts(d, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "ole2";
    }
    if (starts(d, 'P', 'K', 3, 4) || starts(d, 'P', 'K', 5, 6)) {
      return containsAscii(d, "[Content_Types].xml") ? "office-open-xml" : "zip";
    }
    if (starts(d, 'R', 'a', 'r', '!')) {
      return "rar";
    }
    if (starts(d, '7', 'z', 0xBC, 0xAF)) {
      return "7z";
    }
    if (starts(d, 0x1F, 0x8B)) {
      return "gzip";
    }
    if (d.length > 0x8006 && d[0x8001] == 'C' && d[0x8002] == 'D' && d[0x8003] == '0') {
      return "iso9660";
    }
    if (starts(d, 0x89, 'P', 'N', 'G') || starts(d, 0xFF, 0xD8, 0xFF) || starts(d, 'G', 'I', 'F')) {
      return "image";
    }
    return text(d);
  }

  /** Tags that only an HTML document starts with (after a comment or the XML declaration). */
  private static final Pattern HTML_START =
      Pattern.compile("<(?:!doctype\\s+html|html|head|body|meta|title|script|iframe|form)[\\s>/]");

  /**
   * The kinds of text an attachment can be, by its first kilobyte (ASCII whatever the charset,
   * after a UTF-8 byte-order mark and white space): a calendar invitation ({@code
   * BEGIN:VCALENDAR}), an SVG image, an HTML document (a page, a saved form, an .htm "invoice");
   * anything else is {@code data}.
   */
  private static String text(byte[] d) {
    String head =
        new String(d, 0, Math.min(d.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (head.startsWith("begin:vcalendar")) {
      return "calendar";
    }
    if (!head.startsWith("<")) {
      return "data";
    }
    if (head.contains("<svg")) {
      return "svg";
    }
    return HTML_START.matcher(head).find() ? "html" : "data";
  }

  private static boolean starts(byte[] d, int... magic) {
    if (d.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((d[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAscii(byte[] d, String s) {
    return indexOf(d, s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) >= 0;
  }

  private static boolean containsUtf16(byte[] d, String s) {
    return indexOf(d, s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)) >= 0;
  }

  private static int indexOf(byte[] d, byte[] p) {
    outer:
    for (int i = 0; i + p.length <= d.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (d[i + j] != p[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String hash(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  // ---- sender and links ----------------------------------------------------------------------

  /**
   * A real bounce (delivery status notification) is told by what delivery software writes: a
   * multipart/report of report-type delivery-status with its per-recipient delivery-status part
   * (RFC 3464), or, in the older forms of qmail, Exim, Sendmail and Exchange, a bounce's sender
   * ({@link MailBounce#sender}) whose own text is an MTA's diagnostic (an SMTP reply, delivery
   * software's wording) and that returns the failed message or reports its status. A message with a
   * form is none: no delivery software asks the reader to type anything. A real bounce is then
   * judged on its own report without the diagnostic's words (delivery failed, mailbox full, quota
   * exceeded are what it reports, not a lure), and without the returned message's words unless that
   * message holds a link or an attachment: a returned lure (backscatter of a phishing run) carries
   * its own dangers and is judged whole, links, attachments and words; a returned message with
   * nothing to click or open is the reader's own mail or a stranger's words, and no lure.
   */
  private static void bounce(State st) {
    if (!st.formActions.isEmpty() || !(st.report || st.bounceSender)) {
      return;
    }
    // the returned message's words are judged when it can act on the reader (a link, an
    // attachment), and when the report itself links away from its sender: a lure can write its
    // words into a "returned message" and its link into the report
    String fromDomain = domain(st.from);
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (!st.returnedLinks.contains(l.url())
          && h != null
          && (fromDomain == null || !registrable(h).equals(registrable(fromDomain)))) {
        st.returnedActs = true;
      }
    }
    String all = st.text.toString();
    StringBuilder own = new StringBuilder(all.length());
    int at = 0;
    // a returned message's own parts are marked before it (nested stretches): the outer one counts
    List<int[]> stretches = new ArrayList<>(st.returned);
    stretches.sort(
        java.util.Comparator.comparingInt((int[] r) -> r[0]).thenComparingInt(r -> -r[1]));
    // the stretches read, in order: the text judged of a real bounce is made from them once it is
    // known to be one (most messages its sender's structure brings here are none: speed35)
    List<int[]> read = new ArrayList<>();
    for (int[] r : stretches) {
      if (r[0] < at || r[1] > all.length()) {
        continue;
      }
      own.append(all, at, r[0]);
      read.add(r);
      at = r[1];
    }
    own.append(all, at, all.length());
    boolean real =
        (st.report && st.deliveryStatus)
            || (st.bounceSender
                && MailBounce.diagnostic(own.toString())
                && (st.deliveryStatus || !st.returned.isEmpty() || st.returnedHeader));
    if (real) {
      StringBuilder judged = new StringBuilder(all.length());
      at = 0;
      for (int[] r : read) {
        judged.append(MailBounce.withoutDiagnostic(all.substring(at, r[0])));
        if (st.returnedActs && st.statusStretches.contains(r[0])) {
          // the delivery-status part is the bounce's own report (its Diagnostic-Code says "mailbox
          // full"), judged as the report is, not as the returned message that holds a link
          judged.append(MailBounce.withoutDiagnostic(all.substring(r[0], r[1])));
        } else if (st.returnedActs) {
          judged.append(all, r[0], r[1]);
        }
        at = r[1];
      }
      judged.append(MailBounce.withoutDiagnostic(all.substring(at)));
      st.bounce = true;
      st.retext(judged.toString());
      replyLinks(st, own.toString());
      // the traits this message has, not every trait a bounce can have; the page's heading already
      // says it was read as a bounce
      List<String> ja = new ArrayList<>();
      List<String> en = new ArrayList<>();
      if (st.report && st.deliveryStatus) {
        ja.add("RFC 3464 の配送状態パート");
        en.add("an RFC 3464 delivery-status part");
      }
      if (st.returnPath != null && st.returnPath.isEmpty()) {
        ja.add("空の差出人 (Return-Path: <>)");
        en.add("the null sender (Return-Path: <>)");
      }
      if (st.from == null || st.from.isBlank()) {
        ja.add("差出人アドレスなし");
        en.add("no From address");
      } else if (MailBounce.daemonMailbox(st.from)) {
        ja.add("配送ソフトウェアの差出人 (" + st.from + ")");
        en.add("delivery software's sender (" + st.from + ")");
      }
      boolean senderTrait = en.size() > (st.report && st.deliveryStatus ? 1 : 0);
      String ownLower = own.toString();
      if (MailBounce.smtpReply(ownLower)) {
        ja.add("SMTP の応答コード");
        en.add("SMTP reply codes");
      }
      if (MailBounce.mtaWording(ownLower)) {
        ja.add("配送ソフトウェアの定型文");
        en.add("delivery software's own wording");
      }
      if (!st.returned.isEmpty() || st.returnedHeader) {
        ja.add("返送された元のメッセージ");
        en.add("the returned original message");
      }
      st.problem(
          "bounce",
          "配送ソフトウェアが書く次の構造があります: "
              + String.join("、", ja)
              + "。診断の文言 (配送失敗、容量超過など) と、リンクも添付ファイルもない返送メッセージの本文は"
              + "おとりの文言として数えていません。"
              + (senderTrait ? "差出人が空または配送ソフトウェアであることも不正とはしていません。" : "")
              + (st.returnedActs ? "返送されたメッセージにはリンクか添付ファイルがあるため、その本文も判定しています。" : ""),
          "It has what delivery software writes: "
              + String.join(", ", en)
              + ". Its diagnostic words (delivery failed, mailbox full) and the text of a returned"
              + " message without links or attachments are not counted as lure wording."
              + (senderTrait
                  ? " Nor is its empty or delivery-software sender counted as malformed."
                  : "")
              + (st.returnedActs
                  ? " The returned message holds links or attachments, so its text is judged too."
                  : ""));
    }
  }

  /**
   * The links of a real bounce that a remote server wrote in its reply (an SMTP reply line of the
   * report, the Diagnostic-Code of its delivery-status part): its postmaster's help page, often a
   * short link ("see http://x.co/srbounce"), quoted by the delivery software that reports the
   * failure. Their host is no sign of the bounce's sender; a link there that asks to log in still
   * is (see {@link #links}).
   */
  private static void replyLinks(State st, String own) {
    List<String> lines = new ArrayList<>(MailBounce.replyLines(own));
    lines.addAll(st.statusReplies);
    if (lines.isEmpty()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      String url = l.url().toLowerCase(Locale.ROOT);
      if (lines.stream().anyMatch(line -> line.contains(url))) {
        st.replyLinks.add(l.url());
      }
    }
  }

  /**
   * The free-mail domains a Message-ID may be forged after (FORGED_MESSAGE_ID): {@link #FREEMAIL}
   * and msn.com, the consumer mail of Microsoft's MSN whose name the 2004–2007 bulk mailers wrote
   * into Message-IDs beside hotmail.com.
   */
  private static final Set<String> MESSAGE_ID_PROVIDERS =
      Sets.union(FREEMAIL, Set.of("msn.com")).immutableCopy();

  /**
   * FORGED_MESSAGE_ID (see {@link MailSigns#messageIdProvider}): a Message-ID made in a free-mail
   * provider's name on mail From another domain. Not counted for list or bulk mail (a list that
   * rewrites From to its own address keeps the poster's Message-ID), for a bounce, when the
   * provider is the envelope sender (its server sent the message for one of its users), or when the
   * From domain itself authenticated (the domain's own servers or key sent it, whatever program
   * wrote the Message-ID).
   */
  private static void forgedMessageId(State st, String fromDomain) {
    if (st.bounce || st.listMail || st.inReturned > 0 || fromAligned(st)) {
      return;
    }
    String provider =
        MailSigns.messageIdProvider(
            st.messageId, fromDomain, st.senderDomain, MESSAGE_ID_PROVIDERS);
    if (provider == null
        || st.envelope.contains(provider)
        || st.passedDomains.contains(st.senderDomain)) {
      return;
    }
    st.flag(
        RedFlag.FORGED_MESSAGE_ID,
        "Message-ID: " + st.messageId + " (" + provider + ") — From: " + st.from,
        "Message-ID: " + st.messageId + " (" + provider + ") — 差出人: " + st.from);
  }

  /**
   * The sender of a real bounce is delivery software's own mailbox at its provider (postmaster,
   * MAILER-DAEMON): a free-mail provider gives those to no user (RFC 2142), so its name beside them
   * (Microsoft Outlook, postmaster@outlook.com) is the provider's own.
   */
  private static boolean providersDaemon(State st) {
    return st.bounce && MailBounce.daemonMailbox(st.from);
  }

  private void judge(State st) {
    st.readTail();
    bounce(st);
    st.asksCredentials = !st.credentials(st.phrases()).isEmpty();
    String fromDomain = domain(st.from);
    st.senderDomain = fromDomain == null ? null : registrable(fromDomain);
    boolean senderAllowed =
        st.from != null
            && (allowed.contains(st.from) || (fromDomain != null && allowed.contains(fromDomain)));
    if (!senderAllowed) {
      if (st.fromName != null) {
        Matcher a = ADDRESS.matcher(st.fromName);
        while (a.find()) {
          if (!a.group().equalsIgnoreCase(st.from)) {
            st.flag(RedFlag.DISPLAY_NAME_ADDRESS, st.fromName + " <" + st.from + ">");
          }
        }
        if (fromDomain != null
            && FREEMAIL.contains(fromDomain)
            && !providersDaemon(st)
            && ORGANISATION_WORDS.matcher(st.fromName).find()) {
          st.flag(RedFlag.FREEMAIL_CLAIMS_ORGANISATION, st.fromName + " <" + st.from + ">");
        } else if (fromDomain != null
            && !st.listMail
            && ORGANISATION_WORDS.matcher(st.fromName).find()) {
          // an organisation's name whose replies go to free mail: a payroll department or a help
          // desk does not read its answers at gmail.com (a platform's share for a free-mail
          // "Payroll Department" included)
          for (String r : st.replyTo) {
            String rd = domain(r);
            if (rd != null && FREEMAIL.contains(registrable(rd))) {
              st.flag(
                  RedFlag.FREEMAIL_CLAIMS_ORGANISATION,
                  st.fromName + " <" + st.from + "> → Reply-To: " + r);
              break;
            }
          }
        }
      }
      // a platform mailing for a colleague (a Google Docs share, a calendar invitation) sends
      // replies to that colleague: Reply-To on the reader's own organisation's domain is how it
      // works, once DMARC shows it is the platform (a stranger's share keeps the sign)
      boolean forItsUser =
          fromDomain != null
              && MailSigns.USER_TEXT_PLATFORMS.contains(registrable(fromDomain))
              && fromAligned(st);
      Set<String> readers = new java.util.HashSet<>();
      for (String to : st.recipients) {
        String td = domain(to);
        if (td != null && !FREEMAIL.contains(registrable(td))) {
          readers.add(registrable(td));
        }
      }
      // a signature platform (DocuSign, Adobe Acrobat Sign) sends replies to the requester, on
      // the requester's own domain; to free mail they keep the sign
      boolean forARequester =
          fromDomain != null
              && MailSigns.SIGNING_PLATFORMS.contains(registrable(fromDomain))
              && fromAligned(st);
      for (String r : st.replyTo) {
        String rd = domain(r);
        if (fromDomain != null
            && !(forItsUser && rd != null && readers.contains(registrable(rd)))
            && !(forARequester && rd != null && !FREEMAIL.contains(registrable(rd)))
            && !repliesToTheReader(st, r)
            && !noReplyMailbox(r)
            && !postersOtherMailbox(st, r)
            && !sisterDomain(st, fromDomain, rd)
            && !toTheCustomerNamed(st, r)
            && rd != null
            && !registrable(rd).equals(registrable(fromDomain))
            // list mail: replies go to the list (or its owner), as they should — to the list
            // that sent it, or to the very address its headers say members post to
            // a list that rewrote From to its own address names the poster in Reply-To
            && !st.fromRewrittenByList(st.from)
            && !(st.listMail
                && !st.asksCredentials
                && st.listDomains.contains(registrable(rd))
                && (st.listVouched() || st.listAddresses.contains(r.toLowerCase(Locale.ROOT))))) {
          st.flag(RedFlag.REPLY_TO_OTHER_DOMAIN, "From: " + st.from + " → Reply-To: " + r);
        }
      }
      MailReport.Authentication a = st.auth;
      // the list host's check of the poster's original, before the list changed it: not the
      // receiver's judgement of what arrived (listHopResults)
      boolean listHop = st.listHopResults();
      if (listHop) {
        // nothing: see listHopResults
      } else if (spfFailed(st) || bad(a.dkim()) || bad(a.dmarc()) || st.compositeFailed) {
        st.flag(
            RedFlag.AUTHENTICATION_FAILED,
            results(a.spf(), a.dkim(), a.dmarc(), st.compositeFailed ? "fail" : null));
      } else if (st.authResultsSeen && none(a.spf()) && none(a.dkim()) && !st.bounce) {
        // a real bounce comes from the null reverse-path (RFC 5321 §4.5.5): SPF has no sender
        // domain to check, and delivery software seldom signs what it reports
        st.flag(RedFlag.UNAUTHENTICATED, results(a.spf(), a.dkim(), a.dmarc(), null));
      }
      if (fromDomain != null
          && st.authResultsSeen
          && !listHop
          && !st.passedDomains.isEmpty()
          && !fromAligned(st)
          && !espOwnAddress(st, fromDomain)) {
        notAligned(st, fromDomain);
      }
      lookalike(fromDomain, "From: " + st.from, st);
      if (!st.bounce) {
        // a bounce quotes the address that failed, and a mistyped domain is the commonest cause
        peerLookalike(st);
      }
      impersonation(st, fromDomain);
      listRelayedBrandName(st, fromDomain);
      memberImpersonation(st, fromDomain);
      publicBodyMailbox(st, fromDomain);
      publicBodyName(st, fromDomain);
      // a real bounce's From is what its delivery software writes (MAILER-DAEMON <>, a bare
      // mailer-daemon, an internal host name): its structure, not its address, says who sent it
      if (!st.bounce
          && !(st.outlookSenderUnknown && st.from == null)
          && (st.from == null
              || st.fromBroken
              || fromDomain == null
              || !fromDomain.contains(".")
              || !VALID_DOMAIN.matcher(fromDomain).matches()
              || !InternetDomainName.isValid(fromDomain)
              || !(InternetDomainName.from(fromDomain).hasPublicSuffix()
                  // the documentation domains (RFC 2606) stand for real ones in examples and tests
                  || fromDomain.endsWith(".example")
                  || fromDomain.endsWith(".test")))) {
        st.flag(
            RedFlag.MALFORMED_SENDER,
            "From: " + (st.fromWritten != null ? st.fromWritten : st.from == null ? "—" : st.from));
      }
      rawJisName(st);
      if (st.subjectJisLabel != null && !st.bounce) {
        // no mail program writes Japanese so: a filter reading the label sees no words
        String label = st.subjectJisLabel;
        st.flag(
            RedFlag.OBFUSCATED_TEXT,
            label.isEmpty()
                ? "Subject in raw ISO-2022-JP (no encoded word)"
                : "Subject in ISO-2022-JP under the label " + label,
            label.isEmpty()
                ? "件名が生の ISO-2022-JP (エンコードされていません)"
                : "件名の ISO-2022-JP が " + label + " と偽って書かれています");
      }
      for (String shown : new String[] {st.subject, st.fromName}) {
        if (shown != null && mayBeObfuscated(shown) && obfuscatedShown(shown)) {
          st.flag(RedFlag.OBFUSCATED_TEXT, shown);
        }
        String swapped = MailSigns.swappedIl(shown);
        if (swapped != null) {
          st.flag(RedFlag.OBFUSCATED_TEXT, swapped + " (I ↔ l)", swapped + " (I と l の入れ替え)");
        }
        String mixed = MailSigns.mixedScriptWord(shown);
        if (mixed != null) {
          st.flag(
              RedFlag.OBFUSCATED_TEXT,
              mixed + " ← " + scripts(mixed, false),
              mixed + " ← " + scripts(mixed, true));
        }
      }
      String token = MailSigns.randomToken(st.subject);
      if (token != null) {
        st.flag(RedFlag.OBFUSCATED_TEXT, "\"" + token + "\"");
      } else {
        String tag = MailSigns.subjectTag(st.subject);
        if (tag != null) {
          st.flag(RedFlag.OBFUSCATED_TEXT, "Subject: …\"" + tag + "\"");
        }
      }
      String generated = MailSigns.generatedHost(fromDomain);
      if (generated != null) {
        st.flag(
            RedFlag.SENDER_GENERATED,
            "From: " + st.from + " (" + generated + " one-letter labels)",
            "From: " + st.from + " (1 文字のラベル " + generated + " 個)");
      } else if (fromDomain != null
          && MailSigns.generatedMailbox(st.from, fromDomain, registrable(fromDomain)) != null) {
        st.flag(
            RedFlag.SENDER_GENERATED,
            "From: " + st.from + " (name_name_serial @ numbered " + fromDomain + ")",
            "From: " + st.from + " (名前_名前_連番 @ 番号付きの " + fromDomain + ")");
      }
      for (String written : new String[] {st.fromAsWritten, st.senderAsWritten}) {
        String scrambled = MailSigns.scrambledCase(written);
        if (scrambled != null) {
          st.flag(RedFlag.RANDOM_CASE_SENDER, written + " (" + scrambled + ")");
          break;
        }
      }
      scrambledEnvelope(st);
      freeMailHidden(st, fromDomain);
      String inMailbox = MailSigns.brandDomainInMailbox(st.from);
      if (inMailbox != null) {
        st.flag(
            RedFlag.LOOKALIKE_DOMAIN,
            "From: " + st.from + " ≈ " + inMailbox + ", a brand's domain as the mailbox name",
            "From: " + st.from + " ≈ " + inMailbox + "、企業のドメインを @ の前の名前に書いた形");
      }
      String random = MailSigns.randomLocalPart(st.from);
      if (random != null && st.senderDomain != null && !FREEMAIL.contains(st.senderDomain)) {
        // on free mail people choose odd names themselves; a company's mailbox is named in words
        st.flag(RedFlag.RANDOM_SENDER_NAME, "From: " + st.from + " (" + random + ")");
      }
      forgedMessageId(st, fromDomain);
      if (fromDomain != null
          && (MailSigns.hostIn(fromDomain, MailSigns.ABUSED_HOSTING)
              || fromDomain.endsWith(".onmicrosoft.com"))) {
        st.flag(RedFlag.SENDER_ON_HOSTING, "From: " + st.from);
      }
      recipientAsName(st);
      bulkLures(st, fromDomain);
    }
    String sender = fromDomain == null ? null : registrable(fromDomain);
    for (MailReport.Link l : st.links) {
      if (st.onlyDefanged(l.url())) {
        // an indicator quoted defanged (hxxps://…[.]…): nothing a reader clicks
        continue;
      }
      int before = st.findings.size();
      disguisedHost(l, st);
      String h = host(l.url());
      if (h != null && !allowed.contains(h)) {
        lookalike(h, l.url(), st);
        String inFront = MailSigns.brandDomainInFront(h);
        if (inFront != null) {
          st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + inFront);
        }
        String bare = MailSigns.suffixInFront(h);
        if (bare != null) {
          st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + bare);
        }
        hyphened(l.url(), h, st);
        links(l, h, sender, st);
        redirected(l, h, sender, st);
      }
      namePdf(l, before, st);
    }
    swappedActionLink(st, sender);
    passwordedArchiveLink(st, sender);
    nestedIpLinks(st);
    freeWebHostLinks(st);
    formElsewhere(st, sender);
    wording(st);
    String padding = senderAllowed ? null : MailSigns.randomWords(st.text.toString());
    if (padding != null) {
      st.flag(RedFlag.OBFUSCATED_TEXT, padding);
    }
    String broken = senderAllowed ? null : st.brokenWords.evidence();
    if (broken != null) {
      st.flag(RedFlag.OBFUSCATED_TEXT, "inside words: " + broken, "単語の文字の間に: " + broken);
    }
    // the body's words too, not only the subject and sender name (recall33): "amܿazoܿn" in a text
    String marked = senderAllowed ? null : st.markedWord;
    if (marked != null
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.OBFUSCATED_TEXT
                        && f.evidence().toLowerCase(Locale.ROOT).contains(marked))) {
      st.flag(
          RedFlag.OBFUSCATED_TEXT,
          "another script's mark on a letter: " + marked,
          "文字に別の文字体系の記号: " + marked);
    }
    if (!senderAllowed) {
      barePlainText(st);
    }
    spacedWords(st, senderAllowed);
    if (!senderAllowed && st.linkedImages > 0 && st.words < IMAGE_ONLY_WORDS) {
      st.flag(
          RedFlag.IMAGE_ONLY,
          st.words + " < " + IMAGE_ONLY_WORDS + ", <a><img> × " + st.linkedImages);
    }
    if (!senderAllowed
        && st.hiddenWords > 0
        && !st.listUnsubscribe
        && st.listWords().first(UNSUBSCRIBE_TEXT) != null
        && !st.listVouched()
        // a service's own mail (its domain authenticated, every link its own) is no spam run
        // borrowing a newsletter's dress: order confirmations carry a pre-header and a footer
        && !(ownNotice(st) && !st.links.isEmpty())
        && !espBulk(st)
        && !st.bounce
        && st.findings.stream().noneMatch(f -> f.flag() == RedFlag.HIDDEN_TEXT)) {
      // dressed as a newsletter (a hidden summary line, an unsubscribe link in the text) without
      // the header every bulk sender's mail system adds; receipts and password resets carry
      // pre-headers too, but no unsubscribe text, and are not judged here
      st.flag(
          RedFlag.HIDDEN_UNLISTED,
          st.hiddenWords + " hidden words + unsubscribe text, List-Unsubscribe —",
          "隠された " + st.hiddenWords + " 語 + 配信停止の文言、List-Unsubscribe なし");
    }
    if (!senderAllowed
        && !st.listMail
        && !espBulk(st)
        // a real bounce's "unsubscribe" is the returned message's, whose own list header the
        // bounce does not carry
        && !st.bounce
        && st.findings.stream()
            .noneMatch(
                f -> f.flag() == RedFlag.HIDDEN_UNLISTED || f.flag() == RedFlag.HIDDEN_TEXT)) {
      // an unsubscribe line with no list header at all (List-Unsubscribe, List-Id, Precedence:
      // bulk ...): what a mailing system adds, a spam run from a fresh domain does not
      String u = st.listWords().first(UNSUBSCRIBE_TEXT);
      if (u != null) {
        unsubscribeNear(st);
        // a sender that runs its own list (2002's newsletters, before List-Unsubscribe was
        // common) takes the reader off it on its own domain; a campaign from a fresh domain
        // usually sends them to another one, or nowhere
        if (st.senderDomain == null
            || FREEMAIL.contains(st.senderDomain)
            || !st.unsubscribeDomains.contains(st.senderDomain)) {
          st.flag(RedFlag.UNLISTED_BULK, unlistedBulk(u, st, false), unlistedBulk(u, st, true));
        }
      }
    }
    hiddenBulk(st);
    sharedFileOnly(st, senderAllowed);
    if (model != null && !senderAllowed) {
      MailModel.Score s = model.score(st.text.toString());
      if (s.phishing()) {
        st.flag(RedFlag.PHISHING_WORDING, quoted(s.tokens()));
      }
    }
    relayedShortLinks(st);
  }

  /** Links on the sender's own domain a platform's mail carries around a relayed short link. */
  static final int RELAYED_OWN_LINKS = 3;

  /**
   * A short link in the text a platform relays for its users (SUSPICIOUS_LINK not counted): a
   * crowdfunding creator's update, a club's news sent through the club's platform, carrying the
   * creator's own cutt.ly or forms.gle link. The platform does not lie by it, and the shortener
   * alone says little: it counts again as soon as anything else in the message does. Only when the
   * sender's own domain is authenticated ({@link #fromAligned}: no free mail), the message is bulk
   * mail (list headers or unsubscribe text), asks for no credentials, carries no sign but short
   * links and a topic (TARGETED_THEME) — no payment or prize lure, no urgency, no Reply-To
   * elsewhere, no phishing wording —, the short links lead to no login page, and the sender's own
   * domain holds at least {@link #RELAYED_OWN_LINKS} of its links and more than the short links do.
   * A lure from a fraudster's own authenticated domain that asks for a password, money or haste, or
   * whose only call to action is the short link, keeps the sign; so does a link to an IP address or
   * a free host in the same message.
   */
  private static void relayedShortLinks(State st) {
    if (st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || st.asksCredentials
        || !fromAligned(st)
        || !st.bulk()) {
      return;
    }
    List<MailReport.Finding> shortened = new ArrayList<>();
    for (MailReport.Finding f : st.findings) {
      if (f.flag() == RedFlag.SUSPICIOUS_LINK && shortLink(f.evidence())) {
        shortened.add(f);
      } else if (f.flag().weight() > RedFlag.TARGETED_THEME.weight()) {
        return;
      }
    }
    if (shortened.isEmpty()) {
      return;
    }
    int own = 0;
    int shortLinks = 0;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null) {
        continue;
      }
      if (shortLink(l.url())) {
        if (st.loginLike(l)) {
          return;
        }
        shortLinks++;
      } else if (registrable(h).equals(st.senderDomain)) {
        own++;
      }
    }
    if (own >= RELAYED_OWN_LINKS && own > shortLinks) {
      st.findings.removeAll(shortened);
    }
  }

  /**
   * The short links of form services ({@link #relayedShortLinks}): a survey's address shortened by
   * the service that hosts the form (Google Forms' forms.gle). They are listed among the hosting
   * anyone can put a page on, as the form itself is; here they are a creator's survey link like a
   * bit.ly one, and a form that asks for a password still keeps the sign (the message then asks for
   * credentials, or the link is a login page).
   */
  static final Set<String> FORM_SHORT_LINKS = Set.of("forms.gle");

  /**
   * A link (the whole evidence, nothing after it) served by a link shortener, or a form service's
   * short link ({@link #FORM_SHORT_LINKS}).
   */
  private static boolean shortLink(String evidence) {
    // the link, without the kind of link the evidence names after it ("… (URL shortener)")
    String url = evidence;
    for (String kind : new String[] {" (URL shortener)", " (hosting anyone can put a page on)"}) {
      url = url.endsWith(kind) ? url.substring(0, url.length() - kind.length()) : url;
    }
    String h = host(url);
    if (h == null || url.indexOf(' ') >= 0 || MailSigns.OWN_SHORT_LINKS.contains(h)) {
      return false;
    }
    return MailSigns.SHORTENERS.contains(h)
        || MailSigns.SHORTENERS.contains(registrable(h))
        || FORM_SHORT_LINKS.contains(h);
  }

  /**
   * Bulk mail sent through a sending platform (ESP_TRACE_FIELDS) by a sender whose own domain
   * authenticated, asking for no credentials: such platforms add no List-Unsubscribe unless told
   * to, so its absence says nothing of a spam run from a fresh domain's own server, which is what
   * HIDDEN_UNLISTED and UNLISTED_BULK look for. A platform's mail that fails authentication, or a
   * free-mail sender's, is judged as before.
   */
  private static boolean espBulk(State st) {
    return st.espRelayed
        && !st.asksCredentials
        && st.senderDomain != null
        && !FREEMAIL.contains(st.senderDomain)
        && fromAligned(st);
  }

  /**
   * A sending platform's own address in From with the envelope on the same platform domain
   * (disneyplus@sparkpostmail.com, bounces on sparkpostmail.com): the platform wrote its own
   * address for a customer whose DKIM signature passed, and no one's domain is borrowed, so
   * NOT_ALIGNED, which tells a From domain from the domain that authenticated, says nothing. A
   * brand's domain in From, or a platform address beside another envelope, keeps the sign; what the
   * message says and shows (a brand's name, a password asked for) is judged as ever.
   */
  private static boolean espOwnAddress(State st, String fromDomain) {
    String envelope = st.returnPath == null ? null : domain(st.returnPath);
    return MailSigns.espOwnDomain(fromDomain)
        && envelope != null
        && registrable(envelope).equals(registrable(fromDomain));
  }

  /**
   * A free-mail sender that hides whom it writes to (undisclosed recipients, or only itself with
   * the real recipients in Bcc), and one that asks for replies at another free-mail mailbox of the
   * same provider (a different domain is REPLY_TO_OTHER_DOMAIN already): the advance-fee letter's
   * way of writing from a throw-away mailbox to many and reading the answers in another.
   */
  private static void freeMailHidden(State st, String fromDomain) {
    if (fromDomain == null || !FREEMAIL.contains(registrable(fromDomain)) || st.listVouched()) {
      return;
    }
    String me = mailbox(st.from);
    if (writesOnlyToItself(st)) {
      st.flag(RedFlag.HIDDEN_RECIPIENTS, hiddenRecipients(st));
    }
    for (String r : st.replyTo) {
      String rd = domain(r);
      if (rd != null && registrable(rd).equals(registrable(fromDomain)) && !mailbox(r).equals(me)) {
        st.flag(RedFlag.REPLY_TO_OTHER_MAILBOX, "From: " + st.from + " → Reply-To: " + r);
      }
    }
  }

  /**
   * An envelope sender (Return-Path, the domain SPF checked) whose domain name scatters capitals at
   * random (OYKfSSsG8UesuuyKLMNs.com): domain names are case-blind, so only a generator writes one
   * so, registering a throw-away domain per run to keep ahead of reputation lists
   * (RANDOM_CASE_SENDER, once).
   */
  private static void scrambledEnvelope(State st) {
    if (st.findings.stream().anyMatch(f -> f.flag() == RedFlag.RANDOM_CASE_SENDER)) {
      return;
    }
    for (String d : st.envelopeWritten) {
      String label = MailSigns.scrambledDomain(d);
      if (label != null) {
        st.flag(
            RedFlag.RANDOM_CASE_SENDER,
            "Return-Path / smtp.mailfrom: " + d + " (" + label + ")",
            "エンベロープの差出人 (Return-Path / smtp.mailfrom): " + d + " (" + label + ")");
        return;
      }
    }
  }

  /** No recipient but the sender itself (or none named): the real ones are in Bcc. */
  private static boolean writesOnlyToItself(State st) {
    String me = mailbox(st.from);
    return st.recipients.stream().allMatch(r -> mailbox(r).equals(me));
  }

  private static String hiddenRecipients(State st) {
    return "From: "
        + st.from
        + " → To: "
        + (st.recipients.isEmpty() ? "—" : String.join(", ", st.recipients));
  }

  /**
   * Bulk mail without any list header (UNLISTED_BULK or HIDDEN_UNLISTED found) that also hides whom
   * it goes to (To: undisclosed-recipients, or only the sender itself with the real recipients in
   * Bcc; a message with no To header at all is left alone, as archives that strip headers keep list
   * mail): a newsletter's mailing system writes to each subscriber or names its list; a spam run
   * through a borrowed or fresh domain blind-copies its address list. Free-mail senders are {@link
   * #freeMailHidden}'s.
   */
  private static void hiddenBulk(State st) {
    if (st.from == null
        || !st.toWritten
        || st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || st.listVouched()
        || st.findings.stream()
            .noneMatch(
                f -> f.flag() == RedFlag.UNLISTED_BULK || f.flag() == RedFlag.HIDDEN_UNLISTED)
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.HIDDEN_RECIPIENTS)) {
      return;
    }
    if (writesOnlyToItself(st)) {
      st.flag(
          RedFlag.HIDDEN_RECIPIENTS,
          hiddenRecipients(st) + "; neither a List-Unsubscribe nor a List-Id header",
          hiddenRecipients(st) + "。List-Unsubscribe も List-Id もヘッダーにない");
    }
  }

  /** Words beside the links at most, for a message that is "nothing but a link". */
  static final int SHARED_FILE_WORDS = 6;

  /**
   * A free-mail message that is nothing but a link to a shared file (a Google Drive preview, a
   * OneDrive or Dropbox link) with a few words or none, no attachment (SHARED_FILE_ONLY): the lure
   * is in the file, where the mail filter does not look.
   */
  private static void sharedFileOnly(State st, boolean senderAllowed) {
    if (senderAllowed
        || st.senderDomain == null
        || !FREEMAIL.contains(st.senderDomain)
        || st.links.isEmpty()
        || !st.attachments.isEmpty()
        || st.listVouched()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      if (!MailSigns.sharedFile(l.url())) {
        return;
      }
    }
    int words = 0;
    Matcher w = SHARED_FILE_WORD.matcher(MailSigns.withoutLinks(st.text.toString()));
    while (w.find()) {
      if (++words > SHARED_FILE_WORDS) {
        return;
      }
    }
    String url = st.links.get(0).url();
    st.flag(
        RedFlag.SHARED_FILE_ONLY,
        url + " (" + words + " words beside it, From: " + st.from + ")",
        url + " (リンク以外に " + words + " 語、From: " + st.from + ")");
  }

  private static final Pattern SHARED_FILE_WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");

  /** A free-mail mailbox without its +tag and dots (which name the same mailbox at Gmail). */
  private static String mailbox(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    String local = at < 0 ? a : a.substring(0, at);
    int plus = local.indexOf('+');
    local = (plus < 0 ? local : local.substring(0, plus)).replace(".", "");
    return local + (at < 0 ? "" : a.substring(at));
  }

  /** The Unicode scripts of a word's letters, e.g. "LATIN + CYRILLIC". */
  /** Scripts a mixed word is made of, by their Japanese names (the others by their own). */
  private static final Map<Character.UnicodeScript, String> SCRIPTS_JA =
      Map.ofEntries(
          Map.entry(Character.UnicodeScript.LATIN, "ラテン文字"),
          Map.entry(Character.UnicodeScript.CYRILLIC, "キリル文字"),
          Map.entry(Character.UnicodeScript.GREEK, "ギリシャ文字"),
          Map.entry(Character.UnicodeScript.ARMENIAN, "アルメニア文字"),
          Map.entry(Character.UnicodeScript.SYRIAC, "シリア文字"),
          Map.entry(Character.UnicodeScript.CHEROKEE, "チェロキー文字"),
          Map.entry(Character.UnicodeScript.COPTIC, "コプト文字"),
          Map.entry(Character.UnicodeScript.GEORGIAN, "ジョージア文字"),
          Map.entry(Character.UnicodeScript.ARABIC, "アラビア文字"),
          Map.entry(Character.UnicodeScript.HEBREW, "ヘブライ文字"),
          Map.entry(Character.UnicodeScript.THAI, "タイ文字"),
          Map.entry(Character.UnicodeScript.HAN, "漢字"),
          Map.entry(Character.UnicodeScript.HIRAGANA, "ひらがな"),
          Map.entry(Character.UnicodeScript.KATAKANA, "カタカナ"),
          Map.entry(Character.UnicodeScript.HANGUL, "ハングル"));

  /** "Latin + Cyrillic", or in Japanese 「ラテン文字 + キリル文字」. */
  private static String scripts(String word, boolean japanese) {
    Set<Character.UnicodeScript> names = new LinkedHashSet<>();
    word.codePoints()
        .filter(
            c ->
                Character.isLetter(c)
                    || (Character.getType(c) == Character.NON_SPACING_MARK
                        && Character.UnicodeScript.of(c) != Character.UnicodeScript.INHERITED))
        .forEach(c -> names.add(Character.UnicodeScript.of(c)));
    return String.join(
        " + ",
        names.stream()
            .map(
                s ->
                    japanese && SCRIPTS_JA.containsKey(s)
                        ? SCRIPTS_JA.get(s)
                        : s.name().charAt(0)
                            + s.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))
            .toList());
  }

  /**
   * The subject or the greeting names the recipient by address: "taro.yamada@example.jp, your
   * reward", "Dear taro.yamada". A bare first name ("Hi john") is how people write and no sign: the
   * part before @ counts only when it holds a dot, underscore, hyphen or digit, as a name taken
   * from an address list does.
   */
  private static void recipientAsName(State st) {
    String subject = st.subject == null ? "" : st.subject.toLowerCase(Locale.ROOT);
    String head = st.text.length() > 600 ? st.text.substring(0, 600) : st.text.toString();
    // the first ten recipients: a message to hundreds names nobody in its greeting
    for (String r : st.recipients.subList(0, Math.min(10, st.recipients.size()))) {
      String address = r.toLowerCase(Locale.ROOT);
      int at = address.indexOf('@');
      if (at <= 0) {
        continue;
      }
      String local = address.substring(0, at);
      if (subject.contains(address)) {
        st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
        return;
      }
      boolean punctuated = local.length() >= 5 && punctuatedLocal(local);
      // both names the greeting may be followed by hold the local part, taken literally: a head
      // without it cannot match, and the pattern need not be compiled
      if (head.contains(local)) {
        String name =
            punctuated
                ? "(?:" + Pattern.quote(address) + "|" + Pattern.quote(local) + ")"
                : Pattern.quote(address);
        Matcher g = Pattern.compile(GREETING + name + "(?![\\w.@-])").matcher(head);
        if (g.find()) {
          st.flag(RedFlag.RECIPIENT_AS_NAME, g.group().strip());
          return;
        }
      }
      if (punctuated
          && subject.contains(local)
          && subject.matches(
              "^(?:(?:re|fwd?|aw)\\s*:\\s*)?" + Pattern.quote(local) + "\\s*[,:!].*")) {
        st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
        return;
      }
    }
  }

  /**
   * The 2004-2005 bulk lures' signs of {@link MailBulkLures}: a banner header vouching for the
   * sender (VOUCHING_BANNER), a subject opening with the reader's mailbox name (RECIPIENT_AS_NAME),
   * free money at a brand the sender is not, from a sender whose own domain is not authenticated
   * (BRAND_IMPERSONATION). Mailing lists that vouch for themselves, replies and bounces are not
   * read.
   */
  /**
   * {@code SENDER_GENERATED} for a made-up label the sender's host shares with its links' hosts on
   * another registered domain ({@link MailBulkLures#labelAcrossDomains}).
   */
  private static void campaignLabel(State st, String fromDomain) {
    if (st.findings.stream().anyMatch(f -> f.flag() == RedFlag.SENDER_GENERATED)) {
      return;
    }
    List<String> hosts = new ArrayList<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null) {
        hosts.add(h);
      }
    }
    String across = MailBulkLures.labelAcrossDomains(fromDomain, hosts);
    if (across != null) {
      st.flag(
          RedFlag.SENDER_GENERATED,
          "From: " + st.from + " + link " + across + " (one made-up label on two domains)",
          "From: " + st.from + " + リンク " + across + " (同じ作られたラベルが 2 つのドメインに)");
    }
  }

  private static void bulkLures(State st, String fromDomain) {
    if (st.bounce || st.listVouched()) {
      return;
    }
    String banner = MailBulkLures.vouchingBanner(st.messageFlag);
    if (banner != null) {
      st.flag(RedFlag.VOUCHING_BANNER, "X-Message-Flag: " + banner);
    }
    if (st.forgedHop != null && st.inReturned == 0) {
      st.flag(
          RedFlag.FORGED_RECEIVED,
          "Received: " + st.forgedHop + " (no server name, protocol or queue id)",
          "Received: " + st.forgedHop + " (サーバー名・プロトコル・キュー ID なし)");
    }
    campaignLabel(st, fromDomain);
    String spaced = st.inReturned > 0 ? null : MailBulkLures.spacedMessageId(st.messageId);
    if (spaced != null) {
      st.flag(
          RedFlag.FORGED_MESSAGE_ID,
          "Message-ID: " + spaced + " (white space inside < >)",
          "Message-ID: " + spaced + " (< > の中に空白)");
    }
    if (st.subject == null || REPLY_SUBJECT.matcher(st.subject).matches()) {
      return;
    }
    String mailbox = MailBulkLures.subjectOpensWithMailbox(st.subject, st.recipients);
    if (mailbox != null
        && st.findings.stream().noneMatch(f -> f.flag() == RedFlag.RECIPIENT_AS_NAME)) {
      st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
    }
    List<String> hosts = new ArrayList<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null) {
        hosts.add(h);
      }
    }
    // a company's own authenticated mail may offer a prize in another brand's gift card (a
    // survey's "$100 Visa gift card"): only a sender that could not show its domain is read
    MailSigns.Brand offered =
        fromAligned(st) ? null : MailBulkLures.brandOffer(st.subject, fromDomain, hosts);
    if (offered != null
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.BRAND_IMPERSONATION
                        && f.evidence().startsWith(offered.name() + " "))) {
      st.flag(
          RedFlag.BRAND_IMPERSONATION,
          offered.name() + " ≠ " + shown(fromDomain) + " (Subject: " + st.subject + ")",
          offered.name() + " ≠ " + shown(fromDomain) + " (件名: " + st.subject + ")");
    }
  }

  /**
   * Whether a local part holds a dot, an underscore, a hyphen or a digit and no line terminator:
   * what {@code local.matches(".*[._\\-0-9].*")} says (its dots stop at line terminators).
   */
  static boolean punctuatedLocal(String local) {
    boolean found = false;
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
      found |= c == '.' || c == '_' || c == '-' || (c >= '0' && c <= '9');
    }
    return found;
  }

  /** A reply or forward by its subject ("Re:", "Fwd:", "AW:", "転送:", "返信："). */
  private static final Pattern REPLY_SUBJECT =
      Pattern.compile("(?is)^\\s*(re|fwd?|aw|転送|返信)\\s*[:：].*");

  private static final String GREETING =
      "(?:^|\\n|\\s)(?:dear|hello|hi|hey|greetings|attention|attn|olá|ola|oi|prezad[oa]|car[oa]|hola"
          + "|sr\\.?\\(a\\)|sra?\\.|senhor\\(a\\)|señor\\(a\\)|mrs?\\.|ms\\."
          + "|estimad[oa]|hallo|liebe[r]?|sehr geehrte[r]?|bonjour|cher|chère|beste|geachte|beste klant)[ ,:]+";

  /** A brand or public body claimed by the display name or subject, from none of its domains. */
  private void impersonation(State st, String fromDomain) {
    if (fromDomain == null) {
      return;
    }
    String own = MailSigns.label(fromDomain);
    List<MailSigns.Brand> claims = new ArrayList<>(MailSigns.claimed(st.fromName));
    if (!FREEMAIL.contains(fromDomain)) {
      // a display name that is a company's name and nothing else (on free mail it may be a
      // person's)
      MailSigns.named(st.fromName).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    // "Katie from Ledger": a person speaking for the brand (free mail included: no employee
    // writes for a company from a private mailbox)
    MailSigns.namedAfterPerson(st.fromName).stream()
        .filter(b -> !claims.contains(b))
        .forEach(claims::add);
    if (!claims.isEmpty()
        && FREEMAIL.contains(fromDomain)
        && !st.listVouched()
        && !providersDaemon(st)) {
      // a brand's name on a free-mail address: no company sends from one
      st.flag(RedFlag.FREEMAIL_CLAIMS_ORGANISATION, st.fromName + " <" + st.from + ">");
    }
    boolean reply = st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches();
    if (!st.listVouched()
        && !(st.ownBulk() && !st.asksCredentials)
        && !reply
        && st.subject != null
        && !namesItself(st, fromDomain)
        // a public body or security organisation, authenticated, writes about vendors' products
        // (「Microsoft 製品の脆弱性対策」): its subject names them, it does not speak for them
        && !(fromAligned(st) && MailSigns.hostIn(fromDomain, MailSigns.PUBLIC_SOURCES))
        && ACCOUNT_SUBJECT.matcher(st.subject).find()) {
      MailSigns.claimed(st.subject).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    if (!reply) {
      // the text speaking as the brand: "dear paypal member", "the ebay security team", its ©
      MailSigns.signedAs(st.phrases()).stream()
          .filter(b -> !claims.contains(b))
          .forEach(claims::add);
    }
    MailReport.Authentication auth = st.auth;
    boolean failed = spfFailed(st) || bad(auth.dkim()) || bad(auth.dmarc()) || st.compositeFailed;
    // a real bounce from the provider's own MAILER-DEMON or postmaster, not authenticated (the
    // null reverse-path leaves SPF nothing to check) but not failing either, is the provider's
    if (!st.listVouched()
        && spoofed(st)
        && !(providersDaemon(st) && !failed)
        && !customerNameAtPlatform(st, fromDomain)) {
      // a brand's or public body's own domain that the receiver could not authenticate (DMARC
      // failing, or neither SPF nor DKIM) is someone else writing in its name: the lure that
      // forges info@vpass.ne.jp itself, not a look-alike
      for (MailSigns.Brand b : MailSigns.BRANDS) {
        if (b.labels().contains(own)) {
          st.flag(
              RedFlag.BRAND_IMPERSONATION,
              b.name()
                  + " = "
                  + shown(fromDomain)
                  + ", "
                  + results(st.auth.spf(), st.auth.dkim(), st.auth.dmarc(), null));
          break;
        }
      }
    }
    for (MailSigns.Brand b : claims) {
      // a newsletter named after what it writes about (Lockergnome Apple Core) speaks for itself
      if (!MailSigns.ownedBy(b, fromDomain)
          && !st.listVouched()
          && !(st.ownBulk() && !st.asksCredentials)) {
        st.flag(RedFlag.BRAND_IMPERSONATION, b.name() + " ≠ " + shown(fromDomain));
      }
    }
  }

  /**
   * A sender's display name that speaks as a company (BRAND_IMPERSONATION) in mail a discussion
   * list relayed ({@link State#listVouched}), from none of the company's domains (recall29). The
   * list vouches that it sent the message, not for who wrote it: lures posted to a list arrive with
   * the list's headers and authentication, and {@link #impersonation} leaves brands alone there,
   * since members discuss companies in subjects and quote their signatures. A member's display name
   * is a person's, though: a name that is the company's and nothing else ("Nintendo"), or a
   * Japanese name that claims one as an organisation or its desk ("楽天証券からのお知らせ", "〇〇カード株式会社"), from
   * another domain is the lure's and not a member's. Not read: free mail (a person's mailbox may
   * carry any name), the list's own address or domain (a From the list rewrote), replies, and a
   * Latin name with other words around the brand ("Jane Doe (Google)": a member giving her
   * employer).
   */
  private static void listRelayedBrandName(State st, String fromDomain) {
    if (fromDomain == null
        || st.fromName == null
        || !st.listVouched()
        || FREEMAIL.contains(fromDomain)
        || st.fromRewrittenByList(st.from)
        || st.listOwn.contains(fromDomain)
        || st.listDomains.contains(fromDomain)
        || (st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches())) {
      return;
    }
    List<MailSigns.Brand> claims = new ArrayList<>(MailSigns.named(st.fromName));
    if (JAPANESE_NAME.matcher(st.fromName).find()
        && JAPANESE_ORGANISATION_NAME.matcher(st.fromName).find()) {
      MailSigns.claimed(st.fromName).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    for (MailSigns.Brand b : claims) {
      if (!MailSigns.ownedBy(b, fromDomain)) {
        st.flag(
            RedFlag.BRAND_IMPERSONATION,
            b.name() + " ≠ " + shown(fromDomain) + " (through a mailing list)",
            b.name() + " ≠ " + shown(fromDomain) + " (メーリングリスト経由)");
        return;
      }
    }
    // the subject's Japanese sender tag after the list's own tags ("[f2fs-dev] 【三井住友 カード】 お支払…"):
    // how a Japanese company names itself in a subject, which no member of a list tags a post with
    // (recall31)
    if (st.subject != null) {
      Matcher tag = LIST_THEN_SENDER_TAG.matcher(st.subject);
      if (tag.lookingAt()) {
        for (MailSigns.Brand b : MailSigns.claimed(tag.group(1))) {
          if (!MailSigns.ownedBy(b, fromDomain)) {
            st.flag(
                RedFlag.BRAND_IMPERSONATION,
                b.name()
                    + " ≠ "
                    + shown(fromDomain)
                    + " (subject 【"
                    + tag.group(1).strip()
                    + "】, through a mailing list)",
                b.name()
                    + " ≠ "
                    + shown(fromDomain)
                    + " (件名の【"
                    + tag.group(1).strip()
                    + "】, メーリングリスト経由)");
            return;
          }
        }
      }
    }
  }

  /** A subject's list tags in square brackets, if any, then a sender tag in 【】 (recall31). */
  private static final Pattern LIST_THEN_SENDER_TAG =
      Pattern.compile("\\s*(?:\\[[^\\]]{1,60}\\]\\s*){0,3}【([^】]{2,60})】");

  /**
   * A From display name written in raw ISO-2022-JP, its escape sequences in the header itself (ESC
   * $ B … ESC ( B) instead of an encoded word (=?ISO-2022-JP?B?…?=): MALFORMED_SENDER (recall29).
   * Headers carry 7-bit words only, and every mail program since RFC 2047 (1996) encodes a Japanese
   * name; a bulk tool that pastes JIS bytes into the header is what writes it so. The reader's
   * program shows it as "$B%f!<%7!<…(B", which hides the name a lure claims from the name checks.
   */
  private static void rawJisName(State st) {
    if (st.fromNameRawJis && !st.bounce) {
      st.flag(
          RedFlag.MALFORMED_SENDER,
          "From name in raw ISO-2022-JP (no encoded word)",
          "差出人名が生の ISO-2022-JP (エンコードされていません)");
    }
  }

  /** Kana or kanji in a display name. */
  private static final Pattern JAPANESE_NAME =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  /**
   * The words that make a Japanese display name an organisation's or its desk's, not a person's
   * (みずほ is a given name as well as a bank): a legal form, a line of business, a notice or a desk.
   */
  private static final Pattern JAPANESE_ORGANISATION_NAME =
      Pattern.compile("株式会社|㈱|\\(株\\)|（株）|銀行|証券|カード|お知らせ|からの|事務局|サポート|センター|窓口|公式|運営" + "|カスタマー|会員");

  /**
   * A display name, a subject's sender tag (【さくら架空銀行】) or a signature line that claims one of the
   * hub's member organisations ({@link KnownOrganisations}) from a domain that is none of its own
   * (MEMBER_IMPERSONATION). A member writing from its own domain, any member's domain (a CEPTOAR
   * relaying a member's notice), a mailing list that vouches for itself and a text that only
   * mentions the organisation (news, a circular naming members, "さくら架空銀行 御中") are not claims.
   * Replies and forwards are not read for the subject or signature: they quote the other side.
   */
  private void memberImpersonation(State st, String fromDomain) {
    if (known.isEmpty() || fromDomain == null || st.listVouched() || known.anyOwns(fromDomain)) {
      return;
    }
    KnownOrganisations.Organisation o = known.named(st.fromName);
    String whereEn = "display name";
    String whereJa = "差出人名";
    boolean reply = st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches();
    if (o == null && !reply && st.subject != null) {
      java.util.regex.Matcher tag =
          SENDER_TAG.matcher(jp.renkei.engine.text.Names.normalise(st.subject));
      if (tag.lookingAt()) {
        o = known.named(tag.group(1));
        whereEn = "subject";
        whereJa = "件名";
      }
    }
    if (o == null && !reply) {
      o = signedAsMember(st.text);
      whereEn = "signature";
      whereJa = "署名";
    }
    if (o != null) {
      st.flag(
          RedFlag.MEMBER_IMPERSONATION,
          "claims member organisation " + o.nameEn() + " (" + whereEn + ") ≠ " + shown(fromDomain),
          "会員組織「" + o.nameJa() + "」を名乗る (" + whereJa + ") ≠ " + shown(fromDomain));
    }
  }

  /** A subject's leading tag in brackets, how Japanese senders name themselves (【〇〇銀行】). */
  private static final Pattern SENDER_TAG =
      Pattern.compile("\\s*[【\\[〔<＜《〈]([^】\\]〕>＞》〉]{2,60})[】\\]〕>＞》〉]");

  /**
   * The member organisation a signature line names: one of the last eight lines of the text (not
   * quoted) that is the organisation's name, with at most a department after it ("さくら架空銀行 情報システム部",
   * "© Sakura Fictional Bank"), and no sentence.
   */
  private KnownOrganisations.Organisation signedAsMember(CharSequence text) {
    int from = Math.max(0, text.length() - 2000);
    String[] lines = text.subSequence(from, text.length()).toString().split("\\R");
    int seen = 0;
    for (int i = lines.length - 1; i >= 0 && seen < 8; i--) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (line.startsWith(">") || line.startsWith("|") || line.length() > 60) {
        continue;
      }
      KnownOrganisations.Organisation o =
          known.signature(COPYRIGHT.matcher(line).replaceFirst("").strip());
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  private static final Pattern COPYRIGHT =
      Pattern.compile("(?i)^(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?)?\\s*");

  /**
   * A From host under a platform's domain that spells out, in its leading labels, another domain
   * that authenticated the message ("digital.costco.com.cname.cjm.adobe.com", DKIM passing for
   * costco.com): the name a marketing platform gives a customer's delegated subdomain. The brand
   * whose domain ends the host (Adobe) is the platform, not a brand claimed: BRAND_IMPERSONATION
   * for an unauthenticated brand domain is not raised; NOT_ALIGNED still tells the From domain from
   * the signer. The limit: a signer writing its own domain into a brand's host name is not told by
   * this sign (a receiver applying the brand's DMARC policy rejects it).
   */
  private static boolean customerNameAtPlatform(State st, String fromDomain) {
    String host = fromDomain.toLowerCase(Locale.ROOT);
    String own = registrable(host);
    for (String d : st.passedDomains) {
      if (!d.equals(own) && (host.startsWith(d + ".") || host.contains("." + d + "."))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sender that names itself by its own authenticated domain ("Discover Card" from
   * services.discover.com, DKIM passing for discover.com): a brand its subject's account notice
   * names is then another company's product it speaks of ("your account is connected to Apple
   * Wallet"), not the sender it claims to be. Free mail and platforms that send for anyone are
   * excluded (their users choose the display name), and the name must hold the domain's whole first
   * label (four letters at least).
   */
  private static boolean namesItself(State st, String fromDomain) {
    if (st.fromName == null || fromDomain == null || !fromAligned(st)) {
      return false;
    }
    String from = registrable(fromDomain);
    if (FREEMAIL.contains(from)
        || MailSigns.RELAYING_PLATFORMS.contains(from)
        || MailSigns.SIGNING_PLATFORMS.contains(from)) {
      return false;
    }
    String label = MailSigns.label(from).replace("-", "");
    String name = NOT_LETTER_OR_DIGIT.matcher(st.fromName.toLowerCase(Locale.ROOT)).replaceAll("");
    return label.length() >= 4 && name.contains(label);
  }

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

  /**
   * A sender whose mailbox name speaks for a court, the police, a tax office or a traffic
   * department ("court_notice@", "adm.detran…@") on a domain that is not a government's
   * (BRAND_IMPERSONATION): such bodies write from their own domains, a fraudster borrows only the
   * name.
   */
  private static void publicBodyMailbox(State st, String fromDomain) {
    if (st.from == null || fromDomain == null || st.listVouched()) {
      return;
    }
    int at = st.from.lastIndexOf('@');
    String word = at < 0 ? null : MailSigns.publicBodyMailbox(st.from.substring(0, at));
    if (word != null && !MailSigns.governmentDomain(fromDomain, word)) {
      st.flag(
          RedFlag.BRAND_IMPERSONATION,
          "mailbox \"" + word + "\" ≠ " + shown(fromDomain),
          "公的機関を名乗るアドレス \"" + word + "\" ≠ " + shown(fromDomain));
    }
  }

  /**
   * A sender whose display name speaks for a public body ("U.S. Federal Court System", "Receita
   * Federal", "lRS.GOV", 国税庁) on a domain that is not a government's (PUBLIC_BODY_NAME): IPA's
   * "notice from a public body never heard from before". The mailing service a city or ministry
   * sends its bulletins through (its own domain authenticated, its links to the body's site) and
   * list mail are left alone.
   */
  private static void publicBodyName(State st, String fromDomain) {
    if (fromDomain == null || st.listVouched()) {
      return;
    }
    String words = MailSigns.publicBodyName(st.fromName);
    if (words == null) {
      return;
    }
    // a domain named after the body (detran.sp.gov.br, receitafederal.com) is the look-alike
    // signs' to judge, as for the mailbox; a Japanese name has no letters to look for
    String letters = NOT_LETTER_OR_DIGIT.matcher(words.toLowerCase(Locale.ROOT)).replaceAll("");
    if (MailSigns.governmentDomain(fromDomain, letters.length() < 3 ? null : letters)) {
      return;
    }
    if (fromAligned(st) && linksToGovernment(st)) {
      return;
    }
    st.flag(
        RedFlag.PUBLIC_BODY_NAME,
        "\"" + words + "\" ≠ " + shown(fromDomain),
        "公的機関の名乗り \"" + words + "\" ≠ " + shown(fromDomain));
  }

  private static boolean linksToGovernment(State st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null && MailSigns.governmentDomain(h, null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A lure word with spaces between its letters ("v e r i f y"), read in the text
   * (MailSpacedWords).
   */
  private static void spacedWords(State st, boolean senderAllowed) {
    String spaced = senderAllowed ? null : MailSpacedWords.find(st.text);
    if (spaced == null && !senderAllowed) {
      // a Japanese lure word spaced out inside a sentence (recall29)
      spaced = MailSpacedJapanese.find(st.text);
    }
    if (spaced != null) {
      st.flag(
          RedFlag.OBFUSCATED_TEXT,
          "letters spaced out: \"" + spaced + "\"",
          "文字の間に空白: \"" + spaced + "\"");
    }
  }

  /**
   * A shop's sales mail linking its own shop on a commerce platform (MailSigns.SHOP_PLATFORMS): the
   * message links products, collections or the cart of that shop, asks for no credentials, and this
   * link is no login page. Its other links to the same shop (its front page) count as the shop's
   * too; a page on such a host in a mail that links no catalogue there is judged as before.
   */
  private static boolean shopsCatalogue(MailReport.Link l, String host, State st) {
    if (st.asksCredentials || st.loginLike(l)) {
      return false;
    }
    for (MailReport.Link other : st.links) {
      if (host.equals(host(other.url()))
          && MailSigns.shopCatalogue(other.url(), host)
          && !st.loginLike(other)) {
        return true;
      }
    }
    return false;
  }

  /** A link whose host is written to hide where it leads (MailLinkHosts). */
  private static void disguisedHost(MailReport.Link l, State st) {
    MailLinkHosts.Disguise d = MailLinkHosts.disguise(l.url());
    if (d != null) {
      st.flag(RedFlag.DISGUISED_LINK_HOST, d.evidence(), d.evidenceJa());
    }
  }

  /**
   * A link through a big site's open redirect (google.com/url?q=, bing.com/ck/a, LinkedIn's slink):
   * the destination, where it can be read, is judged as a link of its own; a destination only the
   * site can read is a sign outside bulk mail, as a shortener is.
   */
  private void redirected(MailReport.Link l, String h, String sender, State st) {
    String target = MailSigns.redirectTarget(l.url(), h);
    if (target == null) {
      if (MailSigns.opaqueRedirect(l.url(), h) && !st.bulk() && !registrable(h).equals(sender)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " → ?");
      }
      return;
    }
    String th = host(target);
    if (th == null || allowed.contains(th) || registrable(th).equals(registrable(h))) {
      return;
    }
    MailReport.Link t = new MailReport.Link(target, l.text(), l.where());
    lookalike(th, target, st);
    String inFront = MailSigns.brandDomainInFront(th);
    if (inFront != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, target + " ≈ " + inFront);
    }
    String bare = MailSigns.suffixInFront(th);
    if (bare != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, target + " ≈ " + bare);
    }
    hyphened(target, th, st);
    links(t, th, sender, st);
  }

  /**
   * LOOKALIKE_DOMAIN for a link whose host writes a brand's domain with hyphens for its dots
   * (my-jcb-co-jp.cyyan.xyz): {@link MailSigns#brandDomainHyphened}.
   */
  private static void hyphened(String url, String h, State st) {
    String hyphened = MailSigns.brandDomainHyphened(h);
    if (hyphened != null) {
      st.flag(
          RedFlag.LOOKALIKE_DOMAIN,
          url + " ≈ " + hyphened + ", its dots written as hyphens",
          url + " ≈ " + hyphened + "、ドットをハイフンに替えた形");
    }
  }

  /**
   * The text of an HTML body with its zero-width spaces kept, for the invisible-character count
   * (OBFUSCATED_TEXT): jsoup's {@code text()} drops U+200B (and the soft hyphen) while it keeps the
   * other zero-width characters, so "Y&amp;#8203;o&amp;#8203;u&amp;#8203;r" in a body was never
   * counted (recall29b). Each U+200B of the text nodes is read as U+2060 (word joiner), which
   * {@code text()} keeps and the count treats alike; the document is left as it was.
   */
  static String withZeroWidthSpaces(org.jsoup.nodes.Document doc, String text) {
    List<org.jsoup.nodes.TextNode> marked = new ArrayList<>();
    // one walk of the nodes: every text node has an element parent, so these are the text nodes
    // of every element (listing each element's text nodes cost a list per element: 2.6 % of modern
    // HTML mail's analysis, speed30)
    doc.traverse(
        (node, depth) -> {
          if (node instanceof org.jsoup.nodes.TextNode t
              && t.getWholeText().indexOf('\u200B') >= 0) {
            marked.add(t);
          }
        });
    if (marked.isEmpty()) {
      return text;
    }
    List<String> was = new ArrayList<>();
    for (org.jsoup.nodes.TextNode t : marked) {
      was.add(t.getWholeText());
      t.text(t.getWholeText().replace('\u200B', '\u2060'));
    }
    String kept = doc.text();
    for (int i = 0; i < marked.size(); i++) {
      marked.get(i).text(was.get(i));
    }
    return kept;
  }

  /** Links to IPs, shorteners, data: URLs, abused hosting, or to log in somewhere unrelated. */
  /**
   * What a link's file name ends with when following it downloads a program that runs when opened
   * (not .com, .js or .img, which end domain names in paths, web pages' scripts and pictures).
   */
  static final Set<String> PROGRAM_LINKS =
      Set.of(
          "exe",
          "scr",
          "pif",
          "msi",
          "msix",
          "appx",
          "hta",
          "vbs",
          "vbe",
          "jse",
          "wsf",
          "wsh",
          "bat",
          "cmd",
          "ps1",
          "lnk",
          "cpl",
          "jar",
          "iso",
          "vhd",
          "vhdx",
          "one",
          "chm",
          "reg",
          // macro documents: their code runs once the reader enables editing (IPA's 「コンテンツの有効化」)
          "docm",
          "xlsm",
          "pptm",
          "dotm",
          "xlam");

  /** The extension of the file a URL names (its path's last segment), lower-cased, or "". */
  static String linkExtension(String url) {
    int scheme = url.indexOf("://");
    int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (path < 0) {
      return "";
    }
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c, path);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String segment = url.substring(url.lastIndexOf('/', end - 1) + 1, end);
    return segment.contains(".") ? extension(segment) : "";
  }

  private static void links(MailReport.Link l, String host, String sender, State st) {
    String reg = registrable(host);
    if (PROGRAM_LINKS.contains(linkExtension(l.url()))
        // a software company's own mail (authenticated) links its installers on its own domain
        && !(reg.equals(sender) && fromAligned(st))
        // a discussion list's members point each other at downloads (a distribution's .iso)
        && !st.listVouched()) {
      st.flag(
          RedFlag.EXECUTABLE_LINK,
          l.url() + " (." + linkExtension(l.url()) + " to download)",
          l.url() + " (ダウンロードされる ." + linkExtension(l.url()) + ")");
    }
    // the evidence names which kind of link it is (ui25: the sign's line lists every kind)
    if (MailSigns.isIpLiteral(host)) {
      // a private, loopback or link-local address written out is a device or a local service under
      // discussion, not a page every victim can reach; one asking to log in, or hidden behind
      // words ("click this link", Nazario msg-35's PayPal lure), is still a sign
      if (!MailSigns.internalIp(host) || st.loginLike(l) || !addressShown(l, host)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " (IP address)", l.url() + " (IP アドレス)");
      }
    } else if ((MailSigns.SHORTENERS.contains(reg) || MailSigns.SHORTENERS.contains(host))
        && !MailSigns.OWN_SHORT_LINKS.contains(host)) {
      if (!notACallToAction(l) && !remoteServersLink(l, st)) {
        st.flag(RedFlag.SUSPICIOUS_LINK, l.url() + " (URL shortener)", l.url() + " (短縮 URL)");
      }
    } else if (MailSigns.hostIn(host, MailSigns.ABUSED_HOSTING)
        // a discussion list's members link their blogs and pages; a login page there is still one
        && (!st.listVouched() || st.loginLike(l))
        && !shopsCatalogue(l, host, st)) {
      if (!notACallToAction(l)) {
        st.flag(
            RedFlag.SUSPICIOUS_LINK,
            l.url() + " (hosting anyone can put a page on)",
            l.url() + " (誰でもページを置けるホスティング)");
      }
    } else if (MailSigns.publishedDocument(l.url()) && !st.listVouched()) {
      st.flag(RedFlag.SUSPICIOUS_LINK, l.url());
    } else if (MailSigns.unusualPort(l.url()) && st.loginLike(l)) {
      st.flag(RedFlag.SUSPICIOUS_LINK, l.url());
    } else if (MailSigns.ipNamedHost(host) && !st.listVouched() && !notACallToAction(l)) {
      st.flag(
          RedFlag.SUSPICIOUS_LINK,
          l.url() + " (" + host + ": a host named by its IP address)",
          l.url() + " (" + host + ": IP アドレスで名付けられたホスト)");
    }
    String carried = MailSigns.addressInFragment(l.url());
    if (carried != null && webLink(l.url()) && !st.listVouched()) {
      st.flag(
          RedFlag.SUSPICIOUS_LINK,
          l.url() + " (#" + carried + ": an address carried to the page)",
          l.url() + " (#" + carried + ": ページに渡されるメールアドレス)");
    }
    if (sender != null && st.loginLike(l)) {
      String imitated = MailSigns.imitated(l.url(), host, sender, st.bulk());
      if (imitated != null) {
        st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + imitated);
      } else if (!reg.equals(sender)
          && !st.passedDomains.contains(reg)
          && (!st.bulk() || st.asksCredentials)) {
        String inFront = MailSigns.brandLabelInFront(host);
        if (inFront != null && !sendersBrand(inFront, sender)) {
          st.flag(
              RedFlag.LOOKALIKE_DOMAIN,
              l.url() + " ≈ " + inFront + ", a brand's name in front of another domain",
              l.url() + " ≈ " + inFront + "、企業の名前を別のドメインの前に付けた形");
        }
      }
    }
    String dressed =
        sender == null || reg.equals(sender) || st.passedDomains.contains(reg)
            ? null
            : MailSigns.dressedAs(host, st.fromName, domain(st.from));
    if (dressed != null) {
      st.flag(RedFlag.LOOKALIKE_DOMAIN, l.url() + " ≈ " + dressed + " ≠ " + sender);
    }
    if (sender != null
        // bulk mail links its sender's shop and partners; one that asks for credentials is judged
        && (!st.bulk() || (st.asksCredentials && !st.ownBulk()))
        && !reg.equals(sender)
        && !st.passedDomains.contains(reg)
        && !MailSigns.hostIn(host, MailSigns.TRACKERS)
        // a public body's or JPCERT/CC's page (「詳細を確認」) is no place to steal a password
        && !MailSigns.hostIn(reg, MailSigns.PUBLIC_SOURCES)
        // a brand's other domain (microsoft.com's notice linking account.live.com), for a sender
        // that authenticated as itself
        && !(fromAligned(st) && !FREEMAIL.contains(sender) && MailSigns.sameBrand(sender, reg))
        && webLink(l.url())
        && st.loginLike(l)) {
      st.flag(RedFlag.LOGIN_LINK_ELSEWHERE, l.url() + " ≠ " + sender);
    }
  }

  /**
   * Whether the brand {@link MailSigns#brandLabelInFront} names ("eki-net (えきねっと)") is the sender's
   * own: a company links its sites on a hosting service under its own name.
   */
  private static boolean sendersBrand(String named, String sender) {
    String label = named.substring(0, named.indexOf(' '));
    for (MailSigns.Brand b : MailSigns.BRANDS) {
      if (b.labels().contains(label) && MailSigns.ownedBy(b, sender)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reader sees the address a link leads to: a link written in plain text (no words of its
   * own), or one whose words name its host. An address hidden behind "click here" is not shown.
   */
  static boolean addressShown(MailReport.Link l, String host) {
    String text = l.text();
    if (text == null || text.isBlank()) {
      return true;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return text.toLowerCase(Locale.ROOT).contains(bare.toLowerCase(Locale.ROOT));
  }

  /**
   * A link a browser opens as a web page (http, https, or an address without a scheme), not one
   * that hands over to an app on the reader's device (wallet://, an app's own scheme): such a link
   * leads to no domain where a password could be typed.
   */
  /** A link that dials or texts a number ({@code tel:}, {@code sms:}), not a page. */
  static boolean phoneLink(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("tel:") || u.startsWith("sms:");
  }

  static boolean webLink(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return true;
    }
    String name = url.substring(0, scheme).toLowerCase(Locale.ROOT);
    return name.equals("http") || name.equals("https");
  }

  /** What a link's file name ends with when the link is the address of a picture (not an SVG). */
  static final Set<String> PICTURE_LINKS = Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp");

  /**
   * A link that is no page the reader is asked to go to: the address of a picture (a newsletter's
   * plain-text part lists its images so) or of an unsubscribe page (the address itself says so; the
   * words of the link do not count, as lures give their one address to the "unsubscribe" words
   * too). Served by a shortener or a hosting service, nothing is typed into it; the message's other
   * links there are judged as before.
   */
  /**
   * A link a remote server wrote in the reply a real bounce quotes ({@link #replyLinks}), which
   * asks nothing of the reader's account: the server's help page, not the bounce sender's lure.
   */
  private static boolean remoteServersLink(MailReport.Link l, State st) {
    return st.bounce && st.replyLinks.contains(l.url()) && !st.loginLike(l);
  }

  static boolean notACallToAction(MailReport.Link l) {
    String lower = l.url().toLowerCase(Locale.ROOT);
    return PICTURE_LINKS.contains(linkExtension(lower)) || offersUnsubscribe(lower);
  }

  /**
   * A credential lure built on a copy of the brand's own mail: its links lead to the sender's own
   * domain (logo, help, privacy pages) but for the ones to a single unrelated domain, the "click
   * here" that carries the reader off to the page that takes the password (LOGIN_LINK_ELSEWHERE,
   * even when the link's words say nothing of logging in).
   */
  private void swappedActionLink(State st, String sender) {
    if (sender == null
        || !st.asksCredentials
        || FREEMAIL.contains(sender)
        || st.listVouched()
        || st.ownBulk()
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.LOGIN_LINK_ELSEWHERE)) {
      return;
    }
    boolean own = false;
    Set<String> others = new LinkedHashSet<>();
    String first = null;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || allowed.contains(h) || !webLink(l.url())) {
        continue;
      }
      String reg = registrable(h);
      if (reg.equals(sender)) {
        own = true;
      } else if (!st.passedDomains.contains(reg)
          && !MailSigns.hostIn(h, MailSigns.TRACKERS)
          && !MailSigns.hostIn(reg, MailSigns.TRACKERS)
          && !MailSigns.hostIn(reg, MailSigns.PUBLIC_SOURCES)
          && !MailSigns.sameBrand(sender, reg)) {
        others.add(reg);
        first = first == null ? l.url() : first;
      }
    }
    if (own && others.size() == 1) {
      st.flag(
          RedFlag.LOGIN_LINK_ELSEWHERE,
          first + " ≠ " + sender + " (the other links: " + sender + ")",
          first + " ≠ " + sender + " (ほかのリンクはすべて " + sender + ")");
    }
  }

  /**
   * A link whose address carries a second one leading to a bare IP address (an ad server's or a
   * site's redirect: {@code http://ad.example/clk?http://192.0.2.7/login}): the known host in front
   * is what the reader sees, the address behind it where the click lands (SUSPICIOUS_LINK).
   */
  private static void nestedIpLinks(State st) {
    for (MailReport.Link l : st.links) {
      String url = l.url();
      int scheme = url.indexOf("://");
      if (scheme < 0) {
        continue;
      }
      String lower = url.toLowerCase(Locale.ROOT);
      int inner = nestedScheme(lower, scheme + 3);
      if (inner < 0) {
        continue;
      }
      String target = url.substring(inner);
      String th = host(target);
      if (th != null && MailSigns.isIpLiteral(th) && !MailSigns.isIpLiteral(host(url))) {
        st.flag(
            RedFlag.SUSPICIOUS_LINK,
            url + " → " + target,
            url + " → " + target + " (転送先が IP アドレス)");
        return;
      }
    }
  }

  /**
   * A link to a member's page on a free web host (MailSigns.FREE_WEB_HOSTS, SUSPICIOUS_LINK); in a
   * discussion list's mail only when it is a login page (members link their home pages).
   */
  /**
   * An archive behind a link (.zip, .rar, .7z) on another domain than the authenticated sender's,
   * its password written in the same message (「パスワード：2026」「解凍パスワードは」, "password:"): the encrypted
   * archive that no scanner opens, moved off the message to pass the gateway's attachment rules
   * (ENCRYPTED_ARCHIVE).
   */
  private static void passwordedArchiveLink(State st, String sender) {
    if (st.listVouched()
        // no archive linked: the text is not searched (speed35; the loop below asks it again)
        || st.links.stream().noneMatch(l -> ARCHIVE_LINKS.contains(linkExtension(l.url())))
        || !mayNamePassword(st.phrases().text())
        || !ARCHIVE_PASSWORD.matcher(st.phrases().text()).find()) {
      return;
    }
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null
          || st.onlyDefanged(l.url())
          || !ARCHIVE_LINKS.contains(linkExtension(l.url()))
          || (fromAligned(st) && registrable(h).equals(sender))) {
        continue;
      }
      st.flag(
          RedFlag.ENCRYPTED_ARCHIVE,
          l.url() + " (an archive behind a link, its password in the message)",
          l.url() + " (リンク先の圧縮ファイル、パスワードは本文に記載)");
      return;
    }
  }

  static final Set<String> ARCHIVE_LINKS = Set.of("zip", "rar", "7z");

  /** A password given for a file (lower-cased text, full-width forms folded). */
  /**
   * Whether {@link #ARCHIVE_PASSWORD} can be found in {@code text}: every one of its alternatives
   * holds one of these four words (the pattern is case-sensitive and reads lower-cased text), and
   * four literal searches cost less than trying the pattern at every character of the text.
   */
  static boolean mayNamePassword(String text) {
    return text.contains("パスワード")
        || text.contains("password")
        || text.contains("passwort")
        || text.contains("senha");
  }

  static final Pattern ARCHIVE_PASSWORD =
      Pattern.compile(
          "(?:解凍|展開|ファイル|閲覧|開封)?パスワード(?:付き|つき|は|:|：|\\s*[:：]|を(?:設定|かけ))"
              + "|password(?:-protected| protected|\\s*[:=]| is )|passwort\\s*:|senha\\s*:");

  private static void freeWebHostLinks(State st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || h.startsWith("www.")) {
        continue;
      }
      for (String free : MailSigns.FREE_WEB_HOSTS) {
        if (endsWithLabel(h, free) && (!st.listVouched() || st.loginLike(l))) {
          st.flag(
              RedFlag.SUSPICIOUS_LINK,
              l.url() + " (" + free + ")",
              l.url() + " (無料ホスティング " + free + ")");
          return;
        }
      }
    }
  }

  /** Whether {@code host} ends with {@code "." + suffix}, without building that string. */
  static boolean endsWithLabel(String host, String suffix) {
    int dot = host.length() - suffix.length() - 1;
    return dot >= 0 && host.charAt(dot) == '.' && host.endsWith(suffix);
  }

  /** Where a second http:// or https:// begins in a lower-cased URL after {@code from}, or -1. */
  static int nestedScheme(String lower, int from) {
    int http = lower.indexOf("http://", from);
    int https = lower.indexOf("https://", from);
    return http < 0 ? https : https < 0 ? http : Math.min(http, https);
  }

  /**
   * A form in a credential lure that sends what is typed into it to another domain than the
   * sender's (HTML_FORM): the request and the page that collects the answer come in the message
   * itself, whatever its fields are called. A form posting back to the sender's own site, or in
   * mail that asks for nothing, is left alone (surveys, searches, subscriptions).
   */
  private void formElsewhere(State st, String sender) {
    if (sender == null
        || !st.asksCredentials
        || st.listVouched()
        // a newsletter that runs its own list (a job board's or a shop's box beside a tip about
        // password expiry)
        || st.ownBulk()
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.HTML_FORM)) {
      return;
    }
    for (String action : st.formActions) {
      // a browser drops tabs and line breaks from an address: a host written with them is hidden
      String url = action.replaceAll("[\\t\\n\\r]", "").strip();
      String h = host(url);
      // a newsletter's box searching a shop or a search engine asks for words, not secrets
      if (h == null || allowed.contains(h) || url.toLowerCase(Locale.ROOT).contains("search")) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(sender) && !st.passedDomains.contains(reg)) {
        st.flag(
            RedFlag.HTML_FORM,
            "<form action=" + action.strip() + "> ≠ " + sender,
            "<form action=" + action.strip() + "> ≠ " + sender + " (入力内容の送り先が差出人と別のドメイン)");
        return;
      }
    }
  }

  /** The signs in the words: credentials, urgency, lures, IPA themes. */
  private static void wording(State st) {
    MailPhrases.Hits phrases = withoutFinePrint(st.phrases());
    List<String> creds = st.credentials(phrases);
    boolean advisory = advisory(st);
    if (!creds.isEmpty() && advisory) {
      // an advisory names the lures it warns of ("「本人確認」を求めるメール") and asks nothing
      creds = List.of();
    } else if (!creds.isEmpty() && ownNotice(st)) {
      // a service's own security notice: what remains once its reports are taken out, and, when it
      // claims no brand but its own, once its everyday asks to its members are (log in to see the
      // statement)
      String rest = MailSigns.SECURITY_NOTICES.matcher(phrases.text()).replaceAll(" ");
      if (claimsNoOtherBrand(st)) {
        rest = MailSigns.OWN_ACCOUNT_ASKS.matcher(rest).replaceAll(" ");
        if (internal(st)) {
          // the reader's own organisation's IT: the mailbox almost full, a password to change
          rest = MailSigns.INTERNAL_NOTICES.matcher(rest).replaceAll(" ");
        }
      }
      creds = MailSigns.found(MailSigns.CREDENTIALS, rest);
    }
    if (!creds.isEmpty()) {
      st.flag(RedFlag.CREDENTIAL_REQUEST, st.quote(creds));
    }
    // before the list's vouching: a code host's notifications come with list headers
    relayedLure(st);
    formEchoLure(st);
    if (st.listVouched()) {
      // a web address in a Japanese greeting's name or a form's name field: a business's automatic
      // reply delivered to the list's address, not a member's words (the other readings of
      // userNameLure, a greeting "Hi …," or a user-name field, stay off: members quote
      // configurations and logs)
      String named = MailSigns.japaneseNameWeb(st.phrases().text());
      if (named != null) {
        st.flag(RedFlag.USER_NAME_LURE, named);
      }
    }
    if (st.listVouched() && (st.membersPost || !st.listUnsubscribe)) {
      // members of a list discuss money, deadlines, jobs and documents: the words alone say
      // nothing there (credential requests still count); a campaign's List-Id beside
      // List-Unsubscribe, with nothing members post through, is no such list
      return;
    }
    List<String> urgent =
        advisory
            ? List.of()
            : MailSigns.found(
                MailSigns.URGENCY,
                MailEverydayWords.without(MailEverydayWords.NOT_PRESSURE, phrases));
    if (!urgent.isEmpty() && salesDeadlineOnly(st, phrases, urgent)) {
      urgent = List.of();
    }
    if (!urgent.isEmpty()) {
      st.flag(RedFlag.URGENCY, st.quote(urgent));
    }
    List<String> lures =
        new ArrayList<>(
            MailSigns.found(
                MailSigns.LURES,
                MailEverydayWords.without(MailEverydayWords.NOT_A_PRIZE, phrases)));
    MailSigns.found(MailSigns.CREDITED_AMOUNTS, phrases).stream()
        .filter(x -> lures.size() < 3)
        .forEach(lures::add);
    if (!st.bulk()) {
      // coupons, gifts and congratulations are what newsletters and shops send every day
      MailSigns.found(MailSigns.MARKETING, phrases).stream()
          .filter(x -> !lures.contains(x) && lures.size() < 3)
          .forEach(lures::add);
    }
    if (!lures.isEmpty() && ownTransaction(st)) {
      lures.removeIf(x -> MailSigns.COMMERCE_WORDS.matcher(x).matches());
    }
    if (!lures.isEmpty()) {
      st.flag(RedFlag.PAYMENT_LURE, st.quote(lures));
    }
    rewardLure(st);
    List<String> fraud = new ArrayList<>(MailSigns.found(MailSigns.FRAUD_OFFERS, phrases));
    if (fraud.contains("welcome bonus")
        && MailSigns.POINTS_WELCOME_BONUS.matcher(phrases.text()).find()) {
      // the welcome bonus of a card offer, in points or miles (not a casino's deposit bonus)
      fraud.remove("welcome bonus");
    }
    if (!fraud.isEmpty() && knownBrandsOwnNotice(st)) {
      // an exchange's own notice reports the reader's transactions ("you sent 0.015 btc")
      fraud.removeIf(x -> CRYPTO_AMOUNT.matcher(x).matches());
    }
    if (!fraud.isEmpty()) {
      st.flag(RedFlag.FRAUD_OFFER, st.quote(fraud));
    }
    creditApproval(st);
    extortion(st, phrases);
    callback(st);
    String named = MailSigns.userNameLure(phrases, st.fromName);
    if (named != null) {
      st.flag(RedFlag.USER_NAME_LURE, named);
    } else {
      // the name a newsletter or shop holds for the reader, written by whoever signed the reader
      // up: the platform mails it out in To and in the greeting
      String recipient = MailSigns.recipientNameLure(st.recipientNames);
      if (recipient != null) {
        st.flag(RedFlag.USER_NAME_LURE, "To: \"" + recipient + "\"");
      }
    }
    List<String> themes = MailSigns.found(MailSigns.THEMES, phrases);
    if (!themes.isEmpty()) {
      st.flag(RedFlag.TARGETED_THEME, st.quote(themes));
    }
    if (st.senderDomain != null
        && FREEMAIL.contains(st.senderDomain)
        && (!creds.isEmpty() || !urgent.isEmpty() || !lures.isEmpty() || !fraud.isEmpty())) {
      st.flag(RedFlag.FREEMAIL_LURE, "From: " + st.from);
    }
  }

  /**
   * The text with its fine print blanked out, for the wording signs: a sentence that holds one of
   * {@link MailSigns#FINE_PRINT} (a card offer's terms, "purchases do not include wire transfers
   * ... lottery tickets"; a confidentiality notice, "if you are not the intended recipient, inform
   * the sender as soon as possible"; a newsletter's footer, "to update your email address ... or to
   * stop receiving emails") states what does not apply or how to leave the list; the lure words in
   * it ask the reader to do nothing. A sentence ends at . ! ? 。 or a line break, and at most {@link
   * #FINE_PRINT_REACH} characters either side of the phrase are blanked, so that a lure written
   * without stops around a disclaimer keeps its words. The text keeps its length.
   */
  static MailPhrases.Hits withoutFinePrint(MailPhrases.Hits hits) {
    String text = hits.text();
    char[] blanked = null;
    for (String phrase : MailSigns.FINE_PRINT) {
      for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length())) {
        int from = i;
        int floor = Math.max(0, i - FINE_PRINT_REACH);
        while (from > floor && !sentenceStop(text.charAt(from - 1))) {
          from--;
        }
        int to = i + phrase.length();
        int ceiling = Math.min(text.length(), to + FINE_PRINT_REACH);
        while (to < ceiling && !sentenceStop(text.charAt(to))) {
          to++;
        }
        if (blanked == null) {
          blanked = text.toCharArray();
        }
        java.util.Arrays.fill(blanked, from, to, ' ');
      }
    }
    return blanked == null ? hits : MailSigns.phrases(new String(blanked));
  }

  /** How far from a fine-print phrase its sentence is blanked, at most (characters, each side). */
  static final int FINE_PRINT_REACH = 240;

  private static boolean sentenceStop(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == '。';
  }

  /**
   * A lure a platform's user wrote and the platform mailed out (RELAYED_LURE): the notification
   * comes from a platform that relays its users' text (a GitHub issue, a help-desk ticket, a chat
   * transcript, a shared form), that text offers crypto-currency or money or speaks as the
   * platform's security team ({@link MailSigns#RELAYED_LURES}, or an offer only fraud makes), and
   * it links away from the platform. The platform is real; the writer is not its staff.
   */
  private static void relayedLure(State st) {
    if (st.senderDomain == null || !MailSigns.RELAYING_PLATFORMS.contains(st.senderDomain)) {
      return;
    }
    Set<String> away = new java.util.TreeSet<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(st.senderDomain)
          && !MailSigns.hostIn(h, MailSigns.TRACKERS)
          && !MailSigns.PLATFORM_ASSETS.contains(reg)) {
        away.add(reg);
      }
    }
    if (away.isEmpty()) {
      return;
    }
    List<String> lures =
        new ArrayList<>(MailSigns.found(MailSigns.RELAYED_LURES, st.text.toString()));
    MailSigns.found(MailSigns.FRAUD_OFFERS, st.text.toString()).stream()
        .filter(x -> lures.size() < 3 && !lures.contains(x))
        .forEach(lures::add);
    if (!lures.isEmpty()) {
      st.flag(
          RedFlag.RELAYED_LURE,
          st.senderDomain
              + ": "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList())
              + (away.size() > 3 ? " …" : ""));
    }
  }

  /**
   * A lure typed into a web form that the form's own server mailed back as its automatic reply
   * (RELAYED_LURE, recall31): the mail says it is a form's reply ({@link #FORM_REPLY}: お問い合わせ
   * ありがとうございました, このメールは…フォームから送信), repeats the form's fields ({@link #FORM_FIELD}, two at least),
   * and the repeated fields hold a link to a site that is not the sender's, beside words of money
   * or prizes ({@link MailSigns#LURES}, {@link MailSigns#RELAYED_LURES}, {@link
   * MailSigns#FRAUD_OFFERS}). The business is real and so is its server; whoever typed the link
   * gave the reader's address as theirs, so that the business would deliver the lure. A customer
   * who asks about the business's own pages links the sender's site.
   */
  private static void formEchoLure(State st) {
    // read on discussion lists too: the lure's writer typed the list's address into the form, and
    // no member posts a business's automatic reply
    if (st.senderDomain == null || st.bounce) {
      return;
    }
    String text =
        st.text.length() > FORM_ECHO_READ
            ? st.text.subSequence(0, FORM_ECHO_READ).toString()
            : st.text.toString();
    if (!mayBeFormReply(text) || !FORM_REPLY.matcher(text).find()) {
      return;
    }
    Matcher f = FORM_FIELD.matcher(text);
    int first = -1;
    int fields = 0;
    Set<String> seen = new java.util.HashSet<>();
    while (f.find() && fields < 2) {
      if (seen.add(f.group(1).toLowerCase(Locale.ROOT))) {
        fields++;
        first = first < 0 ? f.start() : first;
      }
    }
    if (fields < 2) {
      return;
    }
    // the echo: from the first repeated field to the form's closing rule (----, ====) or the end
    Matcher rule = FORM_RULE.matcher(text);
    String echo = text.substring(first, rule.find(first) ? rule.start() : text.length());
    Set<String> away = new java.util.TreeSet<>();
    Matcher u = URL.matcher(echo);
    while (u.find() && away.size() < 4) {
      String h = host(u.group());
      if (h == null) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(st.senderDomain) && !MailSigns.hostIn(h, MailSigns.TRACKERS)) {
        away.add(reg);
      }
    }
    if (away.isEmpty()) {
      return;
    }
    String lower = echo.toLowerCase(Locale.ROOT);
    List<String> lures = new ArrayList<>(MailSigns.found(MailSigns.RELAYED_LURES, lower));
    for (Pattern p : List.of(MailSigns.FRAUD_OFFERS, MailSigns.LURES)) {
      MailSigns.found(p, lower).stream()
          .filter(x -> lures.size() < 3 && !lures.contains(x))
          .forEach(lures::add);
    }
    if (!lures.isEmpty()) {
      st.flag(
          RedFlag.RELAYED_LURE,
          "web form's automatic reply from "
              + st.senderDomain
              + ": "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList()),
          "Web フォームの自動返信 ("
              + st.senderDomain
              + "): "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList()));
    }
  }

  /** How much of the text is read for a form's echo: the reply and its fields come first. */
  private static final int FORM_ECHO_READ = 20_000;

  /**
   * A Japanese web form's automatic reply saying what it is. Not the English forms ("thank you for
   * contacting us", "Name:", "Subject:"): with them, one legitimate held-out message of the
   * SpamAssassin ham set was flagged, and no English form reply is in the tuning halves to build on
   * (recall31).
   */
  static final Pattern FORM_REPLY =
      Pattern.compile(
          "(?i)このメールは.{0,40}(?:フォーム|自動(?:返信|配信|送信))|お問い?合わ?せ(?:を|いただき|頂き)?[、,]?"
              + "\\s?(?:誠に)?(?:ありがとう|受け付け|受付|承り|お受け)|自動(?:返信|配信|送信)(?:メール|にて|で)");

  /**
   * Words one of which every alternative of {@link #FORM_REPLY} holds as written, in characters
   * that have no case (MailScanPrecheckTest checks both): a text with none of them is not searched
   * (an English lure's text would be tried at every character, speed35).
   */
  static final List<String> FORM_REPLY_NEEDS = List.of("このメールは", "お問", "自動");

  /** Whether {@link #FORM_REPLY} can find anything in {@code text}: one of its words is there. */
  static boolean mayBeFormReply(String text) {
    for (String w : FORM_REPLY_NEEDS) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** A repeated form field at a line's start: its name and a colon. */
  private static final Pattern FORM_FIELD =
      Pattern.compile(
          "(?im)^[ \\t　]*[【\\[■●・]?[ 　]?(お名前|ご?氏名|メールアドレス|電話番号|件名|題名"
              + "|お問い?合わ?せ内容|メッセージ本文|ご用件)"
              + "[】\\]]?[ \\t　]*[:：]");

  /** The rule a form's reply draws under the fields it repeats. */
  private static final Pattern FORM_RULE =
      Pattern.compile("(?m)^[ \\t]*(?:-{8,}|={8,}|＿{4,}|━{4,})");

  /**
   * A sale's deadline ("last chance", "final chance": MailSigns.SALES_DEADLINE) as the only urgency
   * of a shop's own bulk mail: the List-Unsubscribe header every bulk sender adds, the From domain
   * itself authenticated ({@link #fromAligned}, no free mail), no credentials asked for and no
   * payment, invoice or prize words ({@link MailSigns#LURES}). A sale that ends is what shops write
   * every week; alone it presses nobody into giving anything away. Any other urgency beside it (a
   * deadline in hours, a threat of suspension), money asked for ("last chance: pay the invoice"), a
   * password asked for, mail without the list header, a sender nobody authenticated or a sending
   * platform's own address in From (whoever's DKIM passed) keeps the sign; the message's other
   * signs are judged as ever (issue 19, hamout27).
   */
  private static boolean salesDeadlineOnly(
      State st, MailPhrases.Hits phrases, List<String> urgent) {
    return st.listUnsubscribe
        && !st.asksCredentials
        && st.senderDomain != null
        && !FREEMAIL.contains(st.senderDomain)
        && fromAligned(st)
        && urgent.stream().allMatch(u -> MailSigns.SALES_DEADLINE.matcher(u).matches())
        && MailSigns.found(MailSigns.LURES, phrases).isEmpty();
  }

  /**
   * A shop's, biller's or carrier's own mail about the reader's order, bill or payment: a service's
   * own notice ({@link #ownNotice}: its own domain authenticated, every link on its own domains)
   * that claims no other brand, links its own site ({@link #linksOwnSite}) and carries no text a
   * user wrote ({@link #userWritten}). A hijacked mailbox of an organisation that bills for another
   * company with no link to its own site is none. The invoice, the shipment, the refund and the
   * wallet it speaks of ({@link MailSigns#COMMERCE_WORDS}) are the reader's own; from anyone else,
   * or with a link elsewhere, they stay a lure.
   */
  private static boolean ownTransaction(State st) {
    return !st.links.isEmpty()
        && ownNotice(st, true)
        && claimsNoOtherBrand(st)
        && !userWritten(st)
        && linksOwnSite(st);
  }

  /**
   * A link (click trackers aside) to the sender's own registrable domain: its shop, its account.
   */
  private static boolean linksOwnSite(State st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null && registrable(h).equals(st.senderDomain) && webLink(l.url())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A known brand's own notice: a service's own notice ({@link #ownNotice}) that claims no other
   * brand, from a domain of a brand in {@link MailSigns#BRANDS} (coinbase.com), linking it. A
   * compromised mailbox elsewhere that passes DMARC ("your wallet has been funded with 51.85 BTC",
   * no link) is none.
   */
  private static boolean knownBrandsOwnNotice(State st) {
    if (st.senderDomain == null
        || st.links.isEmpty()
        || !ownNotice(st)
        || !claimsNoOtherBrand(st)) {
      return false;
    }
    String own = MailSigns.label(st.senderDomain);
    return MailSigns.BRANDS.stream().anyMatch(b -> b.labels().contains(own));
  }

  /**
   * Credit "approved" for a reader who never applied (MailSigns.CREDIT_APPROVAL, FRAUD_OFFER), in
   * the subject or the text of mail that links somewhere, from a sender no SPF or DKIM vouched for
   * (a bank writing to its own customers signs its mail) and that a discussion list did not carry.
   */
  private static void creditApproval(State st) {
    if (st.links.isEmpty()
        || st.listVouched()
        || fromAligned(st)
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.FRAUD_OFFER)) {
      return;
    }
    String subject = st.subject == null ? "" : st.subject.toLowerCase(Locale.ROOT);
    Matcher m = MailSigns.CREDIT_APPROVAL.matcher(subject);
    String where = "Subject";
    if (!m.find()) {
      String text = st.text.length() > 4000 ? st.text.substring(0, 4000) : st.text.toString();
      String lower = text.toLowerCase(Locale.ROOT);
      if (!MailSigns.mayApproveCredit(lower)) {
        return;
      }
      m = MailSigns.CREDIT_APPROVAL.matcher(oneSpace(lower));
      where = "text";
      if (!m.find()) {
        return;
      }
    }
    st.flag(
        RedFlag.FRAUD_OFFER,
        where + ": \"" + m.group() + "\" (credit approved unasked)",
        (where.equals("Subject") ? "件名" : "本文") + ": \"" + m.group() + "\" (申し込んでいない与信の承認)");
  }

  /** An amount of bitcoin as {@link MailSigns#FRAUD_OFFERS} finds it ("0.015 btc"). */
  private static final Pattern CRYPTO_AMOUNT = Pattern.compile("[\\d.,]+[ _]?btc");

  /**
   * Extortion (EXTORTION): two of its phrases ({@link MailSigns#EXTORTION}: the reader filmed, the
   * device taken over, the video sent to the contacts), or one with a bitcoin address or the word
   * bitcoin; the address is shown.
   */
  private static void extortion(State st, MailPhrases.Hits phrases) {
    List<String> said = MailSigns.found(MailSigns.EXTORTION, phrases);
    if (said.isEmpty()) {
      return;
    }
    String text = phrases.text();
    Matcher address = MailSigns.BITCOIN_ADDRESS.matcher(text);
    String wallet = address.find() ? address.group() : null;
    if (said.size() >= 2 || wallet != null || text.contains("bitcoin") || text.contains(" btc")) {
      st.flag(RedFlag.EXTORTION, quoted(said) + (wallet == null ? "" : " → " + wallet));
    }
  }

  /**
   * An organisation's own notice to its staff: a service's own notice ({@link #ownNotice}) from a
   * domain one of the recipients has (the reader's own organisation, DMARC passing), every link on
   * that very domain.
   */
  private static boolean internal(State st) {
    if (st.senderDomain == null) {
      return false;
    }
    boolean reader = false;
    for (String to : st.recipients) {
      String td = domain(to);
      reader |= td != null && registrable(td).equals(st.senderDomain);
    }
    if (!reader) {
      return false;
    }
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || !registrable(h).equals(st.senderDomain)) {
        return false;
      }
    }
    return true;
  }

  /**
   * No brand, public body or look-alike claimed by a sender that is not theirs, nor the reader's
   * own HR or IT department claimed from another domain than the reader's.
   */
  private static boolean claimsNoOtherBrand(State st) {
    return !readersDepartmentElsewhere(st)
        && st.findings.stream()
            .noneMatch(
                f ->
                    f.flag() == RedFlag.BRAND_IMPERSONATION
                        || f.flag() == RedFlag.LOOKALIKE_DOMAIN
                        || f.flag() == RedFlag.AUTHENTICATION_FAILED);
  }

  /**
   * A display name that is nothing but a department that only writes inside its own organisation
   * (人事部, 人事課, 情報システム部, システム管理者, ヘルプデスク), no company named, sent from another domain than every
   * recipient's: it speaks as the reader's own department, so its domain's own login page is no
   * service's notice to its members (the IPA theme 人事 and the fake IT department).
   */
  static boolean readersDepartmentElsewhere(State st) {
    if (st.fromName == null
        || st.senderDomain == null
        || st.recipients.isEmpty()
        || !READERS_DEPARTMENT.matcher(MailSigns.fold(st.fromName).strip()).matches()) {
      return false;
    }
    for (String to : st.recipients) {
      String td = domain(to);
      if (td != null && registrable(td).equals(st.senderDomain)) {
        return false;
      }
    }
    return true;
  }

  static final Pattern READERS_DEPARTMENT =
      Pattern.compile(
          "[【\\[]?(?:人事|情報システム|システム管理|IT|ＩＴ)(?:部|課|室|部門|担当|グループ|管理者|者)?"
              + "(?:[\\s　]*(?:人事課|人事グループ|採用担当|担当|事務局|からのお知らせ))?[】\\]]?"
              + "|ヘルプデスク|システム管理者|情報セキュリティ(?:部|課|室|担当|委員会)");

  /**
   * An advisory (注意喚起) from a public body, a CEPTOAR or a security organisation: DMARC passes for a
   * sender that is no free-mail address and claims no other brand, it links at least one public
   * body or security organisation ({@link MailSigns#PUBLIC_SOURCES}) or is one, or quotes
   * indicators defanged (hxxps://…[.]…, as only those who warn of a site write it: a CEPTOAR's
   * circular), and every link is on its own domain or on such a source, none of them a sign-in
   * page. It quotes the lures it warns of ("「本人確認」「ご利用確認」を求めるメール", "不正アクセス", "至急") and asks for
   * nothing.
   */
  private static boolean advisory(State st) {
    if (!fromAligned(st)
        || st.senderDomain == null
        || FREEMAIL.contains(st.senderDomain)
        || !claimsNoOtherBrand(st)) {
      return false;
    }
    boolean source = MailSigns.hostIn(st.senderDomain, MailSigns.PUBLIC_SOURCES);
    for (MailReport.Link l : st.links) {
      if (st.onlyDefanged(l.url())) {
        // indicators quoted defanged: only those who warn of a site write it so, a lure never
        // does (its reader must be able to click)
        source = true;
        continue;
      }
      String h = host(l.url());
      if (h == null) {
        return false;
      }
      boolean isPublic = MailSigns.hostIn(registrable(h), MailSigns.PUBLIC_SOURCES);
      // a public source's page is read for its words (「詳細を確認」), not signed in to
      if (!isPublic && st.loginLike(l)) {
        return false;
      }
      if (!isPublic && !registrable(h).equals(st.senderDomain)) {
        return false;
      }
      source |= isPublic;
    }
    return source;
  }

  /**
   * The receiver reported its results and the From domain is not among those that authenticated:
   * DMARC (or the composite result) failed, SPF or DKIM failed, neither SPF nor DKIM was there, or
   * another domain passed while DMARC did not (the envelope of a mailer of its own with the brand
   * only written into From: "noreply@aok.de" sent with SPF passing for clickegral.com; a brand's
   * real mail through a mailing service is signed for its own domain, or DMARC passes, or another
   * domain of the same brand passed).
   */
  private static boolean spoofed(State st) {
    MailReport.Authentication a = st.auth;
    return st.authResultsSeen
        && st.senderDomain != null
        && !fromAligned(st)
        && (st.compositeFailed
            || bad(a.dmarc())
            || spfFailed(st)
            || bad(a.dkim())
            || (none(a.spf()) && none(a.dkim()))
            || (!st.passedDomains.isEmpty()
                && !"pass".equalsIgnoreCase(a.dmarc())
                // the brand's own other domain passing (amazon.co.jp sent through amazonses.com)
                && st.passedDomains.stream()
                    .noneMatch(d -> MailSigns.sameBrand(d, st.senderDomain))));
  }

  /**
   * A Reply-To that is the reader's own address (REPLY_TO_OTHER_DOMAIN not counted): the invitation
   * of a calendar the reader organises, sent by the platform to the reader. Only where the From
   * domain authenticated (the platform, not a sender's forged headers, wrote To and Reply-To) and
   * the address is both a recipient the message shows and one it was delivered to: a reply then
   * goes back to the reader, no one else.
   */
  private static boolean repliesToTheReader(State st, String replyTo) {
    String r = replyTo.toLowerCase(Locale.ROOT);
    return fromAligned(st) && st.recipients.contains(r) && st.deliveredTo.contains(r);
  }

  /**
   * A Reply-To on a sister domain of an authenticated sender's own (REPLY_TO_OTHER_DOMAIN not
   * counted): "GEICO" at geico.com answering at geicomail.com, "Lovepop" at lovepop.com at
   * lovepopcards.com. The sender names itself by its own authenticated domain ({@link
   * #namesItself}: the organisation that owns the domain chose the Reply-To; no free mail, no
   * platform that sends for anyone), the Reply-To is no free mail, and one domain's name contains
   * the whole other's (four letters at least). A hijacked mailing account of a real company sending
   * someone else's lure under another name ("Asterdex" from email-biolifeplasma.com answering at
   * biolifeplasma.com) keeps the sign. A forger cannot authenticate the brand's domain; a
   * fraudster's own authenticated domain answering at another of its own sends replies to the same
   * hands. A message that asks for credentials keeps the sign. The limit: a hijacked mailbox of a
   * real domain answering at a look-alike that contains the domain's name is not told by this sign.
   */
  /**
   * A Reply-To that names a mailbox nobody reads (no-reply@, noreply@, do-not-reply@, donotreply@):
   * the sender says not to answer, so the replies an attacker diverts with Reply-To are not asked
   * for. Delivery notices of big providers are written so (a provider's error notice from one of
   * its domains answering at another's no-reply mailbox). Only the bare mailbox counts:
   * "noreply-support@" or "no-reply.helpdesk@" is a mailbox someone can read.
   */
  static boolean noReplyMailbox(String replyTo) {
    int at = replyTo.indexOf('@');
    return at > 0 && NO_REPLY.matcher(replyTo.substring(0, at)).matches();
  }

  private static final Pattern NO_REPLY =
      Pattern.compile("(?i)no[-_.]?reply|do[-_.]?not[-_.]?reply");

  /**
   * A discussion list's post whose Reply-To is the poster's own other mailbox: the same mailbox
   * name as the From's, on another domain that is no free mail ("cmeclax@gmx.co.uk" answering at
   * "cmeclax@ixazon.dynip.com", a member who reads mail at home). Only in list mail the list
   * vouches for ({@link State#listVouched}: the list's own domain sent it, and the message asks for
   * no credentials), and only for a mailbox name of four characters at least that is no role
   * (info@, support@ ... name no one). A diversion to a free-mail mailbox of the same name (the
   * business-mail fraud's "ceo@company" answering at "ceo@gmail"), any other mailbox name, and the
   * same Reply-To outside a vouched list keep the sign.
   */
  static boolean postersOtherMailbox(State st, String replyTo) {
    if (st.from == null || !st.listVouched()) {
      return false;
    }
    int at = st.from.lastIndexOf('@');
    int replyAt = replyTo.lastIndexOf('@');
    if (at < 4 || replyAt < 0) {
      return false;
    }
    String local = st.from.substring(0, at).toLowerCase(Locale.ROOT);
    String replyDomain = domain(replyTo);
    return local.equals(replyTo.substring(0, replyAt).toLowerCase(Locale.ROOT))
        && !ROLE_MAILBOX.matcher(local).matches()
        && replyDomain != null
        && !FREEMAIL.contains(registrable(replyDomain));
  }

  /** Mailbox names of a role or a desk, not of a person. */
  private static final Pattern ROLE_MAILBOX =
      Pattern.compile(
          "(?i)info|support|contact|admin|office|sales|service|help|news|mail|team|noreply|no-reply"
              + "|postmaster|webmaster|billing|account|accounts|security|hello|enquiries|inquiry");

  private static boolean sisterDomain(State st, String fromDomain, String replyDomain) {
    if (replyDomain == null || asksBeyondNotices(st) || !namesItself(st, fromDomain)) {
      return false;
    }
    String from = registrable(fromDomain);
    String reply = registrable(replyDomain);
    if (FREEMAIL.contains(reply)) {
      return false;
    }
    String a = MailSigns.label(from);
    String b = MailSigns.label(reply);
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    return shorter.length() >= 4 && longer.contains(shorter);
  }

  /**
   * The message asks for credentials beyond what a service's own account notices report ({@link
   * MailSigns#SECURITY_NOTICES}: a one-time verification code, a sign-in from a new device): "use
   * this verification code" asks nothing of a reply, "confirm your password" does.
   */
  private static boolean asksBeyondNotices(State st) {
    if (!st.asksCredentials) {
      return false;
    }
    String rest = MailSigns.SECURITY_NOTICES.matcher(st.phrases().text()).replaceAll(" ");
    return !MailSigns.found(MailSigns.CREDENTIALS, rest).isEmpty();
  }

  /**
   * A platform's campaign for the customer its display name names, answering at that customer's own
   * address (REPLY_TO_OTHER_DOMAIN not counted): a booking platform's newsletter from "Zaika
   * (Modern Indian Cuisine)" at toast-restaurants.com answering at zaikaseattle@gmail.com. The
   * platform's domain authenticated, the message carries List-Unsubscribe (a campaign, not a
   * one-off), the Reply-To's mailbox or domain begins with the display name's first word (five
   * letters at least, no role word such as "support" or "payroll"), and the text asks for nothing:
   * no credentials, no payment, delivery or prize lure, no urgency, no fraud offer. Platforms relay
   * for anyone, so the platform's authentication vouches only for the platform: a share or a
   * payroll notice that asks the reader to act, or a name that is a role, keeps the sign.
   */
  private static boolean toTheCustomerNamed(State st, String replyTo) {
    if (st.fromName == null || !st.listUnsubscribe || !fromAligned(st)) {
      return false;
    }
    int at = replyTo.indexOf('@');
    String rd = domain(replyTo);
    if (at <= 0 || rd == null) {
      return false;
    }
    String lowerName = MailSigns.fold(st.fromName).toLowerCase(Locale.ROOT);
    Matcher first = FIRST_WORD.matcher(lowerName);
    if (!first.find() || ROLE_WORDS.contains(first.group())) {
      return false;
    }
    String name = NOT_LETTER_OR_DIGIT.matcher(lowerName).replaceAll("");
    int needed = Math.max(5, first.group().length());
    String mailbox = NOT_LETTER_OR_DIGIT.matcher(replyTo.substring(0, at)).replaceAll("");
    String label = NOT_LETTER_OR_DIGIT.matcher(MailSigns.label(registrable(rd))).replaceAll("");
    if (commonPrefix(name, mailbox) < needed && commonPrefix(name, label) < needed) {
      return false;
    }
    MailPhrases.Hits phrases = st.phrases();
    return !st.asksCredentials
        && MailSigns.found(MailSigns.LURES, phrases).isEmpty()
        && MailSigns.found(MailSigns.URGENCY, phrases).isEmpty()
        && MailSigns.found(MailSigns.FRAUD_OFFERS, phrases).isEmpty();
  }

  private static final Pattern FIRST_WORD = Pattern.compile("[a-z0-9]+");

  /** Words that name a role, not a business: a display name beginning with one names no one. */
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "support",
          "service",
          "services",
          "customer",
          "customers",
          "helpdesk",
          "admin",
          "administrator",
          "billing",
          "account",
          "accounts",
          "security",
          "payroll",
          "finance",
          "notification",
          "notifications",
          "noreply",
          "mailer",
          "postmaster",
          "webmaster",
          "office",
          "human",
          "department",
          "team",
          "staff",
          "management",
          "payment",
          "payments");

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * The one reading of "this mail comes from its From domain": the From domain authenticated and
   * aligned as DMARC reads it with relaxed alignment. The receiver's DMARC result passed (for the
   * From's registrable domain, when the result names its header.from), or, where the receiver
   * recorded no DMARC verdict (no result, or "none": the domain publishes no policy), an SPF
   * (smtp.mailfrom) or DKIM (header.d) pass for the From's registrable domain. Never when DMARC
   * failed or Microsoft's composite authentication did. It says the message left through the
   * domain's own servers or with its own key, no more: a platform that sends for anyone (Google,
   * Microsoft, DocuSign, a mailing service) authenticates as itself for every user, and a hijacked
   * mailbox authenticates as its organisation.
   */
  static boolean fromAligned(State st) {
    return aligned(st, st.senderDomain);
  }

  /**
   * {@link #fromAligned} for the From's registrable domain {@code sender}, for the signs read
   * before the judgement has set {@link State#senderDomain} (the links).
   */
  private static boolean aligned(State st, String sender) {
    if (!st.authResultsSeen || sender == null || st.compositeFailed) {
      return false;
    }
    String dmarc = st.auth.dmarc() == null ? "none" : st.auth.dmarc().toLowerCase(Locale.ROOT);
    if (dmarc.equals("pass")) {
      return st.dmarcFrom == null || st.dmarcFrom.equals(sender);
    }
    return dmarc.equals("none") && st.passedDomains.contains(sender);
  }

  /**
   * The sign for a From that DMARC alignment did not vouch for, saying what the receiver found.
   * When SPF or DKIM passed for the From's own registrable domain and the receiver's DMARC result
   * says the domain publishes no policy (Microsoft's "bestguesspass": it would pass, had it one),
   * the domain is not misaligned: it is unprotected, since no receiver is told to refuse mail
   * forged in its name, and {@link RedFlag#NO_DMARC_POLICY} says so (the evidence read "From: x ≠
   * x" before). The weight stays the same: new domains registered for a phishing run seldom publish
   * a policy (reading bestguesspass as aligned lost phishing in session 29). Any other result with
   * the From's domain passing (dmarc=fail under strict alignment, temperror) is cited as written;
   * otherwise the From domain is set beside the domains that did authenticate.
   */
  private static void notAligned(State st, String fromDomain) {
    String sender = registrable(fromDomain);
    if (!st.passedDomains.contains(sender)) {
      st.flag(
          RedFlag.NOT_ALIGNED,
          "From: " + shown(fromDomain) + " ≠ " + String.join(", ", st.passedDomains));
      return;
    }
    String dmarc = st.auth.dmarc() == null ? null : st.auth.dmarc().toLowerCase(Locale.ROOT);
    String passed = "SPF / DKIM pass: " + sender;
    if ("bestguesspass".equals(dmarc)) {
      st.flag(
          RedFlag.NO_DMARC_POLICY,
          "From: " + shown(fromDomain) + " — " + passed + "; dmarc=" + st.auth.dmarc(),
          "差出人: "
              + shown(fromDomain)
              + " — SPF / DKIM 合格: "
              + sender
              + "; dmarc="
              + st.auth.dmarc());
      return;
    }
    st.flag(
        RedFlag.NOT_ALIGNED,
        "From: " + shown(fromDomain) + " — " + passed + "; dmarc=" + shown(st.auth.dmarc()),
        "差出人: "
            + shown(fromDomain)
            + " — SPF / DKIM 合格: "
            + sender
            + "; dmarc="
            + shown(st.auth.dmarc()));
  }

  /**
   * A service's own notice: the receiving server found DMARC passing for a sender that is no
   * free-mail address (the From domain itself authenticated), and every link (click trackers aside)
   * is on the sender's registrable domain or on a domain of the same brand (microsoft.com linking
   * live.com). A security alert or a one-time code from it reports; it does not ask.
   */
  private static boolean ownNotice(State st) {
    return ownNotice(st, false);
  }

  /**
   * {@link #ownNotice(State)}, with the phone numbers it links ({@code tel:}, {@code sms:}) left
   * aside when {@code phones}: a receipt's or a bill's "call us at (855) …" leads to no site. Only
   * for the reader's own order or bill ({@link #ownTransaction}), which also needs a link to the
   * sender's own site: a notice that links nothing but a number to call stays no own notice
   * (callback lures).
   */
  private static boolean ownNotice(State st, boolean phones) {
    if (!fromAligned(st) || st.senderDomain == null || FREEMAIL.contains(st.senderDomain)) {
      return false;
    }
    String own = MailSigns.label(st.senderDomain);
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null && phones && phoneLink(l.url())) {
        continue;
      }
      if (h == null) {
        return false;
      }
      String reg = registrable(h);
      if (reg.equals(st.senderDomain) || MailSigns.hostIn(h, MailSigns.TRACKERS)) {
        continue;
      }
      String label = MailSigns.label(h);
      if (MailSigns.BRANDS.stream()
          .noneMatch(b -> b.labels().contains(own) && b.labels().contains(label))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A reward in the subject (REWARD_LURE) of a message that links somewhere and carries no list
   * header at all: a shop's or a list's prize draw comes with List-Unsubscribe (required of bulk
   * senders by the large mailbox providers), a lure from a throw-away domain does not. When none of
   * the links (click trackers aside) is on the sender's domain, the evidence names where they lead.
   */
  private static void rewardLure(State st) {
    if (st.subject == null || st.listMail || st.links.isEmpty()) {
      return;
    }
    List<String> rewards = MailSigns.found(MailSigns.REWARDS, st.subject.toLowerCase(Locale.ROOT));
    if (rewards.isEmpty()) {
      return;
    }
    Set<String> elsewhere = new java.util.TreeSet<>();
    boolean own = false;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || MailSigns.hostIn(h, MailSigns.TRACKERS)) {
        continue;
      }
      String reg = registrable(h);
      if (reg.equals(st.senderDomain)) {
        own = true;
      } else {
        elsewhere.add(reg);
      }
    }
    boolean away = !(own || elsewhere.isEmpty() || st.senderDomain == null);
    String hosts =
        String.join(", ", elsewhere.stream().limit(3).toList())
            + (elsewhere.size() > 3 ? " …" : "");
    st.flag(
        RedFlag.REWARD_LURE,
        "Subject: "
            + quoted(rewards)
            + "; neither a List-Unsubscribe nor a List-Id header"
            + (away
                ? "; its links go to " + hosts + ", not to the sender's domain " + st.senderDomain
                : ""),
        "件名: "
            + quoted(rewards)
            + "。List-Unsubscribe も List-Id もヘッダーにない"
            + (away ? "。リンク先 " + hosts + " は差出人のドメイン " + st.senderDomain + " と違う" : ""));
  }

  /**
   * The callback lure (CALLBACK_LURE): a charge claimed and a number to call about it. Not raised
   * when a company whose From domain is authenticated and aligned ({@link #fromAligned}) gives a
   * number in its own text (a shop's order confirmation with its service line); raised all the same
   * when the number is in the subject or sender name, when the sender is free mail or not
   * authenticated, and when the text is one a user wrote and a platform carried, whatever the
   * authentication ({@link #userWritten}): an invoice, a payment request or an invitation whose
   * note says "call us to cancel" — from a hijacked mailbox too, which authenticates as its own
   * organisation.
   */
  private static void callback(State st) {
    String shown =
        (st.subject == null ? "" : st.subject) + "\n" + (st.fromName == null ? "" : st.fromName);
    MailSigns.Callback c = MailSigns.callback(shown, st.phrases());
    if (c == null) {
      return;
    }
    boolean ownVoice =
        st.senderDomain != null
            && !FREEMAIL.contains(st.senderDomain)
            && fromAligned(st)
            && !userWritten(st);
    if (c.shown() || !ownVoice) {
      st.flag(RedFlag.CALLBACK_LURE, c.evidence());
    }
  }

  /**
   * Text a user typed and a platform mailed: the sender is a platform whose notifications carry
   * their users' words ({@link MailSigns#USER_TEXT_PLATFORMS}), the message is a calendar
   * invitation, or a platform sent it on a user's behalf (its own address in Sender, the user's in
   * From: Google Calendar's invitation from an organiser's own domain).
   */
  private static boolean userWritten(State st) {
    if (st.invitation
        || (st.senderDomain != null && MailSigns.USER_TEXT_PLATFORMS.contains(st.senderDomain))) {
      return true;
    }
    String sender = st.senderAsWritten == null ? null : domain(st.senderAsWritten);
    return sender != null
        && MailSigns.USER_TEXT_PLATFORMS.contains(registrable(sender.toLowerCase(Locale.ROOT)));
  }

  private static String quoted(List<String> phrases) {
    // straight quotes, not 「」: the evidence reads the same in the Japanese and the English page
    return "\"" + String.join("\", \"", phrases) + "\"";
  }

  /** The results that are there, as spf=… dkim=… dmarc=… (never "null"). */
  private static String results(String spf, String dkim, String dmarc, String compauth) {
    StringBuilder b = new StringBuilder();
    String[] names = {"spf", "dkim", "dmarc", "compauth"};
    String[] values = {spf, dkim, dmarc, compauth};
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        b.append(b.isEmpty() ? "" : " ").append(names[i]).append('=').append(values[i]);
      }
    }
    return b.isEmpty() ? "spf dkim dmarc —" : b.toString();
  }

  private static boolean bad(String result) {
    return result != null && (result.equals("fail") || result.equals("softfail"));
  }

  private static boolean none(String result) {
    return result == null
        || result.equals("none")
        || result.equals("temperror")
        || result.equals("permerror")
        || result.equals("neutral");
  }

  private void lookalike(String domain, String where, State st) {
    if (domain == null) {
      return;
    }
    if (domain.contains("xn--")) {
      String shown;
      try {
        shown = IDN.toUnicode(domain);
      } catch (IllegalArgumentException e) {
        shown = domain;
      }
      st.flag(RedFlag.LOOKALIKE_DOMAIN, where + " (" + domain + " → " + shown + ")");
      return;
    }
    String[] imitated = known.imitated(domain);
    if (imitated != null) {
      // the organisation by its name: its domains are the directory admins' to read
      st.flag(
          RedFlag.LOOKALIKE_DOMAIN,
          where + " ≈ member organisation " + imitated[2],
          where + " ≈ 会員組織「" + imitated[0] + "」のドメイン");
      return;
    }
    String reg = registrable(domain);
    for (String member : memberDomains) {
      String m = registrable(member);
      if (!reg.equals(m) && distance(reg, m) <= 2 && Math.min(reg.length(), m.length()) >= 6) {
        st.flag(RedFlag.LOOKALIKE_DOMAIN, where + " ≈ " + member);
      }
    }
  }

  /**
   * A sender whose domain is one or two letters away from a domain the conversation already has: a
   * recipient's (the organisation's own, example-crop.co.jp for example-corp.co.jp) or an address
   * quoted in the text (the partner whose thread is taken over, hokuto-kougyou.co.jp replying in
   * place of hokuto-kogyo.co.jp). Free-mail domains, and domains that differ only in their public
   * suffix (a company's .com and .co.jp), are not compared.
   */
  private static void peerLookalike(State st) {
    if (st.senderDomain == null || FREEMAIL.contains(st.senderDomain)) {
      return;
    }
    String own = MailSigns.label(st.senderDomain);
    Set<String> peers = new java.util.LinkedHashSet<>();
    for (String r : st.recipients) {
      peers.add(r);
    }
    // the addresses written in the text, found at their "@" (at most 50)
    CharSequence t = st.text;
    int at = -1;
    for (int n = 0; n < 50 && (at = st.text.indexOf("@", at + 1)) >= 0; n++) {
      int end = at + 1;
      while (end < t.length() && end - at < 255 && domainChar(t.charAt(end))) {
        end++;
      }
      peers.add("x" + t.subSequence(at, end));
    }
    for (String peer : peers) {
      String d = domain(peer);
      while (d != null && d.endsWith(".")) {
        d = d.substring(0, d.length() - 1);
      }
      String reg = d == null || d.isEmpty() ? null : registrable(d);
      if (reg == null
          || reg.equals(st.senderDomain)
          || FREEMAIL.contains(reg)
          || MailSigns.label(reg).equals(own)
          // two domains of one owner (amazonaws.com, amazonses.com) imitate nobody
          || MailSigns.sameBrand(reg, st.senderDomain)
          || Math.min(reg.length(), st.senderDomain.length()) < 8
          || distance(reg, st.senderDomain) > 2) {
        continue;
      }
      st.flag(RedFlag.LOOKALIKE_DOMAIN, "From: " + st.from + " ≈ " + d);
      return;
    }
  }

  private static boolean domainChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.';
  }

  static String domain(String address) {
    if (address == null) {
      return null;
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** The registrable part by the Public Suffix List (example.co.jp, city.chiyoda.tokyo.jp). */
  static String registrable(String domain) {
    Map<String, String> seen = domain == null ? null : REGISTRABLE.get();
    if (seen == null) {
      return MailSigns.registrable(domain);
    }
    String r = seen.get(domain);
    if (r == null) {
      r = MailSigns.registrable(domain);
      if (seen.size() < 4096) {
        seen.put(domain, r);
      }
    }
    return r;
  }

  /**
   * The registrable domains looked up during the analysis running on this thread (the same hosts
   * are asked for from the headers, every link and every sign). One analysis's only: nothing of one
   * message is kept for the next.
   */
  private static final ThreadLocal<Map<String, String>> REGISTRABLE = new ThreadLocal<>();

  /** The URLs read during the analysis running on this thread, as {@link #REGISTRABLE}. */
  private static final ThreadLocal<Map<String, Object>> URIS = new ThreadLocal<>();

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
