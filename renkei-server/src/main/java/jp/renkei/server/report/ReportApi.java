package jp.renkei.server.report;

import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.TokenScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: reports (情報連絡) and the organisation's inbox. Unseeable reports are 404. */
@RestController
@RequestMapping("/api/v1")
class ReportApi {

  static final int MAX_LIST = 200;
  private final ReportService reports;
  private final ReportFilingService filing;
  private final ReportRoutingService routing;
  private final ReportRelayService relays;
  private final ReportAttachments attachments;

  ReportApi(
      ReportService reports,
      ReportFilingService filing,
      ReportRoutingService routing,
      ReportRelayService relays,
      ReportAttachments attachments) {
    this.reports = reports;
    this.filing = filing;
    this.routing = routing;
    this.relays = relays;
    this.attachments = attachments;
  }

  @GetMapping("/reports")
  List<ReportService.Summary> list(Actor actor, @RequestParam(defaultValue = "50") int limit) {
    return reports.list(actor, Math.max(1, Math.min(limit, MAX_LIST)));
  }

  @PostMapping("/reports")
  ResponseEntity<Map<String, Object>> create(
      Actor actor,
      @RequestBody NewReport body,
      @RequestParam(defaultValue = "false") boolean submit) {
    long id = filing.create(actor, body, submit);
    return ResponseEntity.created(URI.create("/api/v1/reports/" + id))
        .body(Map.of("id", id, "status", submit ? "submitted" : "draft"));
  }

  @GetMapping("/reports/statistics")
  ReportStatistics statistics(Actor actor) {
    return reports.statistics(actor);
  }

  @GetMapping("/reports/{id}")
  ReportView get(Actor actor, @PathVariable long id) {
    return reports.view(actor, id);
  }

  @PutMapping("/reports/{id}/draft")
  ResponseEntity<ReportView> updateDraft(
      Actor actor,
      TokenScope.Granting granting,
      @PathVariable long id,
      @RequestBody ReportContent body) {
    filing.updateDraft(actor, id, body);
    return told(granting, actor, id);
  }

  @PostMapping("/reports/{id}/submit")
  ResponseEntity<ReportView> submit(
      Actor actor, TokenScope.Granting granting, @PathVariable long id) {
    filing.submit(actor, id);
    return told(granting, actor, id);
  }

  record VersionRequest(String kind, ReportContent content) {}

  @PostMapping("/reports/{id}/versions")
  ResponseEntity<ReportView> addVersion(
      Actor actor,
      TokenScope.Granting granting,
      @PathVariable long id,
      @RequestBody VersionRequest body) {
    filing.addVersion(actor, id, body.kind(), body.content());
    return told(granting, actor, id);
  }

  @PostMapping("/reports/{id}/read")
  ResponseEntity<ReportView> markRead(
      Actor actor, TokenScope.Granting granting, @PathVariable long id) {
    routing.markRead(actor, id);
    return told(granting, actor, id);
  }

  record ForwardRequest(String tlp) {}

  @PostMapping("/reports/{id}/forward")
  ResponseEntity<ReportView> forward(
      Actor actor,
      TokenScope.Granting granting,
      @PathVariable long id,
      @RequestBody(required = false) ForwardRequest body) {
    routing.forward(actor, id, body == null ? null : body.tlp());
    return told(granting, actor, id);
  }

  record CommentRequest(String body) {}

  @PostMapping("/reports/{id}/comments")
  ResponseEntity<ReportView> comment(
      Actor actor,
      TokenScope.Granting granting,
      @PathVariable long id,
      @RequestBody CommentRequest body) {
    routing.comment(actor, id, body.body());
    return told(granting, actor, id);
  }

  /**
   * The report after a write, for a caller that may read; a token that may not (scope {@code write}
   * without {@code read}) is answered 204: the write is done, and it reads nothing through it that
   * a GET would refuse it (attack27).
   */
  private ResponseEntity<ReportView> told(TokenScope.Granting granting, Actor actor, long id) {
    return granting.reads()
        ? ResponseEntity.ok(reports.view(actor, id))
        : ResponseEntity.noContent().build();
  }

  /** Without {@code extra}, the terms stored with the report; with it, those terms instead. */
  @GetMapping("/reports/{id}/anonymisation")
  AnonymisationPreview preview(
      Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> extra) {
    return relays.preview(actor, id, extra);
  }

  /**
   * {@code extraTerms} absent keeps the terms stored with the report; a list replaces them. {@code
   * version}: the version the preview showed; when another one is next, 409 and nothing relayed.
   * {@code attachments}: ids of the original's attachments the anonymised copy includes (as the
   * relay page's check boxes; none when absent); one that is not the original's is a 400 naming it
   * and nothing is relayed.
   */
  record RelayRequest(
      List<String> extraTerms, String tlp, Integer version, List<Long> attachments) {}

  @PostMapping("/reports/{id}/relay")
  Map<String, Object> relay(
      Actor actor, @PathVariable long id, @RequestBody(required = false) RelayRequest body) {
    long copy =
        attachments.relay(
            actor,
            id,
            body == null ? null : body.extraTerms(),
            body == null ? null : body.tlp(),
            body == null ? null : body.version(),
            body == null ? null : body.attachments());
    return Map.of("relayedAs", copy);
  }

  @GetMapping("/inbox")
  List<ReportService.InboxItem> inbox(Actor actor, @RequestParam(defaultValue = "100") int limit) {
    return reports.inbox(actor, Math.max(1, Math.min(limit, MAX_LIST)));
  }
}
