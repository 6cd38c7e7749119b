package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admins' page of stored identities named as another organisation or a unit of it
 * ({@link MisnamedIdentities}), what {@code renkei stix misnamed} lists: whom to ask to correct or
 * revoke each one, and how much refers to it; a platform admin asks an organisation's admins by
 * e-mail ({@link MisnamedIdentities#ask}).
 */
@Controller
class MisnamedIdentityPages {

  private final MisnamedIdentities misnamed;
  private final DirectoryService directory;

  MisnamedIdentityPages(MisnamedIdentities misnamed, DirectoryService directory) {
    this.misnamed = misnamed;
    this.directory = directory;
  }

  @GetMapping("/admin/misnamed-identities")
  String view(Actor actor, Model model) {
    model.addAttribute("flagged", misnamed.list(actor));
    model.addAttribute("withheld", misnamed.withheld(actor));
    return "intel/misnamed-identities";
  }

  @PostMapping("/admin/misnamed-identities/ask")
  String ask(Actor actor, @RequestParam long organisation, RedirectAttributes redirect) {
    int mailed = misnamed.ask(actor, organisation);
    Organisation o = directory.organisation(organisation);
    redirect.addFlashAttribute(
        "done", mailed == 0 ? "pages.misnamed.askedNobody" : "pages.misnamed.asked");
    redirect.addFlashAttribute("doneOrganisation", o);
    redirect.addFlashAttribute("doneCount", mailed);
    return "redirect:/admin/misnamed-identities";
  }

  @PostMapping("/admin/misnamed-identities/withhold")
  String withhold(Actor actor, @RequestParam String identity, RedirectAttributes redirect) {
    boolean done = misnamed.withhold(actor, identity);
    redirect.addFlashAttribute(
        "changed", done ? "pages.misnamed.withheld" : "pages.misnamed.alreadyWithheld");
    redirect.addFlashAttribute("changedIdentity", identity);
    return "redirect:/admin/misnamed-identities";
  }

  @PostMapping("/admin/misnamed-identities/release")
  String release(Actor actor, @RequestParam String identity, RedirectAttributes redirect) {
    boolean done = misnamed.release(actor, identity);
    redirect.addFlashAttribute(
        "changed", done ? "pages.misnamed.released" : "pages.misnamed.notWithheld");
    redirect.addFlashAttribute("changedIdentity", identity);
    return "redirect:/admin/misnamed-identities";
  }
}
