package jp.renkei.server.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.renkei.engine.monitor.SiteSharing;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.config.MonitorProperties;
import jp.renkei.server.database.Rows;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.outbound.OutboundHttp;
import jp.renkei.server.sharing.Markings;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered sites as people see them. Every read goes through the sharing policy: a site's state
 * (that it exists, owner, name, sector, up/slow/down) by its state audience, its details (URL,
 * timings, errors, charts, alerts) by its detail audience ({@link SiteSharing}); a site whose state
 * the viewer may not see is "not found", and counts and heat maps count only sites the viewer may
 * see.
 */
@Service
public class MonitorService {

  /** Counts of one sector now. */
  public record SectorCount(
      String sector, int sites, int up, int slow, int down, int unknown, int regional) {}

  /** The cross-sector view: counts now, and sites slow or down per sector and hour (24 h). */
  public record SectorView(
      List<SectorCount> counts, List<Instant> hours, Map<String, int[]> heat, int[] timeline) {}

  /** One site with what the viewer may see of it. */
  public record Visible(Site site, boolean detail, boolean own) {}

  private final SiteRepository sites;
  private final SharingGate gate;
  private final JdbcClient jdbc;
  private final OutboundHttp guard;
  private final MonitorProperties props;
  private final ObjectProvider<MonitorRuntime> runtime;
  private final AuditLog audit;
  private final DegradedHours degradedHours;

  MonitorService(
      SiteRepository sites,
      SharingGate gate,
      JdbcClient jdbc,
      OutboundHttp guard,
      MonitorProperties props,
      ObjectProvider<MonitorRuntime> runtime,
      AuditLog audit,
      DegradedHours degradedHours) {
    this.audit = audit;
    this.degradedHours = degradedHours;
    this.sites = sites;
    this.gate = gate;
    this.jdbc = jdbc;
    this.guard = guard;
    this.props = props;
    this.runtime = runtime;
  }

  /**
   * Every site whose state the actor may see, with whether its details are visible too. Each site
   * is judged by the policy; sites with the same sharing (owner, levels, coordinators) get the same
   * answer, so the gate is asked once per distinct sharing within this call (nothing is kept across
   * calls or viewers).
   */
  public List<Visible> visible(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    Map<SiteSharing, Byte> judged = new java.util.HashMap<>();
    List<Visible> out = new ArrayList<>();
    for (Site s : sites.all()) {
      byte seen = judged.computeIfAbsent(s.sharing(), sharing -> seen(check, sharing));
      if (seen > 0) {
        out.add(new Visible(s, seen == 2, ownedBy(actor, s.organisationId())));
      }
    }
    return out;
  }

  /** What the policy lets the viewer see of a site with this sharing: 0 nothing, 1 state, 2 all. */
  private static byte seen(SharingGate.Check check, SiteSharing sharing) {
    return !check.allows(sharing.stateAudience())
        ? (byte) 0
        : check.allows(sharing.detailAudience()) ? (byte) 2 : (byte) 1;
  }

  private static boolean ownedBy(Actor actor, long organisationId) {
    return actor.organisationId() != null && actor.organisationId() == organisationId;
  }

  /** A site as the list's walk sees it: its order key and what the viewer may see of it. */
  record Listed(SiteRepository.Key key, boolean detail, boolean own) {}

  /**
   * Every site whose state the actor may see, without its texts: what the site list's total and
   * order and the sector view need. Each site is judged by the policy exactly as in {@link
   * #visible} — its sharing is its owner, its state and detail levels and, when it shares details
   * with coordinators, its owner's coordinators (read once per organisation, the same set {@link
   * SiteRepository} reads per site) — and the gate is asked once per distinct sharing within this
   * call; nothing is kept across calls or viewers.
   */
  List<Listed> walk(Actor actor) {
    SharingGate.Check check = gate.check(actor);
    Map<Long, Set<Long>> coordinators = sites.coordinatorsByOrganisation();
    record SharingKey(long owner, String state, String detail, boolean toCoordinators) {}
    Map<SharingKey, Byte> judged = new java.util.HashMap<>();
    List<Listed> out = new ArrayList<>();
    for (SiteRepository.Key k : sites.keys()) {
      byte seen =
          judged.computeIfAbsent(
              new SharingKey(
                  k.organisationId(), k.stateTlp(), k.detailTlp(), k.detailToCoordinators()),
              x -> {
                SiteSharing sharing =
                    new SiteSharing(
                        x.owner(),
                        Markings.tlp(x.state()),
                        Markings.tlp(x.detail()),
                        x.toCoordinators()
                            ? coordinators.getOrDefault(x.owner(), Set.of())
                            : Set.of());
                return seen(check, sharing);
              });
      if (seen > 0) {
        out.add(new Listed(k, seen == 2, ownedBy(actor, k.organisationId())));
      }
    }
    return out;
  }

  /**
   * One page of the walked sites in the list's order, read in full for that page only; each of them
   * is judged again with its full row (a site changed since the walk is left out rather than shown
   * under its new sharing unjudged).
   */
  Page page(Actor actor, List<Listed> walked, int offset, int limit) {
    return page(actor, walked, offset, limit, Order.DEFAULT);
  }

  /**
   * The order of the site list: {@code sort} one of {@link #SORTS} ({@code own}, the default: own
   * sites first, then down, slow, not measured, paused, up; {@code name}; {@code state}, the worst
   * first when ascending; {@code since}, when the state last changed; {@code organisation}, by the
   * owner's name in the reader's language), each then by the default order and the id, so that a
   * page holds the same sites on every request while nothing changes.
   */
  public record Order(String sort, boolean descending, boolean english) {

    public static final Order DEFAULT = new Order("own", false, false);

    /** The order asked for; an unknown key or direction is refused, naming it. */
    public static Order of(String sort, String dir, java.util.Locale locale) {
      String s = sort == null || sort.isBlank() ? "own" : sort.strip();
      if (!SORTS.contains(s)) {
        throw new InvalidInput("sort", "monitor.error.sort", s);
      }
      String d = dir == null || dir.isBlank() ? ("since".equals(s) ? "desc" : "asc") : dir.strip();
      if (!d.equals("asc") && !d.equals("desc")) {
        throw new InvalidInput("dir", "monitor.error.dir", d);
      }
      return new Order(s, d.equals("desc"), "en".equals(locale.getLanguage()));
    }

    /** The direction a header link asks for: this column's other way if it is the order now. */
    public String flip(String column) {
      if (column.equals(sort)) {
        return descending ? "asc" : "desc";
      }
      return "since".equals(column) ? "desc" : "asc";
    }

    public String dir() {
      return descending ? "desc" : "asc";
    }

    /** {@code ascending}, {@code descending} for the column the list is sorted by, else none. */
    public String state(String column) {
      return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }
  }

  /** The site list's sort keys. */
  public static final List<String> SORTS = List.of("own", "name", "state", "since", "organisation");

  Page page(Actor actor, List<Listed> walked, int offset, int limit, Order order) {
    checkPage(offset, limit);
    List<Listed> sorted = new ArrayList<>(walked);
    java.util.Comparator<Listed> byDefault =
        java.util.Comparator.comparing((Listed v) -> !v.own())
            .thenComparing(v -> rank(v.key().state()))
            .thenComparing(v -> v.key().createdAt())
            .thenComparing(v -> v.key().id());
    java.util.Comparator<Listed> chosen =
        switch (order.sort()) {
          case "name" -> collated(walked, v -> v.key().name(), order.english());
          case "state" -> java.util.Comparator.comparing((Listed v) -> stateRank(v.key().state()));
          case "since" ->
              java.util.Comparator.comparing(
                  (Listed v) -> v.key().stateSince(),
                  java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
          case "organisation" -> {
            Map<Long, String[]> names = sites.ownerNames();
            int i = order.english() ? 1 : 0;
            yield collated(
                walked,
                v -> {
                  String[] n = names.get(v.key().organisationId());
                  return n == null ? null : n[i];
                },
                order.english());
          }
          default -> null;
        };
    if (chosen == null) {
      sorted.sort(order.descending() ? byDefault.reversed() : byDefault);
    } else {
      sorted.sort((order.descending() ? chosen.reversed() : chosen).thenComparing(byDefault));
    }
    int from = Math.min(offset, sorted.size());
    int to = Math.min(sorted.size(), from + limit);
    List<Long> ids = sorted.subList(from, to).stream().map(v -> v.key().id()).toList();
    Map<Long, Site> rows = new java.util.HashMap<>();
    sites.byIds(ids).forEach(s -> rows.put(s.id(), s));
    SharingGate.Check check = gate.check(actor);
    List<Visible> items = new ArrayList<>();
    for (Long id : ids) {
      Site s = rows.get(id);
      byte seen = s == null ? 0 : seen(check, s.sharing());
      if (seen > 0) {
        items.add(new Visible(s, seen == 2, ownedBy(actor, s.organisationId())));
      }
    }
    return new Page(List.copyOf(items), sorted.size(), offset, limit);
  }

  /**
   * Sites by a text in the reader's language as its readers expect: Japanese by the Japanese
   * collation (hiragana and katakana, full- and half-width forms together), English ignoring case
   * and accents; texts equal at that strength are left to the list's further keys (the default
   * order, then the id), so the order is total and a page holds the same sites on every request.
   * Each text's collation key is made once per sort.
   */
  static java.util.Comparator<Listed> collated(
      List<Listed> walked, java.util.function.Function<Listed, String> text, boolean english) {
    java.text.Collator collator =
        java.text.Collator.getInstance(
            english ? java.util.Locale.ENGLISH : java.util.Locale.JAPANESE);
    collator.setStrength(java.text.Collator.SECONDARY);
    collator.setDecomposition(java.text.Collator.FULL_DECOMPOSITION);
    Map<Long, java.text.CollationKey> keys = new java.util.HashMap<>();
    for (Listed v : walked) {
      String t = text.apply(v);
      keys.put(v.key().id(), collator.getCollationKey(t == null ? "" : t.strip()));
    }
    return java.util.Comparator.comparing((Listed v) -> keys.get(v.key().id()));
  }

  /** The page of the site list and the API's list: one walk, one page read. */
  public Page page(Actor actor, int offset, int limit) {
    return page(actor, offset, limit, Order.DEFAULT);
  }

  /** The same in the order asked for. */
  public Page page(Actor actor, int offset, int limit, Order order) {
    checkPage(offset, limit);
    return page(actor, walk(actor), offset, limit, order);
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInput("offset", "monitor.error.offset", offset);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInput("limit", "monitor.error.limit", limit, MAX_PAGE);
    }
  }

  /** The largest page of the site list and the API's site list. */
  public static final int MAX_PAGE = 500;

  /** The default page of the site list and the API's site list. */
  public static final int DEFAULT_PAGE = 50;

  /**
   * One page of the visible sites in the list's order (own first, then down, slow, unknown, up,
   * then by id); {@code total} is the number of visible sites.
   */
  public record Page(List<Visible> items, int total, int offset, int limit) {
    public boolean hasNext() {
      return offset + items.size() < total;
    }

    public boolean hasPrevious() {
      return offset > 0;
    }
  }

  /**
   * The reason an address was refused as a text key, so that the form says it in the reader's
   * language (the guard's own text is English and names configuration keys, for the log).
   */
  static String urlRefusal(String why) {
    String w = why == null ? "" : why;
    if (w.startsWith("only https is allowed")) {
      return "monitor.error.url.https";
    }
    if (w.startsWith("only http and https")) {
      return "monitor.error.url.scheme";
    }
    if (w.startsWith("a user name or password")) {
      return "monitor.error.url.userinfo";
    }
    if (w.startsWith("destination refused")) {
      return "monitor.error.url.address";
    }
    return "monitor.error.url.form";
  }

  private static int rank(String state) {
    return switch (state) {
      case "down" -> 0;
      case "slow" -> 1;
      case "unknown" -> 2;
      default -> 3;
    };
  }

  /** The state column's order: down, slow, not measured, paused, up. */
  private static int stateRank(String state) {
    return "paused".equals(state) ? 3 : "up".equals(state) ? 4 : rank(state);
  }

  /** One site, or NotFound when its state is outside the actor's view (or it does not exist). */
  public Visible site(Actor actor, long id) {
    // the viewer is read before the site is looked at: a hidden site and a missing one do the same
    // work (attack30b)
    SharingGate.Check check = gate.check(actor);
    Site s = sites.byId(id).orElseThrow(() -> new NotFound("site", id));
    byte seen = seen(check, s.sharing());
    if (seen == 0) {
      throw new NotFound("site", id);
    }
    return new Visible(s, seen == 2, ownedBy(actor, s.organisationId()));
  }

  /** The site with its details, or NotFound when the actor may not see them. */
  Site detail(Actor actor, long id) {
    Visible v = site(actor, id);
    if (!v.detail()) {
      throw new NotFound("site", id);
    }
    return v.site();
  }

  /** Registers a site of the actor's own organisation (analysts and above). */
  @Transactional
  public long register(Actor actor, NewSite n) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    Long owner = check(actor, n);
    if (sites.countOf(actor.organisationId()) >= props.maxSitesPerOrganisation()) {
      throw new InvalidInput("url", "monitor.error.tooMany", props.maxSitesPerOrganisation());
    }
    long id = sites.insert(n, actor.organisationId(), owner);
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.site.create", "monitor_site", id, Detail.of("monitor.site", n.url())));
    runtime.ifAvailable(r -> r.refresh(id));
    return id;
  }

  /**
   * Replaces the settings of one of the actor's organisation's sites (analysts and above). Any
   * other organisation's site is "not found", whether or not its state is visible: writers learn
   * nothing of sites that are not theirs.
   */
  @Transactional
  public void update(Actor actor, long id, NewSite n) {
    own(actor, id);
    Long owner = check(actor, n);
    sites.update(id, n, owner);
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.site.update", "monitor_site", id, Detail.of("monitor.site", n.url())));
    runtime.ifAvailable(r -> r.refresh(id));
  }

  /** Deletes one of the actor's organisation's sites with its results, alerts and history. */
  @Transactional
  public void delete(Actor actor, long id) {
    Site s = own(actor, id);
    sites.delete(id);
    sites.rememberDeleted(id, s.organisationId());
    audit.record(
        actor,
        AuditLog.Event.success(
            "monitor.site.delete", "monitor_site", id, Detail.of("monitor.site", s.url())));
    runtime.ifAvailable(r -> r.refresh(id));
  }

  /** A site of the actor's own organisation that the actor may change. */
  private Site own(Actor actor, long id) {
    Site s =
        sites
            .byId(id)
            .filter(
                x -> actor.organisationId() != null && x.organisationId() == actor.organisationId())
            .orElseThrow(() -> new NotFound("site", id));
    if (!actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    return s;
  }

  /** Turns probing of one's own site on or off. */
  public void setEnabled(Actor actor, long id, boolean enabled) {
    Visible v = site(actor, id);
    if (!v.own() || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    sites.setEnabled(id, enabled);
    audit.recordAlone(
        actor,
        AuditLog.Event.success(
            enabled ? "monitor.site.enable" : "monitor.site.disable",
            "monitor_site",
            id,
            Detail.of("monitor.site", v.site().url())));
    runtime.ifAvailable(r -> r.refresh(id));
  }

  /**
   * Checks every field and throws all errors at once (field names as in the API); returns the
   * owner's user id.
   */
  private Long check(Actor actor, NewSite n) {
    FieldErrors errors = new FieldErrors();
    errors.check(
        () -> {
          if (n.name() == null || n.name().isBlank() || n.name().length() > 200) {
            throw new InvalidInput("name", "validation.required.max", 200);
          }
        });
    errors.check(
        () -> {
          if (n.url() == null || n.url().isBlank() || n.url().length() > 2000) {
            throw new InvalidInput("url", "validation.required.max", 2000);
          }
          try {
            // the person is not told how the hub's resolver places a name (attack38): the probe
            // checks it in full, and words its refusal as a name that does not resolve
            guard.checkGiven(n.url());
          } catch (OutboundHttp.Refused e) {
            audit.refusedOutbound(actor, "monitor", n.url(), e.getMessage());
            throw new InvalidInput("url", urlRefusal(e.getMessage()));
          }
        });
    errors.check(
        () -> {
          if (n.expectedStatus() < 100 || n.expectedStatus() > 599) {
            throw new InvalidInput("expectedStatus", "monitor.error.status", n.expectedStatus());
          }
        });
    errors.check(
        () -> {
          if (n.expectedText() != null && n.expectedText().length() > 200) {
            throw new InvalidInput("expectedText", "validation.required.max", 200);
          }
        });
    errors.check(
        () -> {
          if (n.intervalSeconds() < 10 || n.intervalSeconds() > 3600) {
            throw new InvalidInput(
                "intervalSeconds", "monitor.error.interval", n.intervalSeconds());
          }
        });
    Tlp[] tlps = new Tlp[2];
    errors.check(() -> tlps[0] = tlp("stateTlp", n.stateTlp()));
    errors.check(() -> tlps[1] = tlp("detailTlp", n.detailTlp()));
    errors.check(
        () -> {
          if (tlps[0] != null && tlps[1] != null) {
            try {
              new SiteSharing(0, tlps[0], tlps[1], Set.of());
            } catch (IllegalArgumentException e) {
              throw new InvalidInput("detailTlp", "monitor.error.sharing");
            }
          }
        });
    Long[] owner = {actor.userId()};
    errors.check(
        () -> {
          if (n.ownerLogin() != null && !n.ownerLogin().isBlank()) {
            owner[0] =
                sites
                    .personOf(actor.organisationId(), n.ownerLogin().strip())
                    .orElseThrow(
                        () ->
                            new InvalidInput(
                                "owner", "monitor.error.owner", n.ownerLogin().strip()));
          }
        });
    errors.throwIfAny();
    return owner[0];
  }

  /** The sharing levels a site may have (its state and details are never RED or CLEAR). */
  private static Tlp tlp(String field, String code) {
    if (code == null || !SHARING_LEVELS.contains(code)) {
      throw new InvalidInput(field, "monitor.error.tlp", String.valueOf(code));
    }
    return Markings.tlp(code);
  }

  static final Set<String> SHARING_LEVELS = Set.of("amber_strict", "amber", "green");

  /** Counts and the 24-hour heat map over the sites whose state the actor may see. */
  public SectorView sectors(Actor actor) {
    return sectors(walk(actor));
  }

  /** The same over sites already judged visible by {@link #walk} (one policy walk per page). */
  SectorView sectors(List<Listed> vis) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<Long, String> sectorOf = new java.util.HashMap<>();
    for (Listed l : vis) {
      SiteRepository.Key v = l.key();
      String sector = v.sectorCode() == null ? "-" : v.sectorCode();
      sectorOf.put(v.id(), sector);
      int[] c = counts.computeIfAbsent(sector, k -> new int[6]);
      c[0]++;
      switch (v.state()) {
        case "up" -> c[1]++;
        case "slow" -> c[2]++;
        case "down" -> c[3]++;
        // not measured yet, or paused (not measured now): never up
        default -> c[4]++;
      }
      if (v.regional()) {
        c[5]++;
      }
    }
    List<SectorCount> list =
        counts.entrySet().stream()
            .map(
                e -> {
                  int[] c = e.getValue();
                  return new SectorCount(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]);
                })
            .toList();
    // which of the 24 hours each site was slow or down in, kept by DegradedHours; only the sites
    // judged visible above (sectorOf) are counted
    DegradedHours.Snapshot degraded = degradedHours.current();
    Instant last = degraded.last();
    List<Instant> hours = new ArrayList<>();
    for (int i = 23; i >= 0; i--) {
      hours.add(last.minus(i, ChronoUnit.HOURS));
    }
    Map<String, int[]> heat = new TreeMap<>();
    for (String s : counts.keySet()) {
      heat.put(s, new int[24]);
    }
    int[] timeline = new int[24];
    for (Map.Entry<Long, String> e : sectorOf.entrySet()) {
      Integer bits = degraded.masks().get(e.getKey());
      if (bits == null) {
        continue;
      }
      int[] row = heat.get(e.getValue());
      for (int h = 0; h < 24; h++) {
        if ((bits & (1 << h)) != 0) {
          row[h]++;
          timeline[h]++;
        }
      }
    }
    return new SectorView(list, hours, heat, timeline);
  }

  /** Raw results of a site since {@code since} (details: only when visible). */
  List<ResultPoint> results(Site s, Instant since, int limit) {
    return jdbc.sql(
            "select r.at, v.code as vantage, r.ok, r.judged, r.status, r.dns_ms, r.connect_ms,"
                + " r.tls_ms, r.ttfb_ms, r.transfer_ms, r.total_ms, r.attempts, r.error"
                + " from monitor_result r join monitor_vantage v on v.id = r.vantage_id"
                + " where r.site_id = ? and r.at >= ? order by r.at desc limit ?")
        .params(s.id(), Rows.utc(since), limit)
        .query(MonitorService::resultPoint)
        .list();
  }

  /** Hourly rollups of a site since {@code since}, the hub's vantage point first. */
  List<RollupPoint> rollups(Site s, Instant since) {
    return jdbc.sql(
            "select r.hour, v.code as vantage, r.probes, r.failures, r.slow, r.dns_ms, r.connect_ms,"
                + " r.tls_ms, r.ttfb_ms, r.transfer_ms, r.total_ms, r.total_p95 from monitor_rollup r"
                + " join monitor_vantage v on v.id = r.vantage_id where r.site_id = ? and r.hour >= ?"
                + " order by r.hour")
        .params(s.id(), Rows.utc(since))
        .query(MonitorService::rollupPoint)
        .list();
  }

  /**
   * The hub's hourly rollups of a site since {@code since}, oldest first: one read on the primary
   * key (site, vantage point, hour) serves the 30-day chart and the seasonal band.
   */
  List<RollupPoint> hubRollups(Site s, Instant since) {
    return jdbc.sql(
            "select r.hour, 'hub' as vantage, r.probes, r.failures, r.slow, r.dns_ms, r.connect_ms,"
                + " r.tls_ms, r.ttfb_ms, r.transfer_ms, r.total_ms, r.total_p95 from monitor_rollup r"
                + " where r.site_id = ? and r.vantage_id = (select id from monitor_vantage where"
                + " code = 'hub') and r.hour >= ? order by r.hour")
        .params(s.id(), Rows.utc(since))
        .query(MonitorService::rollupPoint)
        .list();
  }

  // the site page reads up to 2,000 results and 840 rollups: mapped by hand (see Rows)
  private static ResultPoint resultPoint(java.sql.ResultSet rs, int n)
      throws java.sql.SQLException {
    int code = rs.getInt(5);
    Integer status = rs.wasNull() ? null : code;
    return new ResultPoint(
        Rows.instant(rs, "at"),
        rs.getString(2),
        rs.getBoolean(3),
        rs.getString(4),
        status,
        real(rs, 6),
        real(rs, 7),
        real(rs, 8),
        real(rs, 9),
        real(rs, 10),
        real(rs, 11),
        rs.getInt(12),
        rs.getString(13));
  }

  private static RollupPoint rollupPoint(java.sql.ResultSet rs, int n)
      throws java.sql.SQLException {
    return new RollupPoint(
        Rows.instant(rs, "hour"),
        rs.getString(2),
        rs.getInt(3),
        rs.getInt(4),
        rs.getInt(5),
        real(rs, 6),
        real(rs, 7),
        real(rs, 8),
        real(rs, 9),
        real(rs, 10),
        real(rs, 11),
        real(rs, 12));
  }

  private static Float real(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    float f = rs.getFloat(column);
    return rs.wasNull() ? null : f;
  }

  /** One raw result. */
  public record ResultPoint(
      Instant at,
      String vantage,
      boolean ok,
      String judged,
      Integer status,
      Float dnsMs,
      Float connectMs,
      Float tlsMs,
      Float ttfbMs,
      Float transferMs,
      Float totalMs,
      int attempts,
      String error) {}

  /** One hourly rollup. */
  public record RollupPoint(
      Instant hour,
      String vantage,
      int probes,
      int failures,
      int slow,
      Float dnsMs,
      Float connectMs,
      Float tlsMs,
      Float ttfbMs,
      Float transferMs,
      Float totalMs,
      Float totalP95) {}

  /** The sites' ids the actor may see details of (for alert lists). */
  Set<Long> detailIds(Actor actor) {
    return visible(actor).stream()
        .filter(Visible::detail)
        .map(v -> v.site().id())
        .collect(Collectors.toSet());
  }

  Optional<Site> byId(long id) {
    return sites.byId(id);
  }
}
