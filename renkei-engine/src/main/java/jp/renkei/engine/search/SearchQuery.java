package jp.renkei.engine.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.engine.observable.InvalidObservable;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.observable.Observables;

/**
 * What a person typed into the one search box, recognised: an observable (IPv4, IPv6, CIDR, domain,
 * URL, e-mail, MD5/SHA-1/SHA-256/SHA-512 hash, accepted defanged as {@code hxxp://} or {@code [.]})
 * matched exactly in its normal form, a CVE id, or free text (words separated by spaces, every word
 * must occur). Text is NFKC-normalised and lower-cased, as the database's {@code search_norm} does
 * with the indexed text.
 *
 * <p>Limits: at most {@value #MAX_LENGTH} characters and {@value #MAX_WORDS} words. Immutable.
 *
 * @param kind what the query was recognised as
 * @param value the observable's or CVE's normal form; for text, the words joined by one space
 * @param words the normalised words every match must contain (one word for an observable or CVE)
 */
public record SearchQuery(Kind kind, String value, List<String> words) {

  public static final int MAX_LENGTH = 200;
  public static final int MAX_WORDS = 8;

  private static final Pattern CVE = Pattern.compile("cve-\\d{4}-\\d{4,7}");

  /** The kinds of query, each named by a stable code (used in the API and the UI's texts). */
  public enum Kind {
    IPV4("ipv4-addr"),
    IPV6("ipv6-addr"),
    CIDR("cidr"),
    DOMAIN("domain-name"),
    URL("url"),
    EMAIL("email-addr"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    SHA512("sha512"),
    CVE("cve"),
    TEXT("text");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The observable type this kind matches, if it is one. */
    public Optional<ObservableType> observableType() {
      return ObservableType.fromCode(code);
    }
  }

  public SearchQuery {
    words = List.copyOf(words);
  }

  /** Whether the query is an observable or a CVE id (matched exactly, not as text). */
  public boolean exact() {
    return kind != Kind.TEXT;
  }

  /** Recognises {@code text}, or says what is wrong with it. */
  public static SearchQuery parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSearch(InvalidSearch.Problem.EMPTY, "empty", 0, 0);
    }
    String q = text.strip();
    if (q.length() > MAX_LENGTH) {
      throw new InvalidSearch(
          InvalidSearch.Problem.TOO_LONG,
          "longer than " + MAX_LENGTH + " characters",
          MAX_LENGTH,
          q.length());
    }
    String normal = normalise(q);
    if (CVE.matcher(normal).matches()) {
      return new SearchQuery(Kind.CVE, normal.toUpperCase(Locale.ROOT), List.of(normal));
    }
    Optional<ObservableType> type = Observables.detect(q);
    if (type.isPresent()) {
      try {
        Observable o = Observables.parse(type.get(), q);
        Kind kind = Kind.valueOf(type.get().name());
        return new SearchQuery(kind, o.value(), List.of(o.value().toLowerCase(Locale.ROOT)));
      } catch (InvalidObservable e) {
        // not quite an observable after all: search it as text
      }
    }
    LinkedHashSet<String> words = new LinkedHashSet<>();
    for (String w : normal.split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (words.size() > MAX_WORDS) {
      throw new InvalidSearch(
          InvalidSearch.Problem.TOO_MANY_WORDS,
          "more than " + MAX_WORDS + " words",
          MAX_WORDS,
          words.size());
    }
    List<String> list = new ArrayList<>(words);
    return new SearchQuery(Kind.TEXT, String.join(" ", list), list);
  }

  /** NFKC, then lower case: the form both the query and the indexed text are compared in. */
  public static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** Why a query cannot be searched. */
  public static final class InvalidSearch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem, for a message in the reader's language. */
    public enum Problem {
      EMPTY,
      TOO_LONG,
      TOO_MANY_WORDS
    }

    private final Problem problem;
    private final int limit;
    private final int actual;

    /**
     * {@code limit}: the most characters or words a query may have; {@code actual}: how many this
     * one has (both 0 for an empty query).
     */
    public InvalidSearch(Problem problem, String reason, int limit, int actual) {
      super(reason);
      this.problem = problem;
      this.limit = limit;
      this.actual = actual;
    }

    public Problem problem() {
      return problem;
    }

    public int limit() {
      return limit;
    }

    public int actual() {
      return actual;
    }

    /** What is wrong, in a few plain words. */
    public String reason() {
      return getMessage();
    }
  }
}
