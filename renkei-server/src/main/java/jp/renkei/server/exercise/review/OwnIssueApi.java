package jp.renkei.server.exercise.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the 課題 owned by the caller's organisation ({@code GET /api/v1/exercises/issues?state=open
 * |all}) and their follow-up ({@code PUT /api/v1/exercises/issues/{id}/progress} with {@code
 * {"state": "open"|"closed", "note": "..."}}, either may be left out).
 */
@RestController
@RequestMapping("/api/v1/exercises/issues")
class OwnIssueApi {

  private final FollowUp followUp;

  OwnIssueApi(FollowUp followUp) {
    this.followUp = followUp;
  }

  /** A 課題 as its owner organisation sees it. */
  record IssueRepresentation(
      long id,
      String title,
      String exercise,
      String owner,
      LocalDate dueOn,
      String state,
      boolean overdue,
      String progressNote,
      Instant progressAt) {

    static IssueRepresentation of(FollowUp.IssueView i) {
      return new IssueRepresentation(
          i.id(),
          i.title(),
          i.runTitle(),
          i.owner(org.springframework.context.i18n.LocaleContextHolder.getLocale()),
          i.dueOn(),
          i.state(),
          i.overdue(),
          i.progressNote(),
          i.progressAt());
    }
  }

  record Progress(String state, String note) {}

  @GetMapping
  List<IssueRepresentation> mine(Actor actor, @RequestParam(defaultValue = "open") String state) {
    if (!"open".equals(state) && !"all".equals(state)) {
      throw new InvalidInput("state", "exercise.issue.error.filter");
    }
    return followUp.ownIssues(actor, "open".equals(state)).stream()
        .map(IssueRepresentation::of)
        .toList();
  }

  @PutMapping("/{id}/progress")
  IssueRepresentation progress(Actor actor, @PathVariable long id, @RequestBody Progress body) {
    if (body == null) {
      throw new InvalidInput("body", "exercise.issue.error.nothing");
    }
    return IssueRepresentation.of(followUp.updateOwn(actor, id, body.state(), body.note()));
  }
}
