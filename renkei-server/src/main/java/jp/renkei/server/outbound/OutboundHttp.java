package jp.renkei.server.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import jp.renkei.engine.net.AddressPolicy;
import jp.renkei.server.config.OutboundProperties;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way the hub makes HTTP requests on a user's behalf (webhooks, TAXII feeds), guarded
 * against server-side request forgery: each connection resolves its host once, checks every
 * resolved address against the {@link AddressPolicy}, and connects to exactly those addresses (so a
 * name that resolves differently a moment later — DNS rebinding — changes nothing); redirects are
 * followed here, each one checked as the first, and credentials are not carried to another origin.
 * Failures say what happened (the status, a refusal and why, a timeout), never what a destination
 * answered in its body. Every exchange has a whole deadline ({@code
 * renkei.outbound.max-exchange-time}, or an earlier one its caller gives): the read timeout bounds
 * the wait for each next byte only, so a destination that trickles its answer is cut off there (its
 * connection closed) rather than holding the caller's thread. Thread-safe.
 */
public final class OutboundHttp implements AutoCloseable {

  /** A request: method, absolute URL, headers, an optional body, a response timeout. */
  public record Request(
      String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {

    public static Request get(URI uri, Duration timeout) {
      return new Request("GET", uri, Map.of(), null, timeout);
    }

    public Request with(String header, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(header, value);
      return new Request(method, uri, h, body, timeout);
    }

    public Request body(byte[] content) {
      return new Request(method, uri, headers, content, timeout);
    }
  }

  /**
   * An answer: its status, headers, and at most {@code maxBody} bytes of its body ({@code tooLarge}
   * when there were more).
   */
  public record Response(
      int status, URI uri, Map<String, List<String>> headers, byte[] body, boolean tooLarge) {

    public Optional<String> header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return Optional.of(e.getValue().get(0));
        }
      }
      return Optional.empty();
    }
  }

  /** A request that could not be made or completed; the message is safe to show to admins. */
  public static class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failure(String message) {
      super(message);
    }
  }

  /**
   * The destination is not allowed (by address, scheme or form); the message says why in English
   * (logs, the audit), {@link #reason()} in the reader's language.
   */
  public static final class Refused extends Failure {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String[] args;

    public Refused(String message) {
      this(message, "outbound.refused.other", message);
    }

    /** Refused for the reason {@code code} ({@code outbound.refused.*}) with its arguments. */
    public Refused(String message, String code, String... args) {
      super(message);
      this.code = code;
      this.args = args.clone();
    }

    /**
     * Why, as a message of the bundles: an argument of a page's or an API's error message, which
     * the message source writes out in the reader's language (the English message where a key is
     * missing).
     */
    public org.springframework.context.MessageSourceResolvable reason() {
      Object[] resolved = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        // an address's kind is a word of the bundles too
        resolved[i] =
            args[i].startsWith(KIND)
                ? new org.springframework.context.support.DefaultMessageSourceResolvable(
                    new String[] {args[i]}, args[i].substring(KIND.length()))
                : args[i];
      }
      return new org.springframework.context.support.DefaultMessageSourceResolvable(
          new String[] {code}, resolved, getMessage());
    }

    /**
     * Why, for a reader who does not run the hub (an organisation's admin setting its webhook):
     * what to do instead of the hub's setting that would allow it, where the bundles have such
     * words ({@code outbound.refused.*.orgAdmin}); else as {@link #reason()} (ux37).
     */
    public org.springframework.context.MessageSourceResolvable reasonForOrgAdmin() {
      org.springframework.context.MessageSourceResolvable r = reason();
      return new org.springframework.context.support.DefaultMessageSourceResolvable(
          new String[] {code + ".orgAdmin", code}, r.getArguments(), getMessage());
    }
  }

  private static final String KIND = "outbound.kind.";

  /** Nothing answered: connection refused, unreachable, unknown host or timed out. */
  public static final class Unreachable extends Failure {
    private static final long serialVersionUID = 1L;

    public Unreachable(String message) {
      super(message);
    }
  }

  /**
   * The exchange did not complete before its whole deadline (a destination that answers too slowly
   * as a whole, however promptly each byte comes); its connection was closed.
   */
  public static final class Overdue extends Failure {
    private static final long serialVersionUID = 1L;

    public Overdue(String message) {
      super(message);
    }
  }

  /** A name lookup not answered in time (or not begun: too many waiting); the host is not tried. */
  private static final class SlowLookup extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    SlowLookup(String message) {
      super(message);
    }
  }

  /** Thrown from inside the resolver so the client stops before connecting. */
  private static final class RefusedAddress extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final String why;

    RefusedAddress(String host, String why) {
      super(
          "destination refused: "
              + host
              + " is or resolves to "
              + article(why)
              + " address (see renkei.outbound.allow-ranges)");
      this.host = host;
      this.why = why;
    }

    Refused refused() {
      // the kind's key: "an address of this hub" -> outbound.kind.an-address-of-this-hub
      String kind = why.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      kind = kind.replaceAll("^-|-$", "");
      return new Refused(getMessage(), "outbound.refused.address", host, KIND + kind);
    }
  }

  private final AddressPolicy policy;

  /** The policy without the hub's own addresses: what is refused on every hub alike. */
  private final AddressPolicy everyHub;

  private final boolean allowHttp;
  private final int maxRedirects;
  private final Function<String, InetAddress[]> lookup;
  private final CloseableHttpClient client;
  private final Duration maxExchangeTime;
  private final Duration dnsTimeout;

  /**
   * Runs the blocking name lookups, each waited for at most its time: at most {@link
   * #LOOKUP_THREADS} at once and {@link #LOOKUPS_WAITING} waiting; past that a lookup fails at
   * once. A lookup given up keeps its thread until the system resolver returns (the JDK's cannot be
   * interrupted), so a resolver that never answers costs threads, never callers' time.
   */
  private final java.util.concurrent.ThreadPoolExecutor lookups = lookupPool();

  static final int LOOKUP_THREADS = 64;
  static final int LOOKUPS_WAITING = 1024;

  private static java.util.concurrent.ThreadPoolExecutor lookupPool() {
    java.util.concurrent.ThreadPoolExecutor e =
        new java.util.concurrent.ThreadPoolExecutor(
            LOOKUP_THREADS,
            LOOKUP_THREADS,
            30,
            TimeUnit.SECONDS,
            new java.util.concurrent.ArrayBlockingQueue<>(LOOKUPS_WAITING),
            r -> {
              Thread t = new Thread(r, "outbound-dns");
              t.setDaemon(true);
              return t;
            });
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  /** Closes the connection of an exchange whose deadline passes (one daemon thread). */
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "outbound-deadline");
            t.setDaemon(true);
            return t;
          });

  /** The guard of a hub: its configuration and its own addresses. */
  public OutboundHttp(OutboundProperties p, Collection<InetAddress> own) {
    this(p, own, OutboundHttp::systemLookup);
  }

  /** As above, with the name lookup given (tests stand in for DNS with it). */
  OutboundHttp(
      OutboundProperties p, Collection<InetAddress> own, Function<String, InetAddress[]> lookup) {
    this.policy = new AddressPolicy(ranges(p.allowRanges()), own);
    this.everyHub = new AddressPolicy(ranges(p.allowRanges()), Set.of());
    this.allowHttp = p.allowHttp();
    this.maxRedirects = p.maxRedirects();
    this.lookup = lookup;
    this.maxExchangeTime = p.maxExchangeTime();
    this.dnsTimeout = p.dnsTimeout();
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new Guard())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(p.connectTimeout()))
                            // a pooled connection the other side may have closed while it lay
                            // idle is checked before reuse: with retries off, reusing it
                            // failed the exchange ("NoHttpResponseException", CI 2026-12-04)
                            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                            .build())
                    .setMaxConnTotal(50)
                    .setMaxConnPerRoute(5)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  /**
   * A guard that refuses nothing and allows http: for the command line, where the person running
   * {@code renkei} chooses the destination on their own machine.
   */
  public static OutboundHttp unrestricted(Duration connectTimeout) {
    return new OutboundHttp(
        new OutboundProperties(
            List.of("0.0.0.0/0", "::/0"),
            true,
            connectTimeout,
            3,
            Duration.ofMinutes(10),
            connectTimeout),
        Set.of());
  }

  /** The addresses of this machine's network interfaces. */
  public static Set<InetAddress> interfaceAddresses() {
    Set<InetAddress> own = new java.util.HashSet<>();
    try {
      for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        own.addAll(Collections.list(n.getInetAddresses()));
      }
    } catch (SocketException e) {
      // no interfaces to list: loopback and private ranges are still refused
    }
    return Set.copyOf(own);
  }

  /**
   * Checks a destination as it is saved (a webhook URL, a feed's API root): absolute, https (or
   * http when allowed), with a host that is not a refused address and does not resolve to one. A
   * name that does not resolve now is accepted; the connection is checked again in any case.
   *
   * @throws Refused saying why
   */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new Refused("not a URL", "outbound.refused.notUrl");
    }
    checkForm(uri);
    try {
      resolve(uri.getHost());
    } catch (RefusedAddress e) {
      throw e.refused();
    } catch (UnknownHostException e) {
      // not resolvable now: the connection is checked when it is made
    }
    return uri;
  }

  /**
   * Checks a destination as someone who does not run the hub saves it (an organisation's webhook, a
   * monitored site): its form, and an address written as such against the ranges every hub refuses
   * (loopback, private, link-local …). A host name is not looked up and the hub's own addresses are
   * not compared: which names the hub's resolver places inside its network, and which addresses are
   * the hub's, are the hub's to know, and a refusal on save told them one save at a time
   * (attack38). The connection is checked in full when it is made, and what its refusal tells such
   * a person is {@link #toldOutside}.
   *
   * @throws Refused saying why
   */
  public URI checkGiven(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new Refused("not a URL", "outbound.refused.notUrl");
    }
    checkForm(uri);
    String host = uri.getHost();
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (literal(h)) {
      InetAddress[] addresses = lookup.apply(h); // parsed, not looked up
      for (InetAddress a : addresses == null ? new InetAddress[0] : addresses) {
        Optional<String> why = everyHub.refusal(a);
        if (why.isPresent()) {
          throw new RefusedAddress(h, why.get()).refused();
        }
      }
    }
    return uri;
  }

  /**
   * What a person who does not run the hub (an organisation's admin, an analyst whose site is
   * measured) is told of a failure to reach {@code host}: a name that does not resolve and an
   * address the guard refuses — the hub's own, or one a name resolves to inside its network — read
   * alike, so a failure tells nothing of the hub's network (attack38); any other failure as it is.
   * The platform admins have the guard's own reason in the audit and the log.
   */
  public static String toldOutside(Failure e, String host) {
    return unreached(e) ? notReached(host) : e.getMessage();
  }

  /** The one text of {@link #toldOutside} for a host with no address the hub may connect to. */
  public static String notReached(String host) {
    return NOT_REACHED + host;
  }

  /** How {@link #notReached} begins. */
  public static final String NOT_REACHED = "no address the hub may connect to: ";

  /** Whether a failure is one {@link #toldOutside} words as {@link #notReached}. */
  public static boolean unreached(Failure e) {
    return e instanceof Refused r && "outbound.refused.address".equals(r.code)
        || e instanceof Unreachable && e.getMessage().startsWith("unknown host ");
  }

  private void checkForm(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
      throw allowHttp
          ? new Refused("only http and https are allowed", "outbound.refused.scheme")
          : new Refused(
              "only https is allowed (renkei.outbound.allow-http is off)",
              "outbound.refused.httpsOnly");
    }
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("not an absolute http(s) URL with a host", "outbound.refused.noHost");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused(
          "a user name or password in the URL is not allowed", "outbound.refused.userInfo");
    }
  }

  /**
   * Makes the request, following up to the configured number of redirects (each checked as the
   * first; 303, and 301/302 after a POST, continue as GET without the body), and reads at most
   * {@code maxBody} bytes of the final answer's body.
   */
  public Response exchange(Request request, int maxBody) {
    return exchange(request, maxBody, false);
  }

  /**
   * As {@link #exchange(Request, int)}; {@code sameOriginOnly} follows a redirect only within the
   * request's own origin (scheme, host and port), and refuses one to anywhere else ({@link
   * Refused}, audited as any refused destination): a webhook's body (an advisory, a notice, under
   * its TLP) goes to the URL its organisation registered, never to wherever that URL points next.
   */
  public Response exchange(Request request, int maxBody, boolean sameOriginOnly) {
    return exchange(request, maxBody, sameOriginOnly, null);
  }

  /**
   * As {@link #exchange(Request, int, boolean)}, completed (redirects and the whole body) before
   * {@code deadline} when it is given and earlier than the configured {@code max-exchange-time}
   * from now; else {@link Overdue}, the connection closed.
   */
  public Response exchange(Request request, int maxBody, boolean sameOriginOnly, Instant deadline) {
    Instant own = Instant.now().plus(maxExchangeTime);
    Instant end = deadline == null || deadline.isAfter(own) ? own : deadline;
    Request current = request;
    for (int redirects = 0; ; redirects++) {
      checkForm(current.uri());
      if (!Instant.now().isBefore(end)) {
        throw overdue(request, end);
      }
      if (sameOriginOnly && redirects > 0 && !sameOrigin(request.uri(), current.uri())) {
        throw new Refused(
            "destination refused: a redirect to another origin (a webhook is delivered to its"
                + " registered URL only)",
            "outbound.refused.redirect");
      }
      Response r = bounded(current, maxBody, request, end);
      Optional<String> location = r.header("Location");
      if (!isRedirect(r.status()) || location.isEmpty()) {
        return r;
      }
      if (redirects >= maxRedirects) {
        throw new Failure(
            "HTTP " + r.status() + " redirect not followed (more than " + maxRedirects + ")");
      }
      URI next;
      try {
        next = current.uri().resolve(new URI(location.get().strip()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new Failure("HTTP " + r.status() + " with a Location that is not a URL");
      }
      current = redirected(current, r.status(), next);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static Request redirected(Request from, int status, URI to) {
    Map<String, String> headers = new LinkedHashMap<>(from.headers());
    if (!sameOrigin(from.uri(), to)) {
      headers.keySet().removeIf(h -> h.equalsIgnoreCase("Authorization"));
    }
    boolean toGet = status == 303 || ((status == 301 || status == 302) && from.body() != null);
    if (toGet) {
      headers.keySet().removeIf(h -> h.equalsIgnoreCase("Content-Type"));
      return new Request("GET", to, headers, null, from.timeout());
    }
    return new Request(from.method(), to, headers, from.body(), from.timeout());
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /**
   * One request, its connection closed when {@code end} passes; a body cut short by that close
   * (which a close-delimited answer would show as a normal end) is never returned as an answer.
   */
  private Response bounded(Request r, int maxBody, Request first, Instant end) {
    HttpUriRequestBase req = new HttpUriRequestBase(r.method(), r.uri());
    AtomicBoolean cut = new AtomicBoolean();
    long left = Duration.between(Instant.now(), end).toNanos();
    ScheduledFuture<?> timer;
    try {
      timer =
          deadlines.schedule(
              () -> {
                cut.set(true);
                req.cancel();
              },
              Math.max(0, left),
              TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new Failure("the outbound client is closed");
    }
    try {
      Response resp = once(req, r, maxBody);
      if (cut.get()) {
        throw overdue(first, end);
      }
      return resp;
    } catch (Failure e) {
      if (cut.get() && !(e instanceof Overdue)) {
        throw overdue(first, end);
      }
      throw e;
    } finally {
      timer.cancel(false);
    }
  }

  private Overdue overdue(Request first, Instant end) {
    return new Overdue(
        "no complete answer before the exchange's deadline (at most "
            + maxExchangeTime.toSeconds()
            + " s, renkei.outbound.max-exchange-time, or the caller's own limit); connection"
            + " closed");
  }

  private Response once(HttpUriRequestBase req, Request r, int maxBody) {
    req.setConfig(
        RequestConfig.custom()
            .setResponseTimeout(Timeout.of(r.timeout()))
            .setRedirectsEnabled(false)
            .build());
    r.headers().forEach(req::setHeader);
    if (r.body() != null) {
      req.setEntity(new ByteArrayEntity(r.body(), null));
    }
    try {
      return client.execute(
          req,
          response -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
              headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
            }
            byte[] body = new byte[0];
            boolean tooLarge = false;
            HttpEntity entity = response.getEntity();
            if (entity != null) {
              try (InputStream in = entity.getContent()) {
                body = in.readNBytes(maxBody + 1);
                if (body.length > maxBody) {
                  tooLarge = true;
                  body = java.util.Arrays.copyOf(body, maxBody);
                }
              }
            }
            return new Response(response.getCode(), r.uri(), headers, body, tooLarge);
          });
    } catch (RefusedAddress e) {
      throw e.refused();
    } catch (SlowLookup e) {
      throw new Unreachable(e.getMessage());
    } catch (UnknownHostException e) {
      throw new Unreachable("unknown host " + r.uri().getHost());
    } catch (HttpHostConnectException e) {
      throw new Unreachable("connection refused or unreachable");
    } catch (ConnectTimeoutException e) {
      throw new Unreachable("no connection within the connect timeout");
    } catch (SocketTimeoutException e) {
      throw new Unreachable("no answer within " + r.timeout().toSeconds() + " s");
    } catch (SSLException e) {
      throw new Failure("TLS failed: " + e.getClass().getSimpleName());
    } catch (IOException e) {
      RefusedAddress refused = cause(e, RefusedAddress.class);
      if (refused != null) {
        throw refused.refused();
      }
      SlowLookup slow = cause(e, SlowLookup.class);
      if (slow != null) {
        throw new Unreachable(slow.getMessage());
      }
      throw new Failure("I/O error: " + e.getClass().getSimpleName());
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    return jp.renkei.server.failure.Causes.find(e, type);
  }

  /**
   * The addresses of {@code host}, each checked: for callers that open their own connections (the
   * site monitor's phase-timed probes), which then connect to exactly these.
   *
   * @throws Refused when any address is refused
   * @throws Unreachable when the name does not resolve, or its lookup does not answer within {@code
   *     renkei.outbound.dns-timeout}
   */
  public InetAddress[] checkedAddresses(String host) {
    return checkedAddresses(host, dnsTimeout);
  }

  /**
   * As {@link #checkedAddresses(String)}, the lookup waited for at most {@code within} (and never
   * longer than {@code renkei.outbound.dns-timeout}): for a caller with a deadline of its own.
   */
  public InetAddress[] checkedAddresses(String host, Duration within) {
    try {
      return resolve(host, within.compareTo(dnsTimeout) < 0 ? within : dnsTimeout);
    } catch (RefusedAddress e) {
      throw e.refused();
    } catch (SlowLookup e) {
      throw new Unreachable(e.getMessage());
    } catch (UnknownHostException e) {
      throw new Unreachable("unknown host " + host);
    }
  }

  /**
   * Why the hub must not connect to this address (loopback, private, link-local, its own interfaces
   * … unless in {@code renkei.outbound.allow-ranges}), or empty when it may. For other features
   * that open their own connections (discovery) and must obey the same guard.
   */
  public Optional<String> refusal(InetAddress address) {
    return policy.refusal(address);
  }

  /** Resolves a host once and checks every address; any refused address refuses the host. */
  InetAddress[] resolve(String host) throws UnknownHostException {
    return resolve(host, dnsTimeout);
  }

  private InetAddress[] resolve(String host, Duration within) throws UnknownHostException {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = lookUp(h, within);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(h);
    }
    for (InetAddress a : addresses) {
      Optional<String> why = policy.refusal(a);
      if (why.isPresent()) {
        throw new RefusedAddress(h, why.get());
      }
    }
    return addresses;
  }

  /** The lookup of {@code h}, given up after {@code within}; an address literal at once. */
  private InetAddress[] lookUp(String h, Duration within) throws UnknownHostException {
    if (literal(h)) {
      return lookup.apply(h); // parsed, not looked up
    }
    java.util.concurrent.Future<InetAddress[]> f;
    try {
      f = lookups.submit(() -> lookup.apply(h));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new SlowLookup(
          "name lookup of " + h + " not begun: " + LOOKUPS_WAITING + " lookups already waiting");
    }
    try {
      return f.get(Math.max(1, within.toNanos()), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw new SlowLookup(
          "name lookup of " + h + " did not answer within " + seconds(within) + " s");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new SlowLookup("name lookup of " + h + " interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new UnknownHostException(h);
    }
  }

  /** Seconds to a tenth, a whole number without its fraction ({@code 10}, {@code 1.5}). */
  static String seconds(Duration d) {
    long tenths = Math.round(d.toMillis() / 100.0);
    return tenths % 10 == 0 ? String.valueOf(tenths / 10) : String.valueOf(tenths / 10.0);
  }

  /** An IPv4 dotted quad or an IPv6 literal: the JDK parses it without any lookup. */
  private static boolean literal(String h) {
    return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }

  private static String article(String why) {
    return why.startsWith("an ") ? why.substring(3) : (startsWithVowel(why) ? "an " : "a ") + why;
  }

  private static boolean startsWithVowel(String s) {
    return !s.isEmpty() && "aeiou".indexOf(Character.toLowerCase(s.charAt(0))) >= 0;
  }

  private static InetAddress[] systemLookup(String host) {
    try {
      return SystemDefaultDnsResolver.INSTANCE.resolve(host);
    } catch (UnknownHostException e) {
      return new InetAddress[0];
    }
  }

  private static List<AddressPolicy.Range> ranges(List<String> cidrs) {
    List<AddressPolicy.Range> out = new ArrayList<>();
    for (String c : cidrs) {
      if (!c.isBlank()) {
        out.add(AddressPolicy.Range.parse(c));
      }
    }
    return out;
  }

  /** The client's resolver: the checked addresses, and only those, are connected to. */
  private final class Guard implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return OutboundHttp.this.resolve(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      List<InetSocketAddress> out = new ArrayList<>();
      for (InetAddress a : resolve(host)) {
        out.add(new InetSocketAddress(a, port));
      }
      return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    lookups.shutdownNow();
    try {
      client.close();
    } catch (IOException e) {
      // nothing to release that matters at shutdown
    }
  }
}
