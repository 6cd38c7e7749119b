package jp.renkei.server.exposure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import jp.renkei.engine.exposure.ExposureInputException;
import jp.renkei.engine.exposure.JvnReader;
import jp.renkei.engine.exposure.NvdReader;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.KnowledgeFetchProperties;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.RenkeiException;
import jp.renkei.server.outbound.OutboundHttp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fetches vulnerability knowledge from the configured URLs ({@code renkei.exposure.fetch.*}): KEV
 * and EPSS as one document each, the NVD CVE API 2.0 and MyJVN page by page. Every request goes
 * through the hub's outbound guard ({@link OutboundHttp}: https unless allowed, no private or
 * loopback address, each redirect checked as the first), conditional on the last answer's ETag and
 * Last-Modified, and reads at most {@code max-bytes} (after gzip). A document is imported only once
 * it is read whole; a failure (refused address, HTTP error, a document that cannot be read) is
 * recorded in {@code vuln_fetch} for the admin page and changes nothing else, so the current
 * knowledge is never lost. After each import, what it can affect is matched again and newly exposed
 * organisations are told, as after an upload.
 */
@Service
public class KnowledgeFetcher {

  public static final List<String> SOURCES = List.of("kev", "epss", "nvd", "jvn");

  /** What one fetch did: {@code imported}, {@code not_modified} or {@code failed}, and why. */
  public record Outcome(String source, String outcome, String detail, int kept, int refused) {}

  /** A source's last fetch as the admin page shows it. */
  public record State(
      String source,
      String url,
      java.time.OffsetDateTime attemptedAt,
      java.time.OffsetDateTime succeededAt,
      String outcome,
      String detail) {}

  private final KnowledgeFetchProperties props;
  private final OutboundHttp http;
  private final KnowledgeService knowledge;
  private final ExposureService exposure;
  private final JdbcClient jdbc;

  KnowledgeFetcher(
      KnowledgeFetchProperties props,
      OutboundHttp http,
      KnowledgeService knowledge,
      ExposureService exposure,
      JdbcClient jdbc) {
    this.props = props;
    this.http = http;
    this.knowledge = knowledge;
    this.exposure = exposure;
    this.jdbc = jdbc;
  }

  /** Fetches the sources that are due, when the scheduled fetch is enabled. */
  public List<Outcome> fetchDue() {
    List<Outcome> out = new ArrayList<>();
    if (!props.enabled()) {
      return out;
    }
    for (String source : SOURCES) {
      if (!props.url(source).isEmpty() && claim(source, props.cadence())) {
        out.add(fetch(source));
      }
    }
    return out;
  }

  /** A platform admin's "fetch now" of one configured source. */
  public Outcome fetchNow(Actor actor, String source) {
    checkFetchNow(actor);
    if (!configured(source)) {
      return new Outcome(source, "failed", "no URL configured for " + source, 0, 0);
    }
    claim(source, Duration.ZERO);
    return fetch(source);
  }

  /** Whether {@code source} is a source with a URL configured. */
  boolean configured(String source) {
    return SOURCES.contains(source) && !props.url(source).isEmpty();
  }

  /** Only a platform admin fetches now. */
  void checkFetchNow(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
  }

  /** Every configured source with its last fetch. */
  public List<State> states() {
    Map<String, State> stored = new LinkedHashMap<>();
    jdbc.sql("select source, url, attempted_at, succeeded_at, outcome, detail from vuln_fetch")
        .query(
            (rs, n) ->
                new State(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3, java.time.OffsetDateTime.class),
                    rs.getObject(4, java.time.OffsetDateTime.class),
                    rs.getString(5),
                    rs.getString(6)))
        .list()
        .forEach(s -> stored.put(s.source(), s));
    List<State> out = new ArrayList<>();
    for (String source : SOURCES) {
      String url = props.url(source);
      if (!url.isEmpty()) {
        State s = stored.get(source);
        out.add(
            s == null
                ? new State(source, url, null, null, null, null)
                : new State(
                    source, url, s.attemptedAt(), s.succeededAt(), s.outcome(), s.detail()));
      }
    }
    return out;
  }

  /**
   * The configured sources whose last fetch failed, for the platform admins' work queue (empty for
   * anyone else); a source leaves it when a later fetch succeeds (imported or not modified).
   */
  public List<State> failing(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      return List.of();
    }
    return states().stream().filter(s -> "failed".equals(s.outcome())).toList();
  }

  public boolean enabled() {
    return props.enabled();
  }

  /** Takes a source for this instance when it is due (another instance then skips it). */
  private boolean claim(String source, Duration cadence) {
    String url = props.url(source);
    jdbc.sql("insert into vuln_fetch (source, url) values (?, ?) on conflict (source) do nothing")
        .params(source, url)
        .update();
    // a URL changed since the last fetch: its validators belong to the old one
    jdbc.sql(
            "update vuln_fetch set url = ?, etag = null, last_modified = null, watermark = null"
                + " where source = ? and url <> ?")
        .params(url, source, url)
        .update();
    return jdbc.sql(
                "update vuln_fetch set claimed_until = now() + cast(? as interval)"
                    + " where source = ? and (claimed_until is null or claimed_until < now())"
                    + " and (attempted_at is null or attempted_at <= now() - cast(? as interval))")
            // the fetch reads until its deadline; its import then has as long again
            .params(
                props.deadline().multipliedBy(2).toSeconds() + " seconds",
                source,
                cadence.toSeconds() + " seconds")
            .update()
        == 1;
  }

  private Outcome fetch(String source) {
    Actor actor = new Actor(null, source, null, Role.PLATFORM_ADMIN, "fetch", null);
    Outcome o;
    Budget budget = new Budget();
    try {
      o =
          switch (source) {
            case "nvd" -> nvd(actor, budget);
            case "jvn" -> pages(source, actor, "startItem", budget);
            default -> single(source, actor, budget);
          };
    } catch (Stopped e) {
      o = new Outcome(source, "failed", e.getMessage(), 0, 0);
    } catch (OutboundHttp.Failure e) {
      o = new Outcome(source, "failed", e.getMessage(), 0, 0);
    } catch (ExposureInputException e) {
      o = new Outcome(source, "failed", e.getMessage(), 0, 0);
    } catch (RenkeiException e) {
      o = new Outcome(source, "failed", describe(e), 0, 0);
    } catch (Fail e) {
      o = new Outcome(source, "failed", e.getMessage(), 0, 0);
    }
    record(o);
    return o;
  }

  private static String describe(RenkeiException e) {
    Object[] args = e.args();
    return args != null && args.length > 0 ? String.valueOf(args[args.length - 1]) : e.messageKey();
  }

  private Outcome single(String source, Actor actor, Budget budget) {
    Optional<byte[]> body = get(source, URI.create(props.url(source)), true, budget);
    if (body.isEmpty()) {
      return new Outcome(source, "not_modified", null, 0, 0);
    }
    KnowledgeService.Summary s;
    try (InputStream in = new ByteArrayInputStream(body.get())) {
      s = source.equals("kev") ? knowledge.importKev(actor, in) : knowledge.importEpss(actor, in);
    } catch (IOException e) {
      throw new Fail("cannot read the answer");
    }
    exposure.afterImport(s);
    return new Outcome(source, "imported", s.version(), s.kept(), s.refused().size());
  }

  /**
   * The NVD CVE API 2.0, incrementally: the CVEs modified since the last successful fetch (its
   * watermark) up to now, as a {@code lastModStartDate}/{@code lastModEndDate} window; the first
   * fetch, or a gap longer than the API's 120 days, reads the configured query whole. Every page of
   * the window is read ({@code startIndex}), {@code nvd-interval} apart, before anything is
   * imported: a failure on any page (an HTTP error, a refused address, a page that cannot be read)
   * leaves the knowledge and the watermark as they were, and the same window is read again next
   * time. Only after the whole window is imported does the watermark move to its end. When {@code
   * max-pages} stops the reading early, what was read is imported (it only adds) and the watermark
   * stays, so the window is read again. The fetch's {@link Budget} stops it the same way: past
   * {@code total-bytes} no further page is begun; at the deadline the page under way is cut off,
   * the pages read before it are imported and the fetch fails saying so.
   */
  private Outcome nvd(Actor actor, Budget budget) {
    URI base = URI.create(props.url("nvd"));
    java.time.OffsetDateTime mark =
        jdbc.sql("select watermark from vuln_fetch where source = 'nvd'")
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
            .optional()
            .orElse(null);
    java.time.Instant end =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    boolean windowed =
        mark != null
            && !mark.toInstant().isAfter(end)
            && Duration.between(mark.toInstant(), end)
                    .compareTo(KnowledgeFetchProperties.NVD_MAX_WINDOW)
                <= 0;
    List<jp.renkei.engine.exposure.CveRecord> records = new ArrayList<>();
    List<jp.renkei.engine.exposure.Rejected> rejected = new ArrayList<>();
    int pages = 0;
    int requests = 0;
    boolean whole = false;
    boolean split = false;
    read:
    while (true) {
      URI query =
          windowed
              ? withParameter(
                  withParameter(base, "lastModStartDate", nvdDate(mark.toInstant())),
                  "lastModEndDate",
                  nvdDate(end))
              : base;
      records.clear();
      rejected.clear();
      pages = 0;
      int start = -1;
      while (pages < props.maxPages()) {
        if (pages > 0 && budget.spent() != null) {
          break;
        }
        URI uri = start < 0 ? query : withParameter(query, "startIndex", String.valueOf(start));
        Optional<byte[]> body;
        try {
          if (requests++ > 0) {
            pause(budget);
          }
          body = get("nvd", uri, !windowed && pages == 0, budget);
        } catch (Stopped e) {
          if (pages == 0) {
            throw e;
          }
          KnowledgeService.Summary s =
              knowledge.importNvd(
                  actor,
                  new NvdReader.Result(records, rejected, 0, records.size(), records.size()));
          exposure.afterImport(s);
          throw new Stopped(
              e.getMessage()
                  + " while reading page "
                  + (pages + 1)
                  + "; the "
                  + pages
                  + " page(s) read before it were imported ("
                  + s.kept()
                  + " kept, "
                  + s.refused().size()
                  + " refused); read again next time");
        }
        if (body.isEmpty()) {
          return new Outcome("nvd", "not_modified", null, 0, 0);
        }
        NvdReader.Result r = NvdReader.read(new ByteArrayInputStream(body.get()));
        pages++;
        java.time.Instant cut = pages == 1 && windowed ? shorter(mark.toInstant(), end, r) : null;
        if (cut != null) {
          end = cut; // more pages than max-pages: read the earlier part of the window whole
          split = true;
          continue read;
        }
        records.addAll(r.records());
        rejected.addAll(r.rejected());
        int next = r.nextStart();
        if (next < 0 || next <= start) {
          whole = true;
          break;
        }
        start = next;
      }
      break;
    }
    KnowledgeService.Summary s =
        knowledge.importNvd(
            actor, new NvdReader.Result(records, rejected, 0, records.size(), records.size()));
    exposure.afterImport(s);
    String what =
        windowed
            ? "modified "
                + nvdDate(mark.toInstant())
                + " – "
                + nvdDate(end)
                + (split ? " (window shortened to max-pages; the rest next time)" : "")
            : "whole query";
    if (!whole) {
      String limit = budget.spent() == null ? "max-pages reached" : budget.spent();
      return new Outcome(
          "nvd",
          "imported",
          what + ", " + pages + " pages (" + limit + "; read again next time)",
          s.kept(),
          s.refused().size());
    }
    jdbc.sql("update vuln_fetch set watermark = ? where source = 'nvd'")
        .params(java.sql.Timestamp.from(end))
        .update();
    return new Outcome(
        "nvd", "imported", what + ", " + pages + " pages", s.kept(), s.refused().size());
  }

  /**
   * When a window's first page says it has more pages than {@code max-pages}, a shorter window from
   * the same start, in proportion ({@code max-pages × resultsPerPage / totalResults} of it), so
   * that it can be read whole and the watermark can move to its end; null when the window fits, or
   * is already a second or shorter (then max-pages are read and the watermark stays).
   */
  private java.time.Instant shorter(
      java.time.Instant from, java.time.Instant to, NvdReader.Result r) {
    long perPage = r.resultsPerPage();
    if (perPage <= 0 || r.totalResults() <= perPage * props.maxPages()) {
      return null;
    }
    long span = Duration.between(from, to).toMillis();
    if (span <= 1000) {
      return null;
    }
    long part = (long) (span * ((double) perPage * props.maxPages() / r.totalResults()));
    // to the millisecond, as the API is asked (nvdDate), so the watermark is the end asked for
    return from.plusMillis(Math.max(1000, Math.min(part, span - 1)))
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** A date as the NVD API reads it: {@code 2026-11-30T19:35:09.000+00:00} (UTC). */
  static String nvdDate(java.time.Instant t) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
        .format(t.atOffset(java.time.ZoneOffset.UTC));
  }

  /**
   * The longest Retry-After a fetch honours on a 403 or 429 answer (NVD's rate limit): it waits
   * that long and asks again, at most {@link #RETRY_AFTER_TIMES} times; a longer wait, or a further
   * refusal, fails the fetch with the reason (an NVD window is then read again at the next fetch).
   */
  static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);

  static final int RETRY_AFTER_TIMES = 2;

  /**
   * A Retry-After header's wait: delta-seconds or an HTTP date (RFC 9110); empty when absent or
   * unreadable (the answer is then a plain refusal).
   */
  static Optional<Duration> retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return v.length() > 9
          ? Optional.of(Duration.ofDays(365))
          : Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      java.time.Instant at =
          java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      Duration d = Duration.between(java.time.Instant.now(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void sleep(Duration d, Budget budget) {
    budget.checkWait(d, "waiting as Retry-After asked");
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Fail("interrupted while waiting as Retry-After asked");
    }
  }

  /** NVD's rate limit, politely: the configured pause between two requests of one fetch. */
  private void pause(Budget budget) {
    budget.checkWait(props.nvdInterval(), "pausing between NVD pages");
    try {
      Thread.sleep(props.nvdInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Fail("interrupted between NVD pages");
    }
  }

  /**
   * A paged source (MyJVN), each page imported as it comes; the fetch's {@link Budget} stops it as
   * the feed poll is stopped: past {@code total-bytes} or the deadline no further page is begun
   * (the rest next time); a page cut off at the deadline fails the fetch, the pages before it
   * staying imported.
   */
  private Outcome pages(String source, Actor actor, String startParameter, Budget budget) {
    URI base = URI.create(props.url(source));
    int kept = 0;
    int refused = 0;
    int start = -1;
    for (int page = 0; page < props.maxPages(); page++) {
      if (page > 0 && budget.spent() != null) {
        exposure.afterImport(
            new KnowledgeService.Summary(source, null, kept, List.of(), java.util.Set.of(), null));
        return new Outcome(
            source,
            "imported",
            page + " pages (" + budget.spent() + "; the rest next time)",
            kept,
            refused);
      }
      URI uri = start < 0 ? base : withParameter(base, startParameter, String.valueOf(start));
      Optional<byte[]> body;
      try {
        body = get(source, uri, page == 0, budget);
      } catch (Stopped e) {
        if (page == 0) {
          throw e;
        }
        exposure.afterImport(
            new KnowledgeService.Summary(source, null, kept, List.of(), java.util.Set.of(), null));
        throw new Stopped(
            e.getMessage()
                + " while reading page "
                + (page + 1)
                + "; the "
                + page
                + " page(s) before it stay imported ("
                + kept
                + " kept, "
                + refused
                + " refused); the rest next time");
      }
      if (body.isEmpty()) {
        return new Outcome(source, "not_modified", null, 0, 0);
      }
      JvnReader.Result r = JvnReader.read(new ByteArrayInputStream(body.get()));
      KnowledgeService.Summary s = knowledge.importJvn(actor, r);
      int next = r.nextStart();
      kept += s.kept();
      refused += s.refused().size();
      if (next < 0 || next <= start) {
        exposure.afterImport(s);
        return new Outcome(source, "imported", (page + 1) + " pages", kept, refused);
      }
      start = next;
    }
    exposure.afterImport(
        new KnowledgeService.Summary(source, null, kept, List.of(), java.util.Set.of(), null));
    return new Outcome(
        source,
        "imported",
        props.maxPages() + " pages (max-pages reached; the rest next time)",
        kept,
        refused);
  }

  /** The URI with the query parameter set to the value (URL-encoded; replaced if present). */
  static URI withParameter(URI base, String name, String value) {
    String q = base.getRawQuery();
    StringBuilder b = new StringBuilder();
    if (q != null) {
      for (String part : q.split("&")) {
        if (!part.isEmpty() && !part.equals(name) && !part.startsWith(name + "=")) {
          b.append(b.length() == 0 ? "" : "&").append(part);
        }
      }
    }
    b.append(b.length() == 0 ? "" : "&")
        .append(name)
        .append('=')
        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    String s = base.toString();
    int cut = s.indexOf('?');
    return URI.create((cut < 0 ? s : s.substring(0, cut)) + "?" + b);
  }

  /** The answer's body, or empty when the server says it has not changed (304). */
  private Optional<byte[]> get(String source, URI uri, boolean conditional, Budget budget) {
    OutboundHttp.Request req = OutboundHttp.Request.get(uri, props.timeout());
    if (source.equals("nvd") && !props.nvdApiKey().isBlank()) {
      req = req.with("apiKey", props.nvdApiKey().strip());
    }
    if (conditional) {
      var v =
          jdbc.sql("select etag, last_modified from vuln_fetch where source = ?")
              .param(source)
              .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
              .optional();
      if (v.isPresent() && v.get()[0] != null) {
        req = req.with("If-None-Match", v.get()[0]);
      }
      if (v.isPresent() && v.get()[1] != null) {
        req = req.with("If-Modified-Since", v.get()[1]);
      }
    }
    int max = (int) Math.min(Integer.MAX_VALUE - 8, props.maxBytes().toBytes());
    OutboundHttp.Response r = budget.exchange(req, max);
    for (int waited = 0; r.status() == 403 || r.status() == 429; waited++) {
      Optional<Duration> wait = retryAfter(r.header("Retry-After").orElse(null));
      if (wait.isEmpty()) {
        break; // no Retry-After: refused, as any other status
      }
      String refused = "HTTP " + r.status() + " from " + uri.getHost();
      if (wait.get().compareTo(RETRY_AFTER_CAP) > 0) {
        throw new Fail(
            refused
                + ": Retry-After "
                + wait.get().toSeconds()
                + " s is longer than the "
                + RETRY_AFTER_CAP.toSeconds()
                + " s a fetch waits; read again at the next fetch");
      }
      if (waited == RETRY_AFTER_TIMES) {
        throw new Fail(
            refused
                + " again after waiting "
                + RETRY_AFTER_TIMES
                + " times as Retry-After asked; read again at the next fetch");
      }
      sleep(wait.get(), budget);
      r = budget.exchange(req, max);
    }
    if (r.status() == 304 && conditional) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      throw new Fail("HTTP " + r.status() + " from " + uri.getHost());
    }
    if (r.tooLarge()) {
      throw new Fail("the answer is larger than " + props.maxBytes() + " (max-bytes)");
    }
    if (conditional) {
      jdbc.sql("update vuln_fetch set etag = ?, last_modified = ? where source = ?")
          .params(r.header("ETag").orElse(null), r.header("Last-Modified").orElse(null), source)
          .update();
    }
    byte[] body = gunzip(r.body(), max);
    budget.bytes += body.length;
    return Optional.of(body);
  }

  /**
   * One fetch's limits ({@code renkei.exposure.fetch.deadline} from its start, {@code total-bytes}
   * read in all): every request is cut off at the deadline, and no wait may pass it.
   */
  private final class Budget {
    private final java.time.Instant deadline = java.time.Instant.now().plus(props.deadline());
    private long bytes;

    /** Which limit is reached, in the recorded outcome's words, or null while none is. */
    String spent() {
      if (!java.time.Instant.now().isBefore(deadline)) {
        return "deadline of " + props.deadline().toSeconds() + " s reached";
      }
      return bytes >= props.totalBytes().toBytes()
          ? "total-bytes of " + props.totalBytes() + " read"
          : null;
    }

    OutboundHttp.Response exchange(OutboundHttp.Request req, int max) {
      try {
        return http.exchange(req, max, false, deadline);
      } catch (OutboundHttp.Overdue e) {
        if (java.time.Instant.now().isBefore(deadline)) {
          throw e; // the exchange's own limit (renkei.outbound.max-exchange-time)
        }
        throw stopped("the answer from " + req.uri().getHost() + " was cut off");
      }
    }

    /** Stops the fetch when a wait of {@code d} would pass the deadline. */
    void checkWait(Duration d, String what) {
      if (!java.time.Instant.now().plus(d).isBefore(deadline)) {
        throw stopped("no time left for " + what);
      }
    }

    private Stopped stopped(String what) {
      return new Stopped(
          "stopped at the fetch's deadline ("
              + props.deadline().toSeconds()
              + " s, renkei.exposure.fetch.deadline): "
              + what);
    }
  }

  /** The fetch's deadline stopped it; the message says where and what was kept. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped(String message) {
      super(message, null, false, false);
    }
  }

  /** A gzip body unpacked, at most {@code max} bytes (a bomb is refused, not unpacked). */
  static byte[] gunzip(byte[] body, int max) {
    if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes(max + 1);
      if (out.length > max) {
        throw new Fail("the answer unpacks to more than " + max + " bytes (max-bytes)");
      }
      return out;
    } catch (IOException e) {
      throw new Fail("the answer is not valid gzip");
    }
  }

  private void record(Outcome o) {
    boolean ok = !o.outcome().equals("failed");
    String detail =
        o.detail() == null
            ? (ok ? o.kept() + " kept, " + o.refused() + " refused" : null)
            : o.detail() + (ok ? "; " + o.kept() + " kept, " + o.refused() + " refused" : "");
    jdbc.sql(
            "update vuln_fetch set attempted_at = now(), outcome = ?, detail = ?,"
                + " claimed_until = null,"
                + " succeeded_at = case when ? then now() else succeeded_at end"
                + " where source = ?")
        .params(o.outcome(), detail == null ? null : clip(detail), ok, o.source())
        .update();
    if (!ok) {
      // a failure is one row for the admins; no stack trace, the outbound guard's words
      org.slf4j.LoggerFactory.getLogger(KnowledgeFetcher.class)
          .warn("knowledge fetch of {} failed: {}", o.source(), detail);
    }
  }

  private static String clip(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000) + "…";
  }

  private static final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Fail(String message) {
      super(message, null, false, false);
    }
  }
}
