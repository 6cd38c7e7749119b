package jp.renkei.server.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Browse and filter the audit log (times are entered and shown in Japan time). Entries are shown
 * without sequence numbers or hashes, and the chain check says only whether it holds (see {@link
 * AuditEntryRepresentation}).
 */
@Controller
class AuditPages {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private final AuditLog audit;
  private final AuditCursors cursors;

  AuditPages(AuditLog audit, AuditCursors cursors) {
    this.audit = audit;
    this.cursors = cursors;
  }

  @GetMapping("/admin/audit")
  String list(
      Actor actor,
      @RequestParam(required = false) String action,
      @RequestParam(name = "actor", required = false) String actorName,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      @RequestParam(defaultValue = "false") boolean verify,
      Model model) {
    AuditFilter filter =
        new AuditFilter(
            action,
            actorName,
            outcome,
            instant("from", from),
            instant("to", to),
            cursors.before(before),
            100);
    List<AuditEntryRepresentation> entries =
        audit.search(actor, filter).stream()
            .map(e -> AuditEntryRepresentation.of(e, cursors))
            .toList();
    model.addAttribute("filter", filter);
    model.addAttribute("fromText", from);
    model.addAttribute("toText", to);
    model.addAttribute("entries", entries);
    model.addAttribute("zone", JST);
    model.addAttribute(
        "olderCursor",
        entries.size() == filter.limit() ? entries.get(entries.size() - 1).cursor() : null);
    if (verify && actor.is(Role.PLATFORM_ADMIN)) {
      ChainVerifier.Result chain = audit.verify();
      model.addAttribute("chainIntact", chain.intact());
      model.addAttribute(
          "chainProblem", chain.firstBreak().map(b -> b.problem().name()).orElse(null));
    }
    return "audit/list";
  }

  private static java.time.Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).atZone(JST).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "error.badParameter", field, text);
    }
  }
}
