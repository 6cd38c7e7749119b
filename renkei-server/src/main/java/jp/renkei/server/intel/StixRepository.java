package jp.renkei.server.intel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.renkei.engine.correlate.Domains;
import jp.renkei.engine.policy.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Stores and pages STIX object versions. Inserts are one statement per batch (arrays unnested by
 * PostgreSQL); a per-collection advisory lock orders batches so that {@code seq} and {@code
 * date_added} grow together and every object of a collection has its own {@code date_added}.
 */
@Repository
class StixRepository {

  /** One object version to insert. */
  record NewObject(
      String stixId,
      String type,
      String specVersion,
      Instant version,
      String createdByRef,
      List<String> markingRefs,
      Tlp tlp,
      boolean revoked,
      String body,
      List<String[]> observables,
      List<String> sightedAt,
      List<String[]> attributing) {}

  /** What an insert did: the date_added of each inserted object, by index; null = duplicate. */
  record Inserted(Instant[] dateAdded, List<Correlator.NewValue> values) {}

  /**
   * Which rows the caller may see, as SQL (exact for the collection; the policy re-checks). {@code
   * reachKeys}, for the advisories collection (null elsewhere): the caller's reach keys, of which a
   * row must hold one in {@code stix_reach} (V353) to be read at all.
   */
  record Visibility(long organisation, long person, Set<Tlp> tlps, String[] reachKeys) {
    Visibility(long organisation, long person, Set<Tlp> tlps) {
      this(organisation, person, tlps, null);
    }
  }

  // timestamps as microseconds since the epoch, computed when stored (V14): the driver's
  // timestamp parsing, or computing them per row in the query, costs more than the rest of a
  // 1000-object page together. The order is the one row() reads by position.
  static final String COLUMNS =
      "seq, stix_id, type, spec_version, version_us, added_us, tlp, originator_org,"
          + " originator_person, source_advisory, granular";

  /** {@link #COLUMNS} for serving bodies: what the body itself says is left out (null). */
  static final String SERVED_COLUMNS =
      "seq, null, null, null, null::bigint, added_us, tlp, originator_org, originator_person,"
          + " source_advisory, granular";

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  StixRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Inserts a batch in the caller's transaction; versions already present are left alone. */
  Inserted insert(
      UUID collection,
      long originatorOrg,
      Long originatorPerson,
      Long sourceAdvisory,
      List<NewObject> batch)
      throws SQLException {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
        .param("stix:" + collection)
        .query()
        .listOfRows();
    Instant last =
        jdbc.sql("select max(date_added) from stix_object where collection_id = ?")
            .param(collection)
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant)
            .orElse(Instant.EPOCH);
    int n = batch.size();
    Instant base = batchStart(Instant.now(), last, n);
    int[] rank = widestFirst(batch);
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] specs = new String[n];
    Timestamp[] versions = new Timestamp[n];
    Timestamp[] added = new Timestamp[n];
    String[] createdBy = new String[n];
    String[] markings = new String[n];
    String[] tlps = new String[n];
    Boolean[] revoked = new Boolean[n];
    String[] bodies = new String[n];
    List<String> unversioned = new ArrayList<>();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < n; i++) {
      NewObject o = batch.get(i);
      Instant dateAdded = base.plusNanos(1000L * rank[i]);
      ids[i] = o.stixId();
      types[i] = o.type();
      specs[i] = o.specVersion();
      versions[i] = Timestamp.from(o.version() != null ? o.version() : dateAdded);
      added[i] = Timestamp.from(dateAdded);
      createdBy[i] = o.createdByRef();
      markings[i] = String.join(",", o.markingRefs());
      tlps[i] = o.tlp().name();
      revoked[i] = o.revoked();
      bodies[i] = o.body();
      if (o.version() == null) {
        unversioned.add(o.stixId());
      }
      position.put(ids[i] + "|" + versions[i].toInstant(), i);
    }
    Instant[] dateAdded = new Instant[n];
    List<long[]> seqs = new ArrayList<>();
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into stix_object (collection_id, stix_id, type, spec_version, version,"
                + " date_added, created_by_ref, marking_refs, tlp, originator_org,"
                + " originator_person, revoked, body, source_advisory, version_us, added_us, granular)"
                + " select ?, u.id, u.type, u.spec, u.version, u.added, u.created_by,"
                + " case when u.markings = '' then '{}'::text[] else string_to_array(u.markings,"
                + " ',') end, u.tlp, ?, ?, u.revoked, u.body, cast(? as bigint),"
                + " (extract(epoch from u.version) * 1000000)::bigint,"
                + " (extract(epoch from u.added) * 1000000)::bigint,"
                + " u.body like '%\"granular_markings\"%'"
                + " from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[],"
                + " ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])"
                + " as u(id, type, spec, version, added, created_by, markings, tlp, revoked, body)"
                // an object without created/modified (an SCO) has one version: its id says what
                // it is, so the same id again is the same object, whatever its date_added
                + " where not (u.id = any(?::text[]) and exists (select 1 from stix_object s where"
                + " s.collection_id = ? and s.stix_id = u.id and s.originator_org = ?))"
                + " on conflict (collection_id, stix_id, version, originator_org) do nothing"
                + " returning seq, stix_id, version")) {
      ps.setObject(1, collection);
      ps.setLong(2, originatorOrg);
      ps.setObject(3, originatorPerson);
      ps.setObject(4, sourceAdvisory);
      ps.setArray(5, array(c, "text", ids));
      ps.setArray(6, array(c, "text", types));
      ps.setArray(7, array(c, "text", specs));
      ps.setArray(8, array(c, "timestamptz", versions));
      ps.setArray(9, array(c, "timestamptz", added));
      ps.setArray(10, array(c, "text", createdBy));
      ps.setArray(11, array(c, "text", markings));
      ps.setArray(12, array(c, "text", tlps));
      ps.setArray(13, array(c, "boolean", revoked));
      ps.setArray(14, array(c, "text", bodies));
      ps.setArray(15, array(c, "text", unversioned.toArray(String[]::new)));
      ps.setObject(16, collection);
      ps.setLong(17, originatorOrg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer i = position.get(rs.getString(2) + "|" + rs.getTimestamp(3).toInstant());
          if (i != null) {
            dateAdded[i] = added[i].toInstant();
            seqs.add(new long[] {rs.getLong(1), i});
          }
        }
      }
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
    markMultiVersion(collection, ids);
    recordCreators(originatorOrg, ids);
    List<Correlator.NewValue> values = insertObservables(batch, seqs);
    return new Inserted(dateAdded, values);
  }

  /**
   * Where a batch's date_added values start: on a millisecond of its own, after every earlier batch
   * of the collection. A batch never spans more than a millisecond ({@code n} objects, one
   * microsecond apart), so the next one's start does not depend on how many objects this one held —
   * a reader cannot count hidden objects from the gap between two batches.
   */
  static Instant batchStart(Instant now, Instant lastAdded, int n) {
    if (n > 1000) {
      throw new IllegalArgumentException("a batch holds at most 1000 objects, not " + n);
    }
    Instant clock = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant next = lastAdded.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1);
    return clock.isAfter(next) ? clock : next;
  }

  /**
   * The position of each object in its batch's date_added order: widest TLP first, input order
   * within a TLP. All objects of a batch share a collection and an originator, so whoever sees an
   * object of the batch sees every object of a wider TLP: the objects a reader sees are always the
   * first ones of the batch, with no hidden object between them to be counted from a gap.
   */
  static int[] widestFirst(List<NewObject> batch) {
    Integer[] order = new Integer[batch.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, java.util.Comparator.comparingInt(i -> -batch.get(i).tlp().ordinal()));
    int[] rank = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  /** Records the organisation as creator of the ids that have none yet. */
  private void recordCreators(long originatorOrg, String[] ids) throws SQLException {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into stix_creator (stix_id, organisation_id) select distinct u, ? from"
                + " unnest(?::text[]) as u on conflict do nothing")) {
      ps.setLong(1, originatorOrg);
      ps.setArray(2, array(c, "text", ids));
      ps.executeUpdate();
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  /** A stored copy of an object by some organisation, as the policy judges it. */
  record Copy(
      String stixId,
      UUID collection,
      Instant version,
      Tlp tlp,
      long organisation,
      Long person,
      Long advisory) {}

  /** The copies of these ids, in any collection, stored by organisations other than {@code org}. */
  List<Copy> othersCopies(java.util.Collection<String> ids, long org) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select stix_id, collection_id, version_us, tlp, originator_org, originator_person,"
                + " source_advisory from stix_object where stix_id in (:ids) and originator_org <>"
                + " :org")
        .param("ids", ids)
        .param("org", org)
        .query(
            (rs, n) ->
                new Copy(
                    rs.getString(1),
                    rs.getObject(2, UUID.class),
                    micros(rs.getLong(3)),
                    Tlp.valueOf(rs.getString(4)),
                    rs.getLong(5),
                    rs.getObject(6, Long.class),
                    rs.getObject(7, Long.class)))
        .list();
  }

  /** Flags every version of the batch's ids that now have more than one version. */
  private void markMultiVersion(UUID collection, String[] ids) throws SQLException {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "update stix_object set multi_version = true where collection_id = ? and not"
                + " multi_version and stix_id in (select stix_id from stix_object where"
                + " collection_id = ? and stix_id = any(?) group by stix_id having count(*) > 1)")) {
      ps.setObject(1, collection);
      ps.setObject(2, collection);
      ps.setArray(3, array(c, "text", ids));
      ps.executeUpdate();
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  static final Set<String> IP_KINDS = Set.of("ipv4-addr", "ipv6-addr", "cidr");

  /** Stores the observable values of the inserted objects and returns them for correlation. */
  private List<Correlator.NewValue> insertObservables(List<NewObject> batch, List<long[]> seqs)
      throws SQLException {
    List<Long> seq = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> reversed = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (long[] s : seqs) {
      for (String[] kv : batch.get((int) s[1]).observables()) {
        seq.add(s[0]);
        kinds.add(kv[0]);
        values.add(kv[1]);
        reversed.add(kv[0].equals("domain-name") ? Domains.reversed(kv[1]) : null);
        ips.add(IP_KINDS.contains(kv[0]) ? kv[1] : null);
      }
    }
    if (seq.isEmpty()) {
      return List.of();
    }
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into stix_observable (seq, kind, value, rev_domain, ip)"
                + " select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[],"
                + " ?::inet[])")) {
      ps.setArray(1, array(c, "bigint", seq.toArray(Long[]::new)));
      ps.setArray(2, array(c, "text", kinds.toArray(String[]::new)));
      ps.setArray(3, array(c, "text", values.toArray(String[]::new)));
      ps.setArray(4, array(c, "text", reversed.toArray(String[]::new)));
      ps.setArray(5, array(c, "text", ips.toArray(String[]::new)));
      ps.executeUpdate();
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
    List<Correlator.NewValue> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) {
      out.add(new Correlator.NewValue(seq.get(i), kinds.get(i), values.get(i)));
    }
    return out;
  }

  private static Array array(Connection c, String type, Object[] values) throws SQLException {
    return c.createArrayOf(type, values);
  }

  /**
   * One page of rows after {@code afterSeq}, in seq order (or, {@code newestFirst}, before it in
   * the opposite order; 0 starts at the newest), visible by {@code v}, matching the query. {@code
   * bodies} false leaves the body out (manifest, versions); true reads the body and only what
   * serving it needs besides (seq, date added, what the policy judges), leaving stix id, type, spec
   * version and version null: the body says them, and not sending them per row spares the database
   * a quarter of its time for a page. {@code identified} reads them with the bodies all the same
   * (for a caller that must judge versions itself).
   */
  List<StoredObject> page(
      UUID collection,
      Visibility v,
      ObjectQuery q,
      long afterSeq,
      int rows,
      boolean bodies,
      boolean identified,
      boolean newestFirst) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder sql = new StringBuilder("select ");
    sql.append(
        bodies ? (identified ? COLUMNS : SERVED_COLUMNS) + ", body" : COLUMNS + ", null as body");
    // the cursor and the limit are numbers written into the statement: a plan cached for a
    // parameter would not know how far into the collection the page starts and may sort the
    // whole rest of it instead of walking the index
    String after =
        !newestFirst ? " and o.seq > " + afterSeq : afterSeq > 0 ? " and o.seq < " + afterSeq : "";
    String order = newestFirst ? " order by o.seq desc limit " : " order by o.seq limit ";
    String where = " o.collection_id = :c" + after + matching(v, q, params);
    params.put("c", collection);
    if (v.reachKeys() == null) {
      sql.append(" from stix_object o where").append(where);
    } else {
      // the advisories collection (V353): for each of the reader's keys, the first page of that
      // key's objects that match, walked in seq order from stix_reach; merged, the first page of
      // them is the first page of all the reader's keys admit. An object sharing no key with the
      // reader is never read, so what lies hidden costs a page nothing.
      params.put("reachKeys", v.reachKeys());
      sql.append(" from stix_object o where o.seq in (select d.seq from (select distinct l.seq")
          .append(" from unnest(cast(:reachKeys as text[])) as k(key), lateral (select x.seq")
          .append(" from stix_reach x join stix_object o on o.seq = x.seq where x.key = k.key and")
          .append(where.replace("o.seq", "x.seq"))
          .append(order.replace("o.seq", "x.seq"))
          .append(rows)
          .append(") l) d")
          .append(order.replace("o.seq", "d.seq"))
          .append(rows)
          .append(")");
    }
    sql.append(order).append(rows);
    return jdbc.sql(sql.toString()).params(params).query(StixRepository::row).list();
  }

  /** SQL: the conditions of a page besides its collection and cursor, on the alias {@code o}. */
  private static String matching(Visibility v, ObjectQuery q, Map<String, Object> params) {
    StringBuilder w = new StringBuilder();
    w.append(" and ").append(visible("o", v, params));
    if (q.addedAfter() != null) {
      w.append(" and o.date_added > :addedAfter");
      params.put("addedAfter", Timestamp.from(q.addedAfter()));
    }
    if (q.addedBefore() != null) {
      w.append(" and o.date_added < :addedBefore");
      params.put("addedBefore", Timestamp.from(q.addedBefore()));
    }
    if (!q.ids().isEmpty()) {
      w.append(" and o.stix_id in (:ids)");
      params.put("ids", q.ids());
    }
    if (!q.types().isEmpty()) {
      w.append(" and o.type in (:types)");
      params.put("types", q.types());
    }
    if (!q.specVersions().isEmpty() && !q.specVersions().contains("2.1")) {
      w.append(" and false");
    }
    // several organisations may hold a copy of one id: where the reader sees the creator's
    // copy, the others' are not shown (nobody versions another's object in a reader's eyes)
    w.append(" and (not o.multi_version or not exists (select 1 from stix_object s")
        .append(" join stix_creator k on k.stix_id = s.stix_id")
        .append(" and k.organisation_id = s.originator_org")
        .append(" where s.collection_id = o.collection_id and s.stix_id = o.stix_id")
        .append(" and s.originator_org <> o.originator_org and ")
        .append(visible("s", v, params))
        .append("))");
    ObjectQuery.Versions ver = q.versions();
    if (!ver.all()) {
      List<String> any = new ArrayList<>();
      if (ver.last()) {
        any.add(otherVersion("n.version > o.version", v, params));
      }
      if (ver.first()) {
        any.add(otherVersion("n.version < o.version", v, params));
      }
      if (!ver.at().isEmpty()) {
        any.add("o.version in (:at)");
        params.put("at", ver.at().stream().map(Timestamp::from).collect(Collectors.toList()));
      }
      w.append(" and (").append(String.join(" or ", any)).append(")");
    }
    return w.toString();
  }

  /**
   * SQL: no version of o's object in {@code order} to o that the reader sees and that is shown
   * beside o — o's own copy's versions, or, where o is not the creator's copy (so the creator's is
   * not visible to this reader, or o would not be shown), the other copies' versions.
   */
  private static String otherVersion(String order, Visibility v, Map<String, Object> params) {
    return "not o.multi_version or not exists (select 1 from stix_object n where"
        + " n.collection_id = o.collection_id and n.stix_id = o.stix_id and "
        + order
        + " and (n.originator_org = o.originator_org or not exists (select 1 from stix_creator k"
        + " where k.stix_id = o.stix_id and k.organisation_id = o.originator_org)) and "
        + visible("n", v, params)
        + ")";
  }

  /** Those of the ids that organisation {@code org} created. */
  Set<String> createdBy(java.util.Collection<String> ids, long org) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql(
                "select stix_id from stix_creator where stix_id in (:ids) and organisation_id ="
                    + " :org")
            .param("ids", ids)
            .param("org", org)
            .query(String.class)
            .list());
  }

  /** The organisation that created an object id (stored it first), if any did. */
  Optional<Long> creatorOf(String stixId) {
    return jdbc.sql("select organisation_id from stix_creator where stix_id = ?")
        .param(stixId)
        .query(Long.class)
        .optional();
  }

  /** The SQL form of what the policy decides for this collection and caller. */
  private static String visible(String alias, Visibility v, Map<String, Object> params) {
    if (v.reachKeys() != null && !alias.equals("o")) {
      // another version or copy of the page's object in the advisories collection: only those
      // its reach keys list (the page's own rows come from stix_reach already)
      params.put("reachKeys", v.reachKeys());
      return "("
          + alias
          + ".seq in (select x.seq from stix_reach x where x.key = any(cast(:reachKeys as"
          + " text[])) and x.stix_id = "
          + alias
          + ".stix_id))";
    }
    params.put("vOrg", v.organisation());
    params.put("vPerson", v.person());
    StringBuilder s =
        new StringBuilder(
            "(" + alias + ".originator_org = :vOrg or " + alias + ".originator_person = :vPerson");
    if (!v.tlps().isEmpty()) {
      params.put("vTlps", v.tlps().stream().map(Tlp::name).toList());
      s.append(" or ").append(alias).append(".tlp in (:vTlps)");
    }
    return s.append(")").toString();
  }

  /**
   * Every version of one object in a collection (the caller filters by policy); with {@code
   * reachKeys} (the advisories collection, V353) only those listed under one of them, so versions
   * of the id published with advisories hidden from the reader are never read.
   */
  List<StoredObject> versions(UUID collection, String stixId, String[] reachKeys) {
    if (reachKeys != null) {
      return jdbc.sql(
              "select "
                  + COLUMNS
                  + ", null as body from stix_object where seq in (select x.seq from stix_reach x"
                  + " where x.key = any(cast(? as text[])) and x.stix_id = ?) and collection_id = ?"
                  + " order by seq")
          .params(reachKeys, stixId, collection)
          .query(StixRepository::row)
          .list();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", null as body from stix_object"
                + " where collection_id = ? and stix_id = ? order by seq")
        .params(collection, stixId)
        .query(StixRepository::row)
        .list();
  }

  void analyze() {
    jdbc.sql("analyze stix_object, stix_observable").update();
  }

  int delete(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from stix_object where seq in (:seqs)").param("seqs", seqs).update();
  }

  private static Instant micros(long us) {
    return Instant.ofEpochSecond(
        Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
  }

  /**
   * One row of {@link #COLUMNS} and the body, read by position (a lookup by name costs a map probe
   * and a lower-casing per column and row). The body is taken as the UTF-8 bytes the database sent:
   * a page writes them out without decoding and encoding them again.
   */
  private static Instant version(ResultSet rs) throws SQLException {
    long us = rs.getLong(5);
    return rs.wasNull() ? null : micros(us);
  }

  static StoredObject row(ResultSet rs, int n) throws SQLException {
    long person = rs.getLong(9);
    boolean noPerson = rs.wasNull();
    long advisory = rs.getLong(10);
    boolean noAdvisory = rs.wasNull();
    return new StoredObject(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        version(rs),
        micros(rs.getLong(6)),
        Tlp.valueOf(rs.getString(7)),
        rs.getLong(8),
        noPerson ? null : person,
        noAdvisory ? null : advisory,
        rs.getBoolean(11),
        rs.getBytes(12));
  }
}
