package jp.renkei.server.exposure;

import java.io.IOException;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A platform admin's upload of an organisation's inventory on its behalf ({@code
 * /admin/exposure/inventory}): the organisation by its code, CSV, xlsx or nmap XML, all or nothing,
 * audited ({@code exposure.inventory.on_behalf}). The admin sees what was imported or every
 * problem, never the organisation's findings.
 */
@Controller
class InventoryUploadPages {

  private final ExposureService service;
  private final DirectoryService directory;

  InventoryUploadPages(ExposureService service, DirectoryService directory) {
    this.service = service;
    this.directory = directory;
  }

  private static void admin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
  }

  @GetMapping("/admin/exposure/inventory")
  String page(Actor actor) {
    admin(actor);
    return "exposure/inventory-upload";
  }

  @PostMapping("/admin/exposure/inventory")
  String upload(
      Actor actor,
      @RequestParam(defaultValue = "") String organisation,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model)
      throws IOException {
    admin(actor);
    model.addAttribute("code", organisation);
    Organisation org;
    try {
      org = directory.organisation(organisation.strip());
    } catch (NotFound e) {
      model.addAttribute(
          "result",
          new ExposureService.ImportResult(
              0,
              0,
              0,
              List.of(
                  new InventoryFile.Problem(0, "organisation", InventoryFile.clip(organisation)))));
      return "exposure/inventory-upload";
    }
    ExposureService.ImportResult r =
        file == null || file.isEmpty()
            ? new ExposureService.ImportResult(
                0, 0, 0, List.of(new InventoryFile.Problem(0, "file.none")))
            : service.importInventoryFor(
                actor, org.id(), format, file.getOriginalFilename(), file.getInputStream());
    model.addAttribute("result", r);
    model.addAttribute("org", org);
    return "exposure/inventory-upload";
  }
}
