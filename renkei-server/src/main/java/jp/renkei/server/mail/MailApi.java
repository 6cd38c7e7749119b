package jp.renkei.server.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.web.BodyTooLarge;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Mail analysis as JSON or STIX: POST the raw message (.eml) as the body. See docs/api.md. */
@RestController
@RequestMapping("/api/v1/mail")
class MailApi {

  private final MailService mail;
  private final JsonMapper json = JsonMapper.builder().build();

  private final jp.renkei.server.sharing.ExerciseScope.Play play;

  MailApi(MailService mail, jp.renkei.server.sharing.ExerciseScope.Play play) {
    this.mail = mail;
    this.play = play;
  }

  @PostMapping("/analyze")
  @jp.renkei.server.security.AnswersWithoutRead(
      "the analysis of the message the caller posted; a token without read is named no member"
          + " organisation (MailService.analyze with its granting)")
  ResponseEntity<String> analyze(
      jp.renkei.server.audit.Actor actor,
      jp.renkei.server.directory.TokenScope.Granting granting,
      HttpServletRequest request,
      @RequestParam(defaultValue = "json") String format,
      @RequestParam(defaultValue = "amber") String tlp,
      @RequestParam(required = false) Long exerciseRunId)
      throws IOException {
    if (exerciseRunId != null) {
      play.requirePlaying(actor, exerciseRunId);
    }
    byte[] message = message(request);
    MailReport r = mail.analyze(actor, granting, new java.io.ByteArrayInputStream(message));
    if (format.equals("stix")) {
      Tlp marking;
      try {
        marking = Tlp.valueOf(tlp.toUpperCase(Locale.ROOT).replace('+', '_'));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("tlp", "error.feed.tlp", tlp);
      }
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_TYPE, "application/stix+json;version=2.1")
          .body(
              (exerciseRunId == null
                      ? mail.stix(r, marking)
                      : jp.renkei.engine.stix.ExerciseMarking.mark(
                          mail.stix(r, marking), exerciseRunId))
                  .toString());
    }
    if (!format.equals("json")) {
      throw new InvalidInput("format", "error.mail.format", format);
    }
    boolean ja =
        !"en"
            .equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    ObjectNode o = json.valueToTree(r);
    ArrayNode findings = o.putArray("findings");
    for (MailReport.Finding f : r.findings()) {
      findings
          .addObject()
          .put("flag", f.flag().name())
          .put("weight", f.flag().weight())
          .put("explanation", ja ? f.flag().ja() : f.flag().en())
          .put("evidence", f.evidence(!ja));
    }
    ArrayNode problems = o.putArray("problems");
    for (MailReport.Problem p : r.problems()) {
      problems.addObject().put("kind", p.kind()).put("text", p.text(!ja));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, "application/json")
        .body(o.toString());
  }

  /**
   * The posted message, read whole before the analysis gate (so a slow sender holds no slot).
   *
   * @throws BodyTooLarge past the analyser's limit (25 MB): 413
   */
  static byte[] message(HttpServletRequest request) throws IOException {
    long max = MailAnalyzer.Limits.DEFAULT.maxBytes();
    if (request.getContentLengthLong() > max) {
      throw new BodyTooLarge(max);
    }
    byte[] message = request.getInputStream().readNBytes((int) max + 1);
    if (message.length > max) {
      throw new BodyTooLarge(max);
    }
    return message;
  }
}
