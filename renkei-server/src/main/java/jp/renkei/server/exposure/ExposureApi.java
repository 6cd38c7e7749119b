package jp.renkei.server.exposure;

import java.time.LocalDate;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: one's own findings, a shared organisation's findings, one finding, the sector figures. */
@RestController
@RequestMapping("/api/v1/exposure")
class ExposureApi {

  /** A finding as the API shows it (rows never cross the HTTP boundary). */
  record FindingRepresentation(
      long id,
      String cveId,
      String status,
      boolean kev,
      String ssvc,
      LocalDate due,
      boolean forensic,
      String host,
      Integer port,
      String cpe,
      String purl,
      String version,
      LocalDate firstSeen) {

    static FindingRepresentation of(ExposureRepository.FindingRow f) {
      return new FindingRepresentation(
          f.id(),
          f.cveId(),
          f.status(),
          f.inKev(),
          f.outcome(),
          f.dueDate(),
          f.forensic(),
          f.host(),
          f.port(),
          f.cpe(),
          f.purl(),
          f.version(),
          f.firstSeen());
    }
  }

  private final ExposureAccess access;

  ExposureApi(ExposureAccess access) {
    this.access = access;
  }

  @GetMapping("/findings")
  List<FindingRepresentation> own(Actor actor) {
    if (actor.organisationId() == null) {
      throw new NotFound("organisation", "-");
    }
    return access.findings(actor, actor.organisationId()).stream()
        .map(FindingRepresentation::of)
        .toList();
  }

  @GetMapping("/organisations/{id}/findings")
  List<FindingRepresentation> organisation(Actor actor, @PathVariable long id) {
    return access.findings(actor, id).stream().map(FindingRepresentation::of).toList();
  }

  @GetMapping("/findings/{id}")
  FindingRepresentation finding(Actor actor, @PathVariable long id) {
    return FindingRepresentation.of(access.finding(actor, id));
  }

  @GetMapping("/figures")
  ExposureAccess.Figures figures(Actor actor) {
    return access.figures(actor);
  }
}
