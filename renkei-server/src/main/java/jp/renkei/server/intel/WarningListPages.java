package jp.renkei.server.intel;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warning lists for platform admins: every entry with why it is there and its last review; add
 * (with a note), review (keep, with a note) and remove. Entries that cover a whole registry of
 * domains are marked. Changes are audited by {@link WarningLists}.
 */
@Controller
class WarningListPages {

  private final WarningLists lists;

  WarningListPages(WarningLists lists) {
    this.lists = lists;
  }

  @GetMapping("/admin/warning-lists")
  String view(Actor actor, Model model) {
    requireAdmin(actor);
    model.addAttribute("lists", lists.lists());
    model.addAttribute(
        "kinds",
        List.of(
            "domain-name",
            "url",
            "ipv4-addr",
            "ipv6-addr",
            "cidr",
            "email-addr",
            "md5",
            "sha1",
            "sha256",
            "sha512"));
    return "intel/warning-lists";
  }

  @PostMapping("/admin/warning-lists/{code}/entries")
  String add(
      Actor actor,
      @PathVariable String code,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(defaultValue = "") String note,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    try {
      WarningLists.EntryView e = lists.add(actor, code, kind, value, note);
      redirect.addFlashAttribute("done", "pages.warninglist.added");
      redirect.addFlashAttribute("doneValue", e.value());
      return "redirect:/admin/warning-lists";
    } catch (InvalidInput e) {
      model.addAttribute("errors", List.of(e));
      // the refused entry stays typed in its list's form
      model.addAttribute("typedList", code);
      model.addAttribute("typedKind", kind);
      model.addAttribute("typedValue", value);
      model.addAttribute("typedNote", note);
      return view(actor, model);
    }
  }

  @PostMapping("/admin/warning-lists/{code}/review")
  String review(
      Actor actor,
      @PathVariable String code,
      @RequestParam String kind,
      @RequestParam String value,
      @RequestParam(defaultValue = "") String note,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    try {
      lists.review(actor, code, kind, value, note);
      redirect.addFlashAttribute("done", "pages.warninglist.reviewed.done");
      redirect.addFlashAttribute("doneValue", value);
      return "redirect:/admin/warning-lists";
    } catch (InvalidInput e) {
      model.addAttribute("errors", List.of(e));
      return view(actor, model);
    }
  }

  @PostMapping("/admin/warning-lists/{code}/remove")
  String remove(
      Actor actor,
      @PathVariable String code,
      @RequestParam String kind,
      @RequestParam String value,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    lists.remove(actor, code, kind, value);
    redirect.addFlashAttribute("done", "pages.warninglist.removed");
    redirect.addFlashAttribute("doneValue", value);
    return "redirect:/admin/warning-lists";
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.warninglist.forbidden");
    }
  }
}
