package jp.renkei.server.exposure;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The exposure pages: one's own findings and inventory import, the coordinators' figures, a
 * finding.
 */
@Controller
class ExposurePages {

  private final ExposureAccess access;
  private final ExposureService service;
  private final KnowledgeService knowledge;
  private final ExposureWords words;
  private final ReferenceData reference;
  private final OrganisationNames names;

  ExposurePages(
      ExposureAccess access,
      ExposureService service,
      KnowledgeService knowledge,
      ExposureWords words,
      ReferenceData reference,
      OrganisationNames names) {
    this.access = access;
    this.service = service;
    this.knowledge = knowledge;
    this.words = words;
    this.reference = reference;
    this.names = names;
  }

  @GetMapping("/exposure")
  String overview(Actor actor, Model model, Locale locale) {
    fill(actor, model, locale);
    return "exposure/overview";
  }

  private void fill(Actor actor, Model model, Locale locale) {
    if (actor.organisationId() != null) {
      long own = actor.organisationId();
      model.addAttribute("findings", access.findings(actor, own));
      model.addAttribute("inventory", access.inventory(actor, own));
      model.addAttribute("shares", service.sharesDetails(own));
    }
    ExposureAccess.Figures figures = access.figures(actor);
    model.addAttribute("figures", figures);
    Map<String, String> sectorNames = new HashMap<>();
    reference.sectors().forEach(s -> sectorNames.put(s.code(), s.label(locale)));
    sectorNames.put("-", "-");
    model.addAttribute("sectorNames", sectorNames);
    Map<Long, String> orgNames = new HashMap<>();
    for (long id : figures.sharedWithViewer()) {
      orgNames.put(id, names.nameAt(id, java.time.Instant.now(), locale));
    }
    model.addAttribute("orgNames", orgNames);
    model.addAttribute("knowledge", knowledge.status());
  }

  @PostMapping("/exposure/inventory")
  String importInventory(
      Actor actor,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "format", defaultValue = "csv") String format,
      Model model,
      Locale locale)
      throws IOException {
    ExposureService.ImportResult result;
    if (file == null || file.isEmpty()) {
      result =
          new ExposureService.ImportResult(
              0, 0, 0, List.of(new InventoryFile.Problem(0, "no file was chosen")));
    } else {
      result =
          service.importInventory(actor, format, file.getOriginalFilename(), file.getInputStream());
    }
    model.addAttribute("result", result);
    fill(actor, model, locale);
    return "exposure/overview";
  }

  @PostMapping("/exposure/sharing")
  String sharing(Actor actor, @RequestParam(defaultValue = "false") boolean share) {
    service.shareDetails(actor, share);
    return "redirect:/exposure";
  }

  @GetMapping("/exposure/organisations/{id}")
  String organisation(Actor actor, @PathVariable long id, Model model, Locale locale) {
    model.addAttribute("findings", access.findings(actor, id));
    model.addAttribute("inventory", access.inventory(actor, id));
    model.addAttribute("orgName", names.nameAt(id, java.time.Instant.now(), locale));
    return "exposure/organisation";
  }

  @GetMapping("/exposure/findings/{id}")
  String finding(Actor actor, @PathVariable long id, Model model, Locale locale) {
    ExposureRepository.FindingRow f = access.finding(actor, id);
    model.addAttribute("f", f);
    model.addAttribute("evidence", words.words(f.evidence(), locale));
    model.addAttribute("reasons", words.words(f.reasons(), locale));
    model.addAttribute(
        "orgName", names.nameAt(f.organisationId(), java.time.Instant.now(), locale));
    return "exposure/finding";
  }
}
