package jp.renkei.server.intel;

import jp.renkei.server.audit.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The platform admins' page of stored identities named as another organisation or a unit of it
 * ({@link MisnamedIdentities}), what {@code renkei stix misnamed} lists: whom to ask to correct or
 * revoke each one, and how much refers to it.
 */
@Controller
class MisnamedIdentityPages {

  private final MisnamedIdentities misnamed;

  MisnamedIdentityPages(MisnamedIdentities misnamed) {
    this.misnamed = misnamed;
  }

  @GetMapping("/admin/misnamed-identities")
  String view(Actor actor, Model model) {
    model.addAttribute("flagged", misnamed.list(actor));
    return "intel/misnamed-identities";
  }
}
