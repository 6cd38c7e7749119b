package jp.renkei.server.intel;

import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Correlations (national coordinator analysts), sightings and warning lists, as JSON. See
 * docs/api.md.
 */
@RestController
@RequestMapping("/api/v1")
class CorrelationApi {

  private final CorrelationService correlations;
  private final WarningLists warningLists;
  private final SightingService sightings;

  CorrelationApi(
      CorrelationService correlations, WarningLists warningLists, SightingService sightings) {
    this.correlations = correlations;
    this.warningLists = warningLists;
    this.sightings = sightings;
  }

  @GetMapping("/correlations")
  CorrelationService.Page correlations(
      Actor actor,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit) {
    return correlations.list(actor, before, limit);
  }

  /** An indicator's sightings as the caller may learn them (see SightingService). */
  @GetMapping("/indicators/{id}/sightings")
  SightingService.Summary sightings(Actor actor, @PathVariable String id) {
    return sightings.of(actor, id);
  }

  @GetMapping("/warning-lists")
  List<WarningLists.ListView> warningLists() {
    return warningLists.lists();
  }

  /** Body: {@code {"kind":"domain-name","value":"example.jp"}}. */
  @PostMapping("/warning-lists/{code}/entries")
  ResponseEntity<WarningLists.EntryView> add(
      Actor actor, @PathVariable String code, @RequestBody Map<String, String> entry) {
    return ResponseEntity.status(201)
        .body(warningLists.add(actor, code, entry.get("kind"), entry.get("value")));
  }

  @DeleteMapping("/warning-lists/{code}/entries")
  ResponseEntity<Void> remove(
      Actor actor,
      @PathVariable String code,
      @RequestParam String kind,
      @RequestParam String value) {
    return warningLists.remove(actor, code, kind, value)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }
}
