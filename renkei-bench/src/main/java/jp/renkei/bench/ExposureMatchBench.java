package jp.renkei.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.renkei.engine.exposure.CveReader;
import jp.renkei.engine.exposure.CveRecord;
import jp.renkei.engine.exposure.Finding;
import jp.renkei.engine.exposure.KevEntry;
import jp.renkei.engine.exposure.KevReader;
import jp.renkei.engine.exposure.Knowledge;
import jp.renkei.engine.exposure.ProductId;
import jp.renkei.engine.exposure.ServiceAsset;

/**
 * Issue 16's scale case in one process: 250,000 CVE JSON 5 records (synthetic, real-shaped: 5,000
 * vendors, 60,000 products, one to three ranges each, dotted and vendor-scheme versions) read with
 * {@code CveReader}, the real KEV catalogue, and 100,000 services with CPEs matched against them;
 * then one new KEV entry re-evaluated against all services. Baseline in the same run: the obvious
 * way without the index (every service against every record), timed on a sample of services and
 * given per service.
 *
 * <p>Run: {@code java -cp renkei-bench/target/benchmarks.jar jp.renkei.bench.ExposureMatchBench
 * ../shared/data/vuln/cisa-kev/known_exploited_vulnerabilities.json}
 */
public final class ExposureMatchBench {

  static final int RECORDS = 250_000;
  static final int SERVICES = 100_000;
  static final int VENDORS = 5_000;
  static final int PRODUCTS = 60_000;

  private ExposureMatchBench() {}

  static String version(Random r) {
    return r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(60);
  }

  public static void main(String[] args) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Random r = new Random(20261130);
    StringBuilder json = new StringBuilder(RECORDS * 600);
    for (int i = 0; i < RECORDS; i++) {
      int p = r.nextInt(PRODUCTS);
      String vendor = "vendor" + (p % VENDORS);
      String product = "product" + p;
      json.append(
              "{\"dataType\":\"CVE_RECORD\",\"dataVersion\":\"5.1\",\"cveMetadata\":{\"cveId\":\"CVE-2030-")
          .append(100000 + i)
          .append(
              "\",\"state\":\"PUBLISHED\"},\"containers\":{\"cna\":{\"title\":\"Synthetic vulnerability ")
          .append(i)
          .append("\",\"affected\":[{\"vendor\":\"")
          .append(vendor)
          .append("\",\"product\":\"")
          .append(product)
          .append("\",\"cpes\":[\"cpe:2.3:a:")
          .append(vendor)
          .append(':')
          .append(product)
          .append(":*:*:*:*:*:*:*:*\"],\"defaultStatus\":\"unaffected\",\"versions\":[");
      int ranges = 1 + r.nextInt(3);
      for (int k = 0; k < ranges; k++) {
        if (k > 0) {
          json.append(',');
        }
        String from = version(r);
        json.append("{\"version\":\"")
            .append(from)
            .append("\",\"lessThan\":\"")
            .append(from.substring(0, from.lastIndexOf('.') + 1))
            .append(99)
            .append("\",\"versionType\":\"custom\",\"status\":\"affected\"}");
      }
      json.append(
          "]}],\"metrics\":[{\"cvssV3_1\":{\"vectorString\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}}]}}}\n");
    }
    byte[] records = json.toString().getBytes(StandardCharsets.UTF_8);
    List<KevEntry> kev;
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      kev = KevReader.read(in).entries();
    }
    List<ServiceAsset> services = new ArrayList<>(SERVICES);
    for (int i = 0; i < SERVICES; i++) {
      int p = r.nextInt(PRODUCTS * 2); // half of them run products no record names
      String cpe =
          "cpe:2.3:a:vendor" + (p % VENDORS) + ":product" + p + ":" + version(r) + ":*:*:*:*:*:*:*";
      services.add(new ServiceAsset(i, ProductId.of(cpe, null, null), "high", i % 2 == 0));
    }

    long t0 = cpu.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    CveReader.Result parsed = CveReader.read(new ByteArrayInputStream(records));
    long t1 = cpu.getCurrentThreadCpuTime();
    Knowledge k = new Knowledge(parsed.records(), kev);
    long t2 = cpu.getCurrentThreadCpuTime();
    long findings = 0;
    long affected = 0;
    for (ServiceAsset s : services) {
      for (Finding f : k.match(s)) {
        findings++;
        if (f.status().equals("affected")) {
          affected++;
        }
      }
    }
    long t3 = cpu.getCurrentThreadCpuTime();
    long w3 = System.nanoTime();

    // one new KEV entry, re-evaluated against every service (the knowledge of that entry alone)
    KevEntry added =
        new KevEntry(
            "CVE-2030-999999",
            "vendor7",
            "product7",
            "new",
            java.time.LocalDate.now(),
            null,
            "",
            "",
            "Unknown",
            "",
            List.of());
    long t4 = cpu.getCurrentThreadCpuTime();
    Knowledge one = new Knowledge(List.of(), List.of(added));
    long hits = 0;
    for (ServiceAsset s : services) {
      hits += one.match(s).size();
    }
    long t5 = cpu.getCurrentThreadCpuTime();

    // baseline: every service against every record, on a sample
    int sample = 100;
    List<CveRecord> all = parsed.records();
    long t6 = cpu.getCurrentThreadCpuTime();
    long naive = 0;
    for (int i = 0; i < sample; i++) {
      ServiceAsset s = services.get(i);
      for (CveRecord rec : all) {
        Knowledge single = null;
        for (CveRecord.Affected a : rec.affected()) {
          if (a.product().equals(s.product().cpe().getProduct())
              && a.vendor().equals(s.product().cpe().getVendor())) {
            single = new Knowledge(List.of(rec), List.of());
          }
        }
        if (single != null) {
          naive += single.match(s).size();
        }
      }
    }
    long t7 = cpu.getCurrentThreadCpuTime();

    double perIndexed = (t3 - t2) / 1e3 / SERVICES;
    double perNaive = (t7 - t6) / 1e3 / sample;
    System.out.printf(
        "records %d (refused %d), KEV %d, services %d%n"
            + "read records: %.1f s CPU; build index: %.1f s CPU; match all: %.1f s CPU"
            + " (%d findings, %d affected); whole: %.1f s CPU, %.1f s wall%n"
            + "new KEV entry against all services: %.3f s CPU (%d possible findings)%n"
            + "per service: indexed %.1f µs, baseline (every record) %.0f µs on %d services"
            + " (%d findings) = %.0f× ; baseline for all services would take ~%.0f s%n",
        all.size(),
        parsed.rejected().size(),
        kev.size(),
        SERVICES,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        findings,
        affected,
        (t3 - t0) / 1e9,
        (w3 - w0) / 1e9,
        (t5 - t4) / 1e9,
        hits,
        perIndexed,
        perNaive,
        sample,
        naive,
        perNaive / perIndexed,
        perNaive * SERVICES / 1e6);
  }
}
