package jp.renkei.server.directory;

import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organisation admin sets its own organisation's duty address and webhook (where advisories and
 * notices go) and the identity used to anonymise its reports. The page names no organisation id: it
 * is always the signed-in person's own, and {@link DirectoryService} decides as for the API
 * (platform admins, or the organisation's own admins). Renaming and deactivating stay with the
 * platform admin's page ({@link OrganisationAdminPages}), where a platform admin is sent.
 */
@Controller
class OwnOrganisationPages {

  static final String PAGE = "/admin/own-organisation";

  private final DirectoryService directory;
  private final OrganisationRepository organisations;

  OwnOrganisationPages(DirectoryService directory, OrganisationRepository organisations) {
    this.directory = directory;
    this.organisations = organisations;
  }

  @GetMapping(PAGE)
  String edit(Actor actor, Model model) {
    long id = ownOrganisation(actor);
    if (actor.is(Role.PLATFORM_ADMIN)) {
      return "redirect:/admin/organisations/" + id;
    }
    Organisation o = directory.organisation(id);
    model.addAttribute("o", o);
    OrganisationForms.storedUnlessTyped(model, o, directory, organisations);
    model.addAttribute("formBase", PAGE);
    return "admin/own-organisation";
  }

  @PostMapping(PAGE + "/delivery")
  String delivery(
      Actor actor,
      @RequestParam(defaultValue = "") String dutyEmail,
      @RequestParam(defaultValue = "") String webhookUrl,
      Model model,
      RedirectAttributes redirect) {
    long id = ownOrganisation(actor);
    return OrganisationForms.saveDelivery(
            directory, actor, id, dutyEmail, webhookUrl, model, redirect)
        .map(e -> again(actor, model, e))
        .orElse("redirect:" + PAGE);
  }

  @PostMapping(PAGE + "/identity")
  String identity(
      Actor actor,
      @RequestParam(defaultValue = "") String aliases,
      @RequestParam(defaultValue = "") String domains,
      @RequestParam(defaultValue = "") String ipRanges,
      Model model,
      RedirectAttributes redirect) {
    long id = ownOrganisation(actor);
    return OrganisationForms.saveIdentity(
            directory, actor, id, aliases, domains, ipRanges, model, redirect)
        .map(e -> again(actor, model, e))
        .orElse("redirect:" + PAGE);
  }

  /** The page again, the refusal named above the form whose fields keep what was typed. */
  private String again(Actor actor, Model model, InvalidInput refused) {
    model.addAttribute("errors", List.of(refused));
    return edit(actor, model);
  }

  /** The signed-in admin's organisation; the security chain lets only org admins reach here. */
  private static long ownOrganisation(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ORG_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    return actor.organisationId();
  }
}
