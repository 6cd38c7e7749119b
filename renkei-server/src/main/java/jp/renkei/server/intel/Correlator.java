package jp.renkei.server.intel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import jp.renkei.engine.correlate.Domains;
import jp.renkei.engine.correlate.WarningList;
import jp.renkei.engine.observable.ObservableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Incremental correlation, run in the ingest transaction for each stored batch. A correlation is
 * one key value — an exact value, a domain (covering its subdomains) or a CIDR (covering the
 * addresses and ranges inside it) — held or covered by at least two stored objects. Four set
 * queries per batch find the keys the new values touch; each touched key then gets its members, at
 * most {@value #MEMBER_CAP} (beyond that the value over-correlates and is only flagged). Values on
 * a warning list never correlate. Whether a correlation spans several organisations, and which
 * members a reader may see, is decided when it is read.
 */
@Component
class Correlator {

  /** The most objects one correlation links; more marks it over-correlating (MISP's limit). */
  static final int MEMBER_CAP = 100;

  /** One observable value of a newly stored object. */
  record NewValue(long seq, String kind, String value) {}

  record Key(String kind, String value) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final WarningLists warningLists;

  Correlator(JdbcClient jdbc, DataSource dataSource, WarningLists warningLists) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.warningLists = warningLists;
  }

  void correlate(List<NewValue> values) throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    WarningList warned = warningLists.current();
    Columns claims = new Columns();
    Columns domains = new Columns();
    Columns addresses = new Columns();
    Columns ranges = new Columns();
    for (NewValue v : values) {
      ObservableType type = ObservableType.fromCode(v.kind()).orElse(null);
      if (type == null || warned.covers(type, v.value())) {
        continue;
      }
      claims.add(v.seq(), v.kind(), v.value());
      switch (type) {
        case DOMAIN -> {
          domains.add(v.seq(), Domains.reversed(v.value()), v.value());
          for (String parent : Domains.parents(v.value())) {
            if (!warned.covers(ObservableType.DOMAIN, parent)) {
              claims.add(v.seq(), v.kind(), parent);
            }
          }
        }
        case IPV4, IPV6 -> addresses.add(v.seq(), v.value(), v.value());
        case CIDR -> {
          addresses.add(v.seq(), v.value(), v.value());
          ranges.add(v.seq(), v.value(), v.value());
        }
        default -> {}
      }
    }
    Set<Key> keys = new LinkedHashSet<>();
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      // the same value, or a parent domain, held by another object
      collect(
          c,
          keys,
          "select distinct c.kind, c.value from unnest(?::bigint[], ?::text[], ?::text[])"
              + " c(seq, kind, value) join stix_observable o on o.kind = c.kind"
              + " and o.value = c.value and o.seq <> c.seq",
          claims,
          "text",
          null);
      // a new domain whose subdomains other objects hold
      collect(
          c,
          keys,
          "select distinct 'domain-name', n.value from unnest(?::bigint[], ?::text[], ?::text[])"
              + " n(seq, rev, value) join stix_observable o on o.rev_domain > n.rev || '.'"
              + " and o.rev_domain < n.rev || '/' and o.seq <> n.seq",
          domains,
          "text",
          null);
      // a range another object holds around a new address or range
      collect(
          c,
          keys,
          "select distinct o.kind, o.value from unnest(?::bigint[], ?::inet[], ?::text[])"
              + " n(seq, ip, value) join stix_observable o on o.kind = 'cidr' and o.ip >>= n.ip"
              + " and o.seq <> n.seq",
          addresses,
          "inet",
          warned);
      // a new range around addresses or ranges other objects hold
      collect(
          c,
          keys,
          "select distinct 'cidr', n.value from unnest(?::bigint[], ?::inet[], ?::text[])"
              + " n(seq, ip, value) join stix_observable o on o.ip <<= n.ip and o.seq <> n.seq",
          ranges,
          "inet",
          null);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
    Long[] batch = values.stream().map(NewValue::seq).distinct().toArray(Long[]::new);
    for (Key k : keys) {
      link(k, batch);
    }
  }

  /** Three parallel columns for one unnest(). */
  private static final class Columns {
    final List<Long> seqs = new ArrayList<>();
    final List<String> a = new ArrayList<>();
    final List<String> b = new ArrayList<>();

    void add(long seq, String first, String second) {
      seqs.add(seq);
      a.add(first);
      b.add(second);
    }
  }

  private static void collect(
      Connection c, Set<Key> keys, String sql, Columns in, String middleType, WarningList skip)
      throws SQLException {
    if (in.seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", in.seqs.toArray()));
      ps.setArray(2, c.createArrayOf(middleType.equals("inet") ? "text" : "text", in.a.toArray()));
      ps.setArray(3, c.createArrayOf("text", in.b.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Key k = new Key(rs.getString(1), rs.getString(2));
          if (skip == null
              || !skip.covers(ObservableType.fromCode(k.kind()).orElseThrow(), k.value())) {
            keys.add(k);
          }
        }
      }
    }
  }

  /**
   * Records a key and the objects it links, up to the cap; past the cap, only one object of each
   * organisation not yet among the members (so the spread across organisations stays known while
   * storage stays bounded by the cap plus the number of organisations).
   */
  private void link(Key k, Long[] batch) {
    record State(long id, boolean overLimit) {}
    State s =
        jdbc.sql(
                "insert into correlation (kind, value) values (?, ?) on conflict (kind, value) do"
                    + " update set last_seen = now() returning id, over_limit")
            .params(k.kind(), k.value())
            .query((rs, n) -> new State(rs.getLong(1), rs.getBoolean(2)))
            .single();
    String members =
        switch (k.kind()) {
          case "domain-name" ->
              "select seq from stix_observable where kind = 'domain-name' and value = :v"
                  + " union select seq from stix_observable where rev_domain > :rev || '.'"
                  + " and rev_domain < :rev || '/'";
          case "cidr" ->
              "select seq from stix_observable where kind = 'cidr' and value = :v"
                  + " union select seq from stix_observable where ip <<= cast(:v as inet)";
          default -> "select seq from stix_observable where kind = :k and value = :v";
        };
    String insert =
        s.overLimit()
            ? "insert into correlation_member (correlation_id, seq) select distinct on"
                + " (o.originator_org) :id, m.seq from ("
                + members
                + ") m join stix_object o on o.seq = m.seq where m.seq = any(:batch) and"
                + " o.originator_org not in (select x.originator_org from correlation_member cm"
                + " join stix_object x on x.seq = cm.seq where cm.correlation_id = :id)"
                + " on conflict do nothing"
            : "insert into correlation_member (correlation_id, seq) select :id, m.seq from ("
                + members
                + ") m limit :cap on conflict do nothing";
    jdbc.sql(insert)
        .param("id", s.id())
        .param("k", k.kind())
        .param("v", k.value())
        .param("rev", k.kind().equals("domain-name") ? Domains.reversed(k.value()) : "")
        .param("cap", MEMBER_CAP + 1)
        .param("batch", batch)
        .update();
    jdbc.sql(
            "update correlation set member_count = m.n, over_limit = over_limit or m.n > :cap,"
                + " org_count ="
                + " m.orgs from (select count(*) as n, count(distinct o.originator_org) as orgs"
                + " from correlation_member cm join stix_object o on o.seq = cm.seq where"
                + " cm.correlation_id = :id) m where id = :id")
        .param("id", s.id())
        .param("cap", MEMBER_CAP)
        .update();
  }
}
