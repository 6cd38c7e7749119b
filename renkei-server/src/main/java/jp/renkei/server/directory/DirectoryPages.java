package jp.renkei.server.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation directory pages: every member organisation (the directory is how partners find
 * each other, so every signed-in person reads all of it), filtered by type, sector and name or
 * code, sorted and paged.
 */
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
      @RequestParam Map<String, String> params,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .terms("type", "directory.filter.type", reference.organisationTypes())
            .sectors(reference)
            .ascending()
            .sort("name", "directory.col.name")
            .sort("type", "directory.col.type")
            .sort("sector", "directory.col.sector")
            .sort("code", "directory.col.code")
            .build()
            .parse(params, response);
    List<Organisation> found =
        query.valid()
            ? directory.find(
                new OrganisationQuery(
                    query.chosen("type").orElse(null),
                    query.chosen("sector").orElse(null),
                    query.text()))
            : List.of();
    model.addAttribute(
        "page",
        ListPage.of(
            query,
            found,
            o -> true,
            Map.of(
                "name", ListPage.<Organisation, String>by(o -> o.name(locale)),
                "type", ListPage.<Organisation, String>by(o -> o.typeName(locale)),
                "sector", ListPage.<Organisation, String>by(o -> o.sectorName(locale)),
                "code", ListPage.by(Organisation::code)),
            Organisation::id));
    return "directory/list";
  }

  @GetMapping("/directory/{id}")
  String detail(jp.renkei.server.audit.Actor actor, @PathVariable long id, Model model) {
    model.addAttribute("detail", directory.detail(id));
    // its own admins set its duty address, webhook and identity on their own page
    model.addAttribute(
        "ownAdmin",
        actor.is(Role.ORG_ADMIN)
            && !actor.is(Role.PLATFORM_ADMIN)
            && actor.organisationId() != null
            && actor.organisationId() == id);
    return "directory/detail";
  }
}
