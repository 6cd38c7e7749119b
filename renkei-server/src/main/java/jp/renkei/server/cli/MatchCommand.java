package jp.renkei.server.cli;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import jp.renkei.engine.match.DnsLogMatcher;
import jp.renkei.engine.match.FieldMatcher;
import jp.renkei.engine.match.Hit;
import jp.renkei.engine.match.IndexSnapshot;
import jp.renkei.engine.match.Indicator;
import jp.renkei.engine.match.IndicatorIndex;
import jp.renkei.engine.match.IndicatorLists;
import jp.renkei.engine.match.JsonLinesMatcher;
import jp.renkei.engine.match.LogMatcher;
import jp.renkei.engine.match.MatchStats;
import jp.renkei.engine.match.MatchSummary;
import jp.renkei.engine.match.SplitMatch;
import jp.renkei.engine.match.SquidMatcher;
import jp.renkei.engine.match.ZeekMatcher;
import jp.renkei.engine.stix.StixIndicators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Matches indicators against proxy logs on the operator's own machine; nothing leaves it. Runs the
 * engine only (no Spring, no database).
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Match indicators against proxy (Squid), DNS (BIND, dnsmasq, Unbound), Zeek and JSON logs"
          + " locally; nothing is sent anywhere.",
      "Hits go to stdout (JSON lines or CSV); the summary per indicator and per internal host,",
      "and the run's figures, go to stderr. Several log files are matched in parallel."
    })
final class MatchCommand implements Callable<Integer> {

  @Option(
      names = {"-i", "--indicators"},
      paramLabel = "FILE",
      description =
          "Indicators: a list, one per line (value, 'type value' or 'type,value[,id]'), in UTF-8,"
              + " or a STIX 2.1 bundle (.json); repeatable. A list file over 1 GiB is read line"
              + " by line as text, more slowly (smaller ones are read whole, as bytes).")
  List<Path> indicatorFiles;

  @Option(
      names = "--taxii",
      paramLabel = "API_ROOT",
      description =
          "Read indicators from a TAXII 2.1 collection too (the hub's, e.g."
              + " https://hub.example.jp/taxii2/api/), with --collection. The token comes from the"
              + " environment variable RENKEI_TAXII_TOKEN (as Bearer, or as the password of"
              + " --taxii-user).")
  String taxiiRoot;

  @Option(names = "--collection", paramLabel = "ID", description = "The TAXII collection id.")
  String taxiiCollection;

  @Option(
      names = "--taxii-user",
      paramLabel = "LOGIN",
      description = "Send the token as HTTP Basic password of this user instead of as Bearer.")
  String taxiiUser;

  @Option(
      names = "--taxii-cache",
      paramLabel = "DIR",
      description =
          "Keep the collection's pages in DIR and fetch only what was added since the last run"
              + " (TAXII added_after); the newest version of each indicator decides.")
  Path taxiiCache;

  @Option(
      names = "--report-sightings",
      paramLabel = "COLLECTION_ID",
      description =
          "After matching, post one STIX sighting per hit STIX indicator (count, first and last"
              + " seen; never log lines or internal hosts) to this collection of the --taxii hub.")
  String sightingsCollection;

  @Option(
      names = "--sighting-identity",
      paramLabel = "NAME",
      description =
          "Name the organisation that saw them in the sightings; without it they are anonymous"
              + " (the hub still knows the token's organisation).")
  String sightingIdentity;

  @Option(
      names = "--sighting-tlp",
      defaultValue = "amber+strict",
      description =
          "TLP of the sightings: clear, green, amber, amber+strict, red (default: ${DEFAULT-VALUE}).")
  String sightingTlp;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "Hit output: jsonl, csv or none (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--log-format",
      defaultValue = "auto",
      description =
          "squid, dns (BIND, dnsmasq, Unbound query logs), zeek (TSV), json (JSON lines, see"
              + " --fields), csv (with a header line, through --fields) or auto: decided per file"
              + " from its first line (default: ${DEFAULT-VALUE}).")
  String logFormat;

  @Option(
      names = "--fields",
      description =
          "For json logs: which fields to check, as role=field,... with roles host, url (both"
              + " repeatable), client and time. Default: Zeek's JSON (host, query, server_name,"
              + " id.resp_h; client id.orig_h; time ts).")
  String fields;

  @Option(
      names = "--follow",
      description =
          "Keep reading the log files as they grow, like tail -F (rotation followed); print each hit"
              + " at once; Ctrl+C ends and prints the summary.")
  boolean follow;

  @Option(
      names = "--taxii-refresh",
      paramLabel = "SECONDS",
      description =
          "With --follow and --taxii: fetch what the collection gained every SECONDS seconds"
              + " (default 900; 0: never) and match with the refreshed indicators from then on.")
  int taxiiRefresh = 900;

  @Option(
      names = "--index-snapshot",
      defaultValue = "auto",
      description =
          "auto: when the indicators come only from lists (-i, not STIX .json, no --taxii), keep a"
              + " checked snapshot of the built index beside the first list (LIST.renkei-index)"
              + " and load it on the next run if the lists are unchanged; off: never"
              + " (default: ${DEFAULT-VALUE}).")
  String indexSnapshot;

  @Option(
      names = "--threads",
      description =
          "Matching threads (default: the number of cores): several files are matched at once,"
              + " and a Squid, DNS or Zeek file is cut into blocks matched side by side when"
              + " there are more threads than files; the hits come out in the order of one"
              + " thread.")
  Integer threads;

  @Parameters(
      paramLabel = "LOG",
      arity = "1..*",
      description =
          "Log files (.gz read as gzip), read up to the size they had when the run started"
              + " (with --follow, as they grow); '-' for stdin.")
  List<String> logs;

  /** The json field mapping of this run. */
  private FieldMatcher.Fields jsonFields = FieldMatcher.Fields.ZEEK;

  /** Without --taxii-cache: the collection's pages read so far and the cursor after them. */
  private List<byte[]> keptPages = List.of();

  private String keptCursor;

  /** CPU time the matching threads spent (the figure that holds on a busy machine). */
  private final java.util.concurrent.atomic.AtomicLong matchCpuNanos =
      new java.util.concurrent.atomic.AtomicLong();

  private static long cpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Set while following, read by {@link #open}. */
  private boolean following;

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } finally {
      snapshotWritten(); // the snapshot is written while the logs are matched, and never cut off
    }
  }

  private int run() throws Exception {
    following = follow;
    if (!List.of("auto", "squid", "dns", "zeek", "json", "csv").contains(logFormat)) {
      System.err.println(
          "renkei: --log-format must be auto, squid, dns, zeek, json or csv, not " + logFormat);
      return 2;
    }
    FieldMatcher.Fields mapping = FieldMatcher.Fields.ZEEK;
    if (fields != null) {
      try {
        mapping = FieldMatcher.Fields.parse(fields);
      } catch (IllegalArgumentException e) {
        System.err.println("renkei: --fields: " + e.getMessage());
        return 2;
      }
    }
    jsonFields = mapping;
    if (!List.of("auto", "off").contains(indexSnapshot)) {
      System.err.println("renkei: --index-snapshot must be auto or off, not " + indexSnapshot);
      return 2;
    }
    if (!List.of("jsonl", "csv", "none").contains(format)) {
      System.err.println("renkei: --format must be jsonl, csv or none, not " + format);
      return 2;
    }
    if ((indicatorFiles == null || indicatorFiles.isEmpty()) && taxiiRoot == null) {
      System.err.println(
          "renkei: give indicators with -i FILE or --taxii API_ROOT --collection ID");
      return 2;
    }
    if (taxiiRoot != null && taxiiCollection == null) {
      System.err.println("renkei: --taxii needs --collection");
      return 2;
    }
    if (sightingsCollection != null && taxiiRoot == null) {
      System.err.println("renkei: --report-sightings needs --taxii (the hub to report to)");
      return 2;
    }
    jp.renkei.engine.policy.Tlp sightingMarking;
    try {
      sightingMarking =
          jp.renkei.engine.policy.Tlp.valueOf(
              sightingTlp.toUpperCase(java.util.Locale.ROOT).replace('+', '_'));
    } catch (IllegalArgumentException e) {
      System.err.println("renkei: --sighting-tlp must be clear, green, amber, amber+strict or red");
      return 2;
    }
    IndicatorIndex first = loadIndex();
    if (first == null) {
      return 1;
    }
    java.util.concurrent.atomic.AtomicReference<IndicatorIndex> current =
        new java.util.concurrent.atomic.AtomicReference<>(first);
    List<LogMatcher> matchers = new java.util.concurrent.CopyOnWriteArrayList<>();

    MatchSummary summary = new MatchSummary();
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    if (format.equals("csv")) {
      out.write("line,time,client,field,indicator_id,type,value,file\n");
    }
    long t1 = System.nanoTime();
    // a followed file is read for ever: each needs its own thread
    int cores = Math.max(1, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    int workers = following ? logs.size() : Math.min(logs.size(), cores);
    // threads left over when there are fewer files than threads match blocks of each file
    int perFile = following ? 1 : Math.max(1, cores / logs.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    ExecutorService blockPool =
        perFile > 1
            ? Executors.newFixedThreadPool(
                workers * perFile,
                r -> {
                  Thread t = new Thread(r, "renkei-match-block");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    java.util.concurrent.Executor blocks =
        blockPool == null
            ? null
            : task ->
                blockPool.execute(
                    () -> {
                      long c0 = cpuNanos();
                      try {
                        task.run();
                      } finally {
                        matchCpuNanos.addAndGet(cpuNanos() - c0);
                      }
                    });
    List<Future<MatchStats>> runs = new ArrayList<>();
    for (String log : logs) {
      runs.add(
          pool.submit(
              () -> {
                try (BufferedInputStream in = open(log)) {
                  String format =
                      logFormat.equals("auto")
                          ? (log.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                              ? "csv"
                              : detect(in))
                          : logFormat;
                  LogMatcher m = matcher(format, current.get());
                  matchers.add(m);
                  // a hit is resolved against the index it was found with (it may be replaced)
                  Consumer<Hit> sink =
                      hit -> {
                        Indicator i = m.index().indicator(hit.indicator());
                        synchronized (summary) {
                          summary.add(hit, i);
                          write(out, hit, i, log);
                          if (following) {
                            flush(out);
                          }
                        }
                      };
                  long cpu0 = cpuNanos();
                  try {
                    if (blocks != null) {
                      List<LogMatcher> split = new ArrayList<>(List.of(m));
                      while (split.size() < perFile) {
                        split.add(matcher(format, m.index()));
                      }
                      return SplitMatch.match(in, sink, split, blocks);
                    }
                    return m.match(in, sink);
                  } finally {
                    matchCpuNanos.addAndGet(cpuNanos() - cpu0);
                  }
                }
              }));
    }
    pool.shutdown();
    if (following && taxiiRoot != null && taxiiRefresh > 0) {
      refreshEvery(taxiiRefresh, current, matchers);
    }
    if (following) {
      // the runs never end on their own: Ctrl+C ends the process, and this prints what was found
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    synchronized (summary) {
                      flush(out);
                      printSummary(System.err, summary);
                    }
                  }));
    }
    long lines = 0;
    long bytes = 0;
    long hits = 0;
    for (int k = 0; k < runs.size(); k++) {
      MatchStats s = runs.get(k).get();
      lines += s.lines();
      bytes += s.bytes();
      hits += s.hits();
      if (s.badLines() > 0) {
        System.err.printf(
            "log: %s: %d bad lines (first at lines %s)%n",
            logs.get(k), s.badLines(), s.firstBadLines());
      }
    }
    if (blockPool != null) {
      blockPool.shutdown();
    }
    out.flush();
    double secs = (System.nanoTime() - t1) / 1e9;
    PrintStream err = System.err;
    double cpuSecs = matchCpuNanos.get() / 1e9;
    err.printf(
        "matched: %d lines (%.1f MB) in %.2f s = %.0f lines/s on %d thread(s); %d hits;"
            + " %.2f s of CPU = %.0f lines per CPU-second%n",
        lines,
        bytes / 1e6,
        secs,
        lines / Math.max(secs, 1e-9),
        workers * perFile,
        hits,
        cpuSecs,
        lines / Math.max(cpuSecs, 1e-9));
    if (hits > 0) {
      printSummary(err, summary);
    }
    if (sightingsCollection != null) {
      return reportSightings(err, summary, sightingMarking);
    }
    return 0;
  }

  /**
   * While following: every {@code seconds}, fetches what the hub's collection gained (only the new
   * pages: they are kept in memory, or in --taxii-cache) and matches with the new index from the
   * next block of each log on. A failed refresh is said and matching goes on with what it has.
   */
  private void refreshEvery(
      int seconds,
      java.util.concurrent.atomic.AtomicReference<IndicatorIndex> current,
      List<LogMatcher> matchers) {
    java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "renkei-refresh");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            IndicatorIndex fresh = loadIndex();
            if (fresh == null) {
              System.err.println(
                  "renkei: refresh failed; matching goes on with the old indicators");
              return;
            }
            current.set(fresh);
            matchers.forEach(m -> m.replaceIndex(fresh));
          } catch (IOException | RuntimeException e) {
            System.err.println(
                "renkei: refresh failed ("
                    + Terminal.printable(e.getMessage())
                    + "); matching goes on with the old indicators");
          }
        },
        seconds,
        seconds,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * The indicators of this run, from the hub (--taxii) and the files (-i), as one index; null (said
   * why) if they cannot be read.
   */
  private IndicatorIndex loadIndex() throws IOException {
    long t0 = System.nanoTime();
    List<Path> files = indicatorFiles == null ? List.<Path>of() : indicatorFiles;
    Path snapshot = null;
    long fingerprint = 0;
    if (indexSnapshot.equals("auto")
        && taxiiRoot == null
        && !files.isEmpty()
        && files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".json"))) {
      snapshot = files.get(0).resolveSibling(files.get(0).getFileName() + ".renkei-index");
      fingerprint = IndexSnapshot.fingerprint(files);
      IndexSnapshot.Result r = IndexSnapshot.read(snapshot, fingerprint);
      if (r.index() != null) {
        for (int k = 0; k < files.size(); k++) {
          printLoaded(files.get(k), r.lists().get(k));
        }
        printIndex(r.index(), t0, "from the snapshot " + snapshot);
        return r.index();
      }
      System.err.printf(
          "index snapshot: %s not used (%s); building from the lists%n", snapshot, r.problem());
    }
    long listBytes = 0;
    for (Path f : files) {
      listBytes += Files.size(f);
    }
    IndicatorIndex.Builder builder =
        IndicatorIndex.builder((int) Math.min(1 << 24, Math.max(1 << 16, listBytes / 24)));
    if (taxiiRoot != null && !readTaxii(builder)) {
      return null;
    }
    List<IndicatorLists.Loaded> lists = new ArrayList<>();
    for (Path f : files) {
      if (f.getFileName().toString().endsWith(".json")) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
          StixIndicators.Loaded loaded = StixIndicators.read(in, builder, java.time.Instant.now());
          System.err.printf(
              "indicators: %s: STIX, %d objects, %d indicators, %d used, %d expired or revoked,"
                  + " %d not usable for log matching%n",
              f,
              loaded.objects(),
              loaded.indicators(),
              loaded.used(),
              loaded.expiredOrRevoked(),
              loaded.unsupported().size());
          for (StixIndicators.Skipped x : loaded.unsupported()) {
            System.err.printf(
                "  %s %s: %s%n", f, Terminal.printable(x.id()), Terminal.printable(x.reason()));
          }
        } catch (IllegalArgumentException e) {
          System.err.println("renkei: " + f + ": " + Terminal.printable(e.getMessage()));
          return null;
        }
        continue;
      }
      IndicatorLists.Loaded loaded = IndicatorLists.read(f, f.getFileName().toString(), builder);
      lists.add(loaded);
      printLoaded(f, loaded);
    }
    IndicatorIndex index = builder.build();
    printIndex(index, t0, "from scratch");
    if (snapshot != null) {
      writeSnapshot(snapshot, fingerprint, index, lists);
    }
    return index;
  }

  /** The thread writing the index snapshot while the logs are matched; null when none is. */
  private Thread snapshotWriter;

  /**
   * Writes the snapshot for the next run on a thread of its own while this run matches (the file
   * appears whole, by a rename, or not at all); {@link #snapshotWritten} waits for it before the
   * process ends.
   */
  private void writeSnapshot(
      Path snapshot, long fingerprint, IndicatorIndex index, List<IndicatorLists.Loaded> lists) {
    Thread t =
        new Thread(
            () -> {
              try {
                IndexSnapshot.write(snapshot, fingerprint, index, lists);
                System.err.printf("index snapshot: written to %s for the next run%n", snapshot);
              } catch (IOException | RuntimeException e) {
                System.err.printf(
                    "index snapshot: could not write %s (%s); matching goes on%n", snapshot, e);
              }
            },
            "renkei-index-snapshot-writer");
    t.setDaemon(true); // a followed log never ends: the write ends on its own
    t.start();
    snapshotWriter = t;
  }

  /** Waits until the snapshot being written (if any) is in place or has failed. */
  private void snapshotWritten() {
    Thread t = snapshotWriter;
    if (t == null) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void printLoaded(Path f, IndicatorLists.Loaded loaded) {
    System.err.printf(
        "indicators: %s: %d lines, %d accepted, %d rejected%n",
        f, loaded.lines(), loaded.added(), loaded.rejected());
    for (IndicatorLists.Rejected x : loaded.firstRejected()) {
      System.err.printf(
          "  %s line %d: %s (%s)%n",
          f, x.line(), Terminal.printable(x.reason()), Terminal.printable(x.text()));
    }
  }

  private static void printIndex(IndicatorIndex index, long t0, String how) {
    System.err.printf(
        "index: %d indicators in %.2f s (%s), about %d bytes of index per indicator%n",
        index.size(),
        (System.nanoTime() - t0) / 1e9,
        how,
        index.size() == 0 ? 0 : index.indexBytes() / index.size());
  }

  private jp.renkei.server.intel.TaxiiClient client(String collection) {
    String token = System.getenv("RENKEI_TAXII_TOKEN");
    jp.renkei.server.intel.TaxiiClient.Auth auth =
        token == null
            ? jp.renkei.server.intel.TaxiiClient.Auth.NONE
            : new jp.renkei.server.intel.TaxiiClient.Auth(
                taxiiUser == null ? "bearer" : "basic", taxiiUser, token);
    return jp.renkei.server.intel.TaxiiClient.forCommandLine(taxiiRoot, collection, auth);
  }

  /**
   * Reads the TAXII collection into the index: every page, or with --taxii-cache the cached pages
   * plus only the pages added since the cached cursor. Pages are read newest first, so the newest
   * version of each indicator decides. False (said why) on failure.
   */
  private boolean readTaxii(IndicatorIndex.Builder builder) throws IOException {
    jp.renkei.server.intel.TaxiiClient client = client(taxiiCollection);
    Path dir =
        taxiiCache == null
            ? null
            : taxiiCache.resolve(taxiiCollection.replaceAll("[^A-Za-z0-9-]", "_"));
    String cursor = keptCursor;
    List<byte[]> pages = new ArrayList<>(keptPages);
    int cached = pages.size();
    if (dir != null) {
      cursor = null;
      pages.clear();
      cached = 0;
      Files.createDirectories(dir);
      ownerOnly(dir, "rwx------");
      Path c = dir.resolve("cursor");
      if (Files.exists(c)) {
        ownerOnly(c, "rw-------");
      }
      cursor = Files.exists(c) ? Files.readString(c).strip() : null;
      try (var s = Files.list(dir)) {
        for (Path f :
            s.filter(x -> x.getFileName().toString().startsWith("page-")).sorted().toList()) {
          ownerOnly(f, "rw-------");
          pages.add(Files.readAllBytes(f));
          cached++;
        }
      }
    }
    String next = null;
    int fetched = 0;
    try {
      do {
        jp.renkei.server.intel.TaxiiClient.Page page = client.objects(cursor, next);
        next = page.next();
        // the cursor sits just before the last object seen, so that object comes again: a page
        // with nothing but what the previous page held is not new
        java.util.Set<String> versions = versions(page.body());
        boolean nothingNew =
            versions.isEmpty()
                || (!pages.isEmpty()
                    && versions(pages.get(pages.size() - 1)).containsAll(versions));
        if (!nothingNew) {
          pages.add(page.body());
          fetched++;
          if (dir != null) {
            Path written = dir.resolve(String.format("page-%06d.json", cached + fetched));
            Files.write(written, page.body());
            ownerOnly(written, "rw-------");
          }
        }
        if (dir != null && page.resumeAfter() != null) {
          Path tmp = dir.resolve("cursor.tmp");
          Files.writeString(tmp, page.resumeAfter());
          ownerOnly(tmp, "rw-------");
          Files.move(tmp, dir.resolve("cursor"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (next == null) {
          cursor = page.resumeAfter();
        }
      } while (next != null);
    } catch (jp.renkei.server.intel.TaxiiClient.Failure | IllegalArgumentException e) {
      System.err.println("renkei: --taxii: " + Terminal.printable(e.getMessage()));
      if (cached == 0) {
        return false;
      }
      System.err.println("renkei: --taxii: matching with the " + cached + " cached page(s)");
    }
    if (dir == null) {
      // a refresh while following fetches only what was added since
      keptPages = pages;
      keptCursor = cursor;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    long objects = 0;
    long used = 0;
    long stale = 0;
    long unusable = 0;
    for (int i = pages.size() - 1; i >= 0; i--) {
      StixIndicators.Loaded loaded =
          StixIndicators.read(
              new java.io.ByteArrayInputStream(pages.get(i)),
              builder,
              java.time.Instant.now(),
              seen::add);
      objects += loaded.objects();
      used += loaded.used();
      stale += loaded.expiredOrRevoked();
      unusable += loaded.unsupported().size();
      for (StixIndicators.Skipped x : loaded.unsupported()) {
        System.err.printf("  %s: %s%n", Terminal.printable(x.id()), Terminal.printable(x.reason()));
      }
    }
    System.err.printf(
        "indicators: TAXII collection %s: %d pages (%d new, %d cached), %d objects, %d indicators"
            + " used, %d expired or revoked, %d not usable for log matching%n",
        taxiiCollection, pages.size(), fetched, cached, objects, used, stale, unusable);
    return true;
  }

  /**
   * Keeps the cache to the account running the command: its pages hold whatever the token may read
   * (AMBER+STRICT and RED indicators included), and a log server has other accounts. Where the file
   * system has no POSIX permissions, as it is.
   */
  private static void ownerOnly(Path p, String permissions) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          p, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
    }
  }

  /** The id and version of every object of an envelope. */
  private static java.util.Set<String> versions(byte[] envelope) {
    java.util.Set<String> out = new java.util.HashSet<>();
    jp.renkei.engine.stix.StixBundleReader.read(
        new java.io.ByteArrayInputStream(envelope),
        new jp.renkei.engine.stix.StixBundleReader.Sink() {
          @Override
          public void object(int index, long line, tools.jackson.databind.JsonNode o) {
            out.add(o.path("id").asString("") + "|" + o.path("modified").asString(""));
          }

          @Override
          public void rejected(int index, long line, String message) {}
        });
    return out;
  }

  private int reportSightings(
      PrintStream err, MatchSummary summary, jp.renkei.engine.policy.Tlp tlp) {
    java.time.Instant now = java.time.Instant.now();
    tools.jackson.databind.node.ObjectNode identity = null;
    if (sightingIdentity != null) {
      identity = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
      identity.put("type", "identity");
      identity.put("spec_version", "2.1");
      identity.put(
          "id",
          "identity--"
              + java.util.UUID.nameUUIDFromBytes(
                  ("renkei-sighting-identity:" + sightingIdentity)
                      .getBytes(StandardCharsets.UTF_8)));
      identity.put("created", jp.renkei.engine.stix.StixTime.format(now));
      identity.put("modified", jp.renkei.engine.stix.StixTime.format(now));
      identity.put("name", sightingIdentity);
      identity.put("identity_class", "organization");
    }
    var bundle =
        jp.renkei.engine.stix.StixSightings.bundle(summary.byIndicatorId(), identity, tlp, now);
    int sightings = 0;
    for (var o : bundle.path("objects")) {
      if ("sighting".equals(o.path("type").asString())) {
        sightings++;
      }
    }
    if (sightings == 0) {
      err.println("sightings: none to report (no STIX indicator hit)");
      return 0;
    }
    try {
      String status =
          client(sightingsCollection).add(bundle.toString().getBytes(StandardCharsets.UTF_8));
      err.printf(
          "sightings: %d reported to collection %s: %s%n", sightings, sightingsCollection, status);
      return 0;
    } catch (jp.renkei.server.intel.TaxiiClient.Failure e) {
      err.println("renkei: --report-sightings: " + Terminal.printable(e.getMessage()));
      return 1;
    }
  }

  private static void printSummary(PrintStream err, MatchSummary summary) {
    err.println("per indicator (hits, internal hosts, first, last):");
    summary
        .indicators()
        .forEach(
            r ->
                err.printf(
                    "  %-60s %8d %6d  %s  %s%n",
                    Terminal.printable(r.key()),
                    r.hits(),
                    r.distinct(),
                    Terminal.printable(r.firstSeen()),
                    Terminal.printable(r.lastSeen())));
    err.println("per internal host (hits, indicators, first, last):");
    summary
        .hosts()
        .forEach(
            r ->
                err.printf(
                    "  %-40s %8d %6d  %s  %s%n",
                    Terminal.printable(r.key()),
                    r.hits(),
                    r.distinct(),
                    Terminal.printable(r.firstSeen()),
                    Terminal.printable(r.lastSeen())));
  }

  private static void flush(Writer out) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Writer out, Hit h, Indicator i, String file) {
    try {
      if (format.equals("jsonl")) {
        out.write(
            "{\"line\":"
                + h.line()
                + ",\"time\":"
                + json(h.time())
                + ",\"client\":"
                + json(h.client())
                + ",\"field\":"
                + json(h.field())
                + ",\"indicator\":"
                + json(i.id())
                + ",\"type\":"
                + json(i.type())
                + ",\"value\":"
                + json(i.value())
                + ",\"file\":"
                + json(file)
                + "}\n");
      } else if (format.equals("csv")) {
        out.write(
            h.line()
                + ","
                + csv(h.time())
                + ","
                + csv(h.client())
                + ","
                + h.field()
                + ","
                + csv(i.id())
                + ","
                + i.type()
                + ","
                + csv(i.value())
                + ","
                + csv(file)
                + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedInputStream open(String log) throws IOException {
    // a regular file read whole is mapped (one copy of each byte instead of two; its size is
    // taken at the start); a followed file, a pipe or a device is read with read calls
    InputStream raw =
        log.equals("-")
            ? System.in
            : following
                ? new FollowingInputStream(Path.of(log))
                : Files.isRegularFile(Path.of(log))
                    ? new jp.renkei.engine.match.MappedFileInput(Path.of(log))
                    : Files.newInputStream(Path.of(log));
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b
        ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
        : in;
  }

  /** The format of a log from its first line: Zeek headers, DNS query lines, else Squid. */
  static String detect(BufferedInputStream in) throws IOException {
    in.mark(8192);
    byte[] head = new byte[8192];
    int n = in.read(head, 0, head.length); // what is there now: a followed file may still grow
    in.reset();
    String first =
        new String(head, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1)
            .lines()
            .findFirst()
            .orElse("");
    if (first.startsWith("#")) {
      return "zeek";
    }
    if (first.startsWith("{")) {
      return "json";
    }
    if (first.contains(" query: ") || first.contains("query[") || first.contains(" info: ")) {
      return "dns";
    }
    return "squid";
  }

  private LogMatcher matcher(String format, IndicatorIndex index) {
    return switch (format) {
      case "dns" -> new DnsLogMatcher(index);
      case "zeek" -> new ZeekMatcher(index);
      case "json" -> new JsonLinesMatcher(index, jsonFields);
      case "csv" -> {
        if (fields == null) {
          throw new IllegalArgumentException(
              "csv logs need --fields (which columns hold hosts, URLs, the client and the time)");
        }
        yield new jp.renkei.engine.match.CsvMatcher(index, jsonFields);
      }
      default -> new SquidMatcher(index);
    };
  }

  /**
   * A JSON string of what a log or a feed wrote, its control characters as codes ({@link
   * Terminal}).
   */
  static String json(String s) {
    return Terminal.printable(jp.renkei.engine.match.JsonText.quote(s));
  }

  /**
   * A CSV cell of what a log or a feed wrote, its control characters as codes ({@link Terminal}).
   */
  static String csv(String s) {
    return jp.renkei.server.files.CsvCell.of(s == null ? null : Terminal.printable(s));
  }
}
