package jp.renkei.server.intel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.server.outbound.OutboundHttp;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 client for one remote collection: pages of objects by {@code added_after} and {@code
 * next}, and POSTing envelopes. Used by the hub's feeds and by {@code renkei match} (which runs
 * without the server). Every failure is a {@link Failure} whose message says what the remote did.
 */
public final class TaxiiClient {

  static final String TAXII = "application/taxii+json;version=2.1";

  /** Objects asked for per page. */
  public static final int PAGE = 1000;

  /** A page larger than this is refused (a remote that ignores limit). */
  public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

  /** How to authenticate: none, basic (user name and password/token) or bearer (token). */
  public record Auth(String kind, String username, String secret) {
    public static final Auth NONE = new Auth("none", null, null);
  }

  /**
   * One page: the envelope as received, whether more follows and the token for it, and where to
   * resume by {@code added_after} (one microsecond before the page's last date_added).
   */
  public record Page(byte[] body, boolean more, String next, String resumeAfter) {}

  /**
   * What went wrong with the remote: a reason code (message {@code feed.failure.<code>}, shown in
   * the reader's language) with its arguments, and the same in English words for the log and the
   * API.
   */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final java.util.List<String> args;

    public Failure(String code, String message, Object... args) {
      super(message);
      this.code = code;
      this.args = java.util.Arrays.stream(args).map(a -> clip(String.valueOf(a))).toList();
    }

    /**
     * The reason: contentType, notJson, duplicateKey, notUrl, connect, outbound, http, tooLarge,
     * credential, target.
     */
    public String code() {
      return code;
    }

    /** The reason's arguments, as text. */
    public java.util.List<String> args() {
      return args;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The command line's transport: the person running it chooses where it connects. */
  private static final class Cli {
    static final OutboundHttp HTTP = OutboundHttp.unrestricted(Duration.ofSeconds(10));
  }

  private final OutboundHttp http;
  private final String apiRoot;
  private final String collection;
  private final Auth auth;

  /**
   * A client that connects through {@code http}, the hub's guarded transport (feeds), or {@link
   * #forCommandLine} (for {@code renkei match}).
   */
  public TaxiiClient(OutboundHttp http, String apiRoot, String collection, Auth auth) {
    this.http = http;
    this.apiRoot = apiRoot.endsWith("/") ? apiRoot : apiRoot + "/";
    this.collection = collection;
    this.auth = auth == null ? Auth.NONE : auth;
  }

  /**
   * A client for the command line ({@code renkei match --taxii}): any destination, http allowed,
   * since the person running it chooses the hub on their own machine; the server never uses it.
   */
  public static TaxiiClient forCommandLine(String apiRoot, String collection, Auth auth) {
    return new TaxiiClient(Cli.HTTP, apiRoot, collection, auth);
  }

  /**
   * One page of objects added after {@code addedAfter} (or from the start), continuing {@code
   * next}.
   */
  public Page objects(String addedAfter, String next) {
    return objects(addedAfter, next, null);
  }

  /**
   * As {@link #objects(String, String)}, the page (redirects and its whole body) read before {@code
   * deadline} when one is given, else a failure (code {@code outbound}), its connection closed.
   */
  public Page objects(String addedAfter, String next, Instant deadline) {
    StringBuilder uri = new StringBuilder(objectsUrl()).append("?limit=").append(PAGE);
    if (addedAfter != null) {
      uri.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
    }
    if (next != null) {
      uri.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    Answer r = send(request("GET", uri.toString()), 200, deadline);
    String type = r.response().header("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/taxii+json")) {
      String given = excerpt(type, 100);
      throw new Failure(
          "contentType", "the remote answered " + given + ", not " + TAXII, given, TAXII);
    }
    boolean more = false;
    String token = null;
    try (JsonParser p = JSON.createParser(r.body())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          if (!seen.add(name)) {
            throw twice(name, p.currentTokenLocation());
          }
          JsonToken v = p.nextToken();
          if (name.equals("more")) {
            more = v == JsonToken.VALUE_TRUE;
          } else if (name.equals("next") && v == JsonToken.VALUE_STRING) {
            token = p.getString();
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (tools.jackson.core.JacksonException e) {
      // where, not what: the parser's words quote the remote's text (an unquoted token of up to
      // 256 characters), which would reach the log and the feed's page outside its audience
      var at = e.getLocation();
      long line = at == null ? 0 : at.getLineNr();
      long column = at == null ? 0 : at.getColumnNr();
      throw new Failure(
          "notJson",
          "the remote's envelope is not JSON (line " + line + ", column " + column + ")",
          line,
          column);
    }
    String resume =
        r.response()
            .header("X-TAXII-Date-Added-Last")
            .flatMap(TaxiiClient::parse)
            .map(t -> StixTime.formatMicros(t.minusNanos(1000)))
            .orElse(addedAfter);
    return new Page(r.body(), more, more ? token : null, resume);
  }

  /** The envelope's own keys: a key given twice is named only if it is one of these. */
  private static final java.util.Set<String> ENVELOPE_KEYS =
      java.util.Set.of("more", "next", "objects");

  /**
   * The refusal of an envelope giving one of its keys twice: JSON readers differ in which value
   * they take ("more" read as its last value would end a pull with pages left, or loop on one), so
   * the envelope is refused as the hub's own endpoints refuse such a body. Its objects are left to
   * StixBundleReader, which refuses an object with a key given twice and keeps the others. A key
   * the envelope does not define is not quoted (the remote's words stay out of the feed's page).
   */
  private static Failure twice(String name, tools.jackson.core.TokenStreamLocation at) {
    String key = ENVELOPE_KEYS.contains(name) ? name : "?";
    long line = at == null ? 0 : at.getLineNr();
    long column = at == null ? 0 : at.getColumnNr();
    return new Failure(
        "duplicateKey",
        "the remote's envelope gives the key \""
            + key
            + "\" twice (line "
            + line
            + ", column "
            + column
            + ")",
        key,
        line,
        column);
  }

  /** POSTs an envelope; returns the status resource. */
  public String add(byte[] envelope) {
    return new String(
        send(request("POST", objectsUrl()).with("Content-Type", TAXII).body(envelope), 202, null)
            .body(),
        StandardCharsets.UTF_8);
  }

  private String objectsUrl() {
    return apiRoot
        + "collections/"
        + URLEncoder.encode(collection, StandardCharsets.UTF_8)
        + "/objects/";
  }

  private record Answer(OutboundHttp.Response response) {
    byte[] body() {
      return response.body();
    }
  }

  private OutboundHttp.Request request(String method, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new Failure("notUrl", "not a URL: " + apiRoot, apiRoot);
    }
    return new OutboundHttp.Request(method, uri, java.util.Map.of(), null, Duration.ofSeconds(120));
  }

  private Answer send(OutboundHttp.Request req, int expected, Instant deadline) {
    req = req.with("Accept", TAXII);
    if ("bearer".equals(auth.kind()) && auth.secret() != null) {
      req = req.with("Authorization", "Bearer " + auth.secret());
    } else if ("basic".equals(auth.kind()) && auth.secret() != null) {
      String pair = (auth.username() == null ? "" : auth.username()) + ":" + auth.secret();
      req =
          req.with(
              "Authorization",
              "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    OutboundHttp.Response r;
    try {
      r = http.exchange(req, MAX_PAGE_BYTES, false, deadline);
    } catch (OutboundHttp.Unreachable e) {
      throw new Failure(
          "connect",
          "cannot connect to " + apiRoot + " (" + e.getMessage() + ")",
          apiRoot,
          e.getMessage());
    } catch (OutboundHttp.Failure e) {
      Failure f = new Failure("outbound", e.getMessage(), apiRoot, e.getMessage());
      f.initCause(e); // a refusal by the address policy is audited by the feed (TaxiiFeeds)
      throw f;
    }
    if (r.status() != expected) {
      // the status only: what a remote (or an internal service) says in its body stays there
      throw new Failure("http", "HTTP " + r.status() + " from " + apiRoot, r.status(), apiRoot);
    }
    if (r.tooLarge()) {
      throw new Failure(
          "tooLarge", "an answer exceeds " + MAX_PAGE_BYTES + " bytes", MAX_PAGE_BYTES);
    }
    return new Answer(r);
  }

  private static Optional<Instant> parse(String s) {
    Optional<Instant> t = StixTime.parse(s);
    if (t.isPresent()) {
      return t;
    }
    try {
      return Optional.of(Instant.parse(s));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A failure's text as it may be stored and logged: one line of at most 300 characters, control,
   * format (bidirectional) and separator characters written as {@code \\uXXXX}, so that a remote's
   * words can neither forge a log line nor drive a terminal.
   */
  static String clip(String s) {
    return excerpt(s.replaceAll("\\s+", " ").strip(), 300);
  }

  /** At most {@code max} characters of {@code s}, unsafe characters escaped (see {@link #clip}). */
  static String excerpt(String s, int max) {
    StringBuilder out = new StringBuilder();
    int fits = 0; // the length up to which "..." still fits after it
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
      if (out.length() > max) {
        return out.substring(0, fits) + "...";
      }
      if (out.length() <= max - 3) {
        fits = out.length();
      }
    }
    return out.toString();
  }
}
