package jp.renkei.server.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.config.AttachmentProperties;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a report (logs, screenshots, PDFs), with their SHA-256 and size. Only the
 * reporting organisation's analysts attach them; they are read by whoever may read the report
 * ({@link ReportAccess}, the one rule), and an anonymised copy shows only those its CEPTOAR chose
 * to include when relaying. Every refusal to read is the same {@link NotFound} as an attachment
 * that never existed, whether the report, the attachment or the pairing is what is hidden.
 */
@Service
public class ReportAttachments {

  /**
   * One attachment as the viewer may see it: {@code name} as uploaded, {@code displayName} with
   * bidirectional, zero-width and control characters written as {@code \\u{...}} so that a name
   * cannot disguise itself; {@code inRelay} whether the CEPTOAR included it in its anonymised copy
   * (meaningful on the CEPTOAR's relay page only).
   */
  public record AttachmentView(
      long id,
      String name,
      String displayName,
      long size,
      String sha256,
      int version,
      Instant createdAt,
      boolean inRelay) {}

  /** A file to send: the view and its bytes. */
  public record Download(AttachmentView attachment, byte[] content) {}

  private final ReportAttachmentRepository attachments;
  private final ReportRepository reports;
  private final ReportAccess access;
  private final ReportRelayService relays;
  private final AttachmentProperties limits;
  private final AuditLog audit;

  ReportAttachments(
      ReportAttachmentRepository attachments,
      ReportRepository reports,
      ReportAccess access,
      ReportRelayService relays,
      AttachmentProperties limits,
      AuditLog audit) {
    this.attachments = attachments;
    this.reports = reports;
    this.access = access;
    this.relays = relays;
    this.limits = limits;
    this.audit = audit;
  }

  /** The limits, for the upload form to state. */
  public AttachmentProperties limits() {
    return limits;
  }

  /** What the viewer may see attached to the report ({@link NotFound} if not the report). */
  public List<AttachmentView> list(Actor actor, long reportId) {
    ReportRecords.Report r = access.visibleReport(actor, reportId);
    return visible(r).stream().map(a -> view(a, false)).toList();
  }

  /** One attachment with its bytes; the read is audited (so not a read-only transaction). */
  @Transactional
  public Download download(Actor actor, long reportId, long attachmentId) {
    ReportRecords.Report r;
    try {
      r = access.visibleReport(actor, reportId);
    } catch (NotFound e) {
      throw new NotFound("attachment", attachmentId);
    }
    ReportAttachmentRepository.Attachment a =
        visible(r).stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> new NotFound("attachment", attachmentId));
    byte[] content =
        attachments.content(a.id()).orElseThrow(() -> new NotFound("attachment", attachmentId));
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.attachment.read",
            "report",
            reportId,
            Detail.of("report.attachment", attachmentId)));
    return new Download(view(a, false), content);
  }

  /**
   * Attaches a file to the reporter's own report (a draft or an open report, never an anonymised
   * copy), after the limits. The name keeps only its last path segment.
   */
  @Transactional
  public long upload(Actor actor, long reportId, String fileName, byte[] content) {
    ReportRecords.Report r = access.ownReport(actor, reportId);
    if (r.isRelayCopy() || "closed".equals(r.status())) {
      throw new Conflict("status", "work.error.attachment.notOpen");
    }
    String name = baseName(fileName);
    if (content == null || content.length == 0) {
      throw new InvalidInput("file", "work.validation.attachment.empty", name);
    }
    if (content.length > limits.maxFileSize().toBytes()) {
      throw new InvalidInput(
          "file", "work.validation.attachment.tooLarge", name, mb(limits.maxFileSize()));
    }
    // after the check that the actor is the report's originator: nobody else can hold its row
    attachments.lockReport(reportId);
    List<ReportAttachmentRepository.Attachment> existing = attachments.ofReport(reportId);
    if (existing.size() >= limits.maxFiles()) {
      throw new InvalidInput("file", "work.validation.attachment.tooMany", limits.maxFiles());
    }
    long total = existing.stream().mapToLong(ReportAttachmentRepository.Attachment::size).sum();
    if (total + content.length > limits.maxPerReport().toBytes()) {
      throw new InvalidInput(
          "file", "work.validation.attachment.reportFull", name, mb(limits.maxPerReport()));
    }
    int version = reports.versions(reportId).size();
    long id = attachments.insert(reportId, version, name, content, sha256(content), actor.userId());
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.attachment.add",
            "report",
            reportId,
            Detail.of("report.attachment.add", id, content.length)));
    return id;
  }

  /**
   * The original's attachments as its CEPTOAR sees them on the relay page, each marked whether the
   * anonymised copy includes it; empty for anyone else.
   */
  public List<AttachmentView> forRelay(Actor actor, long reportId) {
    ReportRecords.Report r = access.visibleReport(actor, reportId);
    if (!r.anonymise()) {
      return List.of();
    }
    return ReportAccess.myHop(actor, reports.hops(reportId))
        .filter(h -> "ceptoar".equals(h.kind()))
        .map(
            h -> {
              Set<Long> included =
                  h.relayedAsReportId() == null
                      ? Set.of()
                      : attachments.ofRelayCopy(h.relayedAsReportId()).stream()
                          .map(ReportAttachmentRepository.Attachment::id)
                          .collect(Collectors.toSet());
              return attachments.ofReport(reportId).stream()
                  .map(a -> view(a, included.contains(a.id())))
                  .toList();
            })
        .orElse(List.of());
  }

  /**
   * Where the viewer stands with the anonymised copy of the report, for the report's own page: only
   * the CEPTOAR whose hop anonymises it gets one ({@code copied} once it has relayed a version,
   * {@code included} the original's attachments in that copy); anyone else gets empty.
   */
  public java.util.Optional<RelayInclusion> relayInclusion(Actor actor, long reportId) {
    ReportRecords.Report r = access.visibleReport(actor, reportId);
    if (!r.anonymise() || r.isRelayCopy()) {
      return java.util.Optional.empty();
    }
    return ReportAccess.myHop(actor, reports.hops(reportId))
        .filter(h -> "ceptoar".equals(h.kind()))
        .map(
            h ->
                new RelayInclusion(
                    h.relayedAsReportId() != null,
                    h.relayedAsReportId() == null
                        ? Set.of()
                        : attachments.ofRelayCopy(h.relayedAsReportId()).stream()
                            .map(ReportAttachmentRepository.Attachment::id)
                            .collect(Collectors.toSet())));
  }

  /**
   * The CEPTOAR's anonymised copy and which of the original's attachments it includes ({@link
   * #relayInclusion}).
   */
  public record RelayInclusion(boolean copied, Set<Long> included) {
    /** Whether the attachment goes upstream with the copy. */
    public boolean includes(long attachmentId) {
      return included.contains(attachmentId);
    }

    /** Whether a copy was relayed and some of these attachments are not in it. */
    public boolean leavesOut(List<AttachmentView> attachments) {
      return copied && attachments.stream().anyMatch(a -> !included.contains(a.id()));
    }
  }

  /**
   * Adds one of the original's attachments to the anonymised copy the CEPTOAR already relayed: a
   * file the reporter attached after the last relay goes upstream without waiting for a next
   * version. Only the CEPTOAR whose hop anonymises the report, once it has relayed; anyone else,
   * and an attachment that is not the original's, gets the same {@link NotFound}.
   */
  @Transactional
  public void includeInCopy(Actor actor, long reportId, long attachmentId) {
    ReportRecords.Report r;
    try {
      r = access.visibleReport(actor, reportId);
    } catch (NotFound e) {
      throw new NotFound("attachment", attachmentId);
    }
    Long copy =
        r.anonymise() && !r.isRelayCopy()
            ? ReportAccess.myHop(actor, reports.hops(reportId))
                .filter(h -> "ceptoar".equals(h.kind()))
                .map(ReportRecords.Hop::relayedAsReportId)
                .orElse(null)
            : null;
    boolean own = attachments.ofReport(reportId).stream().anyMatch(a -> a.id() == attachmentId);
    if (copy == null || !own) {
      throw new NotFound("attachment", attachmentId);
    }
    attachments.includeInRelay(copy, attachmentId);
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.attachment.relay",
            "report",
            reportId,
            Detail.of("report.attachment", attachmentId)));
  }

  /**
   * Relays the next version (as {@link ReportRelayService#relay}) and includes in the anonymised
   * copy the original's attachments the CEPTOAR chose, in one transaction; one that is not the
   * original's own is refused and nothing is relayed.
   */
  @Transactional
  public long relay(
      Actor actor,
      long id,
      List<String> extraTerms,
      String narrowerTlp,
      Integer version,
      List<Long> include) {
    long copy = relays.relay(actor, id, extraTerms, narrowerTlp, version);
    if (include != null && !include.isEmpty()) {
      Set<Long> own =
          attachments.ofReport(id).stream()
              .map(ReportAttachmentRepository.Attachment::id)
              .collect(Collectors.toSet());
      for (Long a : include) {
        if (a == null || !own.contains(a)) {
          throw new InvalidInput(
              "attachments", "work.validation.attachment.notOfReport", String.valueOf(a));
        }
        attachments.includeInRelay(copy, a);
      }
    }
    return copy;
  }

  private List<ReportAttachmentRepository.Attachment> visible(ReportRecords.Report r) {
    return r.isRelayCopy() ? attachments.ofRelayCopy(r.id()) : attachments.ofReport(r.id());
  }

  private static AttachmentView view(ReportAttachmentRepository.Attachment a, boolean inRelay) {
    return new AttachmentView(
        a.id(),
        a.fileName(),
        displayName(a.fileName()),
        a.size(),
        a.sha256(),
        a.versionNo(),
        a.createdAt(),
        inRelay);
  }

  /** The last segment of a path-like name, stripped; refused when nothing usable is left. */
  static String baseName(String fileName) {
    String n = fileName == null ? "" : fileName;
    int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(cut + 1).strip();
    if (n.isEmpty() || n.equals(".") || n.equals("..") || n.length() > 255) {
      throw new InvalidInput("file", "work.validation.attachment.name", String.valueOf(fileName));
    }
    int hidden = hiddenCharacter(n);
    if (hidden >= 0) {
      throw new InvalidInput(
          "file", "hub.attachment.nameHidden", displayName(n), n.codePointCount(0, hidden) + 1);
    }
    return n;
  }

  /**
   * Where the name holds a character that cannot be stored or disguises the name (a control
   * character such as NUL, or a bidirectional override, embedding, isolate or mark such as RLO), or
   * -1. Zero-width and other format characters are kept and shown escaped ({@link #displayName}).
   */
  static int hiddenCharacter(String name) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (Character.getType(c) == Character.CONTROL
          || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200E
          || c == 0x200F
          || c == 0x061C) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  /**
   * The name with every format (bidi overrides, zero-width), control, line and paragraph separator
   * and private-use character written as {@code \\u{XXXX}}.
   */
  public static String displayName(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.FORMAT
                  || type == Character.CONTROL
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.PRIVATE_USE
                  || type == Character.UNASSIGNED) {
                out.append(String.format("\\u{%04X}", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String mb(org.springframework.util.unit.DataSize size) {
    return size.toBytes() % (1024 * 1024) == 0
        ? size.toMegabytes() + " MB"
        : size.toBytes() + " bytes";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
