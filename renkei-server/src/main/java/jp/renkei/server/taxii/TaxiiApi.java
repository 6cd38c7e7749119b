package jp.renkei.server.taxii;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.TaxiiProperties;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.ObjectQuery;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.intel.StoredObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server (OASIS TAXII 2.1 §4–§5): discovery, one API root, status, collections,
 * objects (GET, POST, DELETE), object, versions and manifest, with the 2.1 filters and paging.
 * Every object passes the sharing policy for the caller; what the caller may not see is answered
 * exactly as if it did not exist.
 */
@Controller
@ResponseBody
@RequestMapping("/taxii2")
class TaxiiApi {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String STIX = "application/stix+json;version=2.1";
  static final String ROOT = "api";

  private final IntelService intel;
  private final TaxiiStatuses statuses;
  private final PageTokens tokens;
  private final TaxiiProperties props;
  private final JsonMapper json = JsonMapper.builder().build();

  TaxiiApi(IntelService intel, TaxiiStatuses statuses, PageTokens tokens, TaxiiProperties props) {
    this.intel = intel;
    this.statuses = statuses;
    this.tokens = tokens;
    this.props = props;
  }

  // ---- server and API root -----------------------------------------------------------------

  @GetMapping("/")
  ResponseEntity<String> discovery(HttpServletRequest request) {
    accept(request);
    ObjectNode d = json.createObjectNode();
    d.put("title", props.title());
    d.put("description", "Renkei (連携) — critical-infrastructure cyber defence partnership hub");
    if (!props.contact().isEmpty()) {
      d.put("contact", props.contact());
    }
    String root = base(request) + "/taxii2/" + ROOT + "/";
    d.put("default", root);
    d.putArray("api_roots").add(root);
    return ok(d);
  }

  @GetMapping("/{root}/")
  ResponseEntity<String> apiRoot(@PathVariable String root, HttpServletRequest request) {
    accept(request);
    root(root);
    ObjectNode r = json.createObjectNode();
    r.put("title", props.title());
    r.putArray("versions").add(TAXII);
    r.put("max_content_length", props.maxContentLength());
    return ok(r);
  }

  @GetMapping("/{root}/status/{id}/")
  ResponseEntity<String> status(
      @PathVariable String root, @PathVariable String id, Actor actor, HttpServletRequest request) {
    accept(request);
    root(root);
    return uuid(id)
        .flatMap(u -> statuses.find(u, actor.userId()))
        .map(this::ok)
        .orElseThrow(() -> TaxiiException.notFound("no status resource " + id));
  }

  // ---- collections -------------------------------------------------------------------------

  @GetMapping("/{root}/collections/")
  ResponseEntity<String> collections(
      @PathVariable String root, Actor actor, HttpServletRequest request) {
    accept(request);
    root(root);
    ObjectNode out = json.createObjectNode();
    ArrayNode list = out.putArray("collections");
    Locale locale = request.getLocale();
    for (StixCollection c : intel.collections(actor)) {
      list.add(collectionJson(c, actor, locale));
    }
    return ok(out);
  }

  @GetMapping("/{root}/collections/{id}/")
  ResponseEntity<String> collection(
      @PathVariable String root, @PathVariable String id, Actor actor, HttpServletRequest request) {
    accept(request);
    root(root);
    return ok(collectionJson(collection(id, actor), actor, request.getLocale()));
  }

  private ObjectNode collectionJson(StixCollection c, Actor actor, Locale locale) {
    ObjectNode j = json.createObjectNode();
    j.put("id", c.id().toString());
    j.put("title", c.title(locale));
    j.put(
        "description",
        switch (c.kind()) {
          case HUB ->
              "Shared with the whole community; unmarked objects are TLP:"
                  + c.defaultTlp().name().replace('_', '+');
          case SECTOR ->
              "Sector "
                  + c.sectorCode()
                  + ": GREEN reaches the sector's organisations,"
                  + " AMBER its CEPTOAR and their members";
          case ORGANISATION -> "Private to one organisation";
          case ADVISORIES -> "Advisories as STIX, each object for exactly its advisory's audience";
          case CUSTOM -> c.titleEn();
        });
    j.put("can_read", intel.canRead(actor, c));
    j.put("can_write", intel.canWrite(actor, c));
    j.putArray("media_types").add(STIX);
    return j;
  }

  // ---- objects -----------------------------------------------------------------------------

  @GetMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<byte[]> objects(
      @PathVariable String root,
      @PathVariable String id,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[id]", required = false) String matchId,
      @RequestParam(name = "match[type]", required = false) String matchType,
      @RequestParam(name = "match[version]", required = false) String matchVersion,
      @RequestParam(name = "match[spec_version]", required = false) String matchSpec,
      Actor actor,
      HttpServletRequest request) {
    accept(request);
    root(root);
    StixCollection c = readable(id, actor);
    ObjectQuery q =
        query(addedAfter, list(matchId), list(matchType), versions(matchVersion, false), matchSpec);
    IntelService.Page page = intel.page(actor, c, q, after(c, next), limit(limit), true);
    String head =
        "{\"more\":"
            + page.more()
            + (page.more() ? ",\"next\":\"" + tokens.issue(c.id(), page.lastSeq()) + "\"" : "");
    return withAddedHeaders(page.objects()).body(envelope(head, page.objects()));
  }

  /**
   * The envelope {@code head,"objects":[...]}} as UTF-8, the stored objects copied in as the bytes
   * the database sent (a page of 1,000 is about half a megabyte: no decoding, no re-encoding, one
   * exactly sized array).
   */
  static byte[] envelope(String head, List<StoredObject> objects) {
    byte[] start = (objects.isEmpty() ? head : head + ",\"objects\":[").getBytes(UTF_8);
    int length = start.length + (objects.isEmpty() ? 1 : objects.size() + 1);
    for (StoredObject o : objects) {
      length += o.json().length;
    }
    byte[] out = new byte[length];
    System.arraycopy(start, 0, out, 0, start.length);
    int at = start.length;
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      byte[] json = objects.get(i).json();
      System.arraycopy(json, 0, out, at, json.length);
      at += json.length;
    }
    if (!objects.isEmpty()) {
      out[at++] = ']';
    }
    out[at] = '}';
    return out;
  }

  @GetMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<byte[]> object(
      @PathVariable String root,
      @PathVariable String id,
      @PathVariable String objectId,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[version]", required = false) String matchVersion,
      @RequestParam(name = "match[spec_version]", required = false) String matchSpec,
      Actor actor,
      HttpServletRequest request) {
    ResponseEntity<byte[]> r =
        objects(
            root,
            id,
            addedAfter,
            limit,
            next,
            objectId,
            null,
            matchVersion,
            matchSpec,
            actor,
            request);
    if (!r.getHeaders().containsHeader("X-TAXII-Date-Added-First")) {
      throw TaxiiException.notFound("no object " + objectId + " in collection " + id);
    }
    return r;
  }

  @GetMapping("/{root}/collections/{id}/objects/{objectId}/versions/")
  ResponseEntity<String> versions(
      @PathVariable String root,
      @PathVariable String id,
      @PathVariable String objectId,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[spec_version]", required = false) String matchSpec,
      Actor actor,
      HttpServletRequest request) {
    accept(request);
    root(root);
    StixCollection c = readable(id, actor);
    ObjectQuery q =
        query(addedAfter, List.of(objectId), List.of(), ObjectQuery.Versions.ALL, matchSpec);
    IntelService.Page page = intel.page(actor, c, q, after(c, next), limit(limit), false);
    if (page.objects().isEmpty() && next == null) {
      throw TaxiiException.notFound("no object " + objectId + " in collection " + id);
    }
    ObjectNode out = json.createObjectNode();
    out.put("more", page.more());
    if (page.more()) {
      out.put("next", tokens.issue(c.id(), page.lastSeq()));
    }
    ArrayNode v = out.putArray("versions");
    page.objects().forEach(o -> v.add(StixTime.formatMicros(o.version())));
    return withAddedHeaders(page.objects()).body(out.toString());
  }

  @GetMapping("/{root}/collections/{id}/manifest/")
  ResponseEntity<String> manifest(
      @PathVariable String root,
      @PathVariable String id,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[id]", required = false) String matchId,
      @RequestParam(name = "match[type]", required = false) String matchType,
      @RequestParam(name = "match[version]", required = false) String matchVersion,
      @RequestParam(name = "match[spec_version]", required = false) String matchSpec,
      Actor actor,
      HttpServletRequest request) {
    accept(request);
    root(root);
    StixCollection c = readable(id, actor);
    ObjectQuery q =
        query(addedAfter, list(matchId), list(matchType), versions(matchVersion, false), matchSpec);
    IntelService.Page page = intel.page(actor, c, q, after(c, next), limit(limit), false);
    ObjectNode out = json.createObjectNode();
    out.put("more", page.more());
    if (page.more()) {
      out.put("next", tokens.issue(c.id(), page.lastSeq()));
    }
    if (!page.objects().isEmpty()) {
      ArrayNode list = out.putArray("objects");
      for (StoredObject o : page.objects()) {
        list.addObject()
            .put("id", o.stixId())
            .put("date_added", StixTime.formatMicros(o.dateAdded()))
            .put("version", StixTime.formatMicros(o.version()))
            .put("media_type", STIX);
      }
    }
    return withAddedHeaders(page.objects()).body(out.toString());
  }

  /**
   * What a token of scope {@code match} (without {@code taxii}) may post: the sightings of its hits
   * and the identity it names them by ({@code renkei match --report-sightings}), nothing that
   * publishes in its organisation's name (attack27).
   */
  static final java.util.Set<String> MATCH_TYPES = java.util.Set.of("sighting", "identity");

  static final String MATCH_REFUSED =
      "a token of scope match may post sightings (and their identity) only; publishing this object"
          + " needs scope taxii";

  @PostMapping("/{root}/collections/{id}/objects/")
  ResponseEntity<String> add(
      @PathVariable String root,
      @PathVariable String id,
      Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      HttpServletRequest request)
      throws IOException {
    accept(request);
    root(root);
    StixCollection c = collection(id, actor);
    if (!intel.canWrite(actor, c)) {
      throw new TaxiiException(403, "Forbidden", "you may not add objects to collection " + id);
    }
    String type = request.getContentType();
    if (type == null || !isTaxii21(type)) {
      throw new TaxiiException(
          415, "Unsupported media type", "send the envelope as " + TAXII + ", not " + type);
    }
    long length = request.getContentLengthLong();
    if (length > props.maxContentLength()) {
      throw tooLarge(length);
    }
    IntelService.Ingest ingest;
    Limited in = new Limited(request.getInputStream(), props.maxContentLength());
    try (in) {
      ingest =
          granting.scopes().contains(jp.renkei.server.directory.TokenScope.TAXII)
              ? intel.ingest(actor, c, actor.organisationId(), null, in, n -> {})
              : intel.ingest(actor, c, actor.organisationId(), MATCH_TYPES, MATCH_REFUSED, in);
    } catch (RuntimeException | IOException e) {
      if (in.exceeded) {
        throw tooLarge(-1);
      }
      throw e;
    }
    if (in.exceeded) {
      // without a Content-Length the limit is met while reading; what came before is stored,
      // and storing is idempotent, so the client may resend a smaller envelope
      throw tooLarge(-1);
    }
    if (ingest.outcomes().isEmpty() && ingest.broken() != null) {
      throw TaxiiException.badRequest(ingest.broken());
    }
    return ResponseEntity.status(202)
        .header(HttpHeaders.CONTENT_TYPE, TAXII)
        .body(statuses.create(c.id(), actor.userId(), ingest).toString());
  }

  @DeleteMapping("/{root}/collections/{id}/objects/{objectId}/")
  ResponseEntity<String> delete(
      @PathVariable String root,
      @PathVariable String id,
      @PathVariable String objectId,
      @RequestParam(name = "match[version]", required = false) String matchVersion,
      @RequestParam(name = "match[spec_version]", required = false) String matchSpec,
      Actor actor,
      HttpServletRequest request) {
    accept(request);
    root(root);
    StixCollection c = readable(id, actor);
    if (!intel.canWrite(actor, c)) {
      throw new TaxiiException(403, "Forbidden", "you may not delete from collection " + id);
    }
    if (matchSpec != null && !list(matchSpec).contains("2.1")) {
      throw TaxiiException.notFound("no object " + objectId + " in collection " + id);
    }
    return switch (intel.delete(actor, c, objectId, versions(matchVersion, true))) {
      case NOT_FOUND ->
          throw TaxiiException.notFound("no object " + objectId + " in collection " + id);
      case NOT_ORIGINATOR ->
          throw new TaxiiException(
              403, "Forbidden", "only the organisation that added " + objectId + " may delete it");
      case DELETED -> ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII).build();
    };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private TaxiiException tooLarge(long length) {
    return new TaxiiException(
        413,
        "Content too large",
        (length > 0 ? "the envelope has " + length + " bytes; " : "the envelope exceeds ")
            + "the limit of "
            + props.maxContentLength()
            + " bytes (max_content_length of the API root)");
  }

  private static void root(String root) {
    if (!ROOT.equals(root)) {
      throw TaxiiException.notFound(
          "no API root " + root + "; this server has /taxii2/" + ROOT + "/");
    }
  }

  private StixCollection collection(String id, Actor actor) {
    return uuid(id)
        .flatMap(u -> intel.collection(actor, u))
        .orElseThrow(() -> TaxiiException.notFound("no collection " + id));
  }

  private StixCollection readable(String id, Actor actor) {
    StixCollection c = collection(id, actor);
    if (!intel.canRead(actor, c)) {
      throw new TaxiiException(403, "Forbidden", "you may not read collection " + id);
    }
    return c;
  }

  private static Optional<UUID> uuid(String s) {
    try {
      return Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private long after(StixCollection c, String next) {
    if (next == null) {
      return 0;
    }
    return tokens
        .read(c.id(), next)
        .orElseThrow(
            () ->
                TaxiiException.badRequest(
                    "next: not a paging token this server issued for collection " + c.id()));
  }

  private int limit(String limit) {
    if (limit == null) {
      return props.defaultPageSize();
    }
    try {
      int n = Integer.parseInt(limit);
      if (n < 1) {
        throw TaxiiException.badRequest("limit: must be a positive integer, got " + limit);
      }
      return Math.min(n, IntelService.MAX_PAGE);
    } catch (NumberFormatException e) {
      throw TaxiiException.badRequest("limit: must be a positive integer, got '" + limit + "'");
    }
  }

  private static List<String> list(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Instant timestamp(String field, String value) {
    return StixTime.parse(value)
        .orElseThrow(
            () ->
                TaxiiException.badRequest(
                    field
                        + ": '"
                        + value
                        + "' is not a timestamp (e.g. 2026-04-01T09:30:00.000Z)"));
  }

  private static ObjectQuery.Versions versions(String match, boolean defaultAll) {
    if (match == null) {
      return defaultAll ? ObjectQuery.Versions.ALL : ObjectQuery.Versions.LAST;
    }
    boolean all = false;
    boolean first = false;
    boolean last = false;
    List<Instant> at = new ArrayList<>();
    for (String v : list(match)) {
      switch (v) {
        case "all" -> all = true;
        case "first" -> first = true;
        case "last" -> last = true;
        default ->
            at.add(
                timestamp("match[version]", v).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
      }
    }
    if (!all && !first && !last && at.isEmpty()) {
      throw TaxiiException.badRequest("match[version]: give first, last, all or timestamps");
    }
    return new ObjectQuery.Versions(all, first, last, at);
  }

  private static ObjectQuery query(
      String addedAfter,
      List<String> ids,
      List<String> types,
      ObjectQuery.Versions versions,
      String specVersions) {
    return new ObjectQuery(
        addedAfter == null ? null : timestamp("added_after", addedAfter),
        null,
        ids,
        types,
        versions,
        list(specVersions));
  }

  /** TAXII 2.1 clients send {@code Accept: application/taxii+json;version=2.1}. */
  private static void accept(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return;
    }
    for (String range : accept.split(",")) {
      String r = range.strip().toLowerCase(Locale.ROOT);
      if (r.startsWith("*/*") || r.startsWith("application/*") || isTaxii21(r)) {
        return;
      }
    }
    throw new TaxiiException(
        406, "Not acceptable", "this server answers " + TAXII + " only; Accept was " + accept);
  }

  private static boolean isTaxii21(String mediaType) {
    String m = mediaType.toLowerCase(Locale.ROOT).replace(" ", "");
    if (!m.startsWith("application/taxii+json")) {
      return false;
    }
    String params = m.substring("application/taxii+json".length());
    if (params.isEmpty() || params.startsWith(";q=")) {
      return true;
    }
    return params.contains("version=2.1");
  }

  private static String base(HttpServletRequest request) {
    return request.getScheme()
        + "://"
        + request.getServerName()
        + ":"
        + request.getServerPort()
        + request.getContextPath();
  }

  private ResponseEntity<String> ok(ObjectNode body) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII).body(body.toString());
  }

  private static ResponseEntity.BodyBuilder withAddedHeaders(List<StoredObject> page) {
    ResponseEntity.BodyBuilder b = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, TAXII);
    if (!page.isEmpty()) {
      b.header("X-TAXII-Date-Added-First", StixTime.formatMicros(page.get(0).dateAdded()));
      b.header(
          "X-TAXII-Date-Added-Last", StixTime.formatMicros(page.get(page.size() - 1).dateAdded()));
    }
    return b;
  }

  /** Stops reading a request body past the limit. */
  static final class Limited extends FilterInputStream {
    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;

      TooLarge(long max) {
        super("the envelope exceeds " + max + " bytes");
      }
    }

    private final long max;
    private long count;
    boolean exceeded;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > max) {
        exceeded = true;
        throw new TooLarge(max);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0 && (count += n) > max) {
        exceeded = true;
        throw new TooLarge(max);
      }
      return n;
    }
  }
}
