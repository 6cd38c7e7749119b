package jp.renkei.server.intel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.engine.stix.StixTime;
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

  /** What went wrong with the remote, in words. */
  public static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failure(String message) {
      super(message);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String apiRoot;
  private final String collection;
  private final Auth auth;

  public TaxiiClient(String apiRoot, String collection, Auth auth) {
    this.apiRoot = apiRoot.endsWith("/") ? apiRoot : apiRoot + "/";
    this.collection = collection;
    this.auth = auth == null ? Auth.NONE : auth;
  }

  /**
   * One page of objects added after {@code addedAfter} (or from the start), continuing {@code
   * next}.
   */
  public Page objects(String addedAfter, String next) {
    StringBuilder uri = new StringBuilder(objectsUrl()).append("?limit=").append(PAGE);
    if (addedAfter != null) {
      uri.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
    }
    if (next != null) {
      uri.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    Answer r = send(HttpRequest.newBuilder(URI.create(uri.toString())).GET(), 200);
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/taxii+json")) {
      throw new Failure("the remote answered " + type + ", not " + TAXII);
    }
    boolean more = false;
    String token = null;
    try (JsonParser p = JSON.createParser(r.body())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
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
      throw new Failure("the remote's envelope is not JSON: " + e.getOriginalMessage());
    }
    String resume =
        r.headers()
            .firstValue("X-TAXII-Date-Added-Last")
            .flatMap(TaxiiClient::parse)
            .map(t -> StixTime.formatMicros(t.minusNanos(1000)))
            .orElse(addedAfter);
    return new Page(r.body(), more, more ? token : null, resume);
  }

  /** POSTs an envelope; returns the status resource. */
  public String add(byte[] envelope) {
    return new String(
        send(
                HttpRequest.newBuilder(URI.create(objectsUrl()))
                    .header("Content-Type", TAXII)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)),
                202)
            .body(),
        StandardCharsets.UTF_8);
  }

  private String objectsUrl() {
    return apiRoot
        + "collections/"
        + URLEncoder.encode(collection, StandardCharsets.UTF_8)
        + "/objects/";
  }

  private record Answer(java.net.http.HttpHeaders headers, byte[] body) {}

  private Answer send(HttpRequest.Builder req, int expected) {
    req.timeout(Duration.ofSeconds(120)).header("Accept", TAXII);
    if ("bearer".equals(auth.kind()) && auth.secret() != null) {
      req.header("Authorization", "Bearer " + auth.secret());
    } else if ("basic".equals(auth.kind()) && auth.secret() != null) {
      String pair = (auth.username() == null ? "" : auth.username()) + ":" + auth.secret();
      req.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<InputStream> r;
    byte[] body;
    try {
      r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        body = in.readNBytes(MAX_PAGE_BYTES + 1);
      }
    } catch (java.net.ConnectException e) {
      throw new Failure("cannot connect to " + apiRoot + " (connection refused or unreachable)");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new Failure("the remote did not answer in time (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    }
    if (r.statusCode() != expected) {
      throw new Failure(
          "HTTP "
              + r.statusCode()
              + " from "
              + apiRoot
              + ": "
              + clip(new String(body, StandardCharsets.UTF_8)));
    }
    if (body.length > MAX_PAGE_BYTES) {
      throw new Failure("an answer exceeds " + MAX_PAGE_BYTES + " bytes");
    }
    return new Answer(r.headers(), body);
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

  static String clip(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 300 ? one : one.substring(0, 297) + "...";
  }
}
