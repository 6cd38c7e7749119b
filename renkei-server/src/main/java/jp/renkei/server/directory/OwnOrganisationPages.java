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
    try {
      DirectoryService.Delivery d = directory.setDelivery(actor, id, dutyEmail, webhookUrl);
      redirect.addFlashAttribute("saved", "pages.admin.org.deliverySaved");
      if (d.newWebhookSecret() != null) {
        redirect.addFlashAttribute("newSecret", d.newWebhookSecret());
      }
      return "redirect:" + PAGE;
    } catch (InvalidInput e) {
      model.addAttribute("dutyEmail", dutyEmail);
      model.addAttribute("webhookUrl", webhookUrl);
      model.addAttribute("errors", List.of(e));
      return edit(actor, model);
    }
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
    try {
      directory.setIdentity(
          actor,
          id,
          new OrganisationIdentity(
              OrganisationForms.lines(aliases),
              OrganisationForms.lines(domains),
              OrganisationForms.lines(ipRanges)));
      redirect.addFlashAttribute("saved", "pages.admin.org.identitySaved");
      return "redirect:" + PAGE;
    } catch (InvalidInput e) {
      model.addAttribute("aliases", aliases);
      model.addAttribute("domains", domains);
      model.addAttribute("ipRanges", ipRanges);
      model.addAttribute("errors", List.of(e));
      return edit(actor, model);
    }
  }

  /** The signed-in admin's organisation; the security chain lets only org admins reach here. */
  private static long ownOrganisation(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ORG_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    return actor.organisationId();
  }
}
