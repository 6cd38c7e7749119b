package jp.renkei.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
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
  private final AuditCursors cursors;
  private final DirectoryService directory;

  AuditApi(AuditLog audit, AuditCursors cursors, DirectoryService directory) {
    this.audit = audit;
    this.cursors = cursors;
    this.directory = directory;
  }

  /**
   * Entries newest first; {@code before} is the {@code cursor} of the last entry of a page; {@code
   * organisation} (an organisation's code) keeps the entries of its people, among those the caller
   * may browse (an org admin naming another organisation gets none); an unknown code is a 400.
   */
  @GetMapping
  List<AuditEntryRepresentation> search(
      Actor actor,
      @RequestParam(required = false) String action,
      @RequestParam(name = "actor", required = false) String actorName,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) String organisation,
      @RequestParam(defaultValue = "100") int limit) {
    return audit
        .search(
            actor,
            new AuditFilter(
                action,
                actorName,
                outcome,
                from,
                to,
                cursors.before(before),
                Math.min(limit, AuditFilter.MAX_LIMIT),
                organisation(actor, organisation)))
        .stream()
        .map(e -> AuditEntryRepresentation.of(e, cursors))
        .toList();
  }

  private Set<Long> organisation(Actor actor, String code) {
    // who may not browse the audit is told so first (by the search), not about the code
    if (code == null || code.isBlank() || !actor.is(Role.ORG_ADMIN)) {
      return null;
    }
    try {
      return Set.of(directory.organisation(code.strip()).id());
    } catch (NotFound e) {
      throw new InvalidInput("organisation", "lists.audit.unknownOrganisation", code.strip());
    }
  }

  /**
   * Whether the chain is intact, and if not, what kind of break was found. The number of entries,
   * the head hash and where the chain broke are the shell's ({@code renkei audit verify}): they
   * would count the entries a platform admin is not shown.
   */
  record Verification(boolean intact, String problem) {}

  @GetMapping("/verify")
  Verification verify(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.audit.forbidden");
    }
    ChainVerifier.Result r = audit.verify();
    return new Verification(r.intact(), r.firstBreak().map(b -> b.problem().name()).orElse(null));
  }
}
