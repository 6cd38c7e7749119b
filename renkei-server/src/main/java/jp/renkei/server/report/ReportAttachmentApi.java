package jp.renkei.server.report;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST: a report's attachments (issue 14, item 6), through the same {@link ReportAttachments} as
 * the report page: the same audience, the same anonymised-relay rule, the same limits and the same
 * audit. Whatever the caller may not read answers the 404 of an id that never existed.
 */
@RestController
@RequestMapping("/api/v1/reports/{id}/attachments")
class ReportAttachmentApi {

  /**
   * One attachment as the caller may see it. {@code mediaType} is derived from the stored name's
   * extension (never from the content, and a download is always {@code application/octet-stream});
   * {@code uploadedBy} is the reporting organisation as the caller sees the report (an anonymised
   * copy's readers see its anonymous form).
   */
  record Attachment(
      long id,
      String fileName,
      String displayName,
      String mediaType,
      long size,
      String sha256,
      int version,
      Instant uploadedAt,
      String uploadedBy) {}

  private final ReportAttachments attachments;
  private final ReportService reports;

  ReportAttachmentApi(ReportAttachments attachments, ReportService reports) {
    this.attachments = attachments;
    this.reports = reports;
  }

  @GetMapping
  List<Attachment> list(Actor actor, @PathVariable long id) {
    List<ReportAttachments.AttachmentView> all = attachments.list(actor, id);
    String by = reports.view(actor, id, LocaleContextHolder.getLocale()).originatorName();
    return all.stream().map(a -> of(a, by)).toList();
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Attachment> upload(
      Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file)
      throws IOException {
    if (file == null) {
      throw new InvalidInput("file", "work.validation.attachment.empty", "-");
    }
    long created = attachments.upload(actor, id, file.getOriginalFilename(), file.getBytes());
    Attachment a =
        list(actor, id).stream().filter(x -> x.id() == created).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/attachments/" + created))
        .body(a);
  }

  @GetMapping("/{attachmentId}")
  ResponseEntity<byte[]> download(
      Actor actor, @PathVariable long id, @PathVariable long attachmentId) {
    return ReportPages.asFile(attachments.download(actor, id, attachmentId));
  }

  private static Attachment of(ReportAttachments.AttachmentView a, String by) {
    return new Attachment(
        a.id(),
        a.name(),
        a.displayName(),
        MediaTypeFactory.getMediaType(a.name())
            .orElse(MediaType.APPLICATION_OCTET_STREAM)
            .toString(),
        a.size(),
        a.sha256(),
        a.version(),
        a.createdAt(),
        by);
  }
}
