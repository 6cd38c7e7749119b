package jp.renkei.server.directory;

import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;

/**
 * The duty-contact and identity forms an organisation's settings show on two pages: the platform
 * admin's ({@link OrganisationAdminPages}) and an organisation admin's own ({@link
 * OwnOrganisationPages}). After a refused form the fields keep what was typed (the handler set
 * them); otherwise they show what is stored.
 */
final class OrganisationForms {

  private OrganisationForms() {}

  static void storedUnlessTyped(
      Model model,
      Organisation o,
      DirectoryService directory,
      OrganisationRepository organisations) {
    if (!model.containsAttribute("dutyEmail")) {
      model.addAttribute("dutyEmail", o.dutyEmail() == null ? "" : o.dutyEmail());
      model.addAttribute("webhookUrl", organisations.webhookUrl(o.id()).orElse(""));
    }
    if (!model.containsAttribute("aliases")) {
      OrganisationIdentity identity = directory.identity(o.id());
      model.addAttribute("aliases", String.join("\n", identity.aliases()));
      model.addAttribute("domains", String.join("\n", identity.domains()));
      model.addAttribute("ipRanges", String.join("\n", identity.ipRanges()));
    }
  }

  /** The non-blank lines of a text area, stripped. */
  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
