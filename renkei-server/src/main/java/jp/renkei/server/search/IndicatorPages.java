package jp.renkei.server.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.intel.CorrelationService;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.ObjectQuery;
import jp.renkei.server.intel.SightingService;
import jp.renkei.server.intel.StixCollection;
import jp.renkei.server.intel.StoredObject;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator browser: the STIX objects a viewer may see, in every collection it may read (or
 * one), newest first, by type and time (keyset pages: the cursor is the last object's place in the
 * store), or by value through the search; one object with its versions and copies as the reader
 * sees them, its sightings and its correlations. Every object comes from {@link IntelService#page},
 * the read path TAXII serves from (the policy per object, granular markings removed).
 */
@Controller
class IndicatorPages {

  static final int PAGE = 50;

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private final IntelService intel;
  private final SightingService sightings;
  private final CorrelationService correlations;
  private final SearchService search;
  private final IndicatorCursors cursors;
  private final JsonMapper json = JsonMapper.builder().build();

  IndicatorPages(
      IntelService intel,
      SightingService sightings,
      CorrelationService correlations,
      SearchService search,
      IndicatorCursors cursors) {
    this.intel = intel;
    this.cursors = cursors;
    this.sightings = sightings;
    this.correlations = correlations;
    this.search = search;
  }

  /** One line of the browser: an object's version as the reader may see it. */
  record Line(
      String stixId,
      String type,
      String name,
      String value,
      String marking,
      Instant added,
      Instant version,
      boolean own,
      String collectionTitleJa,
      String collectionTitleEn) {}

  @GetMapping("/intel/objects")
  String list(
      Actor actor,
      @RequestParam(required = false) UUID collection,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String value,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String cursor,
      Model model) {
    List<StixCollection> readable =
        intel.collections(actor).stream().filter(c -> intel.canRead(actor, c)).toList();
    model.addAttribute("collections", readable);
    model.addAttribute("type", type == null ? "" : type.strip());
    model.addAttribute("value", value == null ? "" : value.strip());
    model.addAttribute("since", since == null ? "" : since.strip());
    if (value != null && !value.isBlank()) {
      try {
        model.addAttribute(
            "found", search.search(actor, value, SearchResult.Kind.STIX).groups().get(0));
      } catch (InvalidInput e) {
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArgs", e.args());
      }
      return "search/indicators";
    }
    Optional<StixCollection> chosen =
        collection == null
            ? Optional.empty()
            : readable.stream().filter(c -> c.id().equals(collection)).findFirst();
    if (collection != null && chosen.isEmpty()) {
      throw new NotFound("collection", collection.toString());
    }
    chosen.ifPresent(c -> model.addAttribute("collection", c));
    Instant after = null;
    if (since != null && !since.isBlank()) {
      try {
        after = LocalDate.parse(since.strip()).atStartOfDay(JST).toInstant();
      } catch (DateTimeParseException e) {
        model.addAttribute("error", "search.indicators.badDate");
        model.addAttribute("errorArgs", new Object[] {since.strip()});
        return "search/indicators";
      }
    }
    List<String> types = type == null || type.isBlank() ? List.of() : List.of(type.strip());
    ObjectQuery q =
        new ObjectQuery(after, null, List.of(), types, ObjectQuery.Versions.LAST, List.of());
    // a sealed place, never a number: the gaps between two would count the objects hidden between
    long from = cursors.read(collection, cursor);
    // one collection, or every readable one merged newest first (seq is one sequence over all
    // collections, so each collection's next page holds all it can add to this one)
    record Found(StoredObject object, StixCollection collection) {}
    List<Found> found = new ArrayList<>();
    boolean more = false;
    for (StixCollection c : chosen.map(List::of).orElse(readable)) {
      IntelService.Page page = intel.page(actor, c, q, from, PAGE, true, true);
      more |= page.more();
      page.objects().forEach(o -> found.add(new Found(o, c)));
    }
    found.sort(java.util.Comparator.comparingLong((Found f) -> f.object().seq()).reversed());
    more |= found.size() > PAGE;
    List<Found> first = found.subList(0, Math.min(PAGE, found.size()));
    List<Line> shown = first.stream().map(f -> line(actor, f.object(), f.collection())).toList();
    long last = first.isEmpty() ? from : first.get(first.size() - 1).object().seq();
    model.addAttribute("lines", shown);
    model.addAttribute("next", more ? cursors.issue(collection, last) : null);
    return "search/indicators";
  }

  @GetMapping("/intel/objects/{stixId}")
  String view(Actor actor, @PathVariable String stixId, Model model) {
    List<Line> versions = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    ObjectQuery q =
        new ObjectQuery(
            null, null, List.of(stixId), List.of(), ObjectQuery.Versions.ALL, List.of());
    List<StixCollection> where = new ArrayList<>();
    for (StixCollection c : intel.collections(actor)) {
      if (!intel.canRead(actor, c)) {
        continue;
      }
      IntelService.Page page = intel.page(actor, c, q, 0, IntelService.MAX_PAGE, true);
      if (!page.objects().isEmpty()) {
        where.add(c);
      }
      for (StoredObject o : page.objects()) {
        versions.add(line(actor, o, c));
        seqs.add(o.seq());
      }
    }
    if (versions.isEmpty()) {
      throw new NotFound("stix_object", stixId);
    }
    versions.sort(
        java.util.Comparator.comparing(Line::version, java.util.Comparator.reverseOrder()));
    model.addAttribute("stixId", stixId);
    model.addAttribute("versions", versions);
    model.addAttribute("where", where);
    model.addAttribute("latest", versions.get(0));
    if (stixId.startsWith("indicator--")) {
      try {
        model.addAttribute("sightings", sightings.of(actor, stixId));
      } catch (NotFound e) {
        // none the reader may see
      }
    }
    model.addAttribute("mayCorrelate", correlations.mayRead(actor));
    model.addAttribute("correlations", correlations.ofObjects(actor, seqs));
    return "search/indicator";
  }

  /**
   * One object's versions in one collection as a STIX bundle to download, for the signed-in reader:
   * what TAXII serves this reader from that collection (the same {@link IntelService#page}, the
   * policy per object, granular markings removed), without an API token. An object or a collection
   * the reader may not see is the same 404.
   */
  @GetMapping("/intel/objects/{stixId}/bundle")
  ResponseEntity<byte[]> bundle(
      Actor actor, @PathVariable String stixId, @RequestParam UUID collection) {
    StixCollection c =
        intel.collections(actor).stream()
            .filter(x -> x.id().equals(collection) && intel.canRead(actor, x))
            .findFirst()
            .orElseThrow(() -> new NotFound("stix_object", stixId));
    ObjectQuery q =
        new ObjectQuery(
            null, null, List.of(stixId), List.of(), ObjectQuery.Versions.ALL, List.of());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      if (intel.writeBundle(actor, c, q, out) == 0) {
        throw new NotFound("stix_object", stixId);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a byte array's stream does not fail
    }
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType("application/stix+json"))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(stixId.replaceAll("[^A-Za-z0-9-]", "_") + ".json")
                .build()
                .toString())
        .body(out.toByteArray());
  }

  private Line line(Actor actor, StoredObject o, StixCollection c) {
    JsonNode n = json.readTree(o.body());
    return new Line(
        text(n, "id"),
        text(n, "type"),
        text(n, "name"),
        n.hasNonNull("pattern") ? text(n, "pattern") : text(n, "value"),
        jp.renkei.server.sharing.Markings.label(o.tlp().name().toLowerCase(java.util.Locale.ROOT)),
        o.dateAdded(),
        n.hasNonNull("modified")
            ? Instant.parse(text(n, "modified"))
            : n.hasNonNull("created") ? Instant.parse(text(n, "created")) : o.dateAdded(),
        actor.organisationId() != null && o.originatorOrg() == actor.organisationId(),
        c.titleJa(),
        c.titleEn());
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asString() : null;
  }
}
