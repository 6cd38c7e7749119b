package jp.renkei.engine.stix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * The part of the STIX 2.1 patterning language that names observables a log can show, turned into
 * those observables: comparisons with {@code =}, {@code IN (...)}, {@code ISSUBSET} (CIDR) and
 * {@code LIKE '%.domain'} on {@code domain-name:value}, {@code ipv4-addr:value}, {@code
 * ipv6-addr:value}, {@code url:value}, {@code email-addr:value} and {@code file:hashes.*}, joined
 * by {@code OR} inside or between observations. Anything else (AND, FOLLOWEDBY, qualifiers, other
 * properties, negation) is refused with the reason, so an indicator is never half-used silently.
 * Patterns longer than {@value #MAX_LENGTH} characters are refused.
 */
public final class StixPattern {

  public static final int MAX_LENGTH = 20_000;

  /** The observables a pattern names, or why it cannot be used for matching. */
  public record Result(List<Observable> observables, String unsupported) {
    public boolean supported() {
      return unsupported == null;
    }

    static Result no(String why) {
      return new Result(List.of(), why);
    }
  }

  private final String p;
  private int i;

  private StixPattern(String pattern) {
    this.p = pattern;
  }

  public static Result parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return Result.no("empty pattern");
    }
    if (pattern.length() > MAX_LENGTH) {
      return Result.no("pattern longer than " + MAX_LENGTH + " characters");
    }
    try {
      return new StixPattern(pattern).pattern();
    } catch (Unsupported e) {
      return Result.no(e.getMessage());
    }
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private Result pattern() {
    List<Observable> all = new ArrayList<>();
    while (true) {
      skip();
      expect('[');
      all.addAll(observation());
      skip();
      if (i >= p.length()) {
        return new Result(List.copyOf(all), null);
      }
      String word = word();
      switch (word) {
        case "OR" -> {
          // another observation
        }
        case "AND", "FOLLOWEDBY" ->
            throw new Unsupported(
                word + " between observations needs correlation in time, not a single log line");
        case "WITHIN", "START", "STOP", "REPEATS" ->
            throw new Unsupported("qualifier " + word + " is not supported for log matching");
        default -> throw new Unsupported("unexpected '" + word + "' at " + i);
      }
    }
  }

  private List<Observable> observation() {
    List<Observable> found = new ArrayList<>();
    while (true) {
      found.addAll(comparison());
      skip();
      if (peek() == ']') {
        i++;
        return found;
      }
      String word = word();
      if (word.equals("AND")) {
        throw new Unsupported("AND inside an observation is not supported for log matching");
      }
      if (!word.equals("OR")) {
        throw new Unsupported("unexpected '" + word + "' at " + i);
      }
    }
  }

  private List<Observable> comparison() {
    skip();
    int start = i;
    while (i < p.length() && " \t\r\n=!<>".indexOf(p.charAt(i)) < 0) {
      i++;
    }
    String path = p.substring(start, i);
    skip();
    String op;
    if (peek() == '=') {
      i++;
      op = "=";
    } else if (peek() == '!' || peek() == '<' || peek() == '>') {
      throw new Unsupported("operator at " + i + " does not name an observable");
    } else {
      op = word();
      if (op.equals("NOT")) {
        throw new Unsupported("NOT does not name an observable");
      }
    }
    ObservableType type = type(path);
    skip();
    List<String> values = new ArrayList<>();
    switch (op) {
      case "=" -> values.add(string());
      case "IN" -> {
        expect('(');
        while (true) {
          skip();
          values.add(string());
          skip();
          if (peek() == ')') {
            i++;
            break;
          }
          expect(',');
        }
      }
      case "ISSUBSET" -> {
        if (type != ObservableType.IPV4 && type != ObservableType.IPV6) {
          throw new Unsupported("ISSUBSET applies to addresses, not " + path);
        }
        type = ObservableType.CIDR;
        values.add(string());
      }
      case "LIKE" -> {
        String like = string();
        if (type != ObservableType.DOMAIN
            || !like.startsWith("%.")
            || like.indexOf('%', 1) >= 0
            || like.contains("_")) {
          throw new Unsupported(
              "LIKE '"
                  + like
                  + "' on "
                  + path
                  + " (only '%.domain' on domain-name:value is supported)");
        }
        values.add(like.substring(2));
      }
      default -> throw new Unsupported("operator " + op + " is not supported for log matching");
    }
    List<Observable> out = new ArrayList<>();
    for (String v : values) {
      try {
        out.add(Observables.parse(type, v));
      } catch (InvalidObservable e) {
        throw new Unsupported("value of " + path + " is not valid: " + e.getMessage());
      }
    }
    return out;
  }

  private static ObservableType type(String path) {
    String normal = path.replace("\"", "'");
    return switch (normal) {
      case "domain-name:value" -> ObservableType.DOMAIN;
      case "ipv4-addr:value" -> ObservableType.IPV4;
      case "ipv6-addr:value" -> ObservableType.IPV6;
      case "url:value" -> ObservableType.URL;
      case "email-addr:value" -> ObservableType.EMAIL;
      case "file:hashes.MD5", "file:hashes.'MD5'" -> ObservableType.MD5;
      case "file:hashes.'SHA-1'", "file:hashes.SHA1", "file:hashes.'SHA1'" -> ObservableType.SHA1;
      case "file:hashes.'SHA-256'", "file:hashes.SHA256", "file:hashes.'SHA256'" ->
          ObservableType.SHA256;
      case "file:hashes.'SHA-512'", "file:hashes.SHA512", "file:hashes.'SHA512'" ->
          ObservableType.SHA512;
      default -> throw new Unsupported("object path " + path + " is not one log matching can use");
    };
  }

  private String string() {
    expect('\'');
    StringBuilder sb = new StringBuilder();
    while (i < p.length()) {
      char c = p.charAt(i++);
      if (c == '\\' && i < p.length()) {
        sb.append(p.charAt(i++));
      } else if (c == '\'') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw new Unsupported("unterminated string");
  }

  private String word() {
    skip();
    int start = i;
    while (i < p.length() && Character.isLetter(p.charAt(i))) {
      i++;
    }
    if (start == i) {
      throw new Unsupported("unexpected '" + (i < p.length() ? p.charAt(i) : "end") + "' at " + i);
    }
    return p.substring(start, i).toUpperCase(Locale.ROOT);
  }

  private void expect(char c) {
    skip();
    if (peek() != c) {
      throw new Unsupported("expected '" + c + "' at " + i);
    }
    i++;
  }

  private char peek() {
    return i < p.length() ? p.charAt(i) : '\0';
  }

  private void skip() {
    while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
  }
}
