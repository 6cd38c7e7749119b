package jp.renkei.server.notice;

import java.time.LocalDate;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.InvalidInputs;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The NOTICE page: the notifications one's organisation holds, with the form to record the 注意喚起 and
 * its outcome, and the monthly statistics the viewer may see.
 */
@Controller
class NoticePages {

  private final NoticeAccess access;
  private final NoticeService service;
  private final MessageSource messages;

  NoticePages(NoticeAccess access, NoticeService service, MessageSource messages) {
    this.access = access;
    this.service = service;
    this.messages = messages;
  }

  @GetMapping("/notice")
  String page(Actor actor, Model model) {
    model.addAttribute("notices", access.held(actor, false));
    model.addAttribute("months", access.statistics(actor));
    model.addAttribute("outcomes", jp.renkei.engine.notice.Outcome.values());
    model.addAttribute("ways", List.of("email", "post", "phone", "visit", "other"));
    return "notice/page";
  }

  @PostMapping("/notice/{id}/outcome")
  String outcome(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String warnedHow,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate warnedOn,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String note,
      Model model,
      java.util.Locale locale) {
    try {
      service.record(
          actor,
          id,
          warnedHow == null || warnedHow.isBlank() ? null : warnedHow,
          warnedOn,
          outcome,
          note == null || note.isBlank() ? null : note);
    } catch (InvalidInput e) {
      model.addAttribute(
          "errors",
          InvalidInputs.of(e).stream()
              .map(x -> messages.getMessage(x.messageKey(), x.args(), locale))
              .toList());
      return page(actor, model);
    }
    return "redirect:/notice";
  }
}
