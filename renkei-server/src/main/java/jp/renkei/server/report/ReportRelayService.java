package jp.renkei.server.report;

import static jp.renkei.server.report.ReportAccess.myHop;
import static jp.renkei.server.report.ReportAccess.tlp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 匿名化: the CEPTOAR secretariat's relay of an anonymised report. It checks each version side by side
 * with its redaction (the reporter's directory identity, the report's contact details and the terms
 * it added, kept with the report), then relays it, one version at a time, as a copy that names the
 * reporter only as "an operator in sector X". Nothing links the copy to the original outside the
 * original's CEPTOAR hop.
 */
@Service
class ReportRelayService {

  private final ReportRepository reports;
  private final ReportValidator validator;
  private final DirectoryService directory;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;
  private final ReportAccess access;
  private final ReportAttachmentRepository attachments;

  ReportRelayService(
      ReportRepository reports,
      ReportValidator validator,
      DirectoryService directory,
      ReferenceData reference,
      AuditLog audit,
      Optional<Clock> clock,
      ReportAccess access,
      ReportAttachmentRepository attachments) {
    this.reports = reports;
    this.validator = validator;
    this.directory = directory;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
    this.access = access;
    this.attachments = attachments;
  }

  /**
   * The redaction the CEPTOAR secretariat would relay for the oldest version not yet relayed. The
   * extra terms it wants removed as well are those stored with the report ({@code extraTerms}
   * null), or those it is trying out now.
   */
  @Transactional
  public AnonymisationPreview preview(Actor actor, long id, List<String> extraTerms) {
    ReportRecords.Report r = access.visibleReport(actor, id);
    ReportRecords.Hop hop = relayHop(actor, r);
    List<ReportView.Version> versions = reports.versions(id);
    int next = access.relayedVersions(hop) + 1;
    if (next > versions.size()) {
      throw new Conflict("relay", "error.report.nothingToRelay");
    }
    ReportView.Version v = versions.get(next - 1);
    List<String> terms = extraTerms == null ? reports.redactionTerms(id) : cleanTerms(extraTerms);
    Redactor redactor = redactor(r, versions, terms);
    List<AnonymisationPreview.Field> fields = new ArrayList<>();
    ReportContent c = v.content();
    for (String[] f :
        new String[][] {
          {"title", c.title()},
          {"summary", c.summary()},
          {"responseStatus", c.responseStatus()},
          {"cascadeNote", c.cascadeNote()}
        }) {
      if (f[1] != null) {
        Redactor.Result red = redactor.redact(f[1]);
        fields.add(
            new AnonymisationPreview.Field(
                f[0],
                f[1],
                red.text(),
                red.spans().stream().map(Redactor.Span::original).toList(),
                redactor.lookalikes(red.text())));
      }
    }
    List<AnonymisationPreview.ObservableLine> obs =
        c.observables().stream()
            .map(
                o ->
                    new AnonymisationPreview.ObservableLine(
                        o.type(),
                        o.value(),
                        redactor.identifies(o.type(), o.value()),
                        !redactor.identifies(o.type(), o.value()) && redactor.resembles(o.value())))
            .toList();
    // a file keeps its name upstream: names the redactor would change, or that look like the
    // reporter (a lookalike of one of its domains), are pointed out
    List<String> identifying =
        attachments.ofReport(id).stream()
            .map(ReportAttachmentRepository.Attachment::fileName)
            .filter(
                n ->
                    !redactor.redact(n).spans().isEmpty()
                        || redactor.resembles(n)
                        || !redactor.lookalikes(n).isEmpty())
            .distinct()
            .toList();
    return new AnonymisationPreview(
        id, v.number(), v.kind(), presentedOriginator(r), fields, obs, terms, identifying);
  }

  /**
   * Relays the oldest unrelayed version as an anonymised copy: the first time, creates the copy
   * (issued by the CEPTOAR, naming the reporter only by sector) and delivers it to the sector
   * ministry then NISC's route; later, appends the version to that copy. The extra terms are kept
   * with the report for every later version: {@code extraTerms} null keeps those stored, a list
   * replaces them.
   *
   * <p>One version goes at a time, the one the preview showed (the oldest not yet relayed); when
   * {@code version} is given and another one is next, nothing is relayed.
   *
   * @return the copy's id
   */
  @Transactional
  public long relay(
      Actor actor, long id, List<String> extraTerms, String narrowerTlp, Integer version) {
    ReportRecords.Report r = access.visibleReport(actor, id);
    ReportRecords.Hop hop = relayHop(actor, r);
    List<ReportView.Version> versions = reports.versions(id);
    int next = access.relayedVersions(hop) + 1;
    if (next > versions.size()) {
      throw new Conflict("relay", "error.report.nothingToRelay");
    }
    if (version != null && version != next) {
      throw new Conflict("version", "error.report.relayVersionChanged", version, next);
    }
    // the TLP and the terms are judged together, so the page lists both errors at once
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    boolean narrowing =
        narrowerTlp != null && !narrowerTlp.isBlank() && !narrowerTlp.equals(r.tlp());
    errors.check(
        () -> {
          if (narrowing) {
            validator.code("tlp", narrowerTlp, "tlp");
            if (tlp(narrowerTlp).compareTo(tlp(r.tlp())) > 0) {
              throw new InvalidInput("tlp", "validation.report.widening", tlp(narrowerTlp).label());
            }
          }
        });
    List<List<String>> typed = new java.util.ArrayList<>();
    errors.check(() -> typed.add(extraTerms == null ? null : cleanTerms(extraTerms)));
    errors.throwIfAny();
    String tlp = narrowing ? narrowerTlp : r.tlp();
    List<String> terms = reports.redactionTerms(id);
    if (typed.get(0) != null && !typed.get(0).equals(terms)) {
      terms = typed.get(0);
      reports.replaceRedactionTerms(id, terms);
      audit.record(
          actor,
          AuditLog.Event.success(
              "report.redaction.terms",
              "report",
              id,
              Detail.of("report.redaction.terms", terms.size())));
    }
    Redactor redactor = redactor(r, versions, terms);
    Instant now = clock.instant();
    Long copyId = hop.relayedAsReportId();
    if (copyId == null) {
      Organisation reporter = directory.organisation(r.originatorOrgId());
      Organisation ministry =
          access
              .supervisoryMinistry(reporter)
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      Organisation nisc =
          directory
              .nationalCoordinator()
              .orElseThrow(() -> new Conflict("route", "error.report.routeIncomplete"));
      access.requireActiveRecipient("relay", ministry.id());
      access.requireActiveRecipient("relay", nisc.id());
      List<Long> excluded = r.excludedOrgIds();
      if ("red".equals(tlp) && r.recipientUserIds().isEmpty()) {
        throw new InvalidInput("tlp", "validation.report.redNeedsPeople");
      }
      copyId =
          reports.insertRelayCopy(
              actor.organisationId(),
              actor.userId(),
              r.sectorCode(),
              tlp,
              r.scopeSectors(),
              r.scopeTypes(),
              excluded,
              r.recipientUserIds(),
              presentedOriginator(r),
              now);
      reports.insertHop(copyId, 1, "ministry", ministry.id());
      reports.insertHop(copyId, 2, "nisc", nisc.id());
      reports.deliver(reports.hops(copyId).get(0).id(), now);
      reports.markRelayed(hop.id(), copyId);
      if (hop.readAt() == null) {
        reports.markRead(hop.id(), now);
      }
      reports.markForwarded(hop.id(), actor.userId(), now);
    }
    ReportView.Version v = versions.get(next - 1);
    reports.insertVersion(
        copyId, next, v.kind(), redacted(v.content(), redactor), actor.userId(), now);
    if ("final".equals(v.kind())) {
      reports.close(copyId);
    }
    // the copy's entry names only the copy: nothing in the log links it to the original
    audit.record(
        actor, AuditLog.Event.success("report.relay", "report", copyId, Detail.of("report.relay")));
    return copyId;
  }

  private ReportRecords.Hop relayHop(Actor actor, ReportRecords.Report r) {
    if (!r.anonymise()) {
      throw new Conflict("relay", "error.report.notAnonymised");
    }
    if (!actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.mayNotForward");
    }
    return myHop(actor, reports.hops(r.id()))
        .filter(h -> "ceptoar".equals(h.kind()))
        .orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
  }

  /**
   * What identifies the reporter: the directory's identity of its organisation, everything any
   * version of the report says about its contact (unit, person, phone, e-mail), and the terms the
   * secretariat added.
   */
  private Redactor redactor(
      ReportRecords.Report r, List<ReportView.Version> versions, List<String> extraTerms) {
    Identity identity = directory.redactionIdentity(r.originatorOrgId());
    for (ReportView.Version v : versions) {
      ReportContent c = v.content();
      identity =
          identity.withContact(
              c.contactUnit(), c.contactPerson(), c.contactPhone(), c.contactEmail());
    }
    return new Redactor(identity.withTerms(extraTerms));
  }

  /**
   * A version as it leaves the CEPTOAR: free text redacted, contact dropped, own observables gone.
   */
  private static ReportContent redacted(ReportContent c, Redactor redactor) {
    return new ReportContent(
        redactor.redact(c.title()).text(),
        redactor.redact(c.summary()).text(),
        c.occurredAt(),
        c.detectedAt(),
        c.incidentType(),
        c.causes(),
        c.serviceOutage(),
        c.severity(),
        c.responseStatus() == null ? null : redactor.redact(c.responseStatus()).text(),
        c.cascadePossibility(),
        c.cascadeNote() == null ? null : redactor.redact(c.cascadeNote()).text(),
        c.reportingCase(),
        null,
        null,
        null,
        null,
        c.observables().stream().filter(o -> !redactor.identifies(o.type(), o.value())).toList());
  }

  private String presentedOriginator(ReportRecords.Report r) {
    return anonymousName(reference, r.sectorCode(), java.util.Locale.JAPANESE);
  }

  /**
   * How an anonymised report names its reporter, in the reader's language: "an operator in sector
   * X" (the copy stores the Japanese form).
   */
  static String anonymousName(
      jp.renkei.server.reference.ReferenceData reference,
      String sectorCode,
      java.util.Locale locale) {
    if ("en".equals(locale.getLanguage())) {
      return reference.sector(sectorCode).map(s -> s.nameEn()).orElse(sectorCode)
          + " sector critical-infrastructure operator";
    }
    return reference.sector(sectorCode).map(s -> s.nameJa()).orElse(sectorCode) + "分野の重要インフラ事業者";
  }

  static final int MAX_TERMS = 50;

  static final int MAX_TERM_LENGTH = 200;

  /**
   * The secretariat's terms, stripped, without one-letter terms (they would take out every such
   * letter) or repeats; more than {@value #MAX_TERMS}, or one longer than {@value #MAX_TERM_LENGTH}
   * characters, is refused.
   */
  private static List<String> cleanTerms(List<String> terms) {
    if (terms == null) {
      return List.of();
    }
    List<String> clean =
        terms.stream()
            .filter(t -> t != null)
            .map(String::strip)
            .filter(t -> t.length() >= 2)
            .distinct()
            .toList();
    if (clean.size() > MAX_TERMS) {
      throw new InvalidInput("extraTerms", "validation.report.tooManyTerms", MAX_TERMS);
    }
    for (String t : clean) {
      if (t.length() > MAX_TERM_LENGTH) {
        throw new InvalidInput("extraTerms", "validation.report.termTooLong", MAX_TERM_LENGTH);
      }
    }
    return clean;
  }
}
