package jp.renkei.server.report;

import static jp.renkei.server.report.ReportAccess.audience;
import static jp.renkei.server.report.ReportAccess.isOriginator;
import static jp.renkei.server.report.ReportAccess.myHop;
import static jp.renkei.server.report.ReportAccess.nextHop;
import static jp.renkei.server.report.ReportAccess.tlp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.AudienceChange;
import jp.renkei.engine.policy.Marking;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation on a report's route does with it: confirms receipt, forwards it to the next
 * hop (narrowing its TLP, never widening), and comments. An anonymised report is not forwarded but
 * relayed ({@link ReportRelayService}).
 */
@Service
class ReportRoutingService {

  private final ReportRepository reports;
  private final ReportValidator validator;
  private final AuditLog audit;
  private final Clock clock;
  private final ReportAccess access;

  ReportRoutingService(
      ReportRepository reports,
      ReportValidator validator,
      AuditLog audit,
      Optional<Clock> clock,
      ReportAccess access) {
    this.reports = reports;
    this.validator = validator;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
    this.access = access;
  }

  @Transactional
  public void markRead(Actor actor, long id) {
    access.visibleReport(actor, id);
    ReportRecords.Hop hop =
        myHop(actor, reports.hops(id)).orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
    if (hop.readAt() == null) {
      reports.markRead(hop.id(), clock.instant());
      audit.record(
          actor,
          AuditLog.Event.success(
              "report.receive", "report", id, Detail.of("report.hop", hop.kind())));
    }
  }

  /**
   * Forwards the report to the next organisation on its route, optionally narrowing its TLP. A hop
   * may narrow, never widen (the originator's rule, checked by the engine).
   */
  @Transactional
  public void forward(Actor actor, long id, String narrowerTlp) {
    ReportRecords.Report r = access.visibleReport(actor, id);
    if (!actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.mayNotForward");
    }
    List<ReportRecords.Hop> hops = reports.hops(id);
    ReportRecords.Hop mine =
        myHop(actor, hops).orElseThrow(() -> new Forbidden("error.report.notOnRoute"));
    if (r.anonymise()) {
      throw new Conflict("forward", "error.report.needsAnonymisation");
    }
    if (mine.forwardedAt() != null) {
      throw new Conflict("forward", "error.report.alreadyForwarded");
    }
    ReportRecords.Hop next =
        nextHop(hops, mine).orElseThrow(() -> new Conflict("forward", "error.report.endOfRoute"));
    access.requireActiveRecipient("forward", next.recipientOrgId());
    if (narrowerTlp != null && !narrowerTlp.isBlank() && !narrowerTlp.equals(r.tlp())) {
      validator.code("tlp", narrowerTlp, "tlp");
      Audience before = audience(r, hops);
      try {
        AudienceChange.apply(
            before, before.withMarking(Marking.tlp(tlp(narrowerTlp))), actor.organisationId());
      } catch (AudienceChange.WideningRefused e) {
        throw new InvalidInput("tlp", "validation.report.widening", tlp(narrowerTlp).label());
      }
      if ("red".equals(narrowerTlp) && r.recipientUserIds().isEmpty()) {
        throw new InvalidInput("tlp", "validation.report.redNeedsPeople");
      }
      reports.updateTlp(id, narrowerTlp);
    }
    Instant now = clock.instant();
    if (mine.readAt() == null) {
      reports.markRead(mine.id(), now);
    }
    reports.markForwarded(mine.id(), actor.userId(), now);
    reports.deliver(next.id(), now);
    audit.record(
        actor,
        AuditLog.Event.success(
            "report.forward",
            "report",
            id,
            narrowerTlp == null || narrowerTlp.isBlank()
                ? Detail.of("report.forward", mine.kind(), next.kind())
                : Detail.of("report.forward.narrowed", mine.kind(), next.kind(), narrowerTlp)));
  }

  @Transactional
  public void comment(Actor actor, long id, String body) {
    ReportRecords.Report r = access.visibleReport(actor, id);
    boolean own = isOriginator(r, actor);
    if ("draft".equals(r.status()) || (!own && myHop(actor, reports.hops(id)).isEmpty())) {
      throw new Forbidden("error.report.notOnRoute");
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > 5000) {
      throw new InvalidInput("body", "validation.required.max", 5000);
    }
    reports.insertComment(id, actor.organisationId(), actor.userId(), text, clock.instant());
    audit.record(actor, AuditLog.Event.success("report.comment", "report", id));
  }
}
