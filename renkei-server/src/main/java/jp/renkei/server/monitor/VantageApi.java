package jp.renkei.server.monitor;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: vantage points, for the platform administrator (a token needs scope {@code admin}).
 * Registering one or issuing a new token answers the token once.
 */
@RestController
@RequestMapping("/api/v1/monitor/vantage-points")
class VantageApi {

  record VantageRequest(String code, String region) {}

  record Issued(VantageService.Vantage vantage, String token, Instant expiresAt) {}

  /** {@code all: true}, or {@code all: false} with the site ids the vantage point probes. */
  record Assignment(Boolean all, List<Long> siteIds) {}

  private final VantageService vantages;

  VantageApi(VantageService vantages) {
    this.vantages = vantages;
  }

  @GetMapping
  List<VantageService.Vantage> list(Actor actor) {
    return vantages.list(actor);
  }

  @GetMapping("/{id}")
  VantageService.Vantage get(Actor actor, @PathVariable long id) {
    return vantages.get(actor, id);
  }

  @PostMapping
  ResponseEntity<Issued> create(Actor actor, @RequestBody VantageRequest body) {
    VantageService.Issued i = vantages.create(actor, body.code(), body.region());
    return ResponseEntity.created(URI.create("/api/v1/monitor/vantage-points/" + i.vantage().id()))
        .body(new Issued(i.vantage(), i.token(), i.expiresAt()));
  }

  @PostMapping("/{id}/token")
  Issued issue(Actor actor, @PathVariable long id) {
    VantageService.Issued i = vantages.issue(actor, id);
    return new Issued(i.vantage(), i.token(), i.expiresAt());
  }

  @DeleteMapping("/{id}/token")
  VantageService.Vantage revoke(Actor actor, @PathVariable long id) {
    return vantages.revoke(actor, id);
  }

  @GetMapping("/{id}/sites")
  Assignment assignment(Actor actor, @PathVariable long id) {
    VantageService.Vantage v = vantages.get(actor, id);
    return new Assignment(v.allSites(), v.allSites() ? List.of() : vantages.assignedIds(actor, id));
  }

  @PutMapping("/{id}/sites")
  Assignment assign(Actor actor, @PathVariable long id, @RequestBody Assignment body) {
    if (body.all() == null) {
      throw new InvalidInput("all", "validation.required");
    }
    vantages.assign(actor, id, body.all(), body.siteIds());
    return assignment(actor, id);
  }
}
