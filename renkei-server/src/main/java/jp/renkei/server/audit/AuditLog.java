package jp.renkei.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.engine.audit.AuditChain;
import jp.renkei.engine.audit.AuditRecord;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.database.Like;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log. {@link #record} joins the caller's transaction, so an
 * action and its audit entry commit or roll back together; {@link #recordAlone} commits on its own
 * (for failures, whose surrounding transaction rolls back).
 */
@Service
public class AuditLog {

  /** Serialises appends across every server instance and the CLI. */
  private static final long APPEND_LOCK = 7_010_001L;

  /** Entries read per round when the policy hides some: enough for a page in one round. */
  static final int BATCH = 500;

  /**
   * Target types that name no shared object — people, organisations, tokens, feeds, warning lists,
   * the system mode: their entries are shown as recorded.
   */
  static final Set<String> UNSHARED_TARGETS =
      Set.of(
          "user",
          "organisation",
          "api_token",
          "taxii_feed",
          "warning_list",
          "system_mode",
          "outbound");

  /** The actor the hub records when it publishes an advisory's STIX: it names the advisory. */
  private static final Pattern PUBLISHER = Pattern.compile("publish:advisory-(\\d+)");

  private final JdbcClient jdbc;
  private final ObjectProvider<AuditTargets> targets;
  private final MessageSource messages;

  // the judges are resolved per search: they depend on services that record into this log
  AuditLog(JdbcClient jdbc, ObjectProvider<AuditTargets> targets, MessageSource messages) {
    this.jdbc = jdbc;
    this.targets = targets;
    this.messages = messages;
  }

  /**
   * The English words of a coded detail, as {@code detail} stores them. A code without words (which
   * {@code AuditWordsTest} forbids) is stored as its code and arguments rather than losing the
   * action.
   */
  String english(Detail d) {
    return messages.getMessage(
        d.key(),
        d.args().toArray(),
        d.code() + (d.args().isEmpty() ? "" : " " + String.join(" ", d.args())),
        Locale.ENGLISH);
  }

  /**
   * One event to record. {@code detail} must never contain secrets. An event with a {@link Detail}
   * records its message code and arguments and, as {@code detail}, their English text (the API,
   * exports and older readers read the text; the audit list shows the code in the reader's
   * language). Every event the hub records has a code or no detail (the factories take no text);
   * entries written before codes existed have only their text and are shown as recorded.
   */
  public record Event(
      String action,
      String targetType,
      Object targetId,
      String outcome,
      String detail,
      Detail coded) {

    public Event(String action, String targetType, Object targetId, String outcome, String detail) {
      this(action, targetType, targetId, outcome, detail, null);
    }

    /** An event with no detail. */
    public static Event success(String action, String targetType, Object targetId) {
      return new Event(action, targetType, targetId, "success", null, null);
    }

    public static Event success(String action, String targetType, Object targetId, Detail detail) {
      return new Event(action, targetType, targetId, "success", null, detail);
    }

    public static Event failure(String action, String targetType, Object targetId, Detail detail) {
      return new Event(action, targetType, targetId, "failure", null, detail);
    }
  }

  /**
   * An entry's detail as a message code ({@code audit.detail.<code>} in the messages files,
   * Japanese and English) and the values it is filled with, in order. Arguments are values —
   * counts, codes, ids, names a person gave —, never sentences: a word that differs between
   * languages belongs in the code (e.g. {@code report.version.final}), not in an argument.
   */
  public record Detail(String code, List<String> args) {

    public Detail {
      java.util.Objects.requireNonNull(code, "code");
      args = List.copyOf(args);
    }

    public static Detail of(String code, Object... args) {
      List<String> values = new ArrayList<>(args.length);
      for (Object a : args) {
        values.add(a == null ? "-" : String.valueOf(a));
      }
      return new Detail(code, values);
    }

    /** The messages-file key of this detail's words. */
    public String key() {
      return KEY_PREFIX + code;
    }
  }

  /** Where a detail's words are in the messages files. */
  public static final String KEY_PREFIX = "audit.detail.";

  @Transactional(propagation = Propagation.MANDATORY)
  public long record(Actor actor, Event event) {
    return append(actor, event);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public long recordAlone(Actor actor, Event event) {
    return append(actor, event);
  }

  /**
   * Records, on its own (the refused request rolls back), that the address policy refused a
   * destination a person gave: {@code purpose} ({@code feed}, {@code webhook}, {@code monitor}) is
   * the target id, and the detail keeps the scheme, host and port only (a path or query may carry a
   * token, a user-info part a password) with the guard's reason. Call it before anything else in
   * the request records an entry: the new transaction waits for the same append lock.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refusedOutbound(Actor actor, String purpose, String url, String why) {
    append(
        actor,
        Event.failure(
            "outbound.refused",
            "outbound",
            purpose,
            Detail.of("outbound.refused", origin(url), why)));
  }

  /** The scheme, host and port of a URL, or a placeholder when it has none. */
  static String origin(String url) {
    try {
      java.net.URI u = new java.net.URI(url == null ? "" : url.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        return "(not an absolute URL)";
      }
      return u.getScheme().toLowerCase(java.util.Locale.ROOT)
          + "://"
          + u.getHost()
          + (u.getPort() == -1 ? "" : ":" + u.getPort());
    } catch (java.net.URISyntaxException e) {
      return "(not a URL)";
    }
  }

  private record Head(long seq, String hash) {}

  private long append(Actor actor, Event event) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query(Object.class).single();
    Head head =
        jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
            .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
            .optional()
            .orElse(new Head(0, AuditChain.GENESIS));
    long seq = head.seq() + 1;
    String previous = head.hash();
    Detail coded = event.coded();
    AuditRecord record =
        new AuditRecord(
            seq,
            Instant.now(),
            actor.auditName(),
            actor.organisationId(),
            event.action(),
            event.targetType(),
            event.targetId() == null ? null : String.valueOf(event.targetId()),
            event.outcome(),
            coded == null ? event.detail() : english(coded),
            actor.clientAddress(),
            coded == null ? null : coded.code(),
            coded == null ? List.of() : coded.args());
    jdbc.sql(
            "insert into audit_event (seq, occurred_at, actor, actor_org_id, action, target_type,"
                + " target_id, outcome, detail, client_address, detail_code, detail_args,"
                + " prev_hash, hash)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            record.seq(),
            record.occurredAt().atOffset(ZoneOffset.UTC),
            record.actor(),
            record.actorOrganisationId(),
            record.action(),
            record.targetType(),
            record.targetId(),
            record.outcome(),
            record.detail(),
            record.clientAddress(),
            record.detailCode(),
            record.detailCode() == null ? null : record.detailArgs().toArray(String[]::new),
            previous,
            AuditChain.hash(previous, record))
        .update();
    return seq;
  }

  /**
   * Entries the viewer may browse, newest first: platform admins see all, org admins the events of
   * people in their organisation, others nothing; and of those, an entry about a shared object
   * (report, advisory, STIX object or collection, C4TAP share) only while the viewer may see that
   * object, as its feature's policy decides ({@link AuditTargets}). The filter's organisations
   * narrow this further and never widen it. Entries that name no shared object (sign-in, directory,
   * feeds, warning lists, the mode) are shown as they are. The shell ({@link Actor#cli()}, no
   * person) reads the whole chain, as {@link #verify} does.
   */
  public List<AuditEntry> search(Actor viewer, AuditFilter filter) {
    if (!viewer.is(Role.ORG_ADMIN)) {
      throw new Forbidden("error.audit.forbidden");
    }
    if (filter.organisations() != null && filter.organisations().isEmpty()) {
      return List.of();
    }
    if (isShell(viewer)) {
      return query(viewer, filter, filter.beforeSeq(), filter.limit());
    }
    Map<String, AuditTargets> judges = judges();
    int batch = Math.max(BATCH, filter.limit());
    List<AuditEntry> out = new ArrayList<>();
    Long before = filter.beforeSeq();
    while (out.size() < filter.limit()) {
      List<AuditEntry> rows = query(viewer, filter, before, batch);
      for (AuditEntry e : visible(viewer, rows, judges)) {
        if (out.size() < filter.limit()) {
          out.add(e);
        }
      }
      if (rows.size() < batch) {
        break;
      }
      before = rows.get(rows.size() - 1).seq();
    }
    return out;
  }

  /** The shell at the hub's own machine: it holds the database, and the chain is its to read. */
  private static boolean isShell(Actor viewer) {
    return "cli".equals(viewer.channel()) && viewer.userId() == null;
  }

  private Map<String, AuditTargets> judges() {
    Map<String, AuditTargets> by = new HashMap<>();
    targets.orderedStream().forEach(t -> t.targetTypes().forEach(type -> by.put(type, t)));
    return by;
  }

  /** An object an entry names: its target, or the advisory a publishing hub acted for. */
  private record Named(String type, String id) {}

  /**
   * The objects an entry names. An entry whose target is of a type no feature judges and that is
   * not known to name no shared object names something nobody may be shown (fails closed).
   */
  static List<Named> named(AuditEntry e, Set<String> judged) {
    List<Named> out = new ArrayList<>();
    String type = e.targetType();
    if (type != null && !UNSHARED_TARGETS.contains(type)) {
      out.add(new Named(judged.contains(type) ? type : null, e.targetId()));
    }
    Matcher publisher = PUBLISHER.matcher(e.actor() == null ? "" : e.actor());
    if (publisher.matches()) {
      out.add(new Named("advisory", publisher.group(1)));
    }
    return out;
  }

  private static List<AuditEntry> visible(
      Actor viewer, List<AuditEntry> rows, Map<String, AuditTargets> judges) {
    Map<String, Set<String>> asked = new HashMap<>();
    for (AuditEntry e : rows) {
      for (Named n : named(e, judges.keySet())) {
        if (n.type() != null && n.id() != null) {
          asked.computeIfAbsent(n.type(), t -> new HashSet<>()).add(n.id());
        }
      }
    }
    Map<String, Set<String>> seen = new HashMap<>();
    asked.forEach(
        (type, ids) -> seen.put(type, judges.get(type).visible(viewer, type, Set.copyOf(ids))));
    return rows.stream()
        .filter(
            e ->
                named(e, judges.keySet()).stream()
                    .allMatch(
                        n ->
                            n.type() != null
                                && n.id() != null
                                && seen.getOrDefault(n.type(), Set.of()).contains(n.id())))
        .toList();
  }

  private List<AuditEntry> query(Actor viewer, AuditFilter filter, Long before, int limit) {
    StringBuilder sql = new StringBuilder("select * from audit_event where true");
    Map<String, Object> params = new TreeMap<>();
    if (!viewer.is(Role.PLATFORM_ADMIN)) {
      sql.append(" and actor_org_id = :org");
      params.put("org", viewer.organisationId());
    }
    if (filter.organisations() != null) {
      sql.append(" and actor_org_id in (:orgs)");
      params.put("orgs", List.copyOf(filter.organisations()));
    }
    if (filter.action() != null) {
      sql.append(" and action like :action escape '\\'");
      params.put("action", Like.prefix(filter.action()));
    }
    if (filter.actor() != null) {
      sql.append(" and actor like :actor escape '\\'");
      params.put("actor", Like.contains(filter.actor()));
    }
    if (filter.outcome() != null) {
      sql.append(" and outcome = :outcome");
      params.put("outcome", filter.outcome());
    }
    if (filter.from() != null) {
      sql.append(" and occurred_at >= :from");
      params.put("from", filter.from().atOffset(ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      sql.append(" and occurred_at < :to");
      params.put("to", filter.to().atOffset(ZoneOffset.UTC));
    }
    if (before != null) {
      sql.append(" and seq < :before");
      params.put("before", before);
    }
    sql.append(" order by seq desc limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
  }

  /**
   * The titles of the shared objects {@code entries} name as their target, keyed {@code type:id},
   * as each feature's judge gives them ({@link AuditTargets#titles}): only of objects the viewer
   * may see now, judged again here, so a title never reaches the audit list of someone the object
   * is hidden from. Objects whose feature names no title, and targets that are no shared object,
   * are absent.
   */
  public Map<String, String> targetTitles(Actor viewer, List<AuditEntry> entries) {
    Map<String, AuditTargets> judges = judges();
    Map<String, Set<String>> asked = new HashMap<>();
    for (AuditEntry e : entries) {
      if (e.targetType() != null && e.targetId() != null && judges.containsKey(e.targetType())) {
        asked.computeIfAbsent(e.targetType(), t -> new HashSet<>()).add(e.targetId());
      }
    }
    Map<String, String> out = new HashMap<>();
    asked.forEach(
        (type, ids) ->
            judges
                .get(type)
                .titles(viewer, type, Set.copyOf(ids))
                .forEach(
                    (id, title) -> {
                      if (title != null && !title.isBlank()) {
                        out.put(type + ":" + id, title);
                      }
                    }));
    return out;
  }

  /** Reads the whole chain in order, in pages, and checks every link. */
  public ChainVerifier.Result verify() {
    ChainVerifier verifier = new ChainVerifier();
    long after = 0;
    while (true) {
      List<AuditEntry> page = new ArrayList<>();
      jdbc.sql("select * from audit_event where seq > ? order by seq limit 5000")
          .param(after)
          .query(
              (rs, i) -> {
                AuditEntry e = entry(rs, i);
                verifier.accept(toRecord(e), rs.getString("prev_hash"), e.hash());
                page.add(e);
                return e;
              })
          .list();
      if (page.isEmpty()) {
        return verifier.result();
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  private static AuditRecord toRecord(AuditEntry e) {
    return new AuditRecord(
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.actorOrgId(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.detail(),
        e.clientAddress(),
        e.detailCode(),
        e.detailArgs());
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getObject("actor_org_id", Long.class),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("outcome"),
        rs.getString("detail"),
        rs.getString("client_address"),
        rs.getString("hash"),
        rs.getString("detail_code"),
        args(rs.getArray("detail_args")));
  }

  private static List<String> args(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }
}
