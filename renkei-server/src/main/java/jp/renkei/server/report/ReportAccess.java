package jp.renkei.server.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Component;

/**
 * The rules every part of the report feature shares: the audience the sharing policy judges for a
 * report, which report an actor may see ({@link NotFound} otherwise, whether it exists or not) or
 * write, and where an actor stands on a report's route.
 */
@Component
class ReportAccess {

  private final ReportRepository reports;
  private final SharingGate gate;
  private final DirectoryService directory;
  private final ReferenceData reference;

  ReportAccess(
      ReportRepository reports,
      SharingGate gate,
      DirectoryService directory,
      ReferenceData reference) {
    this.reports = reports;
    this.gate = gate;
    this.directory = directory;
    this.reference = reference;
  }

  /** The audience the policy judges: a draft is its originator's alone. */
  static Audience audience(ReportRecords.Report r, List<ReportRecords.Hop> hops) {
    return audience(
        r,
        hops.stream()
            .filter(h -> h.deliveredAt() != null)
            .map(ReportRecords.Hop::recipientOrgId)
            .collect(Collectors.toSet()));
  }

  /** The same, from the organisations the report has been delivered to. */
  static Audience audience(ReportRecords.Report r, Set<Long> delivered) {
    if ("draft".equals(r.status())) {
      return Audience.of(Marking.tlp(Tlp.RED), r.originatorOrgId(), r.originatorUserId());
    }
    if (r.anonymise()) {
      // the original is for the CEPTOAR only, and never wider than the reporter chose: at RED, only
      // the people it names there (the TLP the reporter chose also applies to the copy)
      boolean red = tlp(r.tlp()) == Tlp.RED;
      return new Audience(
          Marking.tlp(red ? Tlp.RED : Tlp.AMBER_STRICT),
          r.originatorOrgId(),
          r.originatorUserId(),
          delivered,
          red ? Set.copyOf(r.recipientUserIds()) : Set.of(),
          Set.of(),
          Set.of(),
          Set.copyOf(r.excludedOrgIds()));
    }
    return new Audience(
        Marking.tlp(tlp(r.tlp())),
        r.originatorOrgId(),
        r.originatorUserId(),
        delivered,
        Set.copyOf(r.recipientUserIds()),
        Set.copyOf(r.scopeSectors()),
        Set.copyOf(r.scopeTypes()),
        Set.copyOf(r.excludedOrgIds()));
  }

  static Tlp tlp(String code) {
    return jp.renkei.server.sharing.Markings.tlp(code);
  }

  ReportRecords.Report visibleReport(Actor actor, long id) {
    Optional<ReportRecords.Report> found = reports.report(id);
    // read whether or not the report exists: a hidden report and a missing one do the same work
    List<ReportRecords.Hop> hops = reports.hops(id);
    return gate.visible(actor, found, r -> audience(r, hops))
        .orElseThrow(() -> new NotFound("report", id));
  }

  ReportRecords.Report ownReport(Actor actor, long id) {
    ReportRecords.Report r = visibleReport(actor, id);
    if (!isOriginator(r, actor) || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.report.notOriginator");
    }
    return r;
  }

  static boolean isOriginator(ReportRecords.Report r, Actor actor) {
    return actor.organisationId() != null && r.originatorOrgId() == actor.organisationId();
  }

  static Optional<ReportRecords.Hop> myHop(Actor actor, List<ReportRecords.Hop> hops) {
    return hops.stream()
        .filter(
            h ->
                actor.organisationId() != null
                    && h.recipientOrgId() == actor.organisationId()
                    && h.deliveredAt() != null)
        .findFirst();
  }

  static Optional<ReportRecords.Hop> nextHop(List<ReportRecords.Hop> hops, ReportRecords.Hop h) {
    return hops.stream().filter(x -> x.hopOrder() == h.hopOrder() + 1).findFirst();
  }

  Optional<Organisation> supervisoryMinistry(Organisation own) {
    return reference
        .sector(own.sectorCode())
        .flatMap(s -> directory.ministryOrganisation(s.ministryCode()));
  }

  /**
   * The organisation a report is about to be delivered to, refused when it is inactive (attack29b):
   * a hop deactivated after the report was submitted would hold it where nobody can read or forward
   * it, the sender told it had gone on, and its people would find it on reactivation. {@code field}
   * names the step refused ({@code forward}, {@code relay}). That an organisation is inactive is
   * what the directory already shows every member.
   */
  Organisation requireActiveRecipient(String field, long organisationId) {
    Organisation o = directory.organisation(organisationId);
    if (!o.active()) {
      throw new jp.renkei.server.failure.InvalidInput(
          field, "validation.organisation.inactive", o.code());
    }
    return o;
  }

  int relayedVersions(ReportRecords.Hop hop) {
    return hop.relayedAsReportId() == null ? 0 : reports.versions(hop.relayedAsReportId()).size();
  }
}
