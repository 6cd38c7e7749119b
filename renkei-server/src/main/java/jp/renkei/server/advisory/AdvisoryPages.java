package jp.renkei.server.advisory;

import java.util.Arrays;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.OrganisationQuery;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Advisory pages: the list, writing one, the thread with confirmation and reach. */
@Controller
class AdvisoryPages {

  private final AdvisoryService advisories;
  private final ReferenceData reference;
  private final DirectoryService directory;

  AdvisoryPages(AdvisoryService advisories, ReferenceData reference, DirectoryService directory) {
    this.advisories = advisories;
    this.reference = reference;
    this.directory = directory;
  }

  @GetMapping("/advisories")
  String list(
      Actor actor,
      @RequestParam java.util.Map<String, String> params,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .tlp(reference)
            .messages(
                "kind",
                "lists.filter.kind",
                "advisory.kind.",
                List.of("initial", "update", "correction", "withdrawal"))
            .messages(
                "status", "lists.filter.status", "advisory.status.", List.of("active", "withdrawn"))
            .period()
            .sorts("issued", "title", "tlp", "issuer")
            .build()
            .parse(params, response);
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            advisories.list(actor, ListSpec.CAP + 1),
            a ->
                query.textMatches(a.title(), a.issuerName())
                    && query.allows("tlp", a.tlp())
                    && query.allows("kind", a.kind())
                    && query.allows("status", a.status())
                    && query.inPeriod(a.createdAt()),
            java.util.Map.of(
                "issued", ListPage.by(AdvisoryService.Summary::createdAt),
                "title", ListPage.by(AdvisoryService.Summary::title),
                "tlp", ListPage.byTlp(AdvisoryService.Summary::tlp),
                "issuer", ListPage.by(AdvisoryService.Summary::issuerName)),
            AdvisoryService.Summary::id));
    model.addAttribute("mayIssue", advisories.mayIssue(actor));
    return "advisory/list";
  }

  @GetMapping("/advisories/new")
  String form(Actor actor, Model model) {
    model.addAttribute("mayIssue", advisories.mayIssue(actor));
    model.addAttribute("sectors", reference.sectors());
    model.addAttribute("types", reference.organisationTypes());
    model.addAttribute(
        "tlps", reference.vocabulary("tlp").stream().filter(t -> !t.code().equals("red")).toList());
    model.addAttribute("organisations", directory.find(OrganisationQuery.ALL));
    return "advisory/form";
  }

  @PostMapping("/advisories")
  String issue(
      Actor actor,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String actions,
      @RequestParam(defaultValue = "") String observables,
      @RequestParam(defaultValue = "amber") String tlp,
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(required = false) List<String> sectors,
      @RequestParam(required = false) List<String> types,
      @RequestParam(required = false) List<String> organisations,
      @RequestParam(defaultValue = "") String sourceReports,
      Model model) {
    try {
      long id =
          advisories.issue(
              actor,
              new NewAdvisory(
                  title,
                  body,
                  actions,
                  lines(observables),
                  reportIds(sourceReports),
                  tlp,
                  all,
                  sectors,
                  types,
                  organisations));
      return "redirect:/advisories/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      model.addAttribute("title", title);
      model.addAttribute("body", body);
      model.addAttribute("actions", actions);
      model.addAttribute("observables", observables);
      return form(actor, model);
    }
  }

  @GetMapping("/advisories/{id}")
  String view(Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("advisory", advisories.view(actor, id));
    return "advisory/view";
  }

  @PostMapping("/advisories/{id}/acknowledge")
  String acknowledge(Actor actor, @PathVariable long id) {
    advisories.acknowledge(actor, id);
    return "redirect:/advisories/" + id;
  }

  @PostMapping("/advisories/{id}/remind")
  String remind(Actor actor, @PathVariable long id) {
    advisories.remind(actor, id);
    return "redirect:/advisories/" + id;
  }

  @PostMapping("/advisories/{id}/versions")
  String addVersion(
      Actor actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "update") String kind,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String actions,
      @RequestParam(required = false) String observables,
      @RequestParam(required = false) String sourceReports,
      Model model) {
    try {
      // the form is prefilled with the current values; a field not sent keeps them
      advisories.addVersion(
          actor,
          id,
          kind,
          title,
          body,
          actions,
          observables == null ? null : lines(observables),
          sourceReports == null ? null : reportIds(sourceReports));
      return "redirect:/advisories/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("formError", e);
      return view(actor, id, model);
    }
  }

  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R"))
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
        .toList();
  }

  static List<Long> reportIds(String text) {
    try {
      return Arrays.stream(text.split("[,\\s、#]+"))
          .filter(s -> !s.isBlank())
          .map(Long::valueOf)
          .toList();
    } catch (NumberFormatException e) {
      throw new InvalidInput("sourceReports", "validation.advisory.sourceReports", text);
    }
  }
}
