package jp.renkei.server.audit;

import java.time.Instant;
import java.util.List;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: browse ({@code GET /api/v1/audit}) and verify the audit log. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

  private final AuditLog audit;

  AuditApi(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping
  List<AuditEntry> search(
      Actor actor,
      @RequestParam(required = false) String action,
      @RequestParam(name = "actor", required = false) String actorName,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "100") int limit) {
    return audit.search(
        actor, new AuditFilter(action, actorName, outcome, from, to, before, limit));
  }

  record Verification(
      boolean intact,
      long entriesChecked,
      String headHash,
      Long brokenAtSeq,
      String problem,
      String explanation) {}

  @GetMapping("/verify")
  Verification verify(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.audit.forbidden");
    }
    ChainVerifier.Result r = audit.verify();
    return new Verification(
        r.intact(),
        r.entriesChecked(),
        r.headHash(),
        r.firstBreak().map(ChainVerifier.Break::seq).orElse(null),
        r.firstBreak().map(b -> b.problem().name()).orElse(null),
        r.firstBreak().map(ChainVerifier.Break::explanation).orElse(null));
  }
}
