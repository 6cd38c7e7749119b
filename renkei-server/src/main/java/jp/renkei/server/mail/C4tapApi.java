package jp.renkei.server.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import jp.renkei.server.audit.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** C4TAP sharing of targeted mails: draft (preview), send, list, read. See docs/api.md. */
@RestController
@RequestMapping("/api/v1/c4tap")
class C4tapApi {

  private final C4tapService c4tap;

  C4tapApi(C4tapService c4tap) {
    this.c4tap = c4tap;
  }

  /**
   * Body: the raw message; answers the redaction preview (a draft only the caller sees). {@code
   * exerciseRunId}: made inside that exercise run (the caller must be playing in it).
   */
  @PostMapping
  @jp.renkei.server.security.AnswersWithoutRead(
      "the draft made from the message the caller posted (its analysis, the caller's own sector)"
          + " and the id it is sent by; a token without read is named no member organisation")
  ResponseEntity<C4tapService.Submission> draft(
      Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      HttpServletRequest request,
      @RequestParam(defaultValue = "amber") String range,
      @RequestParam(required = false) Long exerciseRunId)
      throws IOException {
    return ResponseEntity.status(201)
        .body(
            c4tap.draft(
                actor,
                granting,
                new java.io.ByteArrayInputStream(MailApi.message(request)),
                range,
                exerciseRunId));
  }

  @PostMapping("/{id}/send")
  C4tapService.Submission send(Actor actor, @PathVariable long id) {
    return c4tap.send(actor, id);
  }

  /**
   * Real shares only; with {@code exerciseRunId}, the shares made inside that run (for its members
   * only, else 404 as for a run that does not exist).
   */
  @GetMapping
  List<C4tapService.Submission> list(
      Actor actor,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) Long exerciseRunId) {
    int n = Math.min(200, Math.max(1, limit));
    return exerciseRunId == null ? c4tap.list(actor, n) : c4tap.inExercise(actor, exerciseRunId, n);
  }

  @GetMapping("/{id}")
  C4tapService.Submission get(Actor actor, @PathVariable long id) {
    return c4tap.view(actor, id);
  }
}
