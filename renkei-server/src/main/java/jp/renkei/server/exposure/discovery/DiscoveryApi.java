package jp.renkei.server.exposure.discovery;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: declare and verify scope, run discovery, list and decide what it found. Everything acts on
 * the caller's own organisation; reading another's goes through the exposure details audience.
 */
@RestController
@RequestMapping("/api/v1/exposure")
class DiscoveryApi {

  record ScopeRequest(String kind, String value) {}

  record ScopeRepresentation(
      long id,
      String kind,
      String value,
      boolean verified,
      String verifiedHow,
      String challengeName,
      String challengeValue) {
    static ScopeRepresentation of(ScopeService.ScopeRow r, boolean own) {
      return new ScopeRepresentation(
          r.id(),
          r.kind(),
          r.value(),
          r.verifiedAt() != null,
          r.verifiedHow(),
          own ? r.challengeName() : null,
          own ? r.challengeValue() : null);
    }
  }

  record RunRequest(String kind) {}

  private final ScopeService scopes;
  private final DiscoveryService discovery;

  DiscoveryApi(ScopeService scopes, DiscoveryService discovery) {
    this.scopes = scopes;
    this.discovery = discovery;
  }

  private static long own(Actor actor) {
    if (actor.organisationId() == null) {
      throw new NotFound("organisation", "-");
    }
    return actor.organisationId();
  }

  @GetMapping("/scope")
  List<ScopeRepresentation> scope(Actor actor) {
    return scopes.list(actor, own(actor)).stream()
        .map(r -> ScopeRepresentation.of(r, true))
        .toList();
  }

  @GetMapping("/organisations/{id}/scope")
  List<ScopeRepresentation> scopeOf(Actor actor, @PathVariable long id) {
    boolean own = actor.organisationId() != null && actor.organisationId() == id;
    return scopes.list(actor, id).stream().map(r -> ScopeRepresentation.of(r, own)).toList();
  }

  @PostMapping("/scope")
  ScopeRepresentation declare(Actor actor, @RequestBody ScopeRequest r) {
    return ScopeRepresentation.of(
        scopes.declare(actor, r == null ? null : r.kind(), r == null ? null : r.value()), true);
  }

  @PostMapping("/scope/{id}/verify")
  ScopeRepresentation verify(Actor actor, @PathVariable long id) {
    return ScopeRepresentation.of(scopes.verifyByDns(actor, id), true);
  }

  @PostMapping("/scope/{id}/confirm")
  ScopeRepresentation confirm(Actor actor, @PathVariable long id) {
    return ScopeRepresentation.of(scopes.confirm(actor, id), false);
  }

  @PostMapping("/discovery/runs")
  DiscoveryService.Run run(Actor actor, @RequestBody RunRequest r) {
    return discovery.runNow(actor, r == null || r.kind() == null ? "discovery" : r.kind());
  }

  @GetMapping("/discovered")
  List<DiscoveryService.Found> discovered(Actor actor) {
    return discovery.found(actor, own(actor));
  }

  @PostMapping("/discovered/{id}/confirm")
  void confirmFound(Actor actor, @PathVariable long id) {
    discovery.decide(actor, id, true);
  }

  @PostMapping("/discovered/{id}/dismiss")
  void dismissFound(Actor actor, @PathVariable long id) {
    discovery.decide(actor, id, false);
  }
}
