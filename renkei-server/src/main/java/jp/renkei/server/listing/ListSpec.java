package jp.renkei.server.listing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.reference.Term;

/**
 * What one list page accepts in its query string: which filters (free text, choices among known
 * codes, a period), which columns it sorts by and its default order. {@link #parse} turns a query
 * string into a {@link ListQuery}, with every bad parameter named in its problems (never an
 * exception), and the filter bar fragment ({@code fragments/listing :: filters}) renders from it.
 *
 * <p>Limits: text at most {@value #MAX_TEXT} characters, page sizes {@link #SIZES}, pages up to
 * {@link #CAP} rows deep (offset paging over a stable order, see {@link ListPage}).
 */
public final class ListSpec {

  /** Page sizes offered; the first is the default. */
  public static final List<Integer> SIZES = List.of(25, 50, 100);

  /** The most matching rows a list collects (and so pages through); past it the total is "n+". */
  public static final int CAP = 5_000;

  /**
   * How many matching rows a list that judges its rows one by one through the sharing policy while
   * it reads them (the report list) counts before it says "n件以上": its total is exact up to this and
   * its walk stops there unless the page asked for lies deeper ({@link #counted}).
   */
  public static final int COUNTED = 1_000;

  /**
   * How far such a list walks for {@code query}: {@link #COUNTED} rows, or to the end of the page
   * asked for when that lies deeper, never past {@link #CAP}.
   */
  public static int counted(ListQuery query) {
    return Math.min(CAP, Math.max(COUNTED, query.offset() + query.size()));
  }

  /** The longest free text accepted. */
  public static final int MAX_TEXT = 200;

  /** One choice of a filter: a code with its label (a reference term, or a message key). */
  public record Option(String code, Term term, String messageKey) {}

  /**
   * A free-text filter besides the main one (an actor, an action, an organisation's name): matched
   * by the list against what it shows of each row, never against what it hides.
   */
  public record Field(String name, String labelKey) {}

  /** A filter that takes one code out of {@code options}. */
  public record Choice(String name, String labelKey, List<Option> options) {

    public boolean accepts(String code) {
      return options.stream().anyMatch(o -> o.code().equals(code));
    }
  }

  private final boolean text;
  private final boolean period;
  private final Map<String, Choice> choices;
  private final List<String> sorts;
  private final Map<String, String> sortLabels;
  private final List<Field> fields;
  private final String defaultSort;
  private final boolean ascending;

  private ListSpec(Builder b) {
    this.ascending = b.ascending;
    this.text = b.text;
    this.fields = List.copyOf(b.fields);
    this.sortLabels = Map.copyOf(b.sortLabels);
    this.period = b.period;
    this.choices = Map.copyOf(b.choices);
    this.choiceOrder = List.copyOf(b.choices.values());
    this.sorts = List.copyOf(b.sorts);
    this.defaultSort = b.defaultSort;
  }

  private final List<Choice> choiceOrder;

  public static Builder builder() {
    return new Builder();
  }

  public boolean text() {
    return text;
  }

  public boolean period() {
    return period;
  }

  public List<Choice> choices() {
    return choiceOrder;
  }

  Choice choice(String name) {
    return choices.get(name);
  }

  public List<String> sorts() {
    return sorts;
  }

  /**
   * The message key of a sort key's label ({@code lists.sort.} + key unless the list named one).
   */
  public String sortLabel(String key) {
    return sortLabels.getOrDefault(key, "lists.sort." + key);
  }

  /** The free-text filters besides {@code q}, in the order of the filter bar. */
  public List<Field> fields() {
    return fields;
  }

  String defaultSort() {
    return defaultSort;
  }

  /** Whether the default order is ascending (a directory by name) rather than newest first. */
  boolean ascending() {
    return ascending;
  }

  /** The query string's parameters (first value of each) as a query on this list. */
  public ListQuery parse(Map<String, String> params) {
    return ListQuery.parse(this, params);
  }

  /** The same, for a page: a query with problems answers 400 (the page names them). */
  public ListQuery parse(Map<String, String> params, HttpServletResponse response) {
    ListQuery query = parse(params);
    if (!query.valid()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return query;
  }

  /** Builds a spec; sort keys are the column names the page's headers link with. */
  public static final class Builder {
    private boolean text;
    private boolean period;
    private final Map<String, Choice> choices = new LinkedHashMap<>();
    private final List<String> sorts = new ArrayList<>();
    private final Map<String, String> sortLabels = new LinkedHashMap<>();
    private final List<Field> fields = new ArrayList<>();
    private String defaultSort;
    private boolean ascending;

    /** The default order ascends (A to Z) instead of the newest first. */
    public Builder ascending() {
      this.ascending = true;
      return this;
    }

    /** A free-text filter named {@code name} (at most {@value #MAX_TEXT} characters). */
    public Builder field(String name, String labelKey) {
      fields.add(new Field(name, labelKey));
      return this;
    }

    /**
     * The organisation filter: part of an organisation's name (Japanese or English, as the list
     * shows it), matched against the senders or recipients the list shows.
     */
    public Builder organisation() {
      return field("org", "hub.filter.organisation");
    }

    /**
     * The recipient filter: part of the name (Japanese or English) of an organisation the object
     * went to, among the recipients its page shows the viewer and no other.
     */
    public Builder recipient() {
      return field("recipient", "hub.filter.recipient");
    }

    public Builder text() {
      this.text = true;
      return this;
    }

    public Builder period() {
      this.period = true;
      return this;
    }

    public Builder choice(String name, String labelKey, List<Option> options) {
      choices.put(name, new Choice(name, labelKey, List.copyOf(options)));
      return this;
    }

    public Builder terms(String name, String labelKey, List<Term> terms) {
      return choice(
          name, labelKey, terms.stream().map(t -> new Option(t.code(), t, null)).toList());
    }

    /** The sectors of critical infrastructure (reference data). */
    public Builder sectors(ReferenceData reference) {
      return terms(
          "sector",
          "lists.filter.sector",
          reference.sectors().stream()
              .map(x -> new Term(x.code(), x.nameJa(), x.nameEn(), null))
              .toList());
    }

    /** The TLP of the rows. */
    public Builder tlp(ReferenceData reference) {
      return vocabulary("tlp", "lists.filter.tlp", reference, "tlp");
    }

    /** A reference vocabulary ({@code tlp}, {@code severity}, {@code incident_type}...). */
    public Builder vocabulary(
        String name, String labelKey, ReferenceData reference, String vocabulary) {
      return terms(name, labelKey, reference.vocabulary(vocabulary));
    }

    /** Codes labelled by messages {@code prefix + code}. */
    public Builder messages(String name, String labelKey, String prefix, List<String> codes) {
      return choice(
          name, labelKey, codes.stream().map(c -> new Option(c, null, prefix + c)).toList());
    }

    /** Sort keys; the first is the default order, newest (descending) first. */
    public Builder sorts(String... keys) {
      sorts.addAll(List.of(keys));
      defaultSort = keys[0];
      return this;
    }

    /** One more sort key, labelled by {@code labelKey} (the first sort key stays the default). */
    public Builder sort(String key, String labelKey) {
      sorts.add(key);
      sortLabels.put(key, labelKey);
      if (defaultSort == null) {
        defaultSort = key;
      }
      return this;
    }

    public ListSpec build() {
      if (sorts.isEmpty()) {
        throw new IllegalStateException("a list needs at least one sort key");
      }
      return new ListSpec(this);
    }
  }
}
