package jp.renkei.server.intel;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixPublisher;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.advisory.AdvisoryView;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.database.HubSecrets;
import jp.renkei.server.report.ReportService;
import jp.renkei.server.report.ReportView;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Advisories and incident reports as STIX 2.1 bundles, for whoever may see them: each goes through
 * its feature's own read path (the sharing policy, the read audit), so a bundle holds exactly what
 * the page would show — an anonymised relay copy names only the sector. STIX ids derive from each
 * object's stix key (its id before ids were random, else its id), so they never change.
 */
@Service
public class StixPublication {

  private static final String NAMESPACE = "stix-namespace";

  private final AdvisoryService advisories;
  private final ReportService reports;
  private final HubSecrets secrets;
  private final IntelService intel;
  private volatile StixPublisher publisher;
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(StixPublication.class);

  StixPublication(
      AdvisoryService advisories, ReportService reports, HubSecrets secrets, IntelService intel) {
    this.advisories = advisories;
    this.reports = reports;
    this.secrets = secrets;
    this.intel = intel;
  }

  /** The hub's own namespace for STIX ids, made once and kept in the database. */
  private StixPublisher publisher() {
    StixPublisher p = publisher;
    if (p == null) {
      ByteBuffer b = ByteBuffer.wrap(secrets.get(NAMESPACE, 16));
      p = new StixPublisher(new UUID(b.getLong(), b.getLong()));
      publisher = p;
    }
    return p;
  }

  public ObjectNode advisory(Actor actor, long id) {
    AdvisoryView a = advisories.view(actor, id);
    return advisoryBundle(advisories.stixKey(a.id()), a.issuerName(), a.tlp(), a.versions());
  }

  /**
   * Stores each issued or updated advisory in the advisories collection (after its transaction
   * commits), where every object is read under the advisory's own audience. A failure here never
   * undoes the advisory; it is logged, and the next version publishes the whole thread again.
   */
  @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
  void onPublished(AdvisoryService.Published event) {
    try {
      advisories
          .publication(event.id())
          .ifPresent(
              p ->
                  intel.publishAdvisory(
                      p.id(),
                      p.issuerOrgId(),
                      p.issuerUserId(),
                      advisoryBundle(p.stixKey(), p.issuerName(), p.tlp(), p.versions())
                          .toString()));
    } catch (RuntimeException e) {
      log.warn("Advisory {} could not be published as STIX: {}", event.id(), e.toString());
    }
  }

  /**
   * The advisory as its current version says it: that version's indicators and actions; the
   * indicators of observables only earlier versions named, and actions the current one dropped,
   * revoked; everything revoked once it is withdrawn. Stored over the earlier bundle, what the
   * advisories collection serves as live is the current version's.
   */
  private ObjectNode advisoryBundle(
      long stixKey, String issuerName, String tlp, List<AdvisoryView.Version> versions) {
    AdvisoryView.Version latest = versions.get(versions.size() - 1);
    List<StixPublisher.Observed> retired =
        versions.stream()
            .flatMap(v -> v.observables().stream())
            .distinct()
            .filter(o -> !latest.observables().contains(o))
            .map(StixPublication::observed)
            .toList();
    String retiredActions =
        versions.stream()
            .map(AdvisoryView.Version::actions)
            .filter(x -> x != null && !x.isBlank())
            .reduce((earlier, later) -> later)
            .orElse(null);
    return publisher()
        .advisory(
            stixKey,
            new StixPublisher.Party(issuerName, issuerName, null, false),
            tlp(tlp),
            latest.title(),
            latest.body(),
            latest.actions(),
            latest.observables().stream().map(StixPublication::observed).toList(),
            retired,
            retiredActions,
            versions.get(0).createdAt(),
            latest.createdAt(),
            "withdrawal".equals(latest.kind()));
  }

  public ObjectNode report(Actor actor, long id) {
    ReportView r = reports.view(actor, id);
    ReportView.Version latest = r.latest();
    Instant submitted = r.submittedAt() != null ? r.submittedAt() : r.versions().get(0).createdAt();
    return publisher()
        .incident(
            reports.stixKey(r.id()),
            new StixPublisher.Party(
                r.originatorName(), r.originatorName(), r.sectorCode(), r.relayCopy()),
            tlp(r.tlp()),
            latest.content().title(),
            latest.content().summary(),
            latest.content().incidentType(),
            latest.content().severity(),
            latest.content().occurredAt(),
            latest.content().detectedAt(),
            latest.content().observables().stream()
                .map(o -> new StixPublisher.Observed(o.type(), o.value()))
                .toList(),
            r.comments().stream()
                .map(c -> new StixPublisher.Comment(c.organisationName(), c.body(), c.createdAt()))
                .toList(),
            submitted,
            latest.createdAt().isBefore(submitted) ? submitted : latest.createdAt());
  }

  /** Advisory observables are stored as "type value" or a bare value; reports as typed entries. */
  static StixPublisher.Observed observed(String stored) {
    int space = stored.indexOf(' ');
    if (space > 0 && !stored.substring(0, space).contains(".")) {
      return new StixPublisher.Observed(stored.substring(0, space), stored.substring(space + 1));
    }
    return new StixPublisher.Observed(
        jp.renkei.engine.observable.Observables.detect(stored)
            .map(jp.renkei.engine.observable.ObservableType::code)
            .orElse("unknown"),
        stored);
  }

  static Tlp tlp(String code) {
    return Tlp.valueOf(code.toUpperCase(Locale.ROOT).replace('+', '_'));
  }
}
