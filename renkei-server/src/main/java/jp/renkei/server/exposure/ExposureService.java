package jp.renkei.server.exposure;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to inventories: an organisation imports its own inventory (CSV or nmap XML, all or
 * nothing) and chooses whether to share its details with its coordinators; after the hub's
 * knowledge changes, every inventory is matched again.
 */
@Service
public class ExposureService {

  /** The outcome of an inventory import: what was imported, or every problem (nothing imported). */
  public record ImportResult(
      int assets, int skipped, int findings, List<InventoryFile.Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final ExposureRepository repository;
  private final FindingMatcher matcher;
  private final TransactionTemplate tx;
  private final ExposureNotices notices;
  private final KnowledgeService knowledge;
  private final AuditLog audit;

  ExposureService(
      ExposureRepository repository,
      FindingMatcher matcher,
      TransactionTemplate tx,
      ExposureNotices notices,
      KnowledgeService knowledge,
      AuditLog audit) {
    this.knowledge = knowledge;
    this.audit = audit;
    this.repository = repository;
    this.matcher = matcher;
    this.tx = tx;
    this.notices = notices;
  }

  private static long ownOrganisation(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    return actor.organisationId();
  }

  /** Imports the actor's own organisation's inventory, replacing the assets of that format. */
  public ImportResult importInventory(Actor actor, String format, String fileName, InputStream in) {
    return importInto(ownOrganisation(actor), actor, format, fileName, in);
  }

  /**
   * A platform admin imports an organisation's inventory on its behalf (an operator that sent its
   * file to the hub), audited in the organisation's name. The admin learns what was imported and
   * every problem, never the findings: those stay the organisation's.
   */
  public ImportResult importInventoryFor(
      Actor admin, long org, String format, String fileName, InputStream in) {
    if (!admin.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.forbidden");
    }
    ImportResult r = importInto(org, admin, format, fileName, in);
    String file = fileName == null ? "" : InventoryFile.clip(fileName);
    Detail detail =
        r.ok()
            ? Detail.of("exposure.inventory.imported", format, file, r.assets())
            : Detail.of("exposure.inventory.refused", format, file, r.problems().size());
    tx.executeWithoutResult(
        x ->
            audit.record(
                admin,
                r.ok()
                    ? AuditLog.Event.success(
                        "exposure.inventory.on_behalf", "organisation", org, detail)
                    : AuditLog.Event.failure(
                        "exposure.inventory.on_behalf", "organisation", org, detail)));
    return new ImportResult(r.assets(), r.skipped(), 0, r.problems());
  }

  private ImportResult importInto(
      long org, Actor actor, String format, String fileName, InputStream in) {
    InventoryFile.Result r =
        switch (format) {
          case "csv" -> InventoryFile.csv(in);
          case "xlsx" -> InventorySheet.read(in);
          case "nmap" -> InventoryFile.nmap(in);
          default -> throw new InvalidInput("format", "exposure.error.format", format);
        };
    if (!r.problems().isEmpty()) {
      return new ImportResult(0, 0, 0, r.problems());
    }
    String name = fileName == null ? null : InventoryFile.clip(fileName);
    Integer findings =
        tx.execute(
            s -> {
              Map<String, LocalDate> seen = repository.firstSeen(org);
              repository.replaceInventory(org, format, name, actor.userId(), r.assets());
              matcher.rematch(org, seen);
              return repository.findings(org, Integer.MAX_VALUE).size();
            });
    return new ImportResult(r.assets().size(), r.skipped(), findings, List.of());
  }

  /**
   * Shares (or stops sharing) the actor's organisation's details, recipient by recipient: NISC, its
   * sector's ministry, its CEPTOARs. The sharing policy then judges every read by that audience.
   */
  @org.springframework.transaction.annotation.Transactional
  public void share(Actor actor, ExposureRepository.Shares with) {
    long org = ownOrganisation(actor);
    ExposureRepository.Shares before = repository.shares(org);
    repository.setShares(org, with);
    audit.record(
        actor,
        AuditLog.Event.success(
            "exposure.share",
            "organisation",
            org,
            Detail.of("exposure.share", recipients(before), recipients(with))));
  }

  /** The recipients a sharing choice names, in the audit entry's words. */
  static String recipients(ExposureRepository.Shares s) {
    List<String> with = new java.util.ArrayList<>();
    if (s.nisc()) {
      with.add("nisc");
    }
    if (s.ministry()) {
      with.add("ministry");
    }
    if (s.ceptoars()) {
      with.add("ceptoars");
    }
    return with.isEmpty() ? "none" : String.join("+", with);
  }

  public ExposureRepository.Shares shares(long org) {
    return repository.shares(org);
  }

  /**
   * Matches every inventory again (after an import of knowledge).
   *
   * @return per organisation, the KEV CVEs it is newly exposed to
   */
  public Map<Long, Set<String>> rematchAll() {
    Map<Long, Set<String>> out = new LinkedHashMap<>();
    for (long org : repository.organisationsWithServices()) {
      Set<String> added = tx.execute(s -> matcher.rematch(org, repository.firstSeen(org)));
      if (added != null && !added.isEmpty()) {
        out.put(org, added);
      }
    }
    return out;
  }

  /**
   * Matches every inventory again after an import of knowledge and tells each organisation newly
   * exposed to a KEV CVE (a notice in its work queue, e-mail and webhook to it alone).
   *
   * @return per organisation, the KEV CVEs it is newly exposed to
   */
  public Map<Long, Set<String>> rematchAllAndNotify() {
    Map<Long, Set<String>> added = rematchAll();
    notices.notify(added);
    return added;
  }

  /**
   * After an import of knowledge, matches again what it can affect and tells the organisations
   * newly exposed to a KEV CVE. A KEV import says which entries it added or changed: only those
   * entries are matched, against the services they can affect, and only their findings replaced
   * ({@link FindingMatcher#matchEntries}); CVE records and EPSS scores may change any finding, so
   * every inventory is matched again.
   *
   * @return per organisation, the KEV CVEs it is newly exposed to
   */
  public Map<Long, Set<String>> afterImport(KnowledgeService.Summary s) {
    if (s.touched() == null) {
      return rematchAllAndNotify();
    }
    Map<Long, Set<String>> out = tx.execute(x -> matcher.matchEntries(s.touched()));
    notices.notify(out);
    return out;
  }
}
