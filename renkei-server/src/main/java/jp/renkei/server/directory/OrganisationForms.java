package jp.renkei.server.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    // the names and domains that count for nobody else until a platform admin confirms them
    model.addAttribute("pendingIdentity", directory.pendingIdentity(o.id()));
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

  /**
   * Saves the duty e-mail and webhook, the saved message (and a new webhook secret, shown once) for
   * the page it redirects to; a refusal keeps what was typed in the model and is returned.
   */
  static Optional<InvalidInput> saveDelivery(
      DirectoryService directory,
      Actor actor,
      long id,
      String dutyEmail,
      String webhookUrl,
      Model model,
      RedirectAttributes redirect) {
    try {
      DirectoryService.Delivery d = directory.setDelivery(actor, id, dutyEmail, webhookUrl);
      redirect.addFlashAttribute("saved", "pages.admin.org.deliverySaved");
      if (d.newWebhookSecret() != null) {
        redirect.addFlashAttribute("newSecret", d.newWebhookSecret());
      }
      return Optional.empty();
    } catch (InvalidInput e) {
      model.addAttribute("dutyEmail", dutyEmail);
      model.addAttribute("webhookUrl", webhookUrl);
      return Optional.of(e);
    }
  }

  /** Saves the anonymisation identity, as {@link #saveDelivery} saves the contacts. */
  static Optional<InvalidInput> saveIdentity(
      DirectoryService directory,
      Actor actor,
      long id,
      String aliases,
      String domains,
      String ipRanges,
      Model model,
      RedirectAttributes redirect) {
    try {
      directory.setIdentity(
          actor, id, new OrganisationIdentity(lines(aliases), lines(domains), lines(ipRanges)));
      redirect.addFlashAttribute("saved", "pages.admin.org.identitySaved");
      return Optional.empty();
    } catch (InvalidInput e) {
      model.addAttribute("aliases", aliases);
      model.addAttribute("domains", domains);
      model.addAttribute("ipRanges", ipRanges);
      return Optional.of(e);
    }
  }
}
