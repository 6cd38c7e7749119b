package jp.renkei.server.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse and filter the audit log (times are entered and shown in Japan time). */
@Controller
class AuditPages {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private final AuditLog audit;

  AuditPages(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  String list(
      Actor actor,
      @RequestParam(required = false) String action,
      @RequestParam(name = "actor", required = false) String actorName,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "false") boolean verify,
      Model model) {
    AuditFilter filter =
        new AuditFilter(
            action, actorName, outcome, instant("from", from), instant("to", to), before, 100);
    List<AuditEntry> entries = audit.search(actor, filter);
    model.addAttribute("filter", filter);
    model.addAttribute("fromText", from);
    model.addAttribute("toText", to);
    model.addAttribute("entries", entries);
    model.addAttribute("zone", JST);
    model.addAttribute(
        "oldestSeq",
        entries.size() == filter.limit() ? entries.get(entries.size() - 1).seq() : null);
    if (verify && actor.is(Role.PLATFORM_ADMIN)) {
      model.addAttribute("chain", audit.verify());
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
