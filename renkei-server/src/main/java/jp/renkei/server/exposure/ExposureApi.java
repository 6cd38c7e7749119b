package jp.renkei.server.exposure;

import java.time.LocalDate;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
      LocalDate firstSeen,
      String workflow,
      String owner,
      String acceptReason,
      LocalDate acceptedUntil,
      boolean overdue) {

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
          f.firstSeen(),
          f.workflow(),
          f.assignee(),
          f.acceptReason(),
          f.acceptedUntil(),
          f.overdue());
    }
  }

  /** A comment to add. */
  record CommentRequest(String text) {}

  private final ExposureAccess access;
  private final ExposureWorkflow workflow;

  ExposureApi(ExposureAccess access, ExposureWorkflow workflow) {
    this.access = access;
    this.workflow = workflow;
  }

  /** The finding's history and comments, oldest first. */
  @GetMapping("/findings/{id}/history")
  List<ExposureWorkflow.Event> history(Actor actor, @PathVariable long id) {
    return workflow.history(actor, id);
  }

  /** Changes status and/or owner (null fields stay); every wrong field is answered at once. */
  @PostMapping("/findings/{id}/workflow")
  FindingRepresentation change(
      Actor actor, @PathVariable long id, @RequestBody ExposureWorkflow.Change body) {
    if (body == null) {
      throw new jp.renkei.server.failure.InvalidInput("body", "validation.required");
    }
    return FindingRepresentation.of(workflow.change(actor, id, body));
  }

  @PostMapping("/findings/{id}/comments")
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.CREATED)
  void comment(Actor actor, @PathVariable long id, @RequestBody CommentRequest body) {
    workflow.comment(actor, id, body == null ? null : body.text());
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
