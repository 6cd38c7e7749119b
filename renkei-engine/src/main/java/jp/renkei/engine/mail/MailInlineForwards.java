package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recipients a message forwarded <em>inline</em> names in the header block its forwarder's mail
 * program writes into the body ("---------- Forwarded message ---------", "-----Original
 * Message-----", "-------- 転送メッセージ --------" followed by From, Date, Subject, To and Cc lines, in
 * English or Japanese, quoted with "&gt; " or not). They are the lure's victims as the To and Cc of
 * a message attached inside are, and are taken out of a shared copy the same way.
 *
 * <p>A block counts when its consecutive labelled lines hold a sender (From, 差出人, 送信者), a date or
 * subject, and a recipient line: "To: all staff" in a lure's own words names no one. Read for the
 * redaction only, never for the signs.
 */
final class MailInlineForwards {

  /** The addresses and display names of the recipient lines of every forwarded header block. */
  record Recipients(List<String> addresses, List<String> names) {}

  private static final Set<String> SENDER = Set.of("from", "差出人", "送信者", "送信元", "von", "de");

  private static final Set<String> RECIPIENT =
      Set.of("to", "cc", "宛先", "宛て先", "あて先", "送信先", "同報", "an", "à", "para");

  private static final Set<String> DATED =
      Set.of(
          "date",
          "sent",
          "subject",
          "件名",
          "日付",
          "送信日時",
          "日時",
          "datum",
          "gesendet",
          "betreff",
          "objet",
          "envoyé",
          "asunto",
          "enviado");

  /** Other labels a forwarded block holds (they keep a block together). */
  private static final Set<String> OTHER =
      Set.of(
          "reply-to",
          "返信先",
          "bcc",
          "importance",
          "重要度",
          "attachments",
          "添付ファイル",
          "添付",
          "message-id",
          "organization",
          "組織");

  /** A written address ({@link MailText#ADDRESS}). */
  private static final Pattern ADDRESS = MailText.ADDRESS;

  /** What a recipient line writes beside the names: addresses, mailto: brackets, quotes. */
  private static final Pattern NOT_NAME =
      Pattern.compile("<[^>]*+>|\\[mailto:[^\\]]*+\\]|\\(mailto:[^)]*+\\)|mailto:\\S*+");

  /** Recipients read from one message at most, as a message's own headers are bounded. */
  static final int MAX = 1_000;

  private MailInlineForwards() {}

  /** The recipients of the forwarded header blocks of a plain text body. */
  static Recipients plain(String text) {
    List<String> addresses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (text.indexOf(':') < 0 && text.indexOf('：') < 0) {
      return new Recipients(addresses, names);
    }
    List<String> block = new ArrayList<>();
    boolean sender = false;
    boolean dated = false;
    int n = text.length();
    for (int start = 0; start <= n; ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      // a line is looked at without copying it unless it is labelled as a header's: a text part
      // is read whole, up to millions of characters
      int i = unquoted(text, start, end);
      int colon = colon(text, i, Math.min(end, i + 24));
      String label = colon > i ? known(text.substring(i, colon)) : null;
      if (label != null) {
        sender |= SENDER.contains(label);
        dated |= DATED.contains(label);
        if (RECIPIENT.contains(label)) {
          block.add(text.substring(i, end).strip());
        }
      } else if (i < end && !block.isEmpty() && indented(text, start) && at(text, i, end)) {
        // a long To line folded onto the next
        block.add(text.substring(i, end).strip());
      } else {
        if (sender && dated && !block.isEmpty()) {
          block.forEach(l -> recipients(l, addresses, names));
        }
        block.clear();
        sender = false;
        dated = false;
      }
      if (addresses.size() >= MAX || names.size() >= MAX) {
        break;
      }
      start = end + 1;
    }
    if (sender && dated) {
      block.forEach(l -> recipients(l, addresses, names));
    }
    return new Recipients(addresses, names);
  }

  /** Breaks an HTML body's blocks and lines become. */
  private static final Pattern BREAKS =
      Pattern.compile("(?i)<(?:br|/p|/div|/tr|/li|/h[1-6]|hr)\\b[^>]*+>");

  private static final Pattern TAG = Pattern.compile("<[^>]*+>");

  /** The labels that make an HTML body worth reading as lines ({@link #plain}). */
  static final Pattern MAY_FORWARD =
      Pattern.compile(
          "(?i)(?:\\b(?:to|cc|an|para)|[àÀ]|宛先|宛て先|あて先|送信先|同報)[\\s\\u00A0\\u202F]*+[:：]");

  /**
   * The recipients of the forwarded header blocks of an HTML body ({@code text} is its visible
   * text, read first to leave most bodies alone).
   */
  static Recipients html(String html, String text) {
    if (!mayForward(text)) {
      return new Recipients(List.of(), List.of());
    }
    String lined = TAG.matcher(BREAKS.matcher(html).replaceAll("\n")).replaceAll("");
    return plain(org.jsoup.parser.Parser.unescapeEntities(lined, false));
  }

  /**
   * Whether {@link #MAY_FORWARD} finds a label in {@code text}. It is tried only when some colon
   * (ASCII or full-width) has one of its labels right before it, past the spaces ({@code \s}: ASCII
   * space, tab, line breaks, form feed, vertical tab; and the no-break spaces French writes before
   * a colon) between them — compared ignoring case more widely than the pattern does and without
   * its word boundary, so never missing a text the pattern matches. Most visible texts have no such
   * colon, and the pattern's search at every position was 2.2 % of the analysing thread's CPU on
   * phish-pot (speed34).
   */
  static boolean mayForward(String text) {
    for (int c = 0; c < text.length(); c++) {
      char ch = text.charAt(c);
      if (ch != ':' && ch != '：') {
        continue;
      }
      int k = c;
      while (k > 0 && asciiSpace(text.charAt(k - 1))) {
        k--;
      }
      for (String label : LABELS) {
        int start = k - label.length();
        if (start >= 0 && text.regionMatches(true, start, label, 0, label.length())) {
          return MAY_FORWARD.matcher(text).find();
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code c} is a space to the pattern: {@code \s} (space, tab, line feed, vertical tab,
   * form feed, CR) or a no-break space (U+00A0, U+202F).
   */
  private static boolean asciiSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u202F';
  }

  /** The labels of {@link #MAY_FORWARD}. */
  private static final String[] LABELS = {
    "to", "cc", "an", "para", "à", "宛先", "宛て先", "あて先", "送信先", "同報"
  };

  /** Where a line's text begins after its quote marks ("&gt; ", "| ") and spaces. */
  private static int unquoted(String text, int start, int end) {
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '>' || c == '|' || Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * The first colon (ASCII or full-width) in {@code text} from {@code from} to {@code to}, or -1.
   */
  private static int colon(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '：') {
        return i;
      }
    }
    return -1;
  }

  /** Whether the line from {@code from} to {@code to} holds an '@' (looked for there only). */
  private static boolean at(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '@') {
        return true;
      }
    }
    return false;
  }

  private static boolean indented(String text, int start) {
    return start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t');
  }

  /**
   * The label of a header-like line ("From:", "*To:*", "宛先：") in lower case, or null when the line
   * is none; only labels this class knows count.
   */
  static String label(String line) {
    int colon = -1;
    for (int i = 0; i < Math.min(line.length(), 24); i++) {
      char c = line.charAt(i);
      if (c == ':' || c == '：') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      return null;
    }
    return known(line.substring(0, colon));
  }

  /** A label as written ("*To", "宛先 ") in lower case when this class knows it, else null. */
  private static String known(String written) {
    // French writes a no-break space before the colon ("À\u00A0:"), which strip() keeps
    String label = written.replace("*", "").replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    label = label.toLowerCase(Locale.ROOT);
    if (SENDER.contains(label)
        || RECIPIENT.contains(label)
        || DATED.contains(label)
        || OTHER.contains(label)) {
      return label;
    }
    return null;
  }

  /** The addresses and names of one recipient line (its label included or not). */
  private static void recipients(String line, List<String> addresses, List<String> names) {
    String label = label(line);
    String value = line;
    if (label != null) {
      int ascii = line.indexOf(':');
      int wide = line.indexOf('：');
      value = line.substring((ascii < 0 || (wide >= 0 && wide < ascii) ? wide : ascii) + 1);
    }
    Matcher a = ADDRESS.matcher(value);
    while (a.find() && addresses.size() < MAX) {
      String found = a.group().toLowerCase(Locale.ROOT);
      if (!addresses.contains(found)) {
        addresses.add(found);
      }
    }
    String rest = ADDRESS.matcher(NOT_NAME.matcher(value).replaceAll(" ")).replaceAll(" ");
    for (String piece : rest.split("[;,、]")) {
      String name = piece.replaceAll("[\"'<>()\\[\\]]", " ").strip();
      if (!name.isEmpty() && name.length() <= 200 && names.size() < MAX) {
        names.add(name);
      }
    }
  }
}
