package jp.renkei.server.directory;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.ActorNames;
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
 * A platform admin edits one organisation: its duty address and webhook (the webhook through the
 * outbound guard, as the API), the identity used for anonymisation, and its name with the date the
 * new name takes effect (the old one is kept, {@link OrganisationNames}). Every change is audited
 * by the service that makes it. It also deactivates the organisation (it left the partnership or
 * was compromised) and makes it active again, saying first what that does.
 */
@Controller
class OrganisationAdminPages {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final DirectoryService directory;
  private final OrganisationNames names;
  private final OrganisationRepository organisations;
  private final ActorNames actorNames;

  OrganisationAdminPages(
      DirectoryService directory,
      OrganisationNames names,
      OrganisationRepository organisations,
      ActorNames actorNames) {
    this.directory = directory;
    this.names = names;
    this.organisations = organisations;
    this.actorNames = actorNames;
  }

  @GetMapping("/admin/organisations/{id}")
  String edit(Actor actor, @PathVariable long id, Model model, Locale locale) {
    requireAdmin(actor);
    Organisation o = directory.organisation(id);
    model.addAttribute("o", o);
    OrganisationForms.storedUnlessTyped(model, o, directory, organisations);
    model.addAttribute("formerNames", names.formerNames(id));
    DirectoryService.ActiveChange change = directory.lastActiveChange(id).orElse(null);
    model.addAttribute("activeChange", change);
    if (change != null) {
      // who did it in words, as the audit list says it (ActorNames)
      model.addAttribute(
          "activeChangeBy", actorNames.name(actor, change.by(), change.byOrganisationId(), locale));
    }
    model.addAttribute("own", actor.organisationId() != null && actor.organisationId() == id);
    model.addAttribute("formBase", "/admin/organisations/" + id);
    // saving the identity here confirms the domains its own admins added
    model.addAttribute("confirmsDomains", true);
    return "admin/organisation";
  }

  @PostMapping("/admin/organisations/{id}/delivery")
  String delivery(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String dutyEmail,
      @RequestParam(defaultValue = "") String webhookUrl,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    return OrganisationForms.saveDelivery(
            directory, actor, id, dutyEmail, webhookUrl, model, redirect)
        .map(e -> again(actor, id, model, e, "delivery"))
        .orElse("redirect:/admin/organisations/" + id);
  }

  @PostMapping("/admin/organisations/{id}/identity")
  String identity(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String aliases,
      @RequestParam(defaultValue = "") String domains,
      @RequestParam(defaultValue = "") String ipRanges,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    return OrganisationForms.saveIdentity(
            directory, actor, id, aliases, domains, ipRanges, model, redirect)
        .map(e -> again(actor, id, model, e, "identity"))
        .orElse("redirect:/admin/organisations/" + id);
  }

  @PostMapping("/admin/organisations/{id}/rename")
  String rename(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String nameJa,
      @RequestParam(defaultValue = "") String nameEn,
      @RequestParam(defaultValue = "") String effective,
      @RequestParam(defaultValue = "") String note,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    try {
      java.time.Instant when;
      try {
        when =
            effective.isBlank() ? null : LocalDateTime.parse(effective).atZone(TOKYO).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidInput("effective", "pages.error.datetime", effective);
      }
      names.rename(actor, id, nameJa, nameEn, when, note);
      redirect.addFlashAttribute("saved", "pages.admin.org.renamed");
      return "redirect:/admin/organisations/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("renameNameJa", nameJa);
      model.addAttribute("renameNameEn", nameEn);
      model.addAttribute("renameEffective", effective);
      model.addAttribute("renameNote", note);
      return again(actor, id, model, e, "rename");
    }
  }

  /**
   * Deactivates or reactivates the organisation: only once the admin has ticked that they read what
   * it does (the page lists it); the service refuses the admin's own organisation and audits.
   */
  @PostMapping("/admin/organisations/{id}/active")
  String active(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) Boolean active,
      @RequestParam(defaultValue = "false") boolean confirm,
      Model model,
      RedirectAttributes redirect) {
    requireAdmin(actor);
    try {
      if (active == null) {
        throw new InvalidInput("active", "validation.required");
      }
      if (!confirm) {
        throw new InvalidInput("confirm", "validation.organisation.confirmActive");
      }
      directory.setActive(actor, id, active);
      redirect.addFlashAttribute(
          "saved", active ? "pages.admin.org.activated" : "pages.admin.org.deactivated");
      return "redirect:/admin/organisations/" + id;
    } catch (InvalidInput e) {
      return again(actor, id, model, e, "status");
    }
  }

  private String again(Actor actor, long id, Model model, InvalidInput e, String section) {
    model.addAttribute("errors", List.of(e));
    model.addAttribute("errorSection", section);
    return edit(actor, id, model, org.springframework.context.i18n.LocaleContextHolder.getLocale());
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
  }
}
