package jp.renkei.engine.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a reporter's identity from free text and observables, for the anonymised copy a CEPTOAR
 * forwards, and labels each removed piece by its kind ({@link Kind#label()}).
 *
 * <p>Matching is on whole tokens, in full-width or half-width letters, any case: a domain matches
 * itself or any subdomain, never a longer label or a longer name ({@code example.co} does not match
 * in {@code example.co.jp} or {@code example.com}), also defanged; an e-mail address at one of the
 * domains, or a listed one, is removed whole; names and terms match anywhere, any run of spaces in
 * them matching any other (also none), and a person's single names alone as well; a phone number
 * matches by its digits whatever separators are written (also in the +81 form); an IPv4 or IPv6
 * address inside the reporter's ranges goes whole ({@link AddressRanges}).
 *
 * <p>Thread-safe once built; build one per report.
 */
public final class Redactor {

  /** What kind of identifying text a span was, and the label that replaces it. */
  public enum Kind {
    ORGANISATION("〔組織名〕", "[organisation]"),
    UNIT("〔部署名〕", "[unit]"),
    PERSON("〔担当者名〕", "[person]"),
    PHONE("〔電話番号〕", "[phone]"),
    EMAIL("〔メールアドレス〕", "[e-mail]"),
    DOMAIN("〔ドメイン〕", "[domain]"),
    IP("〔IPアドレス〕", "[IP address]"),
    /** A free term the secretariat added: labelled neutrally, as nothing in particular. */
    TERM("〔削除〕", "[removed]");

    private final String label;
    private final String englishLabel;

    Kind(String label, String englishLabel) {
      this.label = label;
      this.englishLabel = englishLabel;
    }

    /** The Japanese label the copy carries in place of the removed text. */
    public String label() {
      return label;
    }

    /** The English equivalent of {@link #label()}, for explanations to English readers. */
    public String englishLabel() {
      return englishLabel;
    }
  }

  /** One removed piece of text: where it was in the original, what it was. */
  public record Span(int start, int end, Kind kind, String original) {}

  /** The redacted text and the spans removed from the original (for a side-by-side preview). */
  public record Result(String text, List<Span> spans) {}

  private static final Pattern IPV4 =
      Pattern.compile("\\d{1,3}(?:(?:\\.|\\[\\.\\])\\d{1,3}){2}(?:\\.|\\[\\.\\])");
  private static final String DOT = "(?:\\.|\\[\\.\\]|\\(\\.\\))";
  private static final String LABEL_CHAR = "[a-z0-9_-]";
  private static final String LOCAL_CHAR = "[a-z0-9._%+-]";
  private static final String AT = "(?:@|\\[@\\]|\\[at\\]|\\(at\\))";

  /**
   * The most labels matched in front of a reporter's domain (a DNS name has at most 127 labels). In
   * a longer host the labels beyond are left in the text; the domain itself is still removed.
   */
  static final int MAX_SUBDOMAIN_LABELS = 126;

  /** A domain ends where no further label character, nor a dot and a further label, follows. */
  private static final String DOMAIN_END = "(?!" + LABEL_CHAR + "|" + DOT + "[a-z0-9])";

  private final Identity identity;
  private final Map<Kind, String> replacements;
  private final List<Needle> emailPatterns = new ArrayList<>();
  private final List<Needle> domainPatterns = new ArrayList<>();
  private final List<Term> terms = new ArrayList<>();

  /** How many of {@link #terms} the identity gives; those after are {@link #withPersonWords}'. */
  private int baseTerms;

  private final Map<String, Kind> phones = new java.util.HashMap<>();
  private final AddressRanges ranges = new AddressRanges();

  private record Term(Pattern pattern, Kind kind) {}

  /**
   * A pattern and a piece of text every match of it contains: the pattern is not run over a text
   * without that piece (over long text it would try each label start for nothing).
   */
  private record Needle(Pattern pattern, String literal) {}

  /**
   * The words of the party's people's names this redactor takes out alone (the directory's, and
   * those added with {@link #withPersonNames}; never a role word such as 管理者), and each name of
   * several words also written without spaces (佐藤花子): a share looks for them also where text is not
   * matched as a whole name (a link's pieces, the end of a cut quote).
   */
  public List<String> personWords() {
    List<String> out = new ArrayList<>();
    for (String t : identity.personNames()) {
      String[] words = t.strip().split("\\s+");
      for (String w : words) {
        if (w.length() >= 2
            && !ROLE_WORDS.contains(w.toLowerCase(Locale.ROOT))
            && !out.contains(w)) {
          out.add(w);
        }
      }
      if (words.length > 1 && !out.contains(String.join("", words))) {
        out.add(String.join("", words));
      }
    }
    return out;
  }

  /**
   * This redactor with more e-mail addresses of the same party (a message's recipients, at a domain
   * the directory does not list), labelled alike.
   */
  public Redactor withEmails(List<String> more) {
    List<String> emails = new ArrayList<>(identity.emails());
    emails.addAll(more);
    return carried(
        new Redactor(
            new Identity(
                identity.names(),
                identity.domains(),
                emails,
                identity.personNames(),
                identity.ipRanges(),
                identity.units(),
                identity.phones(),
                identity.terms()),
            replacements));
  }

  /**
   * This redactor with more people of the same party (the names a message's To and Cc give its
   * recipients), labelled alike: each name whole, and each of its words of two or more characters
   * alone, as the directory's people.
   */
  public Redactor withPersonNames(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> people = new ArrayList<>(identity.personNames());
    people.addAll(more);
    return carried(
        new Redactor(
            new Identity(
                identity.names(),
                identity.domains(),
                identity.emails(),
                people,
                identity.ipRanges(),
                identity.units(),
                identity.phones(),
                identity.terms()),
            replacements));
  }

  /**
   * This redactor with more words naming people of the same party, matched as words: one in Latin
   * letters and digits only where no such letter or digit stands next to it ({@code suzuki} in
   * "t.suzuki様" and "Dear suzuki,", not in "suzukiya" or "[zzzzteana]"), one in other scripts
   * anywhere, as names are (Japanese is written without spaces). For a recipient's local part, a
   * mailbox's name that is often part of other words (share34); labelled as people.
   */
  public Redactor withPersonWords(List<String> words) {
    if (words.isEmpty()) {
      return this;
    }
    Redactor out = carried(new Redactor(identity, replacements));
    for (String w : words) {
      String f = CompatibleText.fold(w).strip();
      if (f.isEmpty()) {
        continue;
      }
      boolean latin = f.chars().allMatch(c -> c < 0x80);
      out.terms.add(
          new Term(
              latin
                  ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(f) + "(?![a-z0-9])")
                  : termPattern(f.split("\\s+")),
              Kind.PERSON));
    }
    return out;
  }

  /** {@code into} with this redactor's {@link #withPersonWords} words too. */
  private Redactor carried(Redactor into) {
    into.terms.addAll(terms.subList(baseTerms, terms.size()));
    return into;
  }

  /** A redactor that labels removed text with {@link Kind#label()}. */
  public Redactor(Identity identity) {
    this(identity, Map.of());
  }

  /** A redactor with other labels for some kinds; the rest keep {@link Kind#label()}. */
  public Redactor(Identity identity, Map<Kind, String> replacements) {
    this.identity = identity;
    // EnumMap's copy constructor refuses an empty plain map
    this.replacements = new EnumMap<>(Kind.class);
    this.replacements.putAll(replacements);
    for (Kind k : Kind.values()) {
      this.replacements.putIfAbsent(k, k.label());
    }
    for (String d : identity.domains()) {
      String body =
          String.join(
              DOT,
              java.util.Arrays.stream(fold(d).split("\\."))
                  .filter(l -> !l.isEmpty())
                  .map(Pattern::quote)
                  .toList());
      // bounded: a DNS name has at most 127 labels, and an unbounded repeated group recurses once
      // per label in java.util.regex, so a host of thousands of labels would overflow the stack
      String sub = "(?:" + LABEL_CHAR + "+" + DOT + "){0," + MAX_SUBDOMAIN_LABELS + "}";
      String firstLabel =
          java.util.Arrays.stream(fold(d).split("\\."))
              .filter(l -> !l.isEmpty())
              .findFirst()
              .orElse("");
      domainPatterns.add(
          new Needle(
              Pattern.compile("(?<!" + LABEL_CHAR + ")" + sub + body + DOMAIN_END), firstLabel));
      emailPatterns.add(
          new Needle(
              Pattern.compile(
                  "(?<!" + LOCAL_CHAR + ")" + LOCAL_CHAR + "+" + AT + sub + body + DOMAIN_END),
              firstLabel));
    }
    for (String e : identity.emails()) {
      String f = fold(e);
      int at = f.lastIndexOf('@');
      String address =
          at < 0
              ? Pattern.quote(f)
              : Pattern.quote(f.substring(0, at))
                  + AT
                  + String.join(
                      DOT,
                      java.util.Arrays.stream(f.substring(at + 1).split("\\."))
                          .map(Pattern::quote)
                          .toList());
      emailPatterns.add(
          new Needle(
              Pattern.compile("(?<!" + LOCAL_CHAR + ")" + address + DOMAIN_END),
              at < 0 ? f : f.substring(0, at)));
    }
    addTerms(identity.names(), Kind.ORGANISATION, false);
    addTerms(identity.units(), Kind.UNIT, false);
    addTerms(identity.personNames(), Kind.PERSON, true);
    addTerms(identity.terms(), Kind.TERM, false);
    for (String p : identity.phones()) {
      if (!addPhone(p, Kind.PHONE)) {
        addTerms(List.of(p), Kind.PHONE, false);
      }
    }
    // a term the secretariat added that is a phone number is found however it is written
    for (String t : identity.terms()) {
      if (PHONE_LIKE.matcher(fold(t)).matches()) {
        addPhone(t, Kind.TERM);
      }
    }
    baseTerms = terms.size();
    for (String r : identity.ipRanges()) {
      ranges.add(r);
    }
  }

  /**
   * Each term as a pattern over folded text: its words with any run of spaces (or none) between
   * them, anywhere (a name glued to other text is still a name). A person's name also matches each
   * of its words of two or more characters alone (a family name in "山田さん").
   */
  private void addTerms(List<String> list, Kind kind, boolean eachWord) {
    for (String t : list) {
      // names in any compatibility form (half-width katakana, ㈱, ligatures): CompatibleText
      String[] words = CompatibleText.fold(t).strip().split("\\s+");
      terms.add(new Term(termPattern(words), kind));
      if (eachWord && words.length > 1) {
        for (String w : words) {
          // counted in letters: a voiced kana is two characters here (its base and the mark)
          String letters = java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFKC);
          if (letters.codePointCount(0, letters.length()) >= 2 && !ROLE_WORDS.contains(letters)) {
            terms.add(new Term(termPattern(new String[] {w}), kind));
          }
        }
      }
    }
  }

  /**
   * Words of a person's recorded name that name a role, not the person ("連携 管理者", "Sakura Admin"):
   * alone they are in every other sender's name ("Microsoft 365 管理者", "IT Support"), so only the
   * whole name is taken out, never the role word alone.
   */
  static final java.util.Set<String> ROLE_WORDS =
      java.util.Set.of(
          "管理者",
          "担当者",
          "担当",
          "責任者",
          "事務局",
          "運用者",
          "利用者",
          "職員",
          "社員",
          "窓口",
          "代表",
          "部長",
          "課長",
          "係長",
          "室長",
          "主任",
          "システム",
          "サポート",
          "ヘルプデスク",
          "スタッフ",
          "ユーザー",
          "ユーザ",
          "admin",
          "administrator",
          "user",
          "staff",
          "support",
          "team",
          "manager",
          "operator",
          "service",
          "system",
          "helpdesk",
          "desk",
          "office",
          "info",
          "contact");

  private static final Pattern PHONE_LIKE =
      Pattern.compile("[+(]?[0-9][0-9 ()\\-\u2010-\u2013\u2212\u30fc]+");

  private boolean addPhone(String number, Kind kind) {
    String digits = digits(fold(number));
    if (digits.length() < 6) {
      return false;
    }
    phones.putIfAbsent(digits, kind);
    if (digits.startsWith("0")) {
      phones.putIfAbsent("81" + digits.substring(1), kind);
    }
    return true;
  }

  private static Pattern termPattern(String[] words) {
    return Pattern.compile(
        String.join("\\s*", java.util.Arrays.stream(words).map(Pattern::quote).toList()));
  }

  /** The text with every identifying piece replaced. */
  public Result redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(text, List.of());
    }
    String folded = fold(text);
    List<Span> found = new ArrayList<>();
    for (Needle p : emailPatterns) {
      if (folded.contains(p.literal())) {
        collect(p.pattern().matcher(folded), Kind.EMAIL, text, found);
      }
    }
    for (Needle p : domainPatterns) {
      if (folded.contains(p.literal())) {
        collect(p.pattern().matcher(folded), Kind.DOMAIN, text, found);
      }
    }
    CompatibleText names = CompatibleText.of(text);
    for (Term t : terms) {
      Matcher m = t.pattern().matcher(names.text);
      while (m.find()) {
        int start = names.start(m.start());
        int end = names.end(m.end());
        found.add(new Span(start, end, t.kind(), text.substring(start, end)));
      }
    }
    phones(folded, text, found);
    // every start position not inside a longer number; the last octet is taken whole
    Matcher m4 = IPV4.matcher(folded);
    for (int i = 0; i < folded.length(); i++) {
      if (Character.isDigit(folded.charAt(i))
          && (i == 0 || !Character.isDigit(folded.charAt(i - 1)))
          && m4.region(i, folded.length()).lookingAt()) {
        int end = m4.end();
        while (end < folded.length() && Character.isDigit(folded.charAt(end))) {
          end++;
        }
        if (end - m4.end() >= 1 && end - m4.end() <= 3) {
          String ip = folded.substring(i, end);
          if (ranges.contains(ip.replace("[.]", "."))) {
            found.add(new Span(i, end, Kind.IP, text.substring(i, end)));
          }
        }
      }
    }
    for (int[] a : ranges.ipv6Inside(folded)) {
      found.add(new Span(a[0], a[1], Kind.IP, text.substring(a[0], a[1])));
    }
    return apply(text, merge(found));
  }

  /**
   * Phone numbers by their digits: a run of digit groups joined by spaces, hyphens, dots or
   * brackets whose digits are one of the reporter's numbers (or its +81 form), starting and ending
   * at whole groups.
   */
  private void phones(String folded, String text, List<Span> out) {
    if (phones.isEmpty()) {
      return;
    }
    int n = folded.length();
    int i = 0;
    while (i < n) {
      if (!Character.isDigit(folded.charAt(i))) {
        i++;
        continue;
      }
      // one run of groups: [start, end) of each group of digits
      List<int[]> groups = new ArrayList<>();
      int at = i;
      while (at < n && Character.isDigit(folded.charAt(at))) {
        int s = at;
        while (at < n && Character.isDigit(folded.charAt(at))) {
          at++;
        }
        groups.add(new int[] {s, at});
        int sep = at;
        while (sep < n && sep - at < 3 && PHONE_SEPARATORS.indexOf(folded.charAt(sep)) >= 0) {
          sep++;
        }
        if (sep > at && sep < n && Character.isDigit(folded.charAt(sep))) {
          at = sep;
        }
      }
      for (int g = 0; g < groups.size(); g++) {
        StringBuilder digits = new StringBuilder();
        for (int h = g; h < groups.size(); h++) {
          digits.append(folded, groups.get(h)[0], groups.get(h)[1]);
          Kind kind = phones.get(digits.toString());
          if (kind != null) {
            int start = groups.get(g)[0];
            int end = groups.get(h)[1];
            if (start > 0 && "(+".indexOf(folded.charAt(start - 1)) >= 0) {
              start--;
            }
            if (end < n && folded.charAt(end) == ')') {
              end++;
            }
            out.add(new Span(start, end, kind, text.substring(start, end)));
          }
        }
      }
      i = groups.get(groups.size() - 1)[1];
    }
  }

  private static final String PHONE_SEPARATORS = " -.()\u2010\u2011\u2012\u2013\u2212\u30fc";

  private static String digits(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  /**
   * Whether an observable points at the reporter (its domain or a subdomain, an address at it, a
   * URL on it, an address in its ranges, or a listed e-mail); such observables are dropped.
   */
  public boolean identifies(String type, String normalValue) {
    String v = normalValue.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "domain-name" -> ownDomain(v);
      case "email-addr" ->
          identity.emails().stream().anyMatch(e -> e.equalsIgnoreCase(v))
              || ownDomain(v.substring(v.lastIndexOf('@') + 1));
      case "url" ->
          host(v).map(h -> ownDomain(h) || ranges.contains(h)).orElse(false)
              || redact(v).spans().size() > 0;
      case "ipv4-addr", "ipv6-addr" -> ranges.contains(v);
      case "cidr" -> v.contains("/") && ranges.contains(v.substring(0, v.indexOf('/')));
      default -> false;
    };
  }

  /**
   * Whether a value the redactor keeps still looks like the reporter: it contains the distinctive
   * first label of one of its domains (a lookalike phishing domain such as {@code
   * sakura-bank-login.example}). Such values are threat intelligence worth sharing, but may point
   * at the victim; the secretariat decides, by adding a term to hide.
   */
  public boolean resembles(String normalValue) {
    String v = normalValue.toLowerCase(Locale.ROOT);
    for (String d : identity.domains()) {
      String first = d.toLowerCase(Locale.ROOT).split("\\.")[0];
      if (first.length() >= 4 && v.contains(first)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The host-like tokens of a text (normally one already redacted) that {@link #resembles} the
   * reporter: another, longer name that contains one of its domains or their distinctive first
   * label ({@code sakura-bank.example.evil}, {@code notsakura-bank.example}). Whole-token matching
   * leaves them in the text; the secretariat decides, by adding a term to hide.
   */
  public List<String> lookalikes(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = HOSTISH.matcher(fold(text));
    while (m.find()) {
      String token = text.substring(m.start(), m.end());
      if (resembles(m.group()) && !out.contains(token)) {
        out.add(token);
      }
    }
    return out;
  }

  // possessive: the token never gives characters back, and java.util.regex then repeats the group
  // in a loop rather than by one recursion per character (a long token would overflow the stack)
  private static final Pattern HOSTISH =
      Pattern.compile("[a-z0-9](?:[a-z0-9_-]|" + DOT + "(?=[a-z0-9]))*+");

  private boolean ownDomain(String host) {
    for (String d : identity.domains()) {
      String dl = d.toLowerCase(Locale.ROOT);
      if (host.equals(dl) || host.endsWith("." + dl)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> host(String url) {
    int sep = url.indexOf("://");
    if (sep < 0) {
      return Optional.empty();
    }
    String rest = url.substring(sep + 3);
    int end = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith("[")) {
      // an IPv6 literal host: http://[2001:db8::1]:8080/
      int close = hostPort.indexOf(']');
      return close < 0 ? Optional.empty() : Optional.of(hostPort.substring(1, close));
    }
    int colon = hostPort.indexOf(':');
    return Optional.of(colon < 0 ? hostPort : hostPort.substring(0, colon));
  }

  private static void collect(Matcher m, Kind kind, String text, List<Span> out) {
    while (m.find()) {
      out.add(new Span(m.start(), m.end(), kind, text.substring(m.start(), m.end())));
    }
  }

  /** Overlapping spans become one, keeping the kind of the earliest-starting, longest one. */
  private static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(
        Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed()));
    List<Span> merged = new ArrayList<>();
    for (Span s : sorted) {
      if (!merged.isEmpty() && s.start() < merged.get(merged.size() - 1).end()) {
        Span last = merged.remove(merged.size() - 1);
        int end = Math.max(last.end(), s.end());
        merged.add(new Span(last.start(), end, last.kind(), null));
      } else {
        merged.add(s);
      }
    }
    return merged;
  }

  private Result apply(String text, List<Span> spans) {
    StringBuilder sb = new StringBuilder(text.length());
    List<Span> withText = new ArrayList<>();
    int at = 0;
    for (Span s : spans) {
      sb.append(text, at, s.start()).append(replacements.get(s.kind()));
      withText.add(new Span(s.start(), s.end(), s.kind(), text.substring(s.start(), s.end())));
      at = s.end();
    }
    sb.append(text.substring(at));
    return new Result(sb.toString(), withText);
  }

  /**
   * Lower case with full-width ASCII folded to half-width, one character for one, so positions in
   * the folded text are positions in the original.
   */
  static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch >= '\uFF01' && ch <= '\uFF5E') {
        ch = (char) (ch - 0xFEE0);
      } else if (ch == '\u3000') {
        ch = ' ';
      }
      c[i] = Character.toLowerCase(ch);
    }
    return new String(c);
  }
}
