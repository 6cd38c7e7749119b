package jp.renkei.server.directory;

import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation directory pages. The filter form updates the table in place with htmx. */
@Controller
class DirectoryPages {

  private final DirectoryService directory;
  private final ReferenceData reference;

  DirectoryPages(DirectoryService directory, ReferenceData reference) {
    this.directory = directory;
    this.reference = reference;
  }

  @GetMapping("/directory")
  String list(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String sector,
      @RequestParam(required = false) String q,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    OrganisationQuery query = new OrganisationQuery(type, sector, q);
    model.addAttribute("query", query);
    model.addAttribute("organisations", directory.find(query));
    model.addAttribute("types", reference.organisationTypes());
    model.addAttribute("sectors", reference.sectors());
    return htmx != null ? "directory/list :: results" : "directory/list";
  }

  @GetMapping("/directory/{id}")
  String detail(@PathVariable long id, Model model) {
    model.addAttribute("detail", directory.detail(id));
    return "directory/detail";
  }
}
