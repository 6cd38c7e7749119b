package jp.renkei.server.mail;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The upload page: analyse a saved message (.eml) and read the report, with its STIX bundle. */
@Controller
class MailPages {

  private final MailService mail;
  private final C4tapService c4tap;
  private final HeldMessages held;

  MailPages(MailService mail, C4tapService c4tap, HeldMessages held) {
    this.mail = mail;
    this.c4tap = c4tap;
    this.held = held;
  }

  @GetMapping("/mail")
  String form() {
    return "mail/analyze";
  }

  @PostMapping("/mail")
  String analyze(
      jp.renkei.server.audit.Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      @RequestParam(name = "message", required = false) MultipartFile message,
      @RequestParam(name = "share", required = false) String share,
      @RequestParam(name = "range", defaultValue = "AMBER") String range,
      Model model,
      HttpServletResponse response)
      throws IOException {
    String name = message == null ? null : message.getOriginalFilename();
    if (message == null || message.isEmpty()) {
      response.setStatus(400);
      if (name == null || name.isBlank()) {
        model.addAttribute("error", "mail.error.empty");
      } else {
        // a file was chosen but holds nothing: say which, not "choose a file"
        model.addAttribute("error", "mail.error.emptyFile");
        model.addAttribute("errorFile", name);
      }
      return "mail/analyze";
    }
    return report(actor, granting, name, message.getBytes(), share != null, range, model, response);
  }

  /**
   * The C4TAP share of a message analysed on this page, prepared from the upload held for its
   * analyst ({@link HeldMessages}): no second upload. The share is what the upload with "share"
   * ticked makes (the same analysis, redaction and draft); anyone but the uploader, and a key that
   * has expired, get 404.
   */
  @PostMapping("/mail/held/{key}/share")
  String shareHeld(
      jp.renkei.server.audit.Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      @org.springframework.web.bind.annotation.PathVariable String key,
      @RequestParam(name = "range", defaultValue = "AMBER") String range,
      Model model,
      HttpServletResponse response)
      throws IOException {
    HeldMessages.Held h;
    try {
      h = held.get(actor, key);
    } catch (jp.renkei.server.failure.NotFound e) {
      // gone (expired, another instance, another person's): said on the form, nothing shared
      response.setStatus(404);
      model.addAttribute("error", "mail.error.heldGone");
      return "mail/analyze";
    }
    return report(actor, granting, h.fileName(), h.message(), true, range, model, response);
  }

  private String report(
      jp.renkei.server.audit.Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      String name,
      byte[] bytes,
      boolean share,
      String range,
      Model model,
      HttpServletResponse response)
      throws IOException {
    MailReport r;
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      r = mail.analyze(actor, granting, in);
      if (share) {
        C4tapService.Submission draft =
            c4tap.draft(actor, granting, new java.io.ByteArrayInputStream(bytes), range, null);
        model.addAttribute("draft", draft);
        model.addAttribute("ownDomainLinks", c4tap.namingOwnDomain(actor, draft));
      } else if (actor.organisationId() != null) {
        // held for the analyst to share from the report without uploading it again
        String key = held.hold(actor, name, bytes);
        model.addAttribute(key == null ? "notHeld" : "heldKey", key == null ? true : key);
        model.addAttribute("heldMinutes", held.keepMinutes());
      }
    } catch (Busy e) {
      // the form stays, with when to try again
      response.setStatus(e.status());
      response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
      model.addAttribute("error", e.messageKey());
      model.addAttribute("errorArgs", e.args());
      return "mail/analyze";
    } catch (jp.renkei.server.failure.InvalidInput e) {
      // not a message at all (a CSV, a PDF): said on the form with the file's name, nothing
      // analysed
      response.setStatus(400);
      model.addAttribute("error", e.messageKey());
      model.addAttribute("errorArgs", e.args());
      model.addAttribute("errorFile", name);
      return "mail/analyze";
    }
    model.addAttribute("file", name);
    model.addAttribute("report", r);
    model.addAttribute("stix", mail.stix(r, Tlp.AMBER).toPrettyString());
    return "mail/analyze";
  }

  /** Sends the previewed draft; the share's page then says it was sent, and under which range. */
  @PostMapping("/mail/c4tap/{id}/send")
  String send(
      jp.renkei.server.audit.Actor actor,
      @org.springframework.web.bind.annotation.PathVariable long id,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    C4tapService.Submission sent = c4tap.send(actor, id);
    redirect.addFlashAttribute("sentRange", sent.range());
    return "redirect:/c4tap/" + id;
  }

  @GetMapping("/c4tap")
  String list(
      jp.renkei.server.audit.Actor actor,
      @RequestParam java.util.Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    return listPage(c4tap.list(actor, ListSpec.CAP + 1), "/c4tap", params, model, response);
  }

  /**
   * The C4TAP shares made inside one exercise run (the run's page links here): the only place they
   * are listed, for the run's members only.
   */
  @GetMapping("/c4tap/exercise/{runId}")
  String inExercise(
      jp.renkei.server.audit.Actor actor,
      @org.springframework.web.bind.annotation.PathVariable long runId,
      @RequestParam java.util.Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("exerciseRunId", runId);
    return listPage(
        c4tap.inExercise(actor, runId, ListSpec.CAP + 1),
        "/c4tap/exercise/" + runId,
        params,
        model,
        response);
  }

  private static String listPage(
      java.util.List<C4tapService.Submission> submissions,
      String path,
      java.util.Map<String, String> params,
      Model model,
      HttpServletResponse response) {
    ListQuery query =
        ListSpec.builder()
            .text()
            .messages(
                "verdict",
                "lists.filter.verdict",
                "mail.verdict.",
                java.util.List.of("CLEAN", "SUSPICIOUS", "MALICIOUS"))
            .messages(
                "range",
                "lists.filter.range",
                "c4tap.range.",
                java.util.List.of("RED", "AMBER", "YELLOW", "GREEN", "WHITE"))
            .period()
            .sorts("shared", "score", "subject")
            .build()
            .parse(params, response);
    ListPage<C4tapService.Submission> page =
        ListPage.of(
            query,
            submissions,
            s ->
                query.textMatches(s.subject())
                    && query.allows("verdict", s.verdict())
                    && query.allows("range", s.range())
                    && query.inPeriod(s.sharedAt() != null ? s.sharedAt() : s.createdAt()),
            java.util.Map.of(
                "shared",
                ListPage.<C4tapService.Submission, java.time.Instant>by(
                    s -> s.sharedAt() != null ? s.sharedAt() : s.createdAt()),
                "score",
                ListPage.<C4tapService.Submission, Integer>by(C4tapService.Submission::score),
                "subject",
                ListPage.<C4tapService.Submission, String>by(C4tapService.Submission::subject)),
            C4tapService.Submission::id);
    model.addAttribute("page", page);
    model.addAttribute("listPath", path);
    model.addAttribute("submissions", page.rows());
    return "mail/c4tap";
  }

  @GetMapping("/c4tap/{id}")
  String view(
      jp.renkei.server.audit.Actor actor,
      @org.springframework.web.bind.annotation.PathVariable long id,
      Model model) {
    model.addAttribute("submissions", java.util.List.of(c4tap.view(actor, id)));
    model.addAttribute("single", true);
    return "mail/c4tap";
  }
}
