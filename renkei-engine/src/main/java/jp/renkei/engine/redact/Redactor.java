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
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * Removes a reporter's identity from free text and observables, for the anonymised copy a CEPTOAR
 * forwards. Errs towards removing too much: names match case-insensitively anywhere (also in
 * full-width letters), domains match with their subdomains and in defanged form, an e-mail address
 * at one of the domains is removed whole, and any IP address inside the reporter's ranges goes.
 *
 * <p>Thread-safe once built; build one per report.
 */
public final class Redactor {

  /** What kind of identifying text a span was. */
  public enum Kind {
    ORGANISATION,
    PERSON,
    EMAIL,
    DOMAIN,
    IP
  }

  /** One removed piece of text: where it was in the original, what it was. */
  public record Span(int start, int end, Kind kind, String original) {}

  /** The redacted text and the spans removed from the original (for a side-by-side preview). */
  public record Result(String text, List<Span> spans) {}

  private static final Pattern IPV4 =
      Pattern.compile("\\d{1,3}(?:(?:\\.|\\[\\.\\])\\d{1,3}){2}(?:\\.|\\[\\.\\])");
  private static final String DOT = "(?:\\.|\\[\\.\\]|\\(\\.\\))";

  private final Identity identity;
  private final Map<Kind, String> replacements;
  private final List<Pattern> emailPatterns = new ArrayList<>();
  private final List<Pattern> domainPatterns = new ArrayList<>();
  private final List<long[]> ranges = new ArrayList<>();

  public Redactor(Identity identity, Map<Kind, String> replacements) {
    this.identity = identity;
    // EnumMap's copy constructor refuses an empty plain map
    this.replacements = new EnumMap<>(Kind.class);
    this.replacements.putAll(replacements);
    for (Kind k : Kind.values()) {
      this.replacements.putIfAbsent(k, "[" + k.name() + "]");
    }
    for (String d : identity.domains()) {
      String body =
          String.join(
              DOT,
              java.util.Arrays.stream(d.toLowerCase(Locale.ROOT).split("\\."))
                  .map(Pattern::quote)
                  .toList());
      String sub = "(?:[A-Za-z0-9-]+" + DOT + ")*";
      // no word boundaries: a domain glued to other text is still removed (too much beats a leak)
      domainPatterns.add(Pattern.compile(sub + body, Pattern.CASE_INSENSITIVE));
      emailPatterns.add(
          Pattern.compile(
              "[A-Za-z0-9._%+-]+(?:@|\\[@\\]|\\[at\\])" + sub + body, Pattern.CASE_INSENSITIVE));
    }
    for (String r : identity.ipRanges()) {
      try {
        String cidr = Observables.parse(ObservableType.CIDR, r).value();
        if (cidr.contains(":")) {
          throw new IllegalArgumentException(
              "IPv6 ranges are not supported by the redactor yet: " + r);
        }
        {
          int slash = cidr.indexOf('/');
          long base = ipv4(cidr.substring(0, slash));
          int prefix = Integer.parseInt(cidr.substring(slash + 1));
          ranges.add(new long[] {base, prefix});
        }
      } catch (InvalidObservable e) {
        throw new IllegalArgumentException("not a CIDR range: " + r, e);
      }
    }
  }

  /** The text with every identifying piece replaced. */
  public Result redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Result(text, List.of());
    }
    String folded = fold(text);
    List<Span> found = new ArrayList<>();
    for (Pattern p : emailPatterns) {
      collect(p.matcher(text), Kind.EMAIL, text, found);
    }
    for (String e : identity.emails()) {
      literal(folded, text, fold(e), Kind.EMAIL, found);
    }
    for (Pattern p : domainPatterns) {
      collect(p.matcher(text), Kind.DOMAIN, text, found);
    }
    for (String n : identity.names()) {
      literal(folded, text, fold(n), Kind.ORGANISATION, found);
    }
    for (String n : identity.personNames()) {
      literal(folded, text, fold(n), Kind.PERSON, found);
      String compact = n.replaceAll("[\\s\\u3000]+", "");
      if (!compact.equals(n)) {
        literal(folded, text, fold(compact), Kind.PERSON, found);
      }
    }
    // every start position, so an address glued to other digits is still found
    Matcher m4 = IPV4.matcher(text);
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i)) && m4.region(i, text.length()).lookingAt()) {
        // the first three octets matched; try every length of the last one
        for (int end = m4.end() + 1; end <= Math.min(m4.end() + 3, text.length()); end++) {
          if (!Character.isDigit(text.charAt(end - 1))) {
            break;
          }
          String ip = text.substring(i, end);
          if (inRanges(ip.replace("[.]", "."))) {
            found.add(new Span(i, end, Kind.IP, ip));
          }
        }
      }
    }
    return apply(text, merge(found));
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
          host(v).map(h -> ownDomain(h) || inRanges(h)).orElse(false)
              || redact(v).spans().size() > 0;
      case "ipv4-addr" -> inRanges(v);
      case "cidr" ->
          v.contains("/") && !v.contains(":") && inRanges(v.substring(0, v.indexOf('/')));
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
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        end = i;
        break;
      }
    }
    String authority = rest.substring(0, end);
    return Optional.of(authority.substring(authority.lastIndexOf('@') + 1));
  }

  private boolean inRanges(String ip) {
    long a = ipv4(ip);
    if (a < 0) {
      return false;
    }
    for (long[] r : ranges) {
      int prefix = (int) r[1];
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      if ((a & mask) == (r[0] & mask)) {
        return true;
      }
    }
    return false;
  }

  private static long ipv4(String s) {
    String[] p = s.split("\\.");
    if (p.length != 4) {
      return -1;
    }
    long v = 0;
    for (String part : p) {
      if (part.isEmpty() || part.length() > 3) {
        return -1;
      }
      int n;
      try {
        n = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        return -1;
      }
      if (n > 255) {
        return -1;
      }
      v = (v << 8) | n;
    }
    return v;
  }

  private static void collect(Matcher m, Kind kind, String text, List<Span> out) {
    while (m.find()) {
      out.add(new Span(m.start(), m.end(), kind, text.substring(m.start(), m.end())));
    }
  }

  private static void literal(
      String folded, String text, String needle, Kind kind, List<Span> out) {
    if (needle.isEmpty()) {
      return;
    }
    for (int i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) {
      out.add(new Span(i, i + needle.length(), kind, text.substring(i, i + needle.length())));
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
