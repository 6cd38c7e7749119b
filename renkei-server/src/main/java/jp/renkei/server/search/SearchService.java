package jp.renkei.server.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.C4tapRange;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Reach;
import jp.renkei.engine.search.SearchQuery;
import jp.renkei.engine.search.Snippets;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.exposure.ExposureAccess;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.mail.C4tapService;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.sharing.ExerciseScope;
import jp.renkei.server.sharing.Markings;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search box: finds an IP address, domain, URL, e-mail address, hash, CVE id or words
 * (Japanese included) across reports, advisories, STIX objects and C4TAP shares. The search index
 * ({@link SearchRepository}) only proposes candidates, newest first; every candidate is then judged
 * by the feature that owns it, with the same sharing policy as that feature's list page ({@link
 * ReportService#visibleAmong}, {@link AdvisoryService#visibleAmong}, {@link
 * IntelService#objectCheck}, {@link C4tapService#visibleIn}), and only what passes is shown,
 * counted or excerpted.
 *
 * <p>The candidate queries know the viewer's audience where the policy has a SQL form: reports and
 * advisories the viewer's {@link Reach} admits, C4TAP shares of the ranges the policy lets it read
 * (and its own), STIX objects of the collections it may read. So objects the viewer may not see are
 * neither handed to the service nor judged for it, and how many of them hold the words does not
 * change how many rows a search reads or judges ({@link #candidatesRead}). The community's GREEN is
 * not asked for when the policy refuses it to the viewer now (a mode-gated organisation in normal
 * mode, {@code communityGreen}). STIX objects are candidates only at a marking that reaches the
 * viewer in their collection (or its own), and those published with an advisory only if its reach
 * admits the advisory (SearchRepository#stix): thousands of another organisation's RED objects in
 * the hub collection, or of objects of advisories it may not see, neither fill the walk nor cost it
 * a row each (StixAdvisoryCrowdIT). What the SQL admits and the policy still refuses (exclusions
 * the keys only approximate) is read and refused. The index itself holds each report and advisory
 * version's audience as reach keys (V297, {@link SearchKeys}), so the versions a viewer may not
 * reach are not even read from the table, and a word only hidden versions hold costs about what a
 * word never stored costs (docs/benchmarks.md, oracle17). C4TAP shares and STIX objects carry
 * theirs in the index too (their range, originator and draft person; their collection). Candidates
 * are read a page at a time, newest first, each page after the last one's key, and judged until
 * enough are visible or none are left. A kind stops after {@value #WALK} candidates, silently: of
 * reports, advisories and C4TAP shares the candidates are those the reach admits and the walk ends
 * at the first visible one past a page of hits, so only candidates the policy refuses can fill that
 * bound, and saying so would tell the viewer that thousands of objects outside its audience hold
 * the words (the sharing invariant). STIX objects are different: most candidates of a common bigram
 * are objects the viewer may see that do not hold the word, so the search looks at {@value
 * SearchRepository#RECHECK} of those it may see and says when more exist ({@link
 * SearchResult.Group#incomplete}), counting no object it may not see.
 */
@Service
public class SearchService {

  /** Hits per kind on the overview. */
  public static final int PER_KIND = 10;

  /** Hits of one kind when a viewer asks for more of it. */
  public static final int MAX_ONE_KIND = 50;

  /** Candidates a kind walks through, at most (read as ids, judged in batches). */
  static final int WALK = 20_000;

  /** Candidates judged by the policy at once in the first batch; later batches grow. */
  static final int BATCH = 200;

  /** The largest batch of candidates judged at once. */
  static final int MAX_BATCH = 2_000;

  private final SearchRepository index;
  private final ReportService reports;
  private final AdvisoryService advisories;
  private final IntelService intel;
  private final C4tapService c4tap;
  private final ExposureAccess exposure;
  private final SharingGate gate;

  /** Candidate rows read from the index for searches so far (tests: what a search costs). */
  private final LongAdder read = new LongAdder();

  SearchService(
      SearchRepository index,
      ReportService reports,
      AdvisoryService advisories,
      IntelService intel,
      C4tapService c4tap,
      ExposureAccess exposure,
      SharingGate gate) {
    this.index = index;
    this.reports = reports;
    this.advisories = advisories;
    this.intel = intel;
    this.c4tap = c4tap;
    this.exposure = exposure;
    this.gate = gate;
  }

  /** Parses what was typed, or refuses it as {@link InvalidInput} on the field {@code q}. */
  public static SearchQuery parse(String text) {
    try {
      return SearchQuery.parse(text);
    } catch (SearchQuery.InvalidSearch e) {
      // in the reader's language, with the limit and what was typed
      throw switch (e.problem()) {
        case EMPTY -> new InvalidInput("q", "search.invalid.empty");
        case TOO_LONG -> new InvalidInput("q", "search.invalid.tooLong", e.limit(), e.actual());
        case TOO_MANY_WORDS ->
            new InvalidInput("q", "search.invalid.tooManyWords", e.limit(), e.actual());
      };
    }
  }

  /** Every kind, {@link #PER_KIND} hits each; or one kind, {@link #MAX_ONE_KIND} hits. */
  @Transactional(readOnly = true)
  public SearchResult search(Actor actor, String text, SearchResult.Kind only) {
    SearchQuery q = parse(text);
    String[] terms = index.terms(q);
    int want = only == null ? PER_KIND : MAX_ONE_KIND;
    long org = actor.organisationId() == null ? -1L : actor.organisationId();
    long person = actor.userId() == null ? -1L : actor.userId();
    Reach reach = gate.reach(actor);
    String[] ranges = readableRanges(actor);
    boolean community = communityGreen(actor);
    List<SearchResult.Group> groups = new ArrayList<>();
    for (SearchResult.Kind kind : SearchResult.Kind.values()) {
      if (only != null && only != kind) {
        continue;
      }
      // exposure findings are found by their CVE id only
      if (kind == SearchResult.Kind.EXPOSURE && q.kind() != SearchQuery.Kind.CVE) {
        if (only != null) {
          groups.add(new SearchResult.Group(kind, List.of(), false));
        }
        continue;
      }
      if (terms.length == 0) {
        groups.add(new SearchResult.Group(kind, List.of(), false));
        continue;
      }
      groups.add(
          switch (kind) {
            case REPORT ->
                reports(
                    actor,
                    q,
                    counted((after, n) -> index.reports(q, terms, org, reach, community, after, n)),
                    want);
            case ADVISORY ->
                advisories(
                    actor,
                    q,
                    counted((after, n) -> index.advisories(q, terms, reach, community, after, n)),
                    want);
            case STIX -> {
              List<jp.renkei.server.intel.StixCollection> readable = readableCollections(actor);
              SearchRepository.StixReach stixReach =
                  new SearchRepository.StixReach(
                      readable.stream()
                          .map(jp.renkei.server.intel.StixCollection::id)
                          .toArray(java.util.UUID[]::new),
                      intel.othersMarkings(actor, readable),
                      reach,
                      community);
              yield stix(actor, q, (after, n) -> index.stix(q, terms, stixReach, after, n), want);
            }
            case C4TAP ->
                c4tap(
                    actor,
                    q,
                    counted((after, n) -> index.c4tap(q, terms, org, person, ranges, after, n)),
                    want);
            case EXPOSURE -> exposure(actor, q, want);
          });
    }
    return new SearchResult(q, groups);
  }

  /** The collections whose objects the actor may read (STIX candidates are read from these). */
  private List<jp.renkei.server.intel.StixCollection> readableCollections(Actor actor) {
    return intel.collections(actor).stream().filter(c -> intel.canRead(actor, c)).toList();
  }

  /**
   * The C4TAP ranges the policy lets the actor read of a share made by another organisation: the
   * policy asked about each range (a C4TAP marking is judged by the range and the originating
   * organisation alone), so the candidate query narrows by the policy's own answer.
   */
  private String[] readableRanges(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    long other = actor.organisationId() == null || actor.organisationId() != -1L ? -1L : -2L;
    return java.util.Arrays.stream(C4tapRange.values())
        .filter(r -> check.allows(Audience.of(Marking.c4tap(r), other, null)))
        .map(C4tapRange::name)
        .toArray(String[]::new);
  }

  /**
   * Whether the policy lets the actor read the GREEN of the community now: an unscoped GREEN object
   * of another organisation asked of the policy (a mode-gated organisation in normal mode may not),
   * so the candidate queries leave out what only the community's GREEN would admit.
   */
  private boolean communityGreen(Actor actor) {
    long other = actor.organisationId() == null || actor.organisationId() != -1L ? -1L : -2L;
    return gate.check(actor)
        .allows(Audience.of(Marking.tlp(jp.renkei.engine.policy.Tlp.GREEN), other, null));
  }

  /** Candidates of one kind, newest first: a page of at most {@code limit} after {@code after}. */
  @FunctionalInterface
  interface Pages {
    List<SearchRepository.Candidate> page(SearchRepository.Candidate after, int limit);
  }

  /** Candidate rows the index has handed to the sharing policy since the hub started. */
  long candidatesRead() {
    return read.sum();
  }

  private Pages counted(Pages pages) {
    return (after, limit) -> {
      List<SearchRepository.Candidate> page = pages.page(after, limit);
      read.add(page.size());
      return page;
    };
  }

  /**
   * Reads candidates page by page in growing pages ({@value #BATCH}, doubling up to {@value
   * #MAX_BATCH}) and judges each page through {@code judge} until {@code want + 1} are visible, the
   * candidates are used up, or {@link #WALK} have been judged; the visible ones, newest first. Each
   * page starts after the last one's key (keyset), so a search whose first page suffices reads no
   * more than that page.
   */
  static <T> List<T> firstVisible(Pages pages, int want, Function<List<Long>, List<T>> judge) {
    List<T> out = new ArrayList<>();
    int judged = 0;
    int size = BATCH;
    SearchRepository.Candidate after = null;
    while (judged < WALK && out.size() <= want) {
      int limit = Math.min(size, WALK - judged);
      List<SearchRepository.Candidate> page = pages.page(after, limit);
      if (page.isEmpty()) {
        break;
      }
      out.addAll(judge.apply(page.stream().map(SearchRepository.Candidate::id).toList()));
      judged += page.size();
      if (page.size() < limit) {
        break;
      }
      after = page.get(page.size() - 1);
      size = Math.min(MAX_BATCH, size * 2);
    }
    return out;
  }

  private SearchResult.Group reports(Actor actor, SearchQuery q, Pages ids, int want) {
    List<ReportService.Summary> seen =
        firstVisible(ids, want, batch -> reports.visibleAmong(actor, batch));
    List<ReportService.Summary> shown = seen.subList(0, Math.min(want, seen.size()));
    Map<Long, String> texts =
        shown.isEmpty()
            ? Map.of()
            : index.reportTexts(q, shown.stream().map(ReportService.Summary::id).toList());
    List<SearchResult.Hit> hits =
        shown.stream()
            .map(
                s ->
                    new SearchResult.Hit(
                        Long.toString(s.id()),
                        null,
                        s.title(),
                        Snippets.of(texts.get(s.id()), q.words()),
                        Markings.label(s.tlp()),
                        s.sectorCode(),
                        s.submittedAt()))
            .toList();
    return new SearchResult.Group(SearchResult.Kind.REPORT, hits, seen.size() > want);
  }

  private SearchResult.Group advisories(Actor actor, SearchQuery q, Pages ids, int want) {
    List<AdvisoryService.Summary> seen =
        firstVisible(ids, want, batch -> advisories.visibleAmong(actor, batch));
    List<AdvisoryService.Summary> shown = seen.subList(0, Math.min(want, seen.size()));
    Map<Long, String> texts =
        shown.isEmpty()
            ? Map.of()
            : index.advisoryTexts(q, shown.stream().map(AdvisoryService.Summary::id).toList());
    List<SearchResult.Hit> hits =
        shown.stream()
            .map(
                s ->
                    new SearchResult.Hit(
                        Long.toString(s.id()),
                        null,
                        s.title(),
                        Snippets.of(texts.get(s.id()), q.words()),
                        Markings.label(s.tlp()),
                        s.kind(),
                        s.createdAt()))
            .toList();
    return new SearchResult.Group(SearchResult.Kind.ADVISORY, hits, seen.size() > want);
  }

  /**
   * STIX candidates: a page of at most {@code limit} stored before {@code after} (null: newest).
   */
  @FunctionalInterface
  interface StixPages {
    List<SearchRepository.StixRow> page(Long after, int limit);
  }

  /**
   * STIX objects: index candidates in the collections the viewer reads, newest first, a page at a
   * time ({@value #BATCH}, doubling up to {@value #MAX_BATCH}), each judged by the policy. Those it
   * refuses are passed over: they count only toward {@link #WALK}, the bound of rows a search
   * reads, which is never said. Of those the viewer may see, at most {@value
   * SearchRepository#RECHECK} are looked at (a common bigram: most hold the query's bigrams but not
   * the word); when one more exists the group is {@link SearchResult.Group#incomplete}, a fact
   * about objects the viewer may see alone, since which of them come first does not depend on the
   * others.
   */
  private SearchResult.Group stix(Actor actor, SearchQuery q, StixPages pages, int want) {
    IntelService.ObjectCheck check = intel.objectCheck(actor);
    Set<String> shownIds = new HashSet<>();
    List<SearchResult.Hit> hits = new ArrayList<>();
    boolean more = false;
    boolean incomplete = false;
    int judged = 0;
    int seen = 0;
    int size = BATCH;
    Long after = null;
    walk:
    while (judged < WALK) {
      int limit = Math.min(size, WALK - judged);
      List<SearchRepository.StixRow> page = pages.page(after, limit);
      read.add(page.size());
      for (SearchRepository.StixRow r : page) {
        judged++;
        if (!check.allows(
            r.collection(),
            r.tlp(),
            r.originatorOrg(),
            r.originatorPerson(),
            r.sourceAdvisory(),
            r.stixId())) {
          continue;
        }
        if (seen++ == SearchRepository.RECHECK) {
          incomplete = true;
          break walk;
        }
        if (!r.matches() || shownIds.contains(r.stixId())) {
          continue;
        }
        if (hits.size() == want) {
          more = true;
          break walk;
        }
        shownIds.add(r.stixId());
        hits.add(
            new SearchResult.Hit(
                r.stixId(),
                r.collection().toString(),
                r.label() == null || r.label().isBlank() ? r.stixId() : r.label(),
                Snippets.of(r.text(), q.words()),
                Markings.label(r.tlp().name().toLowerCase(java.util.Locale.ROOT)),
                r.type(),
                r.added()));
      }
      if (page.size() < limit) {
        break;
      }
      after = page.get(page.size() - 1).seq();
      size = Math.min(MAX_BATCH, size * 2);
    }
    return new SearchResult.Group(SearchResult.Kind.STIX, hits, more, incomplete);
  }

  /**
   * Exposure findings of the CVE the query names, as the exposure pages show them ({@link
   * ExposureAccess#findingsOfCve}): the viewer's own and those shared with it.
   */
  private SearchResult.Group exposure(Actor actor, SearchQuery q, int want) {
    List<ExposureAccess.CveFinding> seen = exposure.findingsOfCve(actor, q.value(), want + 1);
    List<SearchResult.Hit> hits =
        seen.stream()
            .limit(want)
            .map(
                f ->
                    new SearchResult.Hit(
                        Long.toString(f.id()),
                        null,
                        f.cveId() + " " + f.host() + (f.port() == null ? "" : ":" + f.port()),
                        Snippets.of(f.product(), q.words()),
                        null,
                        f.outcome(),
                        f.firstSeen().atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant()))
            .toList();
    return new SearchResult.Group(SearchResult.Kind.EXPOSURE, hits, seen.size() > want);
  }

  private SearchResult.Group c4tap(Actor actor, SearchQuery q, Pages ids, int want) {
    List<C4tapService.Submission> seen =
        firstVisible(
            ids,
            want,
            batch ->
                c4tap.visibleIn(actor, batch).stream()
                    .filter(s -> ExerciseScope.isReal(s.exerciseRunId()))
                    .toList());
    List<SearchResult.Hit> hits =
        seen.stream()
            .limit(want)
            .map(
                s ->
                    new SearchResult.Hit(
                        Long.toString(s.id()),
                        null,
                        s.subject() == null ? "" : s.subject(),
                        Snippets.of(s.subject(), q.words()),
                        "C4TAP:" + s.range(),
                        s.verdict(),
                        s.sharedAt() != null ? s.sharedAt() : s.createdAt()))
            .toList();
    return new SearchResult.Group(SearchResult.Kind.C4TAP, hits, seen.size() > want);
  }
}
