package jp.renkei.server.exposure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
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

  /**
   * The findings list (one's own on {@code /exposure}, a sharing organisation's on its page): free
   * text over the CVE id, host and product, the SSVC decision, the handling and whether it applies;
   * sorted by any column (by default the most urgent first) and paged.
   */
  static final ListSpec FINDINGS =
      ListSpec.builder()
          .text()
          .messages(
              "ssvc",
              "exposure.col.ssvc",
              "exposure.ssvc.",
              List.of("act", "attend", "track_star", "track"))
          .messages(
              "handling",
              "exposure.workflow.status",
              "exposure.workflow.",
              ExposureWorkflow.STATUSES)
          .messages(
              "match", "exposure.col.status", "exposure.status.", List.of("affected", "possible"))
          .sort("ssvc", "exposure.col.ssvc")
          .sort("due", "exposure.col.due")
          .sort("cve", "exposure.col.cve")
          .sort("service", "exposure.col.service")
          .sort("product", "exposure.col.product")
          .sort("handling", "exposure.workflow.status")
          .sort("first", "exposure.col.firstSeen")
          .build();

  private final ExposureAccess access;
  private final ExposureService service;
  private final KnowledgeService knowledge;
  private final ExposureWords words;
  private final ReferenceData reference;
  private final OrganisationNames names;
  private final ExposureWorkflow workflow;
  private final ExposureNotices notices;
  private final ExposureAdvisory advisory;
  private final jp.renkei.server.advisory.AdvisoryService advisories;

  ExposurePages(
      ExposureAccess access,
      ExposureService service,
      KnowledgeService knowledge,
      ExposureWords words,
      ReferenceData reference,
      OrganisationNames names,
      ExposureWorkflow workflow,
      ExposureNotices notices,
      ExposureAdvisory advisory,
      jp.renkei.server.advisory.AdvisoryService advisories) {
    this.workflow = workflow;
    this.notices = notices;
    this.advisory = advisory;
    this.advisories = advisories;
    this.access = access;
    this.service = service;
    this.knowledge = knowledge;
    this.words = words;
    this.reference = reference;
    this.names = names;
  }

  @GetMapping("/exposure")
  String overview(
      Actor actor,
      @RequestParam Map<String, String> params,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    fill(actor, model, locale, FINDINGS.parse(params, response));
    return "exposure/overview";
  }

  private void fill(Actor actor, Model model, Locale locale) {
    fill(actor, model, locale, FINDINGS.parse(Map.of()));
  }

  private void fill(Actor actor, Model model, Locale locale, ListQuery query) {
    if (actor.organisationId() != null) {
      long own = actor.organisationId();
      model.addAttribute("findings", access.findings(actor, own, query));
      model.addAttribute("inventory", access.inventory(actor, own));
      model.addAttribute("shares", service.shares(own));
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
    model.addAttribute("mayIssue", advisories.mayIssue(actor));
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
              0, 0, 0, List.of(new InventoryFile.Problem(0, "file.none")));
    } else {
      result =
          service.importInventory(actor, format, file.getOriginalFilename(), file.getInputStream());
    }
    model.addAttribute("result", result);
    fill(actor, model, locale);
    return "exposure/overview";
  }

  /**
   * With whom the organisation shares its details: {@code share} for all three coordinators at once
   * (or none), else each of {@code nisc}, {@code ministry}, {@code ceptoars}.
   */
  @PostMapping("/exposure/sharing")
  String sharing(
      Actor actor,
      @RequestParam(required = false) Boolean share,
      @RequestParam(defaultValue = "false") boolean nisc,
      @RequestParam(defaultValue = "false") boolean ministry,
      @RequestParam(defaultValue = "false") boolean ceptoars) {
    service.share(
        actor,
        share != null
            ? new ExposureRepository.Shares(share, share, share)
            : new ExposureRepository.Shares(nisc, ministry, ceptoars));
    return "redirect:/exposure";
  }

  @GetMapping("/exposure/organisations/{id}")
  String organisation(
      Actor actor,
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    model.addAttribute("findings", access.findings(actor, id, FINDINGS.parse(params, response)));
    model.addAttribute("findingsPath", "/exposure/organisations/" + id);
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
    model.addAttribute("history", workflow.history(actor, id));
    model.addAttribute("statuses", ExposureWorkflow.STATUSES);
    model.addAttribute(
        "mayChange",
        java.util.Objects.equals(actor.organisationId(), f.organisationId())
            && actor.is(jp.renkei.server.directory.Role.ANALYST));
    return "exposure/finding";
  }

  /** Status, owner (and a risk acceptance's reason and expiry) of a finding: every error listed. */
  @PostMapping("/exposure/findings/{id}/workflow")
  String changeWorkflow(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String acceptedUntil,
      Model model,
      Locale locale) {
    try {
      workflow.change(actor, id, new ExposureWorkflow.Change(status, owner, reason, acceptedUntil));
      return "redirect:/exposure/findings/" + id;
    } catch (jp.renkei.server.failure.InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("form", new ExposureWorkflow.Change(status, owner, reason, acceptedUntil));
      return finding(actor, id, model, locale);
    }
  }

  @PostMapping("/exposure/findings/{id}/comments")
  String comment(
      Actor actor,
      @PathVariable long id,
      @RequestParam(required = false) String text,
      Model model,
      Locale locale) {
    try {
      workflow.comment(actor, id, text);
      return "redirect:/exposure/findings/" + id;
    } catch (jp.renkei.server.failure.InvalidInput e) {
      model.addAttribute("formError", e);
      return finding(actor, id, model, locale);
    }
  }

  /** Opens a notice of a new KEV match (marks it read) and shows the exposure page. */
  @PostMapping("/exposure/notices/{id}/read")
  String readNotice(Actor actor, @PathVariable long id) {
    notices.markRead(actor, id);
    return "redirect:/exposure";
  }

  /** Drafts an advisory (情報提供) from a KEV CVE's sector figures; the form opens on the draft. */
  @PostMapping("/exposure/advisory")
  String draftAdvisory(Actor actor, @RequestParam(defaultValue = "") String cve) {
    return "redirect:/advisories/new?draft=" + advisory.draft(actor, cve);
  }

  /** The platform admin's upload of vulnerability knowledge (KEV, CVE JSON 5, EPSS). */
  @GetMapping("/admin/exposure")
  String knowledgePage(Actor actor, Model model) {
    if (!actor.is(jp.renkei.server.directory.Role.PLATFORM_ADMIN)) {
      throw new jp.renkei.server.failure.Forbidden("error.forbidden");
    }
    model.addAttribute("knowledge", knowledge.status());
    return "exposure/knowledge";
  }

  /**
   * Imports one file: every refused record is listed with its id, position and reason (the others
   * are kept); a file that cannot be read at all is refused with the reason. Then what the import
   * can affect is matched again and the newly exposed organisations are told.
   */
  @PostMapping("/admin/exposure")
  String uploadKnowledge(
      Actor actor,
      @RequestParam(defaultValue = "kev") String source,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model)
      throws IOException {
    if (file == null || file.isEmpty()) {
      model.addAttribute(
          "formError", new jp.renkei.server.failure.InvalidInput("file", "exposure.upload.noFile"));
      return knowledgePage(actor, model);
    }
    try (java.io.InputStream in = file.getInputStream()) {
      KnowledgeService.Summary s =
          switch (source) {
            case "kev" -> knowledge.importKev(actor, in);
            case "cve" -> knowledge.importCve(actor, in);
            case "epss" -> knowledge.importEpss(actor, in);
            case "nvd" -> knowledge.importNvd(actor, in);
            case "jvn" -> knowledge.importJvn(actor, in);
            default ->
                throw new jp.renkei.server.failure.InvalidInput(
                    "source", "exposure.error.format", source);
          };
      java.util.Map<Long, java.util.Set<String>> newly = service.afterImport(s);
      model.addAttribute("summary", s);
      // each said in the reader's language (the template resolves them)
      model.addAttribute(
          "refusedLines", s.refused().stream().map(KnowledgeRefusals::line).toList());
      model.addAttribute("notified", newly.size());
    } catch (jp.renkei.server.failure.InvalidInput e) {
      model.addAttribute("formError", e);
    }
    return knowledgePage(actor, model);
  }
}
