package jp.renkei.server.exposure;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import jp.renkei.engine.exposure.CveReader;
import jp.renkei.engine.exposure.CveRecord;
import jp.renkei.engine.exposure.EpssReader;
import jp.renkei.engine.exposure.EpssScore;
import jp.renkei.engine.exposure.ExposureInputException;
import jp.renkei.engine.exposure.JvnReader;
import jp.renkei.engine.exposure.KevCatalog;
import jp.renkei.engine.exposure.KevEntry;
import jp.renkei.engine.exposure.KevReader;
import jp.renkei.engine.exposure.Knowledge;
import jp.renkei.engine.exposure.NvdReader;
import jp.renkei.engine.exposure.Rejected;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hub's vulnerability knowledge: imports of CISA KEV, CVE JSON 5 records and EPSS (platform
 * admins, from the CLI), each versioned in {@code vuln_import} with what was kept and refused, and
 * the engine's {@link Knowledge} built from them for matching (rebuilt after each import).
 */
@Service
public class KnowledgeService {

  /**
   * What one import did. {@code touched}: the KEV entries added or changed in what matching uses
   * (vendor, product, dates), which alone need re-evaluating; null when the import may affect any
   * finding (CVE records, EPSS).
   */
  public record Summary(
      String source,
      String version,
      int kept,
      List<Rejected> refused,
      Set<String> added,
      Set<String> touched) {}

  /** The knowledge matched against inventories, with the CVSS vectors and EPSS scores it uses. */
  record Snapshot(
      Knowledge knowledge,
      Map<String, String> cvss,
      Map<String, EpssScore> epss,
      Map<String, CveRecord> records) {

    /**
     * The knowledge of these CVEs alone (their records and KEV entries): what matching them, and
     * nothing else, against inventories needs.
     */
    Knowledge about(Set<String> cves) {
      List<CveRecord> rs = new ArrayList<>();
      List<KevEntry> ks = new ArrayList<>();
      for (String cve : cves) {
        if (records.containsKey(cve)) {
          rs.add(records.get(cve));
        }
        if (knowledge.kev(cve) != null) {
          ks.add(knowledge.kev(cve));
        }
      }
      return new Knowledge(rs, ks);
    }

    /** The same records, CVSS and EPSS with another KEV catalogue. */
    Snapshot withKev(List<KevEntry> kev) {
      return new Snapshot(knowledge.withKev(kev), cvss, epss, records);
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  /** Only the KEV catalogue changed since {@link #snapshot} was built. */
  private volatile boolean kevStale;

  KnowledgeService(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  private static void admin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
  }

  @Transactional
  public Summary importKev(Actor actor, InputStream in) {
    admin(actor);
    KevCatalog c = read(() -> KevReader.read(in));
    Map<String, String> known = new HashMap<>();
    jdbc.sql(
            "select cve_id, concat_ws('|', vendor_project, product, date_added, due_date)"
                + " from vuln_kev")
        .query(
            rs -> {
              known.put(rs.getString(1), rs.getString(2));
            });
    Set<String> added = new HashSet<>();
    Set<String> touched = new HashSet<>();
    for (KevEntry k : c.entries()) {
      String was = known.get(k.cveId());
      if (was == null) {
        added.add(k.cveId());
        touched.add(k.cveId());
      } else if (!was.equals(signature(k))) {
        touched.add(k.cveId());
      }
    }
    batch.batchUpdate(
        "insert into vuln_kev (cve_id, vendor_project, product, name, date_added, due_date,"
            + " ransomware, short_description, required_action, catalog_version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (cve_id) do update set"
            + " vendor_project = excluded.vendor_project, product = excluded.product,"
            + " name = excluded.name, date_added = excluded.date_added,"
            + " due_date = excluded.due_date, ransomware = excluded.ransomware,"
            + " short_description = excluded.short_description,"
            + " required_action = excluded.required_action,"
            + " catalog_version = excluded.catalog_version, imported_at = now()",
        c.entries(),
        1000,
        (ps, k) -> {
          ps.setString(1, k.cveId());
          ps.setString(2, k.vendorProject());
          ps.setString(3, k.product());
          ps.setString(4, k.vulnerabilityName());
          ps.setObject(5, Date.valueOf(k.dateAdded()), Types.DATE);
          ps.setObject(6, k.dueDate() == null ? null : Date.valueOf(k.dueDate()), Types.DATE);
          ps.setString(7, k.ransomware());
          ps.setString(8, k.shortDescription());
          ps.setString(9, k.requiredAction());
          ps.setString(10, c.catalogVersion());
        });
    log(actor, "kev", c.catalogVersion(), c.entries().size(), c.rejected().size(), added.size());
    changed(true);
    return new Summary("kev", c.catalogVersion(), c.entries().size(), c.rejected(), added, touched);
  }

  @Transactional
  public Summary importCve(Actor actor, InputStream in) {
    admin(actor);
    CveReader.Result r = read(() -> CveReader.read(in, true));
    // each kept record is stored as the engine re-reads it: one JSON object per record
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < r.records().size(); i++) {
      CveRecord rec = r.records().get(i);
      rows.add(
          new String[] {
            rec.cveId(), rec.state(), rec.title(), rec.cvssVector(), r.sources().get(i)
          });
    }
    Set<String> known =
        new HashSet<>(jdbc.sql("select cve_id from vuln_cve").query(String.class).list());
    Set<String> added = new HashSet<>();
    rows.forEach(
        x -> {
          if (!known.contains(x[0])) {
            added.add(x[0]);
          }
        });
    batch.batchUpdate(
        "insert into vuln_cve (cve_id, state, title, cvss_vector, record) values (?, ?, ?, ?, ?)"
            + " on conflict (cve_id) do update set state = excluded.state, title = excluded.title,"
            + " cvss_vector = excluded.cvss_vector, record = excluded.record, imported_at = now()",
        rows,
        500,
        (ps, x) -> {
          for (int i = 0; i < 5; i++) {
            ps.setString(i + 1, x[i]);
          }
        });
    log(actor, "cve", null, rows.size(), r.rejected().size(), added.size());
    changed(false);
    return new Summary("cve", null, rows.size(), r.rejected(), added, null);
  }

  @Transactional
  public Summary importEpss(Actor actor, InputStream in) {
    admin(actor);
    EpssReader.Result r =
        read(() -> EpssReader.read(new InputStreamReader(in, StandardCharsets.UTF_8)));
    batch.batchUpdate(
        "insert into vuln_epss (cve_id, epss, percentile, score_date) values (?, ?, ?, ?)"
            + " on conflict (cve_id) do update set epss = excluded.epss,"
            + " percentile = excluded.percentile, score_date = excluded.score_date,"
            + " imported_at = now()",
        r.scores(),
        5000,
        (ps, s) -> {
          ps.setString(1, s.cveId());
          ps.setDouble(2, s.epss());
          ps.setDouble(3, s.percentile());
          ps.setString(4, r.scoreDate());
        });
    log(actor, "epss", r.modelVersion(), r.scores().size(), r.rejected().size(), 0);
    changed(false);
    return new Summary("epss", r.scoreDate(), r.scores().size(), r.rejected(), Set.of(), null);
  }

  /**
   * Imports one page of the NVD CVE API 2.0 ({@link NvdReader}): each kept vulnerability replaces
   * the NVD row of its CVE; merged with the CVE record and JVN entries of the same id when the
   * knowledge is built.
   */
  @Transactional
  public Summary importNvd(Actor actor, InputStream in) {
    admin(actor);
    return importNvd(actor, read(() -> NvdReader.read(in)));
  }

  /** As {@link #importNvd(Actor, InputStream)}, for a page already read (the fetcher pages on). */
  @Transactional
  public Summary importNvd(Actor actor, NvdReader.Result r) {
    admin(actor);
    List<String[]> rows = new ArrayList<>();
    for (CveRecord rec : r.records()) {
      rows.add(row(rec.cveId(), rec));
    }
    return storeAdvisories(
        actor, "nvd", r.startIndex() + "/" + r.totalResults(), rows, r.rejected());
  }

  /**
   * Imports JVN iPedia entries (MyJVN {@code getVulnDetailInfo}, VULDEF): one row per entry and CVE
   * it names, the entry's rows replaced as a whole.
   */
  @Transactional
  public Summary importJvn(Actor actor, InputStream in) {
    admin(actor);
    return importJvn(actor, read(() -> JvnReader.read(in)));
  }

  /** As {@link #importJvn(Actor, InputStream)}, for a document already read. */
  @Transactional
  public Summary importJvn(Actor actor, JvnReader.Result r) {
    admin(actor);
    List<String[]> rows = new ArrayList<>();
    for (JvnReader.Entry e : r.entries()) {
      jdbc.sql("delete from vuln_advisory where source = 'jvn' and advisory_id = ?")
          .param(e.jvnId())
          .update();
      for (CveRecord rec : e.records()) {
        rows.add(row(e.jvnId(), rec));
      }
    }
    return storeAdvisories(
        actor, "jvn", r.total() == 0 ? null : r.first() + "/" + r.total(), rows, r.rejected());
  }

  private static String[] row(String advisoryId, CveRecord rec) {
    return new String[] {
      advisoryId, rec.cveId(), rec.state(), rec.title(), rec.cvssVector(), CveReader.json(rec)
    };
  }

  private Summary storeAdvisories(
      Actor actor, String source, String version, List<String[]> rows, List<Rejected> refused) {
    Set<String> known =
        new HashSet<>(
            jdbc.sql("select cve_id from vuln_advisory where source = ?")
                .param(source)
                .query(String.class)
                .list());
    Set<String> added = new HashSet<>();
    rows.forEach(
        x -> {
          if (!known.contains(x[1])) {
            added.add(x[1]);
          }
        });
    batch.batchUpdate(
        "insert into vuln_advisory (source, advisory_id, cve_id, state, title, cvss_vector, record)"
            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (source, advisory_id, cve_id) do update"
            + " set state = excluded.state, title = excluded.title,"
            + " cvss_vector = excluded.cvss_vector, record = excluded.record, imported_at = now()",
        rows,
        500,
        (ps, x) -> {
          ps.setString(1, source);
          for (int i = 0; i < 6; i++) {
            ps.setString(i + 2, x[i]);
          }
        });
    log(actor, source, version, rows.size(), refused.size(), added.size());
    changed(false);
    return new Summary(source, version, rows.size(), refused, added, null);
  }

  /** What matching uses of a KEV entry, as the import compares it with the stored one. */
  private static String signature(KevEntry k) {
    StringBuilder b = new StringBuilder(k.vendorProject()).append('|').append(k.product());
    b.append('|').append(k.dateAdded());
    if (k.dueDate() != null) {
      b.append('|').append(k.dueDate());
    }
    return b.toString();
  }

  static <T> T read(java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ExposureInputException e) {
      throw new InvalidInput(
          "file", "exposure.error.file", KnowledgeRefusals.file(e.where(), e.reason()));
    }
  }

  private void log(Actor actor, String source, String version, int kept, int refused, int added) {
    jdbc.sql(
            "insert into vuln_import (source, version, kept, refused, added, imported_by)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(source, version, kept, refused, added, actor.auditName())
        .update();
  }

  /**
   * After an import: the knowledge is built again on its next use — only its KEV part when only the
   * KEV catalogue changed (the CVE records, parsed again otherwise, are by far the larger part).
   * Now, and again once the import's transaction has committed, so that a use in between cannot
   * keep what the import replaced.
   */
  private void changed(boolean kevOnly) {
    Runnable mark =
        () -> {
          if (kevOnly) {
            kevStale = true;
          } else {
            snapshot.set(null);
          }
        };
    mark.run();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              mark.run();
            }
          });
    }
  }

  /** The current knowledge, built from the database on first use after an import. */
  Snapshot snapshot() {
    Snapshot s = snapshot.get();
    if (s != null && !kevStale) {
      return s;
    }
    synchronized (this) {
      s = snapshot.get();
      if (s == null) {
        kevStale = false;
        s = load();
        snapshot.set(s);
      } else if (kevStale) {
        kevStale = false;
        s = s.withKev(loadKev());
        snapshot.set(s);
      }
      return s;
    }
  }

  private List<KevEntry> loadKev() {
    return jdbc.sql(
            "select cve_id, vendor_project, product, name, date_added, due_date,"
                + " short_description, required_action, ransomware from vuln_kev")
        .query(
            (rs, n) ->
                new KevEntry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, java.time.LocalDate.class),
                    rs.getObject(6, java.time.LocalDate.class),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    null,
                    List.of()))
        .list();
  }

  private Snapshot load() {
    List<KevEntry> kev = loadKev();
    Map<String, CveRecord> records = new HashMap<>();
    Map<String, String> cvss = new HashMap<>();
    jdbc.sql("select record from vuln_cve where state = 'PUBLISHED'")
        .query(
            rs -> {
              String json = rs.getString(1);
              CveReader.Result r =
                  CveReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
              for (CveRecord c : r.records()) {
                records.put(c.cveId(), c);
                if (c.cvssVector() != null) {
                  cvss.put(c.cveId(), c.cvssVector());
                }
              }
            });
    // NVD configurations and JVN entries add their affected products to the CVE's record
    jdbc.sql("select record from vuln_advisory where state = 'PUBLISHED' order by source, cve_id")
        .query(
            rs -> {
              CveRecord c = CveReader.stored(rs.getString(1));
              records.merge(c.cveId(), c, KnowledgeService::merged);
              if (c.cvssVector() != null) {
                cvss.putIfAbsent(c.cveId(), c.cvssVector());
              }
            });
    Map<String, EpssScore> epss = new HashMap<>();
    jdbc.sql("select cve_id, epss, percentile from vuln_epss")
        .query(
            rs -> {
              epss.put(
                  rs.getString(1),
                  new EpssScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
            });
    return new Snapshot(new Knowledge(records.values(), kev), cvss, epss, records);
  }

  /** One CVE's knowledge from two sources: both sets of affected products, the first's texts. */
  private static CveRecord merged(CveRecord a, CveRecord b) {
    List<CveRecord.Affected> affected = new ArrayList<>(a.affected());
    affected.addAll(b.affected());
    return new CveRecord(
        a.cveId(),
        a.state(),
        affected,
        a.cvssVector() != null ? a.cvssVector() : b.cvssVector(),
        a.title() != null ? a.title() : b.title());
  }

  /**
   * Figures of the knowledge for the pages: KEV entries, CVE records, EPSS scores, last imports.
   */
  Map<String, Object> status() {
    Map<String, Object> out = new HashMap<>();
    out.put("kev", jdbc.sql("select count(*) from vuln_kev").query(Integer.class).single());
    out.put("cve", jdbc.sql("select count(*) from vuln_cve").query(Integer.class).single());
    out.put("epss", jdbc.sql("select count(*) from vuln_epss").query(Integer.class).single());
    out.put(
        "nvd",
        jdbc.sql("select count(*) from vuln_advisory where source = 'nvd'")
            .query(Integer.class)
            .single());
    out.put(
        "jvn",
        jdbc.sql("select count(distinct advisory_id) from vuln_advisory where source = 'jvn'")
            .query(Integer.class)
            .single());
    out.put(
        "kevVersion",
        // the catalogue of the last import that kept entries: one whose entries were all refused
        // (or a file without a catalogVersion) changed nothing and does not name the catalogue
        jdbc.sql(
                "select version from vuln_import where source = 'kev' and kept > 0"
                    + " and version is not null order by id desc limit 1")
            .query(String.class)
            .optional()
            .orElse("-"));
    return out;
  }
}
