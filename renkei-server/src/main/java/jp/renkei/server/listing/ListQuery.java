package jp.renkei.server.listing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One list request as parsed from its query string: filters, order, page. Bad parameters never
 * throw: each is a {@link Problem} naming the parameter and the value, shown above the list, and a
 * query with problems lists nothing ({@link #valid()}), so a typo never silently widens a search.
 * {@link #link} writes the same query back (for the pager, sort headers, bookmarks).
 */
public final class ListQuery {

  /** Dates in the filter bar are days in Japan. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  /**
   * A bad parameter: its name, the value given, the message key saying what is wrong, and the
   * message key of the field's label on the filter bar.
   */
  public record Problem(String param, String value, String messageKey, String labelKey) {

    Problem(String param, String value, String messageKey) {
      this(
          param,
          value,
          messageKey,
          switch (param) {
            case "q" -> "lists.filter.text";
            case "from" -> "lists.filter.from";
            case "to" -> "lists.filter.to";
            case "sort" -> "lists.sort";
            case "dir" -> "lists.direction";
            case "size" -> "lists.size";
            default -> "lists.page";
          });
    }
  }

  private final ListSpec spec;
  private final String text;
  private final Map<String, String> chosen;
  private final Map<String, String> fields;
  private final LocalDate from;
  private final LocalDate to;
  private final String sort;
  private final boolean descending;
  private final int page;
  private final int size;
  private final List<Problem> problems;

  private ListQuery(
      ListSpec spec,
      String text,
      Map<String, String> chosen,
      Map<String, String> fields,
      LocalDate from,
      LocalDate to,
      String sort,
      boolean descending,
      int page,
      int size,
      List<Problem> problems) {
    this.spec = spec;
    this.text = text;
    this.chosen = chosen;
    this.fields = fields;
    this.from = from;
    this.to = to;
    this.sort = sort;
    this.descending = descending;
    this.page = page;
    this.size = size;
    this.problems = problems;
  }

  static ListQuery parse(ListSpec spec, Map<String, String> params) {
    List<Problem> problems = new ArrayList<>();
    String text = "";
    if (spec.text()) {
      text = params.getOrDefault("q", "").strip();
      if (text.length() > ListSpec.MAX_TEXT) {
        problems.add(new Problem("q", text, "lists.error.tooLong"));
        text = "";
      }
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    for (ListSpec.Choice c : spec.choices()) {
      String v = params.getOrDefault(c.name(), "").strip();
      if (v.isEmpty()) {
        continue;
      }
      if (c.accepts(v)) {
        chosen.put(c.name(), v);
      } else {
        problems.add(new Problem(c.name(), v, "lists.error.unknownCode", c.labelKey()));
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (ListSpec.Field f : spec.fields()) {
      String v = params.getOrDefault(f.name(), "").strip();
      if (v.length() > ListSpec.MAX_TEXT) {
        problems.add(new Problem(f.name(), v, "lists.error.tooLong", f.labelKey()));
      } else if (!v.isEmpty()) {
        fields.put(f.name(), v);
      }
    }
    LocalDate from = spec.period() ? date(params, "from", problems) : null;
    LocalDate to = spec.period() ? date(params, "to", problems) : null;
    if (from != null && to != null && from.isAfter(to)) {
      problems.add(new Problem("to", to.toString(), "lists.error.toBeforeFrom"));
    }
    String sort = params.getOrDefault("sort", "").strip();
    if (sort.isEmpty()) {
      sort = spec.defaultSort();
    } else if (!spec.sorts().contains(sort)) {
      problems.add(new Problem("sort", sort, "lists.error.unknownSort"));
      sort = spec.defaultSort();
    }
    boolean descending = !spec.ascending();
    String dir = params.getOrDefault("dir", "").strip();
    if (dir.equals("asc")) {
      descending = false;
    } else if (dir.equals("desc")) {
      descending = true;
    } else if (!dir.isEmpty()) {
      problems.add(new Problem("dir", dir, "lists.error.unknownDirection"));
    }
    int size = number(params, "size", ListSpec.SIZES.get(0), problems);
    if (!ListSpec.SIZES.contains(size)) {
      problems.add(new Problem("size", String.valueOf(size), "lists.error.size"));
      size = ListSpec.SIZES.get(0);
    }
    int page = number(params, "page", 1, problems);
    int lastPossible = (ListSpec.CAP + size - 1) / size;
    if (page < 1 || page > lastPossible) {
      problems.add(new Problem("page", String.valueOf(page), "lists.error.page"));
      page = 1;
    }
    return new ListQuery(
        spec, text, chosen, fields, from, to, sort, descending, page, size, List.copyOf(problems));
  }

  private static LocalDate date(Map<String, String> params, String name, List<Problem> problems) {
    String v = params.getOrDefault(name, "").strip();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      problems.add(new Problem(name, v, "lists.error.date"));
      return null;
    }
  }

  private static int number(
      Map<String, String> params, String name, int fallback, List<Problem> problems) {
    String v = params.getOrDefault(name, "").strip();
    if (v.isEmpty()) {
      return fallback;
    }
    if (v.length() > 9 || !v.matches("-?[0-9]+")) {
      problems.add(new Problem(name, v, "lists.error.number"));
      return fallback;
    }
    return Integer.parseInt(v);
  }

  public ListSpec spec() {
    return spec;
  }

  /** Whether every parameter was understood; a list with problems shows them and no rows. */
  public boolean valid() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The free text, lower-cased for matching; empty when none. */
  public String text() {
    return text;
  }

  /** Whether {@code haystack} contains the free text (ignoring case); true when there is none. */
  public boolean textMatches(String... haystacks) {
    return contains(text, haystacks);
  }

  private static boolean contains(String text, String... haystacks) {
    if (text.isEmpty()) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    for (String h : haystacks) {
      if (h != null && h.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /** The text of a free-text filter as typed (empty when none). */
  public String field(String name) {
    return fields.getOrDefault(name, "");
  }

  /**
   * Whether any of {@code haystacks} contains the text of the free-text filter {@code name}
   * (ignoring case); true when that filter is empty.
   */
  public boolean fieldMatches(String name, String... haystacks) {
    return contains(fields.getOrDefault(name, ""), haystacks);
  }

  /** The chosen code of a choice filter, if any. */
  public Optional<String> chosen(String name) {
    return Optional.ofNullable(chosen.get(name));
  }

  /** Whether {@code code} passes the choice filter {@code name} (true when none is chosen). */
  public boolean allows(String name, String code) {
    String c = chosen.get(name);
    return c == null || c.equals(code);
  }

  /** The code of a choice filter as the form shows it (empty: any). */
  public String value(String name) {
    return chosen.getOrDefault(name, "");
  }

  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return to;
  }

  /** The start of the period (inclusive), or null. */
  public Instant fromInstant() {
    return from == null ? null : from.atStartOfDay(ZONE).toInstant();
  }

  /** The end of the period (exclusive: the start of the day after {@code to}), or null. */
  public Instant toExclusive() {
    return to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /** Whether {@code at} lies in the period (no period: always; no time: only without one). */
  public boolean inPeriod(Instant at) {
    if (from == null && to == null) {
      return true;
    }
    if (at == null) {
      return false;
    }
    return (from == null || !at.isBefore(fromInstant()))
        && (to == null || at.isBefore(toExclusive()));
  }

  public String sort() {
    return sort;
  }

  public boolean descending() {
    return descending;
  }

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  /** Rows to skip before this page. */
  public int offset() {
    return (page - 1) * size;
  }

  /** The path with this query, changed by {@code overrides} (name, value pairs; "" removes). */
  public String link(String path, String... overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    if (!text.isEmpty()) {
      p.put("q", text);
    }
    p.putAll(chosen);
    p.putAll(fields);
    if (from != null) {
      p.put("from", from.toString());
    }
    if (to != null) {
      p.put("to", to.toString());
    }
    if (!sort.equals(spec.defaultSort()) || descending == spec.ascending()) {
      p.put("sort", sort);
      p.put("dir", descending ? "desc" : "asc");
    }
    if (size != ListSpec.SIZES.get(0)) {
      p.put("size", String.valueOf(size));
    }
    if (page != 1) {
      p.put("page", String.valueOf(page));
    }
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      if (overrides[i + 1].isEmpty()) {
        p.remove(overrides[i]);
      } else {
        p.put(overrides[i], overrides[i + 1]);
      }
    }
    StringJoiner q = new StringJoiner("&", path + "?", "").setEmptyValue(path);
    p.forEach(
        (k, v) ->
            q.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return q.toString();
  }

  /** The link a column header gives: this column, flipped if it is the current order, page 1. */
  public String sortLink(String path, String column) {
    boolean desc = column.equals(sort) ? !descending : true;
    return link(path, "sort", column, "dir", desc ? "desc" : "asc", "page", "");
  }

  /** {@code "ascending"} or {@code "descending"} for the current sort column, else empty. */
  public String sortState(String column) {
    return !column.equals(sort) ? "" : descending ? "descending" : "ascending";
  }

  /**
   * How many filters other than the text narrow the list (choices, fields, the period counted
   * once): the phone's folded filter bar says it and stays open when there are any (ux37).
   */
  public int otherFilters() {
    return chosen.size() + fields.size() + (from != null || to != null ? 1 : 0);
  }

  /** Whether any filter narrows the list. */
  public boolean filtered() {
    return !text.isEmpty() || !chosen.isEmpty() || !fields.isEmpty() || from != null || to != null;
  }
}
