package jp.renkei.server.advisory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.TokenScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: advisories (情報提供), their versions, confirmations and reminders. */
@RestController
@RequestMapping("/api/v1/advisories")
class AdvisoryApi {

  private final AdvisoryService advisories;

  AdvisoryApi(AdvisoryService advisories) {
    this.advisories = advisories;
  }

  @GetMapping
  List<AdvisoryService.Summary> list(Actor actor, @RequestParam(defaultValue = "50") int limit) {
    return advisories.list(actor, Math.max(1, Math.min(limit, 200)));
  }

  @GetMapping("/inbox")
  List<AdvisoryService.Summary> inbox(Actor actor, @RequestParam(defaultValue = "100") int limit) {
    return advisories.inbox(actor, Math.max(1, Math.min(limit, 200)));
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> issue(Actor actor, @RequestBody NewAdvisory body) {
    long id = advisories.issue(actor, body);
    return ResponseEntity.created(URI.create("/api/v1/advisories/" + id)).body(Map.of("id", id));
  }

  @GetMapping("/{id}")
  AdvisoryView get(Actor actor, @PathVariable long id) {
    return advisories.view(actor, id);
  }

  /**
   * A later version; {@code observables} and {@code sourceReportIds} left out carry the current
   * ones forward, given (an empty list included) they replace them.
   */
  record VersionRequest(
      String kind,
      String title,
      String body,
      String actions,
      List<String> observables,
      List<Long> sourceReportIds,
      String urgency,
      java.time.Instant confirmBy) {}

  @PostMapping("/{id}/versions")
  ResponseEntity<AdvisoryView> addVersion(
      Actor actor,
      TokenScope.Granting granting,
      @PathVariable long id,
      @RequestBody VersionRequest v) {
    advisories.addVersion(
        actor,
        id,
        v.kind(),
        v.title(),
        v.body(),
        v.actions(),
        v.observables(),
        v.sourceReportIds(),
        v.urgency(),
        v.confirmBy());
    return told(granting, actor, id);
  }

  @PostMapping("/{id}/acknowledge")
  ResponseEntity<AdvisoryView> acknowledge(
      Actor actor, TokenScope.Granting granting, @PathVariable long id) {
    advisories.acknowledge(actor, id);
    return told(granting, actor, id);
  }

  /**
   * The advisory after a write, for a caller that may read; a token that may not (scope {@code
   * write} without {@code read}) is answered 204 and reads nothing through its writes (attack27).
   */
  private ResponseEntity<AdvisoryView> told(TokenScope.Granting granting, Actor actor, long id) {
    return granting.reads()
        ? ResponseEntity.ok(advisories.view(actor, id))
        : ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/remind")
  Map<String, Object> remind(Actor actor, @PathVariable long id) {
    return Map.of("reminded", advisories.remind(actor, id));
  }
}
