package jp.renkei.engine.exposure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import us.springett.parsers.cpe.Cpe;
import us.springett.parsers.cpe.CpeParser;
import us.springett.parsers.cpe.exceptions.CpeParsingException;
import us.springett.parsers.cpe.util.Relation;

/**
 * Vulnerability knowledge indexed for matching inventories: CVE JSON 5 records (products with
 * version ranges) and KEV entries (exploited, product named but no versions). Built once, then read
 * by many threads. Matching a service looks up only the candidates with its product key, so 100,000
 * services against a quarter of a million records stay cheap.
 *
 * <p>How a product matches, strongest first: a CPE of the record ({@code affected[].cpes}) that is
 * not disjoint from the service's CPE in part, vendor, product and targets (cpe-parser's
 * relations); a package ({@code collectionURL} + {@code packageName}) equal to the service's purl;
 * the vendor and product names, normalised ({@link ProductId#norm}), the vendor's first word
 * dropped from the product ({@code Apache HTTP Server} by {@code Apache Software Foundation} is
 * {@code http_server} of {@code apache}). A name match is weaker evidence and says so.
 */
public final class Knowledge {

  private record Candidate(
      String cveId, String kind, CveRecord.Affected affected, Cpe cpe, String label) {}

  /** Candidates from the CVE records (shared by {@link #withKev} copies, never changed after). */
  private final Map<String, List<Candidate>> byKey;

  /** The ids of the published records indexed in {@link #byKey}. */
  private final Set<String> recordIds;

  /** Candidates of KEV entries without a record (matched by name). */
  private final Map<String, List<Candidate>> kevByKey = new HashMap<>();

  private final Map<String, KevEntry> kev = new HashMap<>();

  public Knowledge(Collection<CveRecord> records, Collection<KevEntry> kevEntries) {
    Map<String, CveRecord> cves = new LinkedHashMap<>();
    for (CveRecord r : records) {
      if (r.state().equals("PUBLISHED")) {
        cves.put(r.cveId(), r);
      }
    }
    this.byKey = new HashMap<>();
    this.recordIds = Set.copyOf(cves.keySet());
    for (CveRecord r : cves.values()) {
      for (CveRecord.Affected a : r.affected()) {
        index(r.cveId(), a);
      }
    }
    indexKev(kevEntries);
  }

  private Knowledge(Knowledge records, Collection<KevEntry> kevEntries) {
    this.byKey = records.byKey;
    this.recordIds = records.recordIds;
    indexKev(kevEntries);
  }

  private void indexKev(Collection<KevEntry> kevEntries) {
    for (KevEntry k : kevEntries) {
      kev.put(k.cveId(), k);
    }
    for (KevEntry k : kevEntries) {
      if (!recordIds.contains(k.cveId())) {
        kevByKey
            .computeIfAbsent(nameKey(k.vendorProject(), k.product()), x -> new ArrayList<>(2))
            .add(
                new Candidate(
                    k.cveId(), "kev-name", null, null, k.vendorProject() + " " + k.product()));
      }
    }
  }

  /**
   * The same CVE records with another KEV catalogue: the records' index is shared, only the KEV
   * part is built again (a KEV import changes nothing else). Matches exactly as {@code new
   * Knowledge(sameRecords, kevEntries)} would.
   */
  public Knowledge withKev(Collection<KevEntry> kevEntries) {
    return new Knowledge(this, kevEntries);
  }

  /**
   * Every key a service can be looked up by in this knowledge (see {@link #lookupKeys}): a service
   * none of whose lookup keys is among them gets no finding from it.
   */
  public Set<String> keys() {
    Set<String> out = new TreeSet<>(byKey.keySet());
    out.addAll(kevByKey.keySet());
    return out;
  }

  /**
   * The keys {@link #match} looks a service up by: {@code cpe:<product>} and the name key of its
   * CPE, {@code purl:<type>:<package>} of its purl. Stored with each service so that the services a
   * few new entries can affect are selected by an index (their {@link #keys} meet).
   */
  public static List<String> lookupKeys(ProductId id) {
    List<String> out = new ArrayList<>(3);
    if (id.cpe() != null) {
      out.add("cpe:" + id.product());
    }
    if (id.purl() != null) {
      out.add("purl:" + id.purl().getType() + ":" + id.packageName());
    }
    if (id.cpe() != null) {
      out.add(nameKey(id.cpe().getVendor(), id.cpe().getProduct()));
    }
    return out;
  }

  /**
   * {@link #lookupKeys} of an inventory row's CPE, purl and version; none when they do not parse
   * (such a service matches nothing).
   */
  public static List<String> lookupKeys(String cpe23, String purl, String version) {
    try {
      return lookupKeys(ProductId.of(cpe23, purl, version));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private List<Candidate> candidates(String key) {
    List<Candidate> fromRecords = byKey.get(key);
    List<Candidate> fromKev = kevByKey.get(key);
    if (fromKev == null) {
      return fromRecords == null ? List.of() : fromRecords;
    }
    if (fromRecords == null) {
      return fromKev;
    }
    List<Candidate> both = new ArrayList<>(fromRecords.size() + fromKev.size());
    both.addAll(fromRecords);
    both.addAll(fromKev);
    return both;
  }

  private void index(String cveId, CveRecord.Affected a) {
    boolean keyed = false;
    for (String s : a.cpes()) {
      try {
        Cpe c = CpeParser.parse(s);
        add("cpe:" + ProductId.norm(c.getProduct()), new Candidate(cveId, "cpe", a, c, s));
        keyed = true;
      } catch (CpeParsingException | RuntimeException e) {
        // a CPE the CNA mistyped: the names below still match
      }
    }
    String type = ProductId.purlType(a.collectionUrl());
    if (type != null && a.packageName() != null) {
      add(
          "purl:" + type + ":" + a.packageName(),
          new Candidate(cveId, "purl", a, null, a.collectionUrl() + " " + a.packageName()));
      keyed = true;
    }
    if (!keyed && a.vendor() != null && a.product() != null) {
      add(
          nameKey(a.vendor(), a.product()),
          new Candidate(cveId, "name", a, null, a.vendor() + " " + a.product()));
    }
  }

  private void add(String key, Candidate c) {
    byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(c);
  }

  /** The name key of a vendor and product: {@code name:<product without the vendor's word>}. */
  static String nameKey(String vendor, String product) {
    String p = ProductId.norm(product);
    String first = firstWord(ProductId.norm(vendor));
    if (first != null && p.startsWith(first + "_")) {
      p = p.substring(first.length() + 1);
    }
    return "name:" + p;
  }

  private static String firstWord(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    int u = s.indexOf('_');
    return u < 0 ? s : s.substring(0, u);
  }

  private static boolean vendorsMeet(String a, String b) {
    if (a == null || b == null) {
      return true;
    }
    String na = ProductId.norm(a);
    String nb = ProductId.norm(b);
    // CPE writes a vendor as one word (paloaltonetworks, trendmicro) that KEV spells out
    return na.equals(nb)
        || firstWord(na).equals(firstWord(nb))
        || na.replace("_", "").equals(nb.replace("_", ""));
  }

  public KevEntry kev(String cveId) {
    return kev.get(cveId);
  }

  /** Findings for one service: at most one per CVE, the strongest evidence kept. */
  public List<Finding> match(ServiceAsset service) {
    ProductId id = service.product();
    Map<String, Finding> out = new LinkedHashMap<>();
    if (id.cpe() != null) {
      for (Candidate c : candidates("cpe:" + id.product())) {
        if (cpeMeets(c.cpe(), id.cpe())) {
          consider(out, service, c, Evidence.of("cpe-match", id.cpe().toCpe23FS(), c.label()));
        }
      }
    }
    if (id.purl() != null) {
      String key = "purl:" + id.purl().getType() + ":" + id.packageName();
      for (Candidate c : candidates(key)) {
        consider(out, service, c, Evidence.of("purl-match", id.purl().canonicalize(), c.label()));
      }
    }
    if (id.cpe() != null) {
      String key = nameKey(id.cpe().getVendor(), id.cpe().getProduct());
      for (Candidate c : candidates(key)) {
        String vendor = c.affected() != null ? c.affected().vendor() : kevVendor(c.cveId());
        if (vendorsMeet(vendor, id.cpe().getVendor())) {
          consider(out, service, c, Evidence.of("name-match", c.label(), id.cpe().toCpe23FS()));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private String kevVendor(String cveId) {
    KevEntry k = kev.get(cveId);
    return k == null ? null : k.vendorProject();
  }

  private static boolean cpeMeets(Cpe rule, Cpe asset) {
    return Cpe.compareAttribute(rule.getPart(), asset.getPart()) != Relation.DISJOINT
        && Cpe.compareAttribute(rule.getVendor(), asset.getVendor()) != Relation.DISJOINT
        && Cpe.compareAttribute(rule.getProduct(), asset.getProduct()) != Relation.DISJOINT
        && Cpe.compareAttribute(rule.getTargetSw(), asset.getTargetSw()) != Relation.DISJOINT
        && Cpe.compareAttribute(rule.getTargetHw(), asset.getTargetHw()) != Relation.DISJOINT;
  }

  private void consider(Map<String, Finding> out, ServiceAsset service, Candidate c, Evidence how) {
    Finding prior = out.get(c.cveId());
    if (prior != null && prior.status().equals("affected")) {
      return;
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(how);
    String status = verdict(service.product(), c, evidence);
    if (status == null) {
      return;
    }
    KevEntry k = kev.get(c.cveId());
    if (k != null) {
      evidence.add(
          Evidence.of(
              "kev", k.dateAdded().toString(), k.dueDate() == null ? "-" : k.dueDate().toString()));
    }
    if (prior == null || status.equals("affected")) {
      out.put(c.cveId(), new Finding(service.id(), c.cveId(), status, k, evidence));
    }
  }

  /** affected, possible, or null (not affected). */
  private static String verdict(ProductId id, Candidate c, List<Evidence> evidence) {
    if (c.affected() == null) {
      evidence.add(Evidence.of("no-ranges"));
      return "possible";
    }
    CveRecord.Affected a = c.affected();
    if (a.versions().isEmpty()) {
      if (c.cpe() != null && ProductId.specific(c.cpe().getVersion())) {
        VersionOrder o = Versions.compare(id.version(), c.cpe().getVersion(), null);
        if (o.undecidable()) {
          evidence.add(new Evidence(o.reason(), o.args()));
          return "possible";
        }
        if (o.sign() == 0) {
          evidence.add(Evidence.of("exact", id.version(), "v = " + c.cpe().getVersion()));
          return "affected";
        }
        return null;
      }
      if ("affected".equals(a.defaultStatus())) {
        evidence.add(Evidence.of("default-status", String.valueOf(id.version()), "affected"));
        return "affected";
      }
      if ("unaffected".equals(a.defaultStatus())) {
        return null;
      }
      evidence.add(Evidence.of("no-ranges"));
      return "possible";
    }
    RangeVerdict v = Ranges.evaluate(a, id.version());
    evidence.add(new Evidence(v.reason(), v.args()));
    if (v.affected()) {
      return "affected";
    }
    return v.unknown() ? "possible" : null;
  }
}
